"""The country page, and a meeting's agreements as the document numbers them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
)
from django.db.models.functions import JSONObject

from agreements.models import (
    Agreement,
)
from agreements.selectors.api import agreements_for_table
from agreements.selectors.rows import meeting_from_row, meeting_row
from meetings.models import Meeting, Participation
from rcm.models import (
    Country,
    CountryStatus,
    FocalPoint,
    Presidency,
)

FOCAL_POINT_FIELDS = (
    "institution_kind", "institution_en", "institution_es", "person_name", "title", "email",
    "phone",
)  # fmt: skip


@dataclass
class CountryPage:
    country: Country
    status: str | None
    overdue_count: int
    focal_points: list[FocalPoint]
    presidencies: list[Presidency]
    participations: list[Participation]


def country_page(code: str, *, access, today: datetime.date) -> CountryPage | None:
    """A country with its standing today, how many agreements it is late on, its focal
    points, its presidencies and the meetings it took part in (those the user may see), in
    one query.

    The lists come as JSON arrays of the country's row and become unsaved model objects, which
    is all the page asks of them: their fields, labels and links.
    """
    overdue = (
        Agreement.objects.visible_to(access)
        .overdue_for_country(code, today)
        .order_by()
        # COUNT as a plain function: an aggregate would add a GROUP BY to the subquery.
        .values(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    )
    status = (
        CountryStatus.objects.filter(country=OuterRef("pk"))
        .in_force(today)
        .order_by("since")
        .values("status")[:1]
    )
    focal_points = (
        FocalPoint.objects.filter(country=OuterRef("pk"), active=True)
        .order_by("institution_kind", "institution_en")
        .values(json=JSONObject(**{name: name for name in FOCAL_POINT_FIELDS}))
    )
    presidencies = (
        Presidency.objects.filter(country=OuterRef("pk"))
        .order_by("year")
        .values(json=JSONObject(year="year", theme_en="theme_en", theme_es="theme_es"))
    )
    participations = (
        Participation.objects.filter(
            country=OuterRef("pk"), meeting__in=Meeting.objects.visible_to(access)
        )
        .order_by("-meeting__year", "-meeting__starts_on")
        .values(json=JSONObject(role="role", **meeting_row("meeting__")))
    )
    country = (
        Country.objects.filter(code=code)
        .annotate(
            status_today=Subquery(status),
            overdue_count=Subquery(overdue),
            page_focal_points=ArraySubquery(focal_points),
            page_presidencies=ArraySubquery(presidencies),
            page_participations=ArraySubquery(participations),
        )
        .first()
    )
    if country is None:
        return None
    return CountryPage(
        country=country,
        status=country.status_today,
        overdue_count=country.overdue_count,
        focal_points=[FocalPoint(country=country, **row) for row in country.page_focal_points],
        presidencies=[Presidency(country=country, **row) for row in country.page_presidencies],
        participations=[
            Participation(country=country, role=row["role"], meeting=meeting_from_row(row))
            for row in country.page_participations
        ],
    )


def pending_for_country_page(agreements, code: str, *, limit: int):
    """The first `limit` agreements the country must act on, soonest deadline first."""
    return agreements_for_table(agreements.pending_for_country(code)).order_by(
        "deadline", "meeting__starts_on", "position"
    )[:limit]


@dataclass
class TreeNode:
    agreement: Agreement
    children: list[TreeNode] = field(default_factory=list)


def agreement_tree(agreements: list[Agreement]) -> list[TreeNode]:
    """Nest a meeting's agreements as the document numbers them (they come in document order).

    An item whose parent the user may not see is shown at the top level rather than lost.
    """
    nodes = {agreement.pk: TreeNode(agreement) for agreement in agreements}
    roots = []
    for agreement in agreements:
        node = nodes[agreement.pk]
        parent = nodes.get(agreement.parent_id)
        if parent is not None:
            parent.children.append(node)
        else:
            roots.append(node)
    return roots
