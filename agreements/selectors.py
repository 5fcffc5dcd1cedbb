"""Reads the dashboards, pages and exports share: each a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, JSONObject
from django.utils.html import escape
from django.utils.safestring import mark_safe

from agreements.models import (
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    FollowUp,
    Status,
    Theme,
)
from meetings.models import MeetingKind


def annotate_for_api(queryset):
    """Everything a representation needs, in the one query that fetches the agreements.

    Actors, themes, children and lineage come as arrays from correlated subqueries, so a page
    of any size costs the same number of queries and no serializer touches the database.
    """
    countries = AgreementCountry.objects.filter(agreement=OuterRef("pk")).order_by("country_id")
    organisations = AgreementOrganisation.objects.filter(agreement=OuterRef("pk")).order_by(
        "organisation__acronym"
    )
    children = Agreement.objects.filter(parent=OuterRef("pk")).order_by("position")
    earlier = AgreementLink.objects.filter(later=OuterRef("pk")).order_by("earlier__position")
    later = AgreementLink.objects.filter(earlier=OuterRef("pk")).order_by("later__position")
    done_children = (
        Agreement.objects.filter(parent=OuterRef("pk"), status=Status.DONE)
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.select_related("meeting", "meeting__country", "meeting__parent").annotate(
        api_countries=ArraySubquery(
            countries.values(
                json=JSONObject(code="country_id", responsible="responsible", status="status")
            )
        ),
        api_organisations=ArraySubquery(
            organisations.values(
                json=JSONObject(code="organisation__acronym", responsible="responsible")
            )
        ),
        api_themes=ArraySubquery(
            Theme.objects.filter(agreements=OuterRef("pk")).order_by("code").values("code")
        ),
        api_children=ArraySubquery(children.values("pk")),
        api_children_done=Coalesce(Subquery(done_children, output_field=IntegerField()), 0),
        api_earlier=ArraySubquery(
            earlier.values(
                json=JSONObject(
                    id="earlier_id",
                    kind="kind",
                    ref="earlier__ref",
                    meeting="earlier__meeting_id",
                )
            )
        ),
        api_later=ArraySubquery(
            later.values(
                json=JSONObject(
                    id="later_id", kind="kind", ref="later__ref", meeting="later__meeting_id"
                )
            )
        ),
    )


def dashboard_counts(agreements, today: datetime.date) -> dict[str, int]:
    """How many agreements stand where, in one aggregate query; overdue ones also count as open."""
    overdue = Agreement.objects.overdue_q(today)
    return agreements.order_by().aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status=Status.OPEN)),
        in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
        done=Count("pk", filter=Q(status=Status.DONE)),
        overdue=Count("pk", filter=overdue),
        no_follow_up=Count("pk", filter=Q(status=Status.NO_FOLLOW_UP)),
        closed=Count("pk", filter=Q(status__in=[Status.SUPERSEDED, Status.DROPPED])),
    )


def counts_by_body(agreements, today: datetime.date) -> list[dict]:
    labels = dict(MeetingKind.choices)
    rows = (
        agreements.order_by()
        .values("meeting__kind")
        .annotate(
            total=Count("pk"),
            pending=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            overdue=Count("pk", filter=Agreement.objects.overdue_q(today)),
        )
        .order_by("-total")
    )
    return [
        {**row, "label": labels.get(row["meeting__kind"], row["meeting__kind"])} for row in rows
    ]


def counts_by_theme(agreements, today: datetime.date) -> list[dict]:
    """Per theme of the Plan of Action: an agreement on a subtopic counts for its theme."""
    themes = list(Theme.objects.filter(parent__isnull=True).order_by("code"))
    rows = []
    for theme in themes:
        in_theme = Q(themes__code=theme.code) | Q(themes__code__startswith=f"{theme.code}.")
        rows.append((theme, in_theme))
    if not rows:
        return []
    overdue = Agreement.objects.overdue_q(today)
    aggregates = {}
    for theme, in_theme in rows:
        aggregates[f"t{theme.pk}_total"] = Count("pk", filter=in_theme, distinct=True)
        aggregates[f"t{theme.pk}_pending"] = Count(
            "pk", filter=in_theme & Q(status__in=OPEN_STATUSES), distinct=True
        )
        aggregates[f"t{theme.pk}_overdue"] = Count("pk", filter=in_theme & overdue, distinct=True)
    totals = agreements.order_by().aggregate(**aggregates)
    return [
        {
            "theme": theme,
            "total": totals[f"t{theme.pk}_total"],
            "pending": totals[f"t{theme.pk}_pending"],
            "overdue": totals[f"t{theme.pk}_overdue"],
        }
        for theme, _ in rows
    ]


def agreements_for_table(agreements):
    """The rows of an agreements table: codes of actors and responsible come along."""
    return annotate_for_api(agreements)


def responsible_codes(agreement) -> list[str]:
    return [c["code"] for c in agreement.api_countries if c["responsible"]] + [
        o["code"] for o in agreement.api_organisations if o["responsible"]
    ]


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


def follow_up_matrix(agreements, countries) -> list[dict]:
    """Rows: agreements addressed to several countries; cells: each member country's status."""
    rows = []
    for agreement in agreements:
        statuses = {c["code"]: c["status"] for c in agreement.api_countries if c["responsible"]}
        if len(statuses) < 2:
            continue
        rows.append(
            {
                "agreement": agreement,
                "cells": [(country, statuses.get(country.code)) for country in countries],
            }
        )
    return rows


def awaiting_validation(access):
    """The queue of focal points' updates that TS staff must accept or send back."""
    return (
        FollowUp.objects.awaiting_validation()
        .visible_to(access)
        .select_related("agreement", "agreement__meeting", "agreement__meeting__country")
        .select_related("agreement__meeting__parent", "country", "author")
        .order_by("created_at", "pk")
    )


# PostgreSQL marks the matches with characters no document contains; the text is escaped
# before they become <mark> tags, so a record's text can never inject markup.
MARK_START, MARK_STOP = "\x02", "\x03"


def highlighted(headline: str) -> str:
    if MARK_START not in (headline or ""):
        return ""
    return mark_safe(  # noqa: S308 - escaped just before
        escape(headline).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def _search_query(text: str) -> SearchQuery:
    return SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
        text, config="spanish", search_type="websearch"
    )


def _headline(field: str, text: str, config: str) -> SearchHeadline:
    return SearchHeadline(
        field,
        SearchQuery(text, config=config, search_type="websearch"),
        config=config,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=40,
        min_words=15,
        highlight_all=False,
    )


def search_records(text: str, access, *, limit: int) -> dict[str, list]:
    """The best matches the user may see, with the matched words marked (three queries)."""
    from agreements.models import Instrument
    from meetings.models import Meeting

    query = _search_query(text)
    agreements = (
        Agreement.objects.visible_to(access)
        .filter(search_vector=query)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            headline_en=_headline("text_en", text, "english"),
            headline_es=_headline("text_es", text, "spanish"),
        )
        .order_by("-rank", "pk")[:limit]
    )
    instruments = (
        Instrument.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "pk")[:limit]
    )
    meetings = (
        Meeting.objects.visible_to(access)
        .filter(search_vector=query)
        .select_related("country", "parent")
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "pk")[:limit]
    )
    agreements = list(agreements)
    for agreement in agreements:
        agreement.highlight = highlighted(agreement.headline_es) or highlighted(
            agreement.headline_en
        )
    return {
        "agreements": agreements,
        "instruments": list(instruments),
        "meetings": list(meetings),
    }
