"""The conference's calendar: meetings, the activities agreements propose, and deadlines.

One list of events feeds the calendar page and the iCalendar feeds, so both show the same
events under the same access rules (`visible_to`).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from agreements.models import OPEN_STATUSES, Agreement, Status
from meetings.models import (
    ACTIVITY_KINDS,
    DatePrecision,
    Meeting,
    MeetingKind,
    MeetingState,
    MeetingStatus,
    MeetingSupport,
    Participation,
    SupportRole,
)
from rcm.models import Access, User, access_for

EventKind = Literal["meeting", "activity", "deadline"]

# How a record's status reads to a calendar application (RFC 5545 STATUS of a VEVENT).
ICAL_STATUS = {
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
    # A planned meeting whose date passed without being recorded as held.
    MeetingState.NOT_CONFIRMED: "TENTATIVE",
}


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event of the calendar; `end` is its last day (inclusive)."""

    uid: str
    kind: EventKind
    title: str
    start: datetime.date
    end: datetime.date
    url: str
    location: str
    description: str
    status: str
    status_label: str = ""
    whole_month: bool = False  # only the month is known: the event spans it
    # The title without its kind ("Deadline: …"), for the page, whose badge names the kind.
    short_title: str = ""

    @property
    def heading(self) -> str:
        return self.short_title or self.title

    @property
    def kind_label(self) -> str:
        return {"meeting": _("Meeting"), "activity": _("Activity"), "deadline": _("Deadline")}[
            self.kind
        ]

    @property
    def ical_status(self) -> str:
        return ICAL_STATUS.get(self.status, "CONFIRMED")

    @property
    def spans_several_days(self) -> bool:
        return self.end > self.start


def calendar_events(
    *,
    user_or_access: Access | User | AnonymousUser,
    country: str | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    every_pending_deadline: bool = False,
) -> list[CalendarEvent]:
    """The events a user may see that overlap [start, end] (either open), in date order.

    Deadlines are those of agreements of any status (an event says the status); with
    `every_pending_deadline` the deadlines of agreements still open or in progress come whatever
    the bounds, so that the archive's overdue obligations, long past, still reach the feeds
    (those done long ago would only fill a subscriber's calendar: the page keeps every year).

    With `country` (alpha-2): meetings it hosts or takes part in, and deadlines of agreements it
    is responsible for. Two queries whatever the number of events.
    """
    access = user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
    words = _Words()
    events = _meeting_events(access, words, country=country, start=start, end=end)
    events = [
        event
        for event in events
        if (start is None or event.end >= start) and (end is None or event.start <= end)
    ]
    events += _deadline_events(
        access, words, country=country, start=start, end=end, every_pending=every_pending_deadline
    )
    events.sort(key=lambda event: (event.start, event.end, event.kind != "meeting", event.title))
    return events


class _Words:
    """What every event says, translated and looked up once per calendar rather than per event:
    a feed of the whole conference has a thousand events."""

    def __init__(self):
        self.meeting_state = {value: str(label) for value, label in MeetingState.choices}
        self.meeting_kind = {value: str(label) for value, label in MeetingKind.choices}
        self.agreement_status = {value: str(label) for value, label in Status.choices}
        self.virtual = _("Virtual")
        self.month_only = _("Exact dates not yet known.")
        self.deadline = _("Deadline: %(agreement)s – %(excerpt)s")
        self.as_written = _("Deadline as written: %(text)s")
        self.status = _("Status: %(status)s")
        self.overdue = _("overdue")
        self.not_reported = _("not reported")
        # Every page's address differs only by its id: reverse() once.
        self.meeting_url = reverse("meeting", args=[0]).removesuffix("0/")
        self.agreement_url = reverse("agreements:detail", args=[0]).removesuffix("0/")


def _truncated(text: str, length: int) -> str:
    """Truncator's result, without its cost when the text is short enough already."""
    return text if len(text) <= length else Truncator(text).chars(length)


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=month_calendar.monthrange(day.year, day.month)[1])


def _calendar_meetings(access: Access, country: str | None):
    """The meetings a calendar shows: dated, whole meetings the user may see (and, with a
    country, those it hosts or takes part in)."""
    meetings = (
        Meeting.objects.visible_to(access)
        # Parts (plenary, closed-door) happen within their meeting: the meeting is the event.
        .filter(parent__isnull=True, starts_on__isnull=False)
        # A meeting known only by its year has no place on a calendar.
        .exclude(date_precision=DatePrecision.YEAR)
    )
    if country:
        code = country.upper()
        meetings = meetings.filter(
            Q(country_id=code)
            | Exists(Participation.objects.filter(meeting_id=OuterRef("pk"), country_id=code))
            | Exists(
                MeetingSupport.objects.filter(
                    meeting_id=OuterRef("pk"), country_id=code, role=SupportRole.HOST
                )
            )
        )
    return meetings


def _calendar_agreements(access: Access, country: str | None):
    """The agreements whose deadline a calendar shows: dated ones the user may see, a date
    stated or the day of the recorded meeting they are due at (and, with a country, those it
    must act on)."""
    agreements = Agreement.objects.visible_to(access).filter(due_on__isnull=False)
    return agreements.responsible_actor(country) if country else agreements


@dataclass(frozen=True)
class CalendarYear:
    """A year of the calendar and how many events it holds."""

    year: int
    meetings: int
    deadlines: int

    @property
    def events(self) -> int:
        return self.meetings + self.deadlines


