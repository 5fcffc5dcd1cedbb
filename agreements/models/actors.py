"""The countries and organisations an agreement mentions, and those that must act on it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreements import Agreement
from agreements.models.choices import Status
from rcm.models import ChoiceLabels, Country, Organisation


class AgreementCountryManager(models.Manager):
    def get_by_natural_key(self, meeting_id, section, ref, country_id):
        return self.get(
            agreement__meeting_id=meeting_id,
            agreement__section=section,
            agreement__ref=ref,
            country_id=country_id,
        )


class AgreementCountry(ChoiceLabels, models.Model):
    """A country an agreement mentions; if responsible, its own follow-up status."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="agreement_links")
    responsible = models.BooleanField(_("responsible"), default=False)
    status = models.CharField(
        _("its status"),
        max_length=15,
        choices=Status.choices,
        blank=True,
        help_text=_("For a responsible country: where its part of the agreement stands."),
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)

    objects = AgreementCountryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "country"]
        verbose_name = _("country in an agreement")
        verbose_name_plural = _("countries in agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "country"], name="country_named_once_per_agreement"
            ),
            models.CheckConstraint(
                condition=Q(responsible=True) | Q(status=""),
                name="only_responsible_countries_carry_a_status",
                violation_error_message=_("Only a responsible country carries a status."),
            ),
        ]
        indexes = [
            models.Index(fields=["country", "responsible", "status"]),
            # A country's agreements (the dashboards' and the API's country filters) from the
            # index alone.
            models.Index(
                fields=["country", "agreement"],
                include=["responsible", "status"],
                name="agreementcountry_by_country",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.country_id}"

    def natural_key(self):
        return (*self.agreement.natural_key(), self.country_id)

    natural_key.dependencies = ["agreements.agreement"]


class AgreementOrganisationManager(models.Manager):
    def get_by_natural_key(self, meeting_id, section, ref, acronym):
        return self.get(
            agreement__meeting_id=meeting_id,
            agreement__section=section,
            agreement__ref=ref,
            organisation__acronym=acronym,
        )


class AgreementOrganisation(models.Model):
    """An organisation or conference body an agreement mentions, and whether it must act."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="organisation_links"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="agreement_links"
    )
    responsible = models.BooleanField(_("responsible"), default=False)

    objects = AgreementOrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "organisation"]
        verbose_name = _("organisation in an agreement")
        verbose_name_plural = _("organisations in agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="organisation_named_once_per_agreement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.organisation}"

    def natural_key(self):
        return (*self.agreement.natural_key(), self.organisation.acronym)

    natural_key.dependencies = ["agreements.agreement", "rcm.organisation"]
