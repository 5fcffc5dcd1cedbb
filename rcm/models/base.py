"""Words every app uses: the first year, a record's source, visibility, roles, bilingual names."""

from __future__ import annotations

import functools

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1996  # Tuxtla II summit, February 1996: the conference is founded.


def source() -> models.CharField:
    """The field in which every record names the document it comes from."""
    return models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The document the record comes from (a seed document or a published source)."),
    )


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")
    RESTRICTED = "restricted", _("Restricted")


class Role(models.TextChoices):
    """The roles people have in the records; each is a Django group that access rules read."""

    TS_STAFF = "TS staff", _("Technical Secretariat staff")
    FOCAL_POINT = "Focal point", _("Focal point")
    OBSERVER = "Observer", _("Observer")
    NETWORK_OFFICER = "Network officer", _("Network officer")


@functools.cache
def _choice_labels(field) -> dict:
    # The labels stay lazy, so one dictionary serves every language.
    return dict(field.flatchoices)


class ChoiceLabels:
    """get_FOO_display() by one dictionary lookup.

    Django's rebuilds the dictionary of the field's choices on each call and hashes every lazy
    label to do so, a translation each: 50-100 µs a call, 5 ms of a 50-row page. The choices of
    these models are fixed lists (TextChoices), so the dictionary is built once per field.
    """

    def _get_FIELD_display(self, field):  # noqa: N802 - the name Django's get_FOO_display calls
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


class Bilingual:
    """Show the Spanish text of a content field when the interface speaks Spanish and it exists."""

    def localized(self, field: str) -> str:
        if (get_language() or "en").startswith("es"):
            spanish = getattr(self, f"{field}_es", "")
            if spanish:
                return spanish
        # A record known only in Spanish (imported from its Spanish version) shows its Spanish.
        return getattr(self, f"{field}_en") or getattr(self, f"{field}_es", "")

    @property
    def name(self) -> str:
        return self.localized("name")

    @property
    def name_language(self) -> str:
        """The language `name` is shown in ("es" or "en"): a page in Spanish marks an English
        name as such, since no source may give the official Spanish one."""
        spanish_page = (get_language() or "en").startswith("es")
        if getattr(self, "name_es", "") and (spanish_page or not getattr(self, "name_en", "")):
            return "es"
        return "en"


# --- Countries ---------------------------------------------------------------------------------


def year_field(verbose_name, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        **kwargs,
    )
