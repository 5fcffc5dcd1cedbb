"""The yearly Presidency Pro-Tempore and its Troika."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models.base import FIRST_YEAR, source
from rcm.models.countries import Country, CountryStatus, MembershipStatus


@dataclass(frozen=True)
class Troika:
    """The former, current and upcoming Presidencies Pro-Tempore on a date."""

    on: datetime.date
    former: Presidency | None
    current: Presidency | None
    upcoming: Presidency | None
    # The latest term begun by that date, even when it no longer covers it.
    last_recorded: Presidency | None = None

    def __iter__(self):
        return iter((self.former, self.current, self.upcoming))

    @property
    def not_recorded(self) -> bool:
        """No recorded term covers the date, although earlier ones are recorded."""
        return self.current is None and self.last_recorded is not None

    @property
    def not_recorded_message(self) -> str:
        """What to say then: "The presidency for 2026 is not recorded; the last recorded is
        Belize (2024)." (empty when a term covers the date)."""
        if not self.not_recorded:
            return ""
        return gettext(
            "The presidency for %(year)s is not recorded; the last recorded is %(country)s "
            "(%(last)s)."
        ) % {
            "year": self.on.year,
            "country": self.last_recorded.country.name,
            "last": self.last_recorded.year,
        }


class PresidencyQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees the rotation of the presidency: it is public."""
        return self.all()

    def in_office(self, on: datetime.date | None = None) -> Presidency | None:
        return self.troika(on).current

    def troika(self, on: datetime.date | None = None) -> Troika:
        return troika_among(list(self.select_related("country").order_by("year")), on)


def troika_among(presidencies: list[Presidency], on: datetime.date | None = None) -> Troika:
    """The Troika on a date, from presidencies already in memory and ordered by year.

    The presidency in office is the latest whose term has begun, as long as a term covers the
    date: a term begins on its recorded start date (the handover at the Vice-Ministerial meeting)
    or else on 1 January of its year, and lasts until the next one begins. After the last
    recorded term ends (its end date, or 31 December of its year) nobody is in office on
    record: the Troika is empty and `last_recorded` names that last term.
    """
    on = on or timezone.localdate()
    index = None
    for i, presidency in enumerate(presidencies):
        if presidency.term_start <= on:
            index = i
    if index is None:
        upcoming = presidencies[0] if presidencies else None
        return Troika(on, None, None, upcoming)
    latest = presidencies[index]
    upcoming = presidencies[index + 1] if index + 1 < len(presidencies) else None
    if upcoming is None and on > latest.term_end:
        return Troika(on, None, None, None, last_recorded=latest)
    former = presidencies[index - 1] if index > 0 else None
    return Troika(on, former, latest, upcoming, last_recorded=latest)


class Presidency(models.Model):
    """The Presidency Pro-Tempore: the member country that chairs the conference for a year."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        error_messages={"unique": _("There is already a Presidency Pro-Tempore for this year.")},
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="presidencies", verbose_name=_("country")
    )
    theme_en = models.TextField(_("central theme (English)"), blank=True)
    theme_es = models.TextField(_("central theme (Spanish)"), blank=True)
    starts_on = models.DateField(
        _("term starts on"),
        null=True,
        blank=True,
        help_text=_("The handover date, when known; otherwise the term is the calendar year."),
    )
    ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    source = source()

    objects = PresidencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("Presidency Pro-Tempore")
        verbose_name_plural = _("Presidencies Pro-Tempore")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="presidency_ends_after_it_begins",
                violation_error_message=_("A term cannot end before it begins."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.country}"

    @property
    def term_start(self) -> datetime.date:
        return self.starts_on or datetime.date(self.year, 1, 1)

    @property
    def term_end(self) -> datetime.date:
        return self.ends_on or datetime.date(self.year, 12, 31)

    @property
    def theme(self) -> str:
        if (get_language() or "en").startswith("es") and self.theme_es:
            return self.theme_es
        # A theme recorded only in Spanish (Panama 2018) is still the theme.
        return self.theme_en or self.theme_es

    def clean(self):
        errors = {}
        if self.country_id and self.year:
            # A member during the term: the conference was founded in February 1996, and its
            # first presidency began with it.
            statuses = CountryStatus.objects.filter(
                country_id=self.country_id, status=MembershipStatus.MEMBER
            ).overlapping(self.term_start, self.term_end)
            if not statuses.exists():
                errors["country"] = _("Only a member country can hold the Presidency Pro-Tempore.")
        if self.year and self.starts_on and abs(self.starts_on.year - self.year) > 1:
            errors["starts_on"] = _("The term must start within a year of %(year)s.") % {
                "year": self.year
            }
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A term cannot end before it begins.")
        if errors:
            raise ValidationError(errors)


# --- Focal points ------------------------------------------------------------------------------
