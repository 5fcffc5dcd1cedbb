"""The follow-up dashboard: its counts, tables, charts and filter choices in one query."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
)
from django.utils.translation import get_language, gettext

from agreements.models import (
    CLOSED_STATUSES,
    Agreement,
    FollowUp,
    Status,
    Theme,
)
from agreements.selectors.rows import SQLRows, meeting_from_row, meeting_values, rows_together
from meetings.models import Meeting, MeetingKind
from rcm.models import (
    Country,
    Organisation,
    OrganisationKind,
)


@dataclass
class FilterChoices:
    """What the dashboard's selects offer."""

    countries: list[Country]
    themes: list[Theme]
    organisations: list[str]
    meetings: list[Meeting]
    # The Spanish acronym of each organisation that has one (IOM: OIM), for a page in Spanish.
    organisations_es: dict[str, str] = field(default_factory=dict)


def _choice_parts(today: datetime.date, meetings) -> dict:
    return {
        "countries": Country.objects.members(today)
        .order_by("name_en")
        .values("code", "name_en", "name_es"),
        "themes": Theme.objects.in_plan_order().values("code", "name_en", "name_es", "parent_id"),
        "organisations": Organisation.objects.exclude(kind=OrganisationKind.COOPERATING).values(
            "acronym", "acronym_es"
        ),
        "meetings": meeting_values(meetings),
    }


def actor_names(choices: FilterChoices, *, spanish: bool) -> tuple[dict, dict]:
    """What the agreements table prints for its actors (agreement_rows): each country's name in
    the page's language, and on a Spanish page the organisations' Spanish acronyms."""
    names = {country.code: country.name for country in choices.countries}
    return names, (choices.organisations_es if spanish else {})


def _choices(rows: dict) -> FilterChoices:
    return FilterChoices(
        countries=[Country(**row) for row in rows["countries"]],
        themes=[Theme(**row) for row in rows["themes"]],
        organisations=[row["acronym"] for row in rows["organisations"]],
        meetings=[meeting_from_row(row) for row in rows["meetings"]],
        organisations_es={
            row["acronym"]: row["acronym_es"] for row in rows["organisations"] if row["acronym_es"]
        },
    )


def filter_choices(*, today: datetime.date, meetings) -> FilterChoices:
    """The dashboard's filter options alone, in one query (for the pages that share its filters)."""
    return _choices(rows_together(**_choice_parts(today, meetings)))


@dataclass
class DashboardSummary:
    """Every number of the follow-up dashboard, and the choices of its filters."""

    counts: dict[str, int]
    by_body: list[dict]
    by_theme: list[dict]
    status_by_year: list[dict]
    overdue_by_country: list[dict]
    themes_over_time: dict
    awaiting_validation: int | None
    choices: FilterChoices
    # Not reported and stale per body and meeting year, the rows that agreements/states.py's
    # by_year() and add_to_bodies() read.
    states_by_body_and_year: list[dict]


COUNT_KEYS = (
    "total", "open", "in_progress", "done", "overdue", "no_follow_up", "closed", "not_reported",
    "stale", "open_on_time", "in_progress_on_time",
)  # fmt: skip


