"""Meetings of the conference's bodies, their parts, and who took part in them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models import (
    FIRST_YEAR,
    Access,
    Bilingual,
    Country,
    CountryStatus,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Presidency,
    Visibility,
    access_for,
    source,
    troika_among,
)
from rcm.search import Folded

ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def roman(number: int) -> str:
    """26 → "XXVI": the conference numbers its Vice-Ministerial meetings in Roman numerals."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class MeetingKind(models.TextChoices):
    VICE_MINISTERIAL = "vice_ministerial", _("Vice-Ministerial Meeting")
    RCGM = "rcgm", _("Regional Consultation Group on Migration (RCGM)")
    LIAISON_NETWORK = "liaison_network", _("Liaison officer network meeting")
    JOINT_NETWORKS = "joint_networks", _("Joint meeting of the liaison networks")
    WORKING_GROUP = "working_group", _("Working group meeting")
    AD_HOC_GROUP = "ad_hoc_group", _("Ad-hoc group meeting")
    RCM_SACM = "rcm_sacm", _("RCM–SACM plenary meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    CONSULTATION = "consultation", _("Written consultation between meetings")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    COURSE = "course", _("Course")
    OTHER = "other", _("Other meeting")


# Meetings of the networks and working groups: observers attend only when invited.
NETWORK_KINDS = {MeetingKind.LIAISON_NETWORK, MeetingKind.JOINT_NETWORKS, MeetingKind.WORKING_GROUP}
# Activities that agreements propose and countries host or sponsor.
ACTIVITY_KINDS = {MeetingKind.SEMINAR, MeetingKind.WORKSHOP, MeetingKind.COURSE}


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingPart(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    CLOSED_DOOR = "closed_door", _("Closed-door")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact dates")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year only")
    NONE = "none", _("Year not stated")


class MeetingState(models.TextChoices):
    """Where a meeting stands as a reader should see it: its status, except that a planned
    meeting whose date has passed without being recorded as held is *not confirmed*."""

    PLANNED = "planned", _("Planned")
    NOT_CONFIRMED = "not_confirmed", _("Not confirmed")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# A meeting's name says what it is; the sentence that proposed it stays on the agreement.
NAME_MAX_LENGTH = 120
# Still expected to happen: once their date passes without a record, they are not confirmed.
AWAITED_STATUSES = ("planned", "postponed")


def date_passed(
    *,
    year: int | None,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    date_precision: str,
    today: datetime.date,
) -> bool:
    """Whether a meeting's last possible day is before today (never, when no year is stated).
    The same rule as MeetingQuerySet.date_passed_q, for one row in memory."""
    if starts_on is not None and date_precision == DatePrecision.DAY:
        return (ends_on or starts_on) < today
    if starts_on is not None and date_precision == DatePrecision.MONTH:
        return starts_on.replace(day=1) < today.replace(day=1)
    return year is not None and year < today.year


class VisibilityQuerySet(models.QuerySet):
    """Who may see a record: one rule for the API, the pages, the exports and the feeds.

    Subclasses say where the record keeps its visibility and how to reach its meeting, whose
    participants and named people widen who may see it.
    """

    visibility_field = "visibility"
    meeting_field = ""  # "" for Meeting itself, "meeting" for a record that belongs to one

    def _meeting_ref(self) -> OuterRef:
        return OuterRef(f"{self.meeting_field}__pk" if self.meeting_field else "pk")

    def visibility_q(self, access: Access) -> Q:
        field = self.visibility_field
        visible = Q(**{field: Visibility.PUBLIC})
        if access.may_see_members_records():
            visible |= Q(**{field: Visibility.MEMBERS})
        elif access.is_observer:
            # Members' records are opened to an observer for the meetings it took part in.
            attended = Participation.objects.filter(meeting=self._meeting_ref())
            if access.observer_country:
                attended = attended.filter(country_id=access.observer_country)
            else:
                attended = attended.filter(organisation_id=access.observer_organisation)
            visible |= Q(**{field: Visibility.MEMBERS}) & Q(Exists(attended))
        if access.user_id is not None:
            named = Meeting.named_users.through.objects.filter(
                meeting=self._meeting_ref(), user_id=access.user_id
            )
            visible |= Q(**{field: Visibility.RESTRICTED}) & Q(Exists(named))
        return visible

    def visible_to(self, user_or_access):
        access = (
            user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
        )
        if access.is_ts_staff:
            return self
        return self.filter(self.visibility_q(access))


class MeetingQuerySet(VisibilityQuerySet):
    def held(self):
        return self.filter(status=MeetingStatus.HELD)

    @staticmethod
    def date_passed_q(today: datetime.date) -> Q:
        """Its last possible day is before today: the last day when the days are known, the
        month's end, or the year's end; a meeting whose year is not stated never passes."""
        return (
            (
                Q(date_precision=DatePrecision.DAY, starts_on__isnull=False)
                & (Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today))
            )
            | Q(
                date_precision=DatePrecision.MONTH,
                starts_on__isnull=False,
                starts_on__lt=today.replace(day=1),
            )
            | Q(starts_on__isnull=True, year__lt=today.year)
        )

    @staticmethod
    def not_confirmed_q(today: datetime.date | None = None) -> Q:
        """Planned (or postponed) and its date passed without being recorded as held."""
        today = today or timezone.localdate()
        return Q(status__in=AWAITED_STATUSES) & MeetingQuerySet.date_passed_q(today)

    def not_confirmed(self, today: datetime.date | None = None):
        return self.filter(self.not_confirmed_q(today))

    def with_state(self, today: datetime.date | None = None):
        """Annotate `state`: the status, or *not confirmed* for a planned meeting whose date
        passed (the lists, the API and the pages read it instead of the bare status)."""
        return self.annotate(
            state=Case(
                When(self.not_confirmed_q(today), then=Value(MeetingState.NOT_CONFIRMED)),
                default=F("status"),
                output_field=models.CharField(),
            )
        )

    def upcoming(self, today: datetime.date):
        return self.filter(
            Q(starts_on__gte=today) | Q(starts_on__isnull=True, year__gte=today.year),
            status__in=[MeetingStatus.PLANNED, MeetingStatus.POSTPONED],
        )

    def recent(self, today: datetime.date):
        return self.filter(starts_on__lt=today, status=MeetingStatus.HELD).order_by("-starts_on")

    def for_listing(self):
        return self.select_related("country", "parent").order_by("-year", "-starts_on", "pk")


