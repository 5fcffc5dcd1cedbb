"""What the models of several apps share about naming a party: a record names either a country
or an organisation (a participant, a host or sponsor, a network member), never both."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rcm.models import Country, Organisation

NAME_ONE_PARTY = _("Name either a country or an organisation.")


def country_party(related_name: str, **options) -> models.ForeignKey:
    """The country a record names, when it names a country rather than an organisation."""
    return _optional_party(Country, related_name, **options)


def organisation_party(related_name: str, **options) -> models.ForeignKey:
    """The organisation a record names, when it names an organisation rather than a country."""
    return _optional_party(Organisation, related_name, **options)


def _optional_party(model, related_name: str, **options) -> models.ForeignKey:
    # Kept while anything names it (PROTECT); empty when the record names the other kind.
    return models.ForeignKey(
        model, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name, **options
    )


def one_party_constraint(name: str) -> models.CheckConstraint:
    """The database's guard: exactly one of `country` and `organisation` is set."""
    return models.CheckConstraint(
        condition=Q(country__isnull=True, organisation__isnull=False)
        | Q(country__isnull=False, organisation__isnull=True),
        name=name,
        violation_error_message=NAME_ONE_PARTY,
    )


def check_one_party(record) -> None:
    """The same rule for forms and full_clean: name a country or an organisation, not both."""
    if bool(record.country_id) == bool(record.organisation_id):
        raise ValidationError(NAME_ONE_PARTY)
