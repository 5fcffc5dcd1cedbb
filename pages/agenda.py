"""What a meeting must decide: the agenda the TS circulates before it.

For any meeting: the recommendations earlier meetings addressed to its body and not yet decided,
the items due at or before it, the overdue items by responsible country, the reports the networks
and working groups owe, and the open written consultations. Everything is read through each
model's `visible_to`, so the agenda holds only what its reader may see.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import (
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementLink,
    LinkKind,
)
from consultations.models import Consultation
from consultations.models.states import OUTCOME_STATES, ConsultationState
from meetings.models import Meeting, MeetingKind
from networks.models import Network, NetworkReport, WorkPlanItem
from rcm.models import Access

# Every list of the agenda is complete: it is the annex the meeting works from. The bound only
# keeps a meeting of many years of unanswered items from answering with an unreadable page.
AGENDA_LIMIT = 500


def before(day: datetime.date, prefix: str = "") -> Q:
    """A meeting (reached through `prefix`) that began before the day; one known only by its
    year counts as before when its year is."""
    return Q(**{f"{prefix}starts_on__lt": day}) | Q(
        **{f"{prefix}starts_on__isnull": True, f"{prefix}year__lt": day.year}
    )


@dataclass
class CountryOverdue:
    """A responsible country (or, with code "", the items no country must act on) and its
    overdue items."""

    code: str
    name: str
    agreements: list[Agreement] = field(default_factory=list)


@dataclass
class Agenda:
    meeting: Meeting
    day: datetime.date
    as_of: datetime.date
    recommendations: list[Agreement]
    due: list[Agreement]
    overdue_by_country: list[CountryOverdue]
    reports_owed: list[Network]
    plan_items_due: list[WorkPlanItem]
    consultations: list[Consultation]

    @property
    def overdue_count(self) -> int:
        return len({a.pk for group in self.overdue_by_country for a in group.agreements})

    @property
    def is_empty(self) -> bool:
        return not (
            self.recommendations
            or self.due
            or self.overdue_by_country
            or self.reports_owed
            or self.plan_items_due
            or self.consultations
        )


def agenda_meeting(access: Access, pk: int) -> Meeting | None:
    """The meeting, if the reader may see it (a part of a meeting has no agenda of its own)."""
    return (
        Meeting.objects.visible_to(access)
        .filter(parent__isnull=True)
        .select_related("country")
        .filter(pk=pk)
        .first()
    )


def _recommendations(access: Access, meeting: Meeting, day: datetime.date) -> list[Agreement]:
    """Addressed to the meeting's body by earlier meetings and not decided before it: no
    decision recorded at an earlier meeting, and still open (or decided at this one)."""
    decisions = AgreementLink.objects.filter(
        earlier=OuterRef("pk"), kind=LinkKind.DECIDES_RECOMMENDATION
    )
    decided_here = decisions.filter(Q(later__meeting=meeting) | Q(later__meeting__parent=meeting))
    decided_before = decisions.filter(before(day, "later__meeting__"))
    return list(
        Agreement.objects.visible_to(access)
        .addressed_to(meeting.kind)
        .filter(before(day, "meeting__"))
        .exclude(meeting=meeting)
        .annotate(decided_here=Exists(decided_here))
        .filter(Q(status__in=OPEN_STATUSES) | Q(decided_here=True))
        .exclude(Exists(decided_before))
        .with_states(min(day, timezone.localdate()))
        .select_related("meeting", "meeting__country")
        .order_by("meeting__starts_on", "meeting__year", "meeting_id", "position")[:AGENDA_LIMIT]
    )


def _due_and_overdue(
    access: Access, meeting: Meeting, day: datetime.date, as_of: datetime.date
) -> tuple[list[Agreement], list[CountryOverdue]]:
    """Open items due at or before the meeting: those still due, and those overdue by `as_of`
    grouped by each responsible country whose own part is still open."""
    responsible = AgreementCountry.objects.filter(responsible=True).select_related("country")
    items = list(
        Agreement.objects.visible_to(access)
        .open()
        .exclude(meeting=meeting)
        .with_states(as_of)
        .filter(due_on__lte=day)
        .select_related("meeting", "meeting__country")
        .prefetch_related(Prefetch("country_links", queryset=responsible, to_attr="responsible"))
        .order_by("due_on", "meeting_id", "position")[:AGENDA_LIMIT]
    )
    due = [a for a in items if not a.overdue]
    groups: dict[str, CountryOverdue] = {}
    for agreement in (a for a in items if a.overdue):
        open_parts = [link for link in agreement.responsible if link.status in ("", *OPEN_STATUSES)]
        if not agreement.responsible:
            key, name = "", _("Organisations, the TS, or no one named")
            groups.setdefault(key, CountryOverdue(key, name)).agreements.append(agreement)
        for link in open_parts:
            country = link.country
            groups.setdefault(
                country.code, CountryOverdue(country.code, country.name)
            ).agreements.append(agreement)
    overdue = sorted(groups.values(), key=lambda g: (g.code == "", g.name))
    return due, overdue


def _reports_owed(access: Access, meeting: Meeting) -> list[Network]:
    """The networks and groups at work in the meeting's year that have presented no report to
    it. Networks report to the RCGM, so only an RCGM's agenda asks for their reports."""
    if meeting.kind != MeetingKind.RCGM:
        return []
    last_report = (
        NetworkReport.objects.filter(network=OuterRef("pk"))
        .exclude(meeting=meeting)
        .order_by("-meeting__year", "-meeting__starts_on")
    )
    return list(
        Network.objects.visible_to(access)
        .active(meeting.year)
        .exclude(Exists(NetworkReport.objects.filter(network=OuterRef("pk"), meeting=meeting)))
        .annotate(
            last_report_meeting_id=Subquery(last_report.values("meeting_id")[:1]),
            last_report_year=Subquery(last_report.values("meeting__year")[:1]),
        )
        .select_related("organisation")
        .order_by("kind", "name_en")
    )