class Meeting(Bilingual, models.Model):
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
    def state(self) -> str:
        """Its status as a reader should see it (MeetingQuerySet.with_state, for one row)."""
        if "state" in self.__dict__:
            return self.__dict__["state"]
        if self.status in AWAITED_STATUSES and date_passed(
            year=self.year,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            date_precision=self.date_precision,
            today=timezone.localdate(),
        ):
            return MeetingState.NOT_CONFIRMED
        return self.status

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


class ParticipationRole(models.TextChoices):
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")
    INVITED_GUEST = "invited_guest", _("Invited guest")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class Participation(models.Model):
    """A country or an organisation that took part in a meeting, and in what role."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=15, choices=ParticipationRole.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)
    source = source()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "country", "organisation"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=True, organisation__isnull=False)
                | Q(country__isnull=False, organisation__isnull=True),
                name="participant_is_a_country_or_an_organisation",
                violation_error_message=_("Name either a country or an organisation."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "country"],
                condition=Q(country__isnull=False),
                name="country_takes_part_once",
                violation_error_message=_("This country already takes part in the meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=Q(organisation__isnull=False),
                name="organisation_takes_part_once",
                violation_error_message=_("This organisation already takes part in the meeting."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} ({self.get_role_display()})"

    @property
    def participant(self):
        return self.country or self.organisation

    def clean(self):
        if bool(self.country_id) == bool(self.organisation_id):
            raise ValidationError(_("Name either a country or an organisation."))
        if not self.meeting_id:
            return
        problem = participation_problem(
            meeting=self.meeting,
            country=self.country,
            organisation=self.organisation,
            role=self.role,
        )
        if problem:
            raise ValidationError(problem)


def participation_problem(
    *, meeting: Meeting, country: Country | None, organisation: Organisation | None, role: str
) -> str | None:
    """The conference rule a participation breaks, in words, or None when it is allowed."""
    invited = role == ParticipationRole.INVITED_GUEST
    # A meeting whose year is not stated is judged by today's membership.
    on = meeting.reference_date or timezone.localdate()
    if country is not None:
        status = (
            CountryStatus.objects.filter(country=country)
            .in_force(on)
            .values_list("status", flat=True)
            .first()
        )
        if role == ParticipationRole.MEMBER and status != MembershipStatus.MEMBER:
            return _("%(country)s was not a member country on %(date)s.") % {
                "country": country,
                "date": on,
            }
        if role == ParticipationRole.CIVIL_SOCIETY:
            return _("A country takes part as a member, an observer or an invited guest.")
        if meeting.part == MeetingPart.CLOSED_DOOR and status != MembershipStatus.MEMBER:
            return _(
                "The closed-door part is for member countries only; %(country)s is not one."
            ) % {"country": country}
        if status == MembershipStatus.OBSERVER and meeting.kind == MeetingKind.RCGM:
            return _(
                "Observer states do not sit in the RCGM: %(country)s is an observer state."
            ) % {"country": country}
        if status != MembershipStatus.MEMBER and meeting.kind in NETWORK_KINDS and not invited:
            return _(
                "Networks and working groups admit observers only when invited: "
                "mark %(country)s as an invited guest."
            ) % {"country": country}
        return None
    if role == ParticipationRole.MEMBER:
        return _("Only countries take part as members.")
    if meeting.part == MeetingPart.CLOSED_DOOR:
        return _("The closed-door part is for member countries only; %(org)s cannot attend.") % {
            "org": organisation
        }
    is_civil_society = organisation.kind == OrganisationKind.CIVIL_SOCIETY
    if role == ParticipationRole.CIVIL_SOCIETY and not is_civil_society:
        return _("%(org)s is not a civil-society network.") % {"org": organisation}
    if meeting.kind in NETWORK_KINDS and not invited and not is_civil_society:
        return _(
            "Networks and working groups admit observers only when invited: "
            "mark %(org)s as an invited guest."
        ) % {"org": organisation}
    return None


class SupportRole(models.TextChoices):
    HOST = "host", _("Host")
    CO_SPONSOR = "co_sponsor", _("Co-sponsor")
    FINANCING = "financing", _("Financing")
    SUPPORT = "support", _("Support")


class MeetingSupport(models.Model):
    """A country or organisation that hosts, sponsors, finances or supports a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supports")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, related_name="supports"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="supports"
    )
    role = models.CharField(_("role"), max_length=12, choices=SupportRole.choices)
    source = source()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role"]
        verbose_name = _("host or sponsor")
        verbose_name_plural = _("hosts and sponsors")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=True, organisation__isnull=False)
                | Q(country__isnull=False, organisation__isnull=True),
                name="supporter_is_a_country_or_an_organisation",
                violation_error_message=_("Name either a country or an organisation."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "country", "organisation", "role"],
                name="one_support_role_per_supporter",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country or self.organisation} ({self.get_role_display()})"

    def clean(self):
        if bool(self.country_id) == bool(self.organisation_id):
            raise ValidationError(_("Name either a country or an organisation."))