# The dashboard's three groupings, over `shared`: the filtered agreements' id, status, meeting
# and their states (overdue, not reported, stale) as AgreementQuerySet.with_states() decides
# them, the one place those rules live. Their `%s` are filled, in order, by the parameters
# dashboard_summary() passes.
#
# Kept as SQL because the ORM costs the page its throughput. The same three groupings as ORM
# querysets (values/annotate with Count filters over with_states(), no CTE: the states are then
# computed and compiled once per grouping) met make bench's ratio (dashboard at L 3.4×, target
# ≤ 12×; SQL 2.7× in the same session), but dashboard_summary() alone, the two versions timed in
# turns in one process on 2026-12-03, took on the real records 44 ms (21 ms CPU) against 21 ms
# (11 ms CPU) with this SQL, and for ?country=MX 75 ms against 39 ms; at scale 1, 161 ms against
# 112 ms. The page is already short of its throughput target (bench/LOAD.md).
BY_KIND_AND_YEAR_SQL = """
    SELECT m.kind, m.year, count(*) AS total,
           count(*) FILTER (WHERE s.status = %s) AS open,
           count(*) FILTER (WHERE s.status = %s) AS in_progress,
           count(*) FILTER (WHERE s.status = %s) AS done,
           count(*) FILTER (WHERE s.overdue) AS overdue,
           count(*) FILTER (WHERE s.status = %s) AS no_follow_up,
           count(*) FILTER (WHERE s.status IN (%s, %s)) AS closed,
           count(*) FILTER (WHERE s.status = %s AND NOT s.overdue) AS open_on_time,
           count(*) FILTER (WHERE s.status = %s AND NOT s.overdue) AS in_progress_on_time,
           count(*) FILTER (WHERE s.not_reported) AS not_reported,
           count(*) FILTER (WHERE s.stale) AS stale
      FROM shared s JOIN meetings_meeting m ON m.id = s.meeting_id
     GROUP BY m.kind, m.year
"""
# Per theme of the Plan of Action (a theme without parent), its subtopics included by their
# codes (1.2, 1.2.3 are of 1); an agreement tagged with several of them counts once. Not reported
# and stale are the states `shared` carries, as in the table by body.
# The themes are read per filtered agreement (LATERAL): joined as plain tables, PostgreSQL
# misjudged the theme-to-top-theme join (4 rows for 50) and hashed every agreement's themes
# (100,000 links at scale 10) to keep the 6,538 of ?country=MX; the whole dashboard query at L
# took 613 and 892 ms that way against 495 and 564 ms this way (2026-12-03, busy machine,
# the same rows).
BY_THEME_AND_YEAR_SQL = """
    SELECT top.code AS top, m.year,
           count(DISTINCT s.id) AS total,
           count(DISTINCT s.id) FILTER (WHERE s.status IN (%s, %s)) AS pending,
           count(DISTINCT s.id) FILTER (WHERE s.overdue) AS overdue,
           count(DISTINCT s.id) FILTER (WHERE s.not_reported) AS not_reported,
           count(DISTINCT s.id) FILTER (WHERE s.stale) AS stale
      FROM shared s JOIN meetings_meeting m ON m.id = s.meeting_id
      CROSS JOIN LATERAL (
           SELECT DISTINCT top.code FROM agreements_agreement_themes at
             JOIN agreements_theme t ON t.id = at.theme_id
             JOIN agreements_theme top ON top.parent_id IS NULL
                  AND (t.code = top.code OR starts_with(t.code, top.code || '.'))
            WHERE at.agreement_id = s.id) top
     GROUP BY 1, 2
"""
# Who must act on the overdue agreements: responsible countries (one whose own part is done,
# superseded, dropped … is not counted), responsible organisations and bodies (the TS, the PPT,
# networks …), and the overdue agreements that name no one, so that every overdue agreement of
# the headline count has its bar.
OVERDUE_BY_COUNTRY_SQL = """
    SELECT code, country_en, country_es, count FROM (
        SELECT c.country_id AS code, k.name_en AS country_en, k.name_es AS country_es,
               count(DISTINCT s.id) AS count
          FROM shared s JOIN agreements_agreementcountry c ON c.agreement_id = s.id
          JOIN rcm_country k ON k.code = c.country_id
         WHERE s.overdue AND c.responsible AND c.status NOT IN (%s, %s, %s, %s)
         GROUP BY 1, 2, 3
        UNION ALL
        SELECT o.acronym, o.acronym, coalesce(nullif(o.acronym_es, ''), o.acronym),
               count(DISTINCT s.id)
          FROM shared s JOIN agreements_agreementorganisation ao ON ao.agreement_id = s.id
          JOIN rcm_organisation o ON o.id = ao.organisation_id
         WHERE s.overdue AND ao.responsible
         GROUP BY 1, 2, 3
        UNION ALL
        SELECT '', %s, %s, count(*)
          FROM shared s
         WHERE s.overdue
           AND NOT EXISTS (SELECT 1 FROM agreements_agreementcountry c
                            WHERE c.agreement_id = s.id AND c.responsible)
           AND NOT EXISTS (SELECT 1 FROM agreements_agreementorganisation ao
                            WHERE ao.agreement_id = s.id AND ao.responsible)
        HAVING count(*) > 0
    ) responsible
    ORDER BY count DESC, country_en
"""