def calendar_years(
    *, user_or_access: Access | User | AnonymousUser, country: str | None = None
) -> list[CalendarYear]:
    """Every year with events the user may see (a meeting by the year it begins), latest first,
    so that the whole archive stays reachable a year at a time. One query."""
    access = user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)

    def per_year(queryset, field: str, kind: str):
        return (
            queryset.order_by()
            .values(calendar_year=ExtractYear(field))
            .annotate(count=Count("pk"), kind=Value(kind, output_field=CharField()))
            .values_list("calendar_year", "kind", "count")
        )

    rows = per_year(_calendar_meetings(access, country), "starts_on", "meetings").union(
        per_year(_calendar_agreements(access, country), "due_on", "deadlines"), all=True
    )
    counts: dict[int, dict[str, int]] = {}
    for year, kind, count in rows:
        counts.setdefault(year, {"meetings": 0, "deadlines": 0})[kind] = count
    return [CalendarYear(year, **counts[year]) for year in sorted(counts, reverse=True)]


def _meeting_events(access: Access, words: _Words, *, country, start, end) -> list[CalendarEvent]:
    proposed = Agreement.proposed_activities.through.objects.filter(meeting_id=OuterRef("pk"))
    meetings = (
        _calendar_meetings(access, country)
        .annotate(proposed=Exists(proposed))
        .select_related("country")
        .order_by("starts_on", "pk")
    )
    # Month-precision meetings span their whole month, so the database bounds are loosened to
    # whole months and the exact overlap is checked on the events.
    if end is not None:
        meetings = meetings.filter(starts_on__lte=_month_end(end))
    if start is not None:
        meetings = meetings.alias(last_day=Coalesce(F("ends_on"), F("starts_on"))).filter(
            last_day__gte=start.replace(day=1)
        )
    return [_meeting_event(meeting, words) for meeting in meetings]


def _meeting_event(meeting: Meeting, words: _Words) -> CalendarEvent:
    first, last = meeting.starts_on, meeting.ends_on or meeting.starts_on
    if meeting.date_precision == DatePrecision.MONTH:
        first, last = first.replace(day=1), _month_end(last)
    is_activity = meeting.status == MeetingStatus.PLANNED and (
        meeting.proposed or meeting.kind in ACTIVITY_KINDS
    )
    if meeting.virtual and not meeting.city:
        location = words.virtual
    else:
        location = ", ".join(
            filter(None, [meeting.city_name, meeting.country and meeting.country.name])
        )
    lines = [words.meeting_kind.get(meeting.kind, meeting.kind)]
    if meeting.name != meeting.short_name:
        lines.append(meeting.name)
    if meeting.date_precision == DatePrecision.MONTH:
        lines.append(words.month_only)
    if meeting.summary:
        lines.append(_truncated(meeting.summary, 500))
    return CalendarEvent(
        uid=f"meeting-{meeting.pk}@rcm-records",
        kind="activity" if is_activity else "meeting",
        title=meeting.short_name,
        start=first,
        end=last,
        url=f"{words.meeting_url}{meeting.pk}/",
        location=location,
        description="\n\n".join(lines),
        # As readers see it: a planned meeting whose date passed is "not confirmed".
        status=meeting.state,
        status_label=words.meeting_state.get(meeting.state, meeting.state),
        whole_month=meeting.date_precision == DatePrecision.MONTH,
    )


def passed_pending_deadlines(
    *,
    user_or_access: Access | User | AnonymousUser,
    today: datetime.date,
    country: str | None = None,
) -> list[CalendarEvent]:
    """Dated deadlines that have passed while their agreement is still open or in progress
    (AgreementQuerySet.overdue), oldest first, whatever their year: what a focal point must
    still act on. With `country`: the agreements it is responsible for. One query."""
    access = user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
    agreements = _with_meetings(_calendar_agreements(access, country).overdue(today))
    return [_deadline_event(agreement, _Words()) for agreement in agreements]


def _with_meetings(agreements):
    """What a deadline event prints of its agreement's meeting, in date order."""
    return agreements.select_related(
        "meeting", "meeting__country", "meeting__parent__country"
    ).order_by("due_on", "pk")


def _deadline_events(
    access: Access, words: _Words, *, country, start, end, every_pending: bool = False
) -> list[CalendarEvent]:
    # Where each deadline stands, by the rules every page uses: a feed that says only "Open" of
    # an item overdue that nobody reported on tells less than the page.
    today = timezone.localdate()
    agreements = _with_meetings(_calendar_agreements(access, country)).annotate(
        overdue=ExpressionWrapper(Agreement.objects.overdue_q(today), BooleanField()),
        not_reported=ExpressionWrapper(Agreement.objects.not_reported_q(), BooleanField()),
    )
    within = Q()
    if start is not None:
        within &= Q(due_on__gte=start)
    if end is not None:
        within &= Q(due_on__lte=end)
    if every_pending:
        within |= Q(status__in=OPEN_STATUSES)
    return [_deadline_event(agreement, words) for agreement in agreements.filter(within)]


def _deadline_event(agreement: Agreement, words: _Words) -> CalendarEvent:
    text = agreement.text
    excerpt = _truncated(text, 60)
    title = words.deadline % {"agreement": agreement, "excerpt": excerpt}
    status = words.agreement_status.get(agreement.status, agreement.status)
    lines = [_truncated(text, 1000)]
    if agreement.deadline_text:
        lines.append(words.as_written % {"text": agreement.deadline_text})
    stands = [status]
    if getattr(agreement, "overdue", False):
        stands.append(words.overdue)
    if getattr(agreement, "not_reported", False):
        stands.append(words.not_reported)
    lines.append(words.status % {"status": " · ".join(stands)})
    return CalendarEvent(
        uid=f"deadline-{agreement.pk}@rcm-records",
        kind="deadline",
        title=title,
        short_title=f"{agreement} – {excerpt}",
        start=agreement.due_on,
        end=agreement.due_on,
        url=f"{words.agreement_url}{agreement.pk}/",
        location="",
        description="\n\n".join(lines),
        status=agreement.status,
        status_label=status,
    )
