"""Observer and other organisations, and their observer status over time."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models.base import FIRST_YEAR, Bilingual, source, year_field


class OrganisationKind(models.TextChoices):
    OBSERVER = "observer", _("Observer organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society network")
    PEER_PROCESS = "peer_process", _("Peer consultative process")
    COOPERATING = "cooperating", _("Cooperating organisation")
    CONFERENCE_BODY = "body", _("Body of the conference")


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees every organisation: the conference names them in public records."""
        return self.all()

    def observers(self, year: int | None = None):
        """The observer organisations in a year (by the years their statuses state), or today:
        those with a status that has not ended."""
        statuses = ObserverStatus.objects.filter(organisation=OuterRef("pk"))
        statuses = statuses.in_force(year) if year is not None else statuses.current()
        return self.filter(Exists(statuses))

    def with_observer_since(self):
        """Each organisation with the first year its observer statuses state (null when none
        does), so that lists can filter and sort by it; the statuses are the one record."""
        first = (
            ObserverStatus.objects.filter(organisation=OuterRef("pk"), from_year__isnull=False)
            .order_by("from_year")
            .values("from_year")[:1]
        )
        return self.annotate(observer_since=Subquery(first))


class OrganisationManager(models.Manager.from_queryset(OrganisationQuerySet)):
    def get_by_natural_key(self, acronym):
        return self.get(acronym=acronym)


class Organisation(Bilingual, models.Model):
    """An international organisation, civil-society network, peer process or conference body."""

    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9/&.\-]+$", _("Letters, digits, / & . - only."))],
        help_text=_("The English acronym: the code used for the organisation everywhere."),
    )
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=30, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=250)
    name_es = models.CharField(_("name (Spanish)"), max_length=250, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names and acronyms it goes by in documents, one per line."),
    )
    source = source()

    objects = OrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym

    def natural_key(self):
        return (self.acronym,)

    @property
    def display_acronym(self) -> str:
        """The acronym a reader of the interface's language knows it by: OIM, ACNUR, ST."""
        if (get_language() or "en").startswith("es") and self.acronym_es:
            return self.acronym_es
        return self.acronym

    @property
    def observer_since(self) -> int | None:
        """The first year its observer statuses state, or None: read from the statuses (the one
        record of observer status), prefetched or annotated by `with_observer_since()`."""
        if "observer_since" in self.__dict__:
            return self.__dict__["observer_since"]
        years = [status.from_year for status in self.observer_statuses.all() if status.from_year]
        return min(years, default=None)

    @observer_since.setter
    def observer_since(self, value: int | None) -> None:
        # Set by the queryset annotation of the same name.
        self.__dict__["observer_since"] = value

    def clean(self):
        if self.kind != OrganisationKind.OBSERVER and self.pk and self.observer_statuses.exists():
            raise ValidationError(
                {"kind": _("Only observer organisations have an observer status.")}
            )


class ObserverStatusQuerySet(models.QuerySet):
    def in_force(self, year: int):
        """The statuses whose stated years cover the year: begun by then (or, when the start is
        not stated, recorded by then) and not ended before it. A status with no year stated
        counts for today only."""
        return self.filter(
            Q(from_year__lte=year) | Q(from_year__isnull=True, recorded_in__lte=year),
            Q(to_year__isnull=True) | Q(to_year__gte=year),
        )

    def current(self):
        return self.filter(to_year__isnull=True)


class ObserverStatus(models.Model):
    """A period during which an organisation was an observer of the conference, in years."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="observer_statuses",
        verbose_name=_("organisation"),
    )
    from_year = year_field(_("from"), help_text=_("Empty when no source states the start."))
    to_year = year_field(_("until"), help_text=_("Empty while it lasts or when not stated."))
    recorded_in = year_field(
        _("recorded as observer in"),
        help_text=_(
            "When the start is not stated: the earliest year a source records it as an observer."
        ),
    )
    source = source()

    objects = ObserverStatusQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "from_year", "recorded_in", "pk"]
        verbose_name = _("observer status")
        verbose_name_plural = _("observer statuses")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_year__isnull=True)
                | Q(from_year__isnull=True)
                | Q(to_year__gte=models.F("from_year")),
                name="observer_status_ends_after_it_begins",
                violation_error_message=_("A status cannot end before it begins."),
            ),
            models.CheckConstraint(
                condition=Q(from_year__isnull=True) | Q(recorded_in__isnull=True),
                name="observer_status_start_is_stated_or_recorded",
                violation_error_message=_(
                    "Give the year it began, or, when no source states it, the year a source "
                    "records it as an observer; not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.years}"

    @property
    def years(self) -> str:
        """How its years read: since 1996, 2003–2010, recorded in 2021, year not stated."""
        if self.from_year and self.to_year:
            return f"{self.from_year}–{self.to_year}"
        if self.from_year:
            return gettext("since %(year)s") % {"year": self.from_year}
        if self.recorded_in:
            return gettext("recorded in %(year)s") % {"year": self.recorded_in}
        return gettext("year not stated")

    def clean(self):
        if not self.organisation_id:
            return
        if self.organisation.kind != OrganisationKind.OBSERVER:
            raise ValidationError(_("Only observer organisations have an observer status."))
        start = self.from_year or self.recorded_in or FIRST_YEAR
        end = self.to_year or 2100
        overlapping = (
            ObserverStatus.objects.filter(organisation_id=self.organisation_id)
            .exclude(pk=self.pk)
            .filter(
                Q(from_year__lte=end) | Q(from_year__isnull=True),
                Q(to_year__isnull=True) | Q(to_year__gte=start),
            )
        )
        if overlapping.exists():
            raise ValidationError(
                _("%(organisation)s already has an observer status in this period.")
                % {"organisation": self.organisation}
            )


# --- Presidencies ------------------------------------------------------------------------------