def dashboard_summary(agreements, *, access, today: datetime.date, meetings) -> DashboardSummary:
    """Counts, tables, charts and filter choices of the dashboard, in one query.

    `agreements` are the filtered, visible agreements; `meetings` the meetings to offer in the
    filter. The filtered agreements are read once; three groupings of them do the counting: by
    body and year (the counts, the table by body and the chart by year), by theme and year (the
    table by theme and the chart over time), by responsible country (the overdue chart). The
    filters' options and, for TS staff, the length of the validation queue come along.

    Every filter is an EXISTS or a join along a foreign key, so no agreement is listed twice
    and plain counts are exact.
    """
    if agreements.query.is_empty():  # invalid filters: .none(), which has no SQL
        agreements = Agreement.objects.filter(pk__lt=0)
    shared = (
        agreements.with_states(today)
        .order_by()
        .values("id", "status", "meeting_id", "overdue", "not_reported", "stale")
    )
    open_, in_progress = Status.OPEN.value, Status.IN_PROGRESS.value
    by_kind_and_year = SQLRows(
        BY_KIND_AND_YEAR_SQL,
        (open_, in_progress, Status.DONE.value, Status.NO_FOLLOW_UP.value,
         Status.SUPERSEDED.value, Status.DROPPED.value, open_, in_progress),
    )  # fmt: skip
    by_theme_and_year = SQLRows(BY_THEME_AND_YEAR_SQL, (open_, in_progress))
    overdue_by_country = SQLRows(
        OVERDUE_BY_COUNTRY_SQL,
        (
            *(value.value for value in CLOSED_STATUSES),
            gettext("No one named"),
            gettext("No one named"),
        ),
    )
    parts = {
        "by_kind_and_year": by_kind_and_year,
        "by_theme_and_year": by_theme_and_year,
        "overdue_by_country": overdue_by_country,
        **_choice_parts(today, meetings),
    }
    if access.is_ts_staff:
        parts["awaiting"] = (
            FollowUp.objects.awaiting_validation()
            .order_by()
            .values("validation")
            .annotate(n=Count("pk"))
        )
    rows = rows_together(shared=shared, **parts)
    spanish = (get_language() or "en").startswith("es")
    choices = _choices(rows)
    themes = choices.themes
    groups = rows["by_kind_and_year"]
    counts = {key: sum(group[key] for group in groups) for key in COUNT_KEYS}
    return DashboardSummary(
        counts=counts,
        by_body=_by_body(groups),
        by_theme=_by_theme(rows["by_theme_and_year"], themes),
        status_by_year=_status_by_year(groups),
        overdue_by_country=[
            {
                "code": row["code"],
                "name": (spanish and row["country_es"]) or row["country_en"],
                "count": row["count"],
            }
            for row in rows["overdue_by_country"]
        ],
        themes_over_time=_themes_over_time(
            rows["by_theme_and_year"],
            themes,
            spanish,
            recorded_years={group["year"] for group in groups},
        ),
        awaiting_validation=(
            sum(row["n"] for row in rows["awaiting"]) if access.is_ts_staff else None
        ),
        choices=choices,
        states_by_body_and_year=[
            {
                "meeting__kind": group["kind"],
                "meeting__year": group["year"],
                "not_reported": group["not_reported"],
                "stale": group["stale"],
            }
            for group in sorted(groups, key=lambda g: (g["year"] is None, g["year"], g["kind"]))
        ],
    )


def _by_body(groups: list[dict]) -> list[dict]:
    labels = dict(MeetingKind.choices)
    bodies: dict[str, dict] = {}
    for group in groups:
        body = bodies.setdefault(
            group["kind"],
            {"meeting__kind": group["kind"], "total": 0, "pending": 0, "overdue": 0},
        )
        body["total"] += group["total"]
        body["pending"] += group["open"] + group["in_progress"]
        body["overdue"] += group["overdue"]
    ordered = sorted(bodies.values(), key=lambda body: (-body["total"], body["meeting__kind"]))
    return [
        {**body, "label": labels.get(body["meeting__kind"], body["meeting__kind"])}
        for body in ordered
    ]


