"""Member and observer countries, and their status over time."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models.base import Bilingual, source


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer state")


class CountryQuerySet(models.QuerySet):
    def _with_status(self, status: str, on: datetime.date | None):
        on = on or timezone.localdate()
        in_force = CountryStatus.objects.filter(country=OuterRef("pk"), status=status).in_force(on)
        return self.filter(Exists(in_force))

    def members(self, on: datetime.date | None = None):
        return self._with_status(MembershipStatus.MEMBER, on)

    def observers(self, on: datetime.date | None = None):
        return self._with_status(MembershipStatus.OBSERVER, on)

    def visible_to(self, user_or_access):
        """Every reader sees every country and its membership: the conference's public roll."""
        return self.all()


class Country(Bilingual, models.Model):
    """A state that is or was a member or an observer of the conference."""

    code = models.CharField(
        _("ISO 3166 alpha-2 code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two capital letters of ISO 3166."))],
    )
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, unique=True)
    source = source()

    objects = CountryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name_en

    def status_on(self, on: datetime.date | None = None) -> str | None:
        """The country's standing in the conference on a date: member, observer, or None."""
        on = on or timezone.localdate()
        for status in self.statuses.all():
            if status.in_force_on(on):
                return status.status
        return None

    @property
    def is_member(self) -> bool:
        return self.status_on() == MembershipStatus.MEMBER

    @property
    def is_observer(self) -> bool:
        return self.status_on() == MembershipStatus.OBSERVER


class CountryStatusQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date):
        return self.filter(Q(since__lte=on), Q(until__isnull=True) | Q(until__gte=on))

    def overlapping(self, start: datetime.date, end: datetime.date):
        return self.filter(Q(since__lte=end), Q(until__isnull=True) | Q(until__gte=start))


class CountryStatus(models.Model):
    """A period during which a country was a member or an observer state of the conference."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=10, choices=MembershipStatus.choices)
    since = models.DateField(
        _("since"),
        help_text=_("The first day of the status; 1 January when only the year is known."),
    )
    until = models.DateField(_("until"), null=True, blank=True)
    source = source()

    objects = CountryStatusQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "since"]
        verbose_name = _("membership status")
        verbose_name_plural = _("membership statuses")
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="country_status_ends_after_it_begins",
                violation_error_message=_("A status cannot end before it begins."),
            ),
            models.UniqueConstraint(
                fields=["country", "since"], name="one_country_status_per_start_date"
            ),
        ]

    def __str__(self) -> str:
        end = f"–{self.until.year}" if self.until else ""
        return f"{self.country}: {self.get_status_display()} {self.since.year}{end}"

    def in_force_on(self, on: datetime.date) -> bool:
        return self.since <= on and (self.until is None or self.until >= on)

    def clean(self):
        if not self.country_id or not self.since:
            return
        overlapping = CountryStatus.objects.filter(country_id=self.country_id).exclude(pk=self.pk)
        end = self.until or datetime.date.max
        overlapping = overlapping.filter(since__lte=end).filter(
            Q(until__isnull=True) | Q(until__gte=self.since)
        )
        if overlapping.exists():
            raise ValidationError(
                _("%(country)s already has a status in force during this period.")
                % {"country": self.country}
            )


# --- Organisations -----------------------------------------------------------------------------
