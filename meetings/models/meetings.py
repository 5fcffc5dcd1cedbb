"""A meeting of one of the conference's bodies: when, where, what kind, how far recorded."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models.choices import (
    AWAITED_STATUSES,
    NAME_MAX_LENGTH,
    DatePrecision,
    MeetingKind,
    MeetingPart,
    MeetingState,
    MeetingStatus,
    date_passed,
    roman,
)
from meetings.models.querysets import MeetingQuerySet
from rcm.models import (
    FIRST_YEAR,
    Bilingual,
    ChoiceLabels,
    Country,
    Presidency,
    Visibility,
    source,
    troika_among,
)
from rcm.search import Folded

__all__ = [
    "Meeting",
]


# A meeting named only by its body, as most records name the RCGM's: the name is the body's,
# which the interface words in either language, not a fact a source must give in Spanish.
GENERIC_NAMES = {
    MeetingKind.RCGM: (
        "Meeting of the Regional Consultation Group on Migration (RCGM)",
        _("Meeting of the Regional Consultation Group on Migration (RCGM)"),
    ),
    MeetingKind.EXTRAORDINARY: (
        "Extraordinary Meeting of the Regional Conference on Migration",
        _("Extraordinary Meeting of the Regional Conference on Migration"),
    ),
}

# A name longer than this is too long for a narrow column (Meeting.brief_name).
BRIEF_NAME_LENGTH = 40


class Meeting(ChoiceLabels, Bilingual, models.Model):
    """A meeting of any body of the conference, or a seminar, workshop or course it holds."""

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"),
        null=True,
        blank=True,
        help_text=_("Where the conference numbers the meeting: 26 for the XXVI RCM."),
    )
    # The column keeps its width (the audit history holds older, longer names); the validator
    # and the constraint meeting_name_is_short hold new names to NAME_MAX_LENGTH.
    name_en = models.CharField(
        _("title (English)"),
        max_length=400,
        validators=[MaxLengthValidator(NAME_MAX_LENGTH)],
        help_text=_(
            'What it is, not the sentence that proposed it: "Regional workshop on migrant '
            'health (Costa Rica)".'
        ),
    )
    name_es = models.CharField(
        _("title (Spanish)"),
        max_length=400,
        blank=True,
        validators=[MaxLengthValidator(NAME_MAX_LENGTH)],
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
        help_text=_("For the plenary and closed-door parts of a Vice-Ministerial meeting."),
    )
    part = models.CharField(_("part"), max_length=12, choices=MeetingPart.choices, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_(
            "Empty when no source states it (an activity proposed without a year): never the "
            "proposing meeting's year by default."
        ),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    date_precision = models.CharField(
        _("dates known to"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    city_es = models.CharField(
        _("city (Spanish)"),
        max_length=120,
        blank=True,
        help_text=_('Its Spanish name where it differs: "Ciudad de México" for Mexico City.'),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host country"),
    )
    virtual = models.BooleanField(_("held virtually"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.HELD
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    named_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="restricted_meetings",
        verbose_name=_("people named for its restricted records"),
    )
    summary = models.TextField(_("summary"), blank=True)
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()
    search_vector = models.GeneratedField(
        expression=SearchVector(Folded("name_en"), weight="A", config="english")
        + SearchVector(Folded("name_es"), weight="A", config="spanish")
        + SearchVector(Folded("city"), weight="B", config="simple")
        + SearchVector(Folded("city_es"), weight="B", config="simple")
        + SearchVector(Folded("summary"), weight="C", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[named_users], excluded_fields=["search_vector"])

    class Meta:
        ordering = ["-year", "-starts_on", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [
            models.Index(fields=["kind", "year"]),
            models.Index(fields=["starts_on"]),
            models.Index(fields=["visibility", "status"]),
            # The lists' order: a page is read off the index instead of sorting every meeting.
            models.Index(fields=["-year", "-starts_on", "id"], name="meeting_list_order"),
            GinIndex(fields=["search_vector"], name="meeting_search_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_after_it_begins",
                violation_error_message=_("A meeting cannot end before it begins."),
            ),
            models.CheckConstraint(
                condition=Q(part="") | Q(parent__isnull=False),
                name="meeting_part_belongs_to_a_meeting",
                violation_error_message=_("A plenary or closed-door part belongs to a meeting."),
            ),
            models.CheckConstraint(
                condition=~Q(status="held")
                | Q(starts_on__isnull=False)
                | Q(date_precision="year")
                | Q(date_precision="month"),
                name="held_meeting_has_dates",
                violation_error_message=_("A held meeting needs its dates."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=False)
                | (
                    Q(starts_on__isnull=True, ends_on__isnull=True)
                    & ~Q(status="held")
                    & Q(date_precision="none")
                ),
                name="meeting_without_a_year_is_not_held",
                violation_error_message=_(
                    "Only a meeting not yet held may have no year, and then no dates."
                ),
            ),
            models.CheckConstraint(
                condition=Q(LessThanOrEqual(Length("name_en"), NAME_MAX_LENGTH))
                & Q(LessThanOrEqual(Length("name_es"), NAME_MAX_LENGTH)),
                name="meeting_name_is_short",
                violation_error_message=_("A meeting's name is at most 120 characters."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.pk])

    @property
    def city_name(self) -> str:
        """The city in the reader's language: its Spanish name in Spanish, where recorded."""
        if self.city_es and (get_language() or "en").startswith("es"):
            return self.city_es
        return self.city

    @property
    def short_name(self) -> str:
        """How the conference refers to the meeting: "XXVI RCM", "RCGM San José 2013"; in
        Spanish by the conference's Spanish acronyms, "XXVI CRM", "GRCM México 2021"."""
        if self.part:
            return f"{self.parent.short_name} – {self.get_part_display()}"
        spanish = (get_language() or "en").startswith("es")
        if self.kind == MeetingKind.VICE_MINISTERIAL and self.ordinal:
            return f"{roman(self.ordinal)} {'CRM' if spanish else 'RCM'}"
        if self.kind == MeetingKind.RCGM:
            place = self.city_name or (self.country.name if self.country else "")
            acronym = "GRCM" if spanish else "RCGM"
            return " ".join(filter(None, [acronym, place, str(self.year or "")]))
        return self.name

    @property
    def generic_name(self) -> str | None:
        """The body's name in the reader's language, when the meeting bears no other."""
        generic = GENERIC_NAMES.get(self.kind)
        if generic and not self.name_es and self.name_en == generic[0]:
            return str(generic[1])
        return None

    @property
    def name(self) -> str:
        return self.generic_name or self.localized("name")

    @property
    def name_language(self) -> str:
        if self.generic_name is not None:
            return "es" if (get_language() or "en").startswith("es") else "en"
        return super().name_language

    @property
    def brief_name(self) -> str:
        """The short name where it is short; a meeting known only by a long name (the 2013
        ad-hoc RCM–RNCOM working group's, 112 characters) by its kind, place and year, for
        narrow columns that give the full name on hover."""
        name = self.short_name
        if len(name) <= BRIEF_NAME_LENGTH:
            return name
        place = self.city_name or (self.country.name if self.country_id else "")
        return ", ".join(
            filter(
                None,
                [
                    str(self.get_kind_display()),
                    " ".join(filter(None, [place, str(self.year or "")])),
                ],
            )
        )

    @property
    def state(self) -> str:
        """Its status as a reader should see it (MeetingQuerySet.with_state, for one row)."""
        if "state" in self.__dict__:
            return self.__dict__["state"]
        if self.status in AWAITED_STATUSES and (
            date_passed(
                year=self.year,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
                date_precision=self.date_precision,
                today=timezone.localdate(),
            )
            or self.overtaken
        ):
            return MeetingState.NOT_CONFIRMED
        return self.status

    @property
    def overtaken(self) -> bool:
        """A later meeting of its numbered series is recorded as held (MeetingQuerySet.overtaken_q,
        for one row: a query, only for a numbered meeting still awaited)."""
        return (
            self.ordinal is not None
            and type(self)
            .objects.filter(kind=self.kind, ordinal__gt=self.ordinal, status=MeetingStatus.HELD)
            .exists()
        )

    @state.setter
    def state(self, value: str) -> None:
        self.__dict__["state"] = value

    @property
    def state_label(self) -> str:
        return MeetingState(self.state).label

    @property
    def is_not_confirmed(self) -> bool:
        return self.state == MeetingState.NOT_CONFIRMED

    @property
    def last_day(self) -> datetime.date | None:
        return self.ends_on or self.starts_on

    @property
    def reference_date(self) -> datetime.date | None:
        """The day that places the meeting in time: its first day, or 1 July of its year; None
        when no year is stated."""
        if self.starts_on:
            return self.starts_on
        return datetime.date(self.year, 7, 1) if self.year else None

    def presidency_in_office(self, presidencies: list[Presidency] | None = None):
        """The PPT whose term covers the meeting's date, if one is recorded (pass the
        presidencies to save a query); None when no term covers it or its year is not stated."""
        if self.reference_date is None:
            return None
        if presidencies is None:
            return Presidency.objects.in_office(self.reference_date)
        return troika_among(presidencies, self.reference_date).current

    def presidency_note(self, presidencies: list[Presidency]) -> str:
        """What to say when no recorded term covers the meeting's date (else "")."""
        if self.reference_date is None:
            return ""
        return troika_among(presidencies, self.reference_date).not_recorded_message

    def troika(self, presidencies: list[Presidency] | None = None):
        if self.reference_date is None:
            return troika_among([], None)
        if presidencies is None:
            return Presidency.objects.troika(self.reference_date)
        return troika_among(presidencies, self.reference_date)

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A meeting cannot end before it begins.")
        if self.starts_on and self.year and self.starts_on.year != self.year:
            errors["year"] = _("The year must be the year the meeting starts.")
        if self.year is None:
            if self.starts_on or self.ends_on:
                errors["year"] = _("Give the year of a meeting whose dates are known.")
            elif self.status == MeetingStatus.HELD:
                errors["year"] = _("A held meeting needs at least its year.")
            self.date_precision = DatePrecision.NONE
        elif self.date_precision == DatePrecision.NONE:
            self.date_precision = DatePrecision.YEAR
        if (
            self.status == MeetingStatus.HELD
            and not self.starts_on
            and self.date_precision == "day"
        ):
            errors["starts_on"] = _("A held meeting needs its dates.")
        if self.part and not self.parent_id:
            errors["parent"] = _("A plenary or closed-door part belongs to a meeting.")
        if self.parent_id:
            if self.parent_id == self.pk:
                errors["parent"] = _("A meeting cannot be a part of itself.")
            elif self.parent.kind != MeetingKind.VICE_MINISTERIAL:
                errors["parent"] = _("Only a Vice-Ministerial meeting has parts.")
            if not self.part:
                errors["part"] = _("Say whether this is the plenary or the closed-door part.")
        if self.part == MeetingPart.CLOSED_DOOR and self.visibility == Visibility.PUBLIC:
            errors["visibility"] = _(
                "The closed-door part is for members only; it cannot be public."
            )
        if errors:
            raise ValidationError(errors)