def _status_by_year(groups: list[dict]) -> list[dict]:
    """An overdue agreement counts only as overdue (tests/agreements/reference_charts.py)."""
    years: dict[int, dict] = {}
    for group in groups:
        year = years.setdefault(
            group["year"],
            {
                "year": group["year"],
                "open": 0,
                "in_progress": 0,
                "done": 0,
                "overdue": 0,
                "other": 0,
            },
        )
        year["open"] += group["open_on_time"]
        year["in_progress"] += group["in_progress_on_time"]
        year["done"] += group["done"]
        year["overdue"] += group["overdue"]
        year["other"] += group["no_follow_up"] + group["closed"]
    return [years[year] for year in sorted(years)]


THEME_COUNT_KEYS = ("total", "pending", "overdue", "not_reported", "stale")


def _by_theme(groups: list[dict], themes: list[Theme]) -> list[dict]:
    """Per theme of the Plan of Action, subtopics included (tests/agreements/reference_charts.py).

    An agreement belongs to one meeting and so to one year: summing the distinct counts of a
    theme's years counts each of its agreements once.
    """
    totals: dict[str, dict] = {}
    for group in groups:
        theme = totals.setdefault(group["top"], dict.fromkeys(THEME_COUNT_KEYS, 0))
        for key in THEME_COUNT_KEYS:
            theme[key] += group[key]
    empty = dict.fromkeys(THEME_COUNT_KEYS, 0)
    return [
        {"theme": theme, **totals.get(theme.code, empty)}
        for theme in themes
        if theme.parent_id is None
    ]


def _themes_over_time(
    groups: list[dict], themes: list[Theme], spanish: bool, *, recorded_years: set[int]
) -> dict:
    """Per year, the agreements of each top-level theme (tests/agreements/reference_charts.py).

    A year without any agreement among `recorded_years` (the filtered agreements' years, tagged
    or not) counts None, not 0: nobody recorded that year, which says nothing of its themes.
    """
    groups = [group for group in groups if group["top"]]
    if not groups:
        return {"years": [], "themes": []}
    first = min(group["year"] for group in groups)
    last = max(group["year"] for group in groups)
    years = list(range(first, last + 1))
    names = {theme.code: theme for theme in themes}
    lines: dict[str, dict] = {}
    for group in groups:
        theme = names.get(group["top"])
        line = lines.setdefault(
            group["top"],
            {
                "code": group["top"],
                "name": (theme and ((spanish and theme.name_es) or theme.name_en)) or group["top"],
                "counts": [0 if year in recorded_years else None for year in years],
            },
        )
        line["counts"][group["year"] - first] = group["total"]
    ordered = sorted(lines.values(), key=lambda line: _code_key(line["code"]))
    return {"years": years, "themes": ordered}


def _code_key(code: str):
    return (0, int(code)) if code.isdigit() else (1, code)


def meetings_to_choose_from(access, *, year: int | None, selected: int | None, limit: int):
    """The meetings the dashboard's filter offers: those with agreements the user may see.

    The list stays short however long the archive grows: the meetings of the chosen year, else
    the latest `limit`; the chosen meeting is always among them.
    """
    with_agreements = Meeting.objects.visible_to(access).filter(
        Exists(Agreement.objects.visible_to(access).filter(meeting=OuterRef("pk")))
    )
    newest_first = ("-year", "-starts_on", "-pk")
    offered = with_agreements.filter(year=year) if year else with_agreements
    offered_ids = offered.order_by(*newest_first).values("pk")[:limit]
    wanted = Q(pk__in=offered_ids)
    if selected:
        wanted |= Q(pk=selected)
    return with_agreements.filter(wanted).order_by(*newest_first)


def awaiting_validation(access):
    """The queue of focal points' updates that TS staff must accept or send back."""
    return (
        FollowUp.objects.awaiting_validation()
        .visible_to(access)
        .select_related("agreement", "agreement__meeting", "agreement__meeting__country")
        .select_related("agreement__meeting__parent", "country", "author")
        .order_by("created_at", "pk")
    )
