"""Reads the API, the pages and the exports share: each a fixed number of queries.

A network's records point at meetings and agreements that have visibilities of their own, so
the links come as annotations that are null (or left out of a list) where the user may not see
the record linked to: a members-only agreement is never revealed through a public item.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import JSONField, OuterRef, Prefetch, Subquery
from django.db.models.functions import JSONObject

from agreements.models import Agreement
from meetings.models import Meeting, MeetingStatus
from networks.models import (
    Network,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
)
from rcm.models import Access, Country, Organisation


def visible_id(queryset, field_name: str) -> Subquery:
    """The id held in `field_name` when the user may see that record, else null."""
    return Subquery(queryset.filter(pk=OuterRef(field_name)).values("pk")[:1])


def visible_agreement(access: Access, field_name: str) -> Subquery:
    """A linked agreement as {id, meeting, section, ref} when the user may see it, else null."""
    agreements = Agreement.objects.visible_to(access).filter(pk=OuterRef(field_name))
    reference = JSONObject(id="pk", meeting="meeting_id", section="section", ref="ref")
    return Subquery(agreements.values(json=reference)[:1], output_field=JSONField())


def networks_for_api(queryset, access: Access):
    meetings = Meeting.objects.visible_to(access)
    plans = WorkPlan.objects.visible_to(access).filter(network=OuterRef("pk"))
    return queryset.select_related("organisation", "leading_country").annotate(
        api_established_at=visible_id(meetings, "established_at_id"),
        api_established_by=visible_agreement(access, "established_by_id"),
        api_meetings=ArraySubquery(
            meetings.filter(networks=OuterRef("pk"))
            .order_by("year", "starts_on", "pk")
            .values("pk")
        ),
        api_plans=ArraySubquery(plans.order_by("-start_year", "name_en").values("pk")),
    )


def members_for_api(queryset):
    return queryset.select_related("network__organisation", "country", "organisation")


def plans_for_api(queryset, access: Access):
    return (
        queryset.with_progress()
        .select_related("network__organisation")
        .annotate(
            api_approved_at=visible_id(Meeting.objects.visible_to(access), "approved_at_id"),
            api_approved_by=visible_agreement(access, "approved_by_id"),
        )
    )


def items_for_api(queryset, access: Access):
    """Items with their actors' codes, meetings and agreement, in the one query that lists them."""
    meetings = Meeting.objects.visible_to(access).filter(work_plan_items=OuterRef("pk"))
    return (
        queryset.with_overdue()
        .select_related("plan__network__organisation")
        .annotate(
            api_countries=ArraySubquery(
                Country.objects.filter(work_plan_items=OuterRef("pk"))
                .order_by("code")
                .values("code")
            ),
            api_organisations=ArraySubquery(
                Organisation.objects.filter(work_plan_items=OuterRef("pk"))
                .order_by("acronym")
                .values("acronym")
            ),
            api_meetings=ArraySubquery(meetings.order_by("year", "starts_on", "pk").values("pk")),
            api_agreement=visible_agreement(access, "agreement_id"),
        )
    )


def reports_for_api(queryset, access: Access):
    return queryset.select_related(
        "network__organisation", "presented_by_country", "presented_by_organisation"
    ).annotate(
        api_meeting=visible_id(Meeting.objects.visible_to(access), "meeting_id"),
        api_agreement=visible_agreement(access, "agreement_id"),
    )


# --- Pages --------------------------------------------------------------------------------------


def overview_networks(access: Access) -> list[Network]:
    """The networks a user may see, each with its visible plans and their progress (2 queries)."""
    plans = plans_for_api(WorkPlan.objects.visible_to(access), access).order_by(
        "-start_year", "name_en"
    )
    return list(
        Network.objects.visible_to(access)
        .for_listing()
        .prefetch_related(Prefetch("plans", queryset=plans, to_attr="visible_plans"))
        .order_by("kind", "name_en")
    )


@dataclass
class CountryOfficers:
    """The members a network has for one country or organisation, as its page lists them."""

    label: str
    code: str
    members: list[NetworkMember] = field(default_factory=list)


def members_by_country(members: list[NetworkMember]) -> list[CountryOfficers]:
    """Group a network's members (ordered by country, then organisation) for its page."""
    groups: dict[str, CountryOfficers] = {}
    for member in members:
        if member.country_id:
            key, label = member.country_id, member.country.name
        else:
            key, label = member.organisation.acronym, member.organisation.acronym
        groups.setdefault(key, CountryOfficers(label, key)).members.append(member)
    return list(groups.values())


def plan_items(access: Access, plan_ids: list[int]) -> list[WorkPlanItem]:
    """The items of a network's plans, in plan order, ready for its page (one query)."""
    return list(
        items_for_api(WorkPlanItem.objects.filter(plan_id__in=plan_ids), access).order_by(
            "plan_id", "position", "pk"
        )
    )


def reports_by_meeting(reports: list[NetworkReport]) -> list[tuple[Meeting | None, list]]:
    """A network's reports grouped by the meeting they went to, latest meeting first."""
    groups: dict[int | None, tuple[Meeting | None, list]] = {}
    for report in reports:
        meeting = report.meeting if report.api_meeting else None
        key = meeting.pk if meeting else None
        groups.setdefault(key, (meeting, []))[1].append(report)
    return list(groups.values())


def next_meeting(meetings: list[Meeting], today: datetime.date) -> Meeting | None:
    """The first of a network's meetings still to come (planned or postponed)."""
    upcoming = [
        meeting
        for meeting in meetings
        if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.POSTPONED)
        and (meeting.starts_on or datetime.date(meeting.year, 12, 31)) >= today
    ]
    upcoming.sort(key=lambda meeting: meeting.starts_on or datetime.date(meeting.year, 12, 31))
    return upcoming[0] if upcoming else None