def _plan_items_due(access: Access, day: datetime.date, as_of: datetime.date):
    """Open work-plan items due at or before the meeting, with whether their agreement is one
    the reader may see (only then is it linked)."""
    visible = Agreement.objects.visible_to(access).filter(pk=OuterRef("agreement_id"))
    return list(
        WorkPlanItem.objects.visible_to(access)
        .open()
        .filter(deadline__lte=day)
        .with_overdue(as_of)
        .annotate(agreement_visible=Exists(visible))
        .select_related("plan__network", "agreement__meeting")
        .order_by("deadline", "plan__network__name_en", "position")[:AGENDA_LIMIT]
    )


def _open_consultations(access: Access, day: datetime.date) -> list[Consultation]:
    """Consultations drafted by the meeting's day that have not ended (agreed or withdrawn)."""
    visible = Agreement.objects.visible_to(access).filter(pk=OuterRef("earlier_agreement_id"))
    return list(
        Consultation.objects.visible_to(access)
        .exclude(state__in=[*OUTCOME_STATES, ConsultationState.WITHDRAWN])
        .filter(created_at__date__lte=day)
        .annotate(agreement_visible=Exists(visible))
        .select_related("presidency__country", "earlier_agreement__meeting")
        .order_by("created_at", "pk")
    )


def meeting_agenda(access: Access, meeting: Meeting, today: datetime.date | None = None) -> Agenda:
    """The agenda of a meeting, as the reader may see it. Statuses are today's; what is overdue
    is counted on the meeting's first day, or today for a meeting still to come."""
    today = today or timezone.localdate()
    # A planned meeting whose year no source states is still to come: its agenda is today's.
    day = meeting.starts_on or meeting.reference_date or today
    as_of = min(day, today)
    due, overdue = _due_and_overdue(access, meeting, day, as_of)
    return Agenda(
        meeting=meeting,
        day=day,
        as_of=as_of,
        recommendations=_recommendations(access, meeting, day),
        due=due,
        overdue_by_country=overdue,
        reports_owed=_reports_owed(access, meeting),
        plan_items_due=_plan_items_due(access, day, as_of),
        consultations=_open_consultations(access, day),
    )
