"""Reads the dashboards, pages and exports share: each a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BigIntegerField,
    CharField,
    Count,
    Exists,
    Expression,
    F,
    Func,
    IntegerField,
    JSONField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import JSONObject
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from agreements.models import (
    CLOSED_STATUSES,
    Agreement,
    FollowUp,
    Status,
    Theme,
)
from meetings.models import Meeting, MeetingKind, Participation
from rcm.models import (
    Access,
    Country,
    CountryStatus,
    FocalPoint,
    Organisation,
    OrganisationKind,
    Presidency,
    access_for,
)
from rcm.search import other_language_words, search_query


def _access(reader) -> Access:
    return reader if isinstance(reader, Access) else access_for(reader)


class CorrelatedSQL(Expression):
    """A fixed piece of SQL correlated with the agreement of the row it is read in.

    `{agreement}` in the SQL becomes the id column of the query's own agreement table, under
    whatever alias the query gives it. The SQL is written once, so compiling it costs nothing:
    the same subqueries as ORM expressions took longer to build and compile, on every request,
    than PostgreSQL took to run them for a detail.

    `{visible}` stands for a condition that keeps only the related agreements `visible` holds
    (the agreements a reader may see, `Agreement.objects.visible_to`); without `visible`, all of
    them (TS staff, and reads that show no related agreement).

    Kept as SQL because the benchmark shows the ORM cannot meet its target here. The same seven
    arrays as ArraySubquery/JSONObject/Subquery expressions (tried on 2026-12-03, `bench/run.py
    --quick`, two runs each, at L): the API's agreement detail took 57 and 65 ms against a limit
    of 4.5 and 9.2 ms, 12.7× and 7.1× (target ≤ 5×); with this SQL 40 and 38 ms, 4.2× and
    5.9×. The list of 50 passed either way (ORM 3.7× and 2.9×, SQL 2.7× and 2.5×; ≤ 8×).
    """

    def __init__(self, sql: str, output_field, visible=None):
        super().__init__(output_field=output_field)
        self.sql = sql
        self.visible = visible

    def as_sql(self, compiler, connection):
        agreement = compiler.quote_name_unless_alias(compiler.query.base_table)
        sql = self.sql.replace("{agreement}", f'{agreement}."id"')
        if "{visible:" not in sql:
            return sql, []
        alias = sql.split("{visible:", 1)[1].split("}", 1)[0]
        if self.visible is None:
            return sql.replace(f"{{visible:{alias}}}", "TRUE"), []
        # The visibility rule itself, compiled on its own: its table is named as ours is, but
        # inside the IN (…) the name means the subquery's own table.
        visible_sql, params = (
            self.visible.order_by().values("pk").query.get_compiler(connection=connection).as_sql()
        )
        return sql.replace(f"{{visible:{alias}}}", f"{alias}.id IN ({visible_sql})"), list(params)

    def get_group_by_cols(self):
        return [self]


def _links(towards: str, away: str) -> str:
    """Lineage links to earlier or later agreements, in document order."""
    return (
        f"ARRAY(SELECT JSONB_BUILD_OBJECT('id', l.{towards}_id, 'kind', l.kind, 'ref', a.ref,"
        " 'meeting', a.meeting_id) FROM agreements_agreementlink l"
        f" JOIN agreements_agreement a ON a.id = l.{towards}_id"
        f" WHERE l.{away}_id = {{agreement}} AND {{visible:a}} ORDER BY a.position)"
    )


API_ANNOTATIONS = {
    "api_countries": (
        "ARRAY(SELECT JSONB_BUILD_OBJECT('code', c.country_id, 'responsible', c.responsible,"
        " 'status', c.status) FROM agreements_agreementcountry c"
        " WHERE c.agreement_id = {agreement} ORDER BY c.country_id)",
        ArrayField(JSONField()),
    ),
    "api_organisations": (
        "ARRAY(SELECT JSONB_BUILD_OBJECT('code', o.acronym, 'responsible', ao.responsible)"
        " FROM agreements_agreementorganisation ao"
        " JOIN rcm_organisation o ON o.id = ao.organisation_id"
        " WHERE ao.agreement_id = {agreement} ORDER BY o.acronym)",
        ArrayField(JSONField()),
    ),
    "api_themes": (
        "ARRAY(SELECT t.code FROM agreements_agreement_themes at"
        " JOIN agreements_theme t ON t.id = at.theme_id"
        " WHERE at.agreement_id = {agreement} ORDER BY t.code)",
        ArrayField(CharField()),
    ),
    "api_children": (
        "ARRAY(SELECT c.id FROM agreements_agreement c"
        " WHERE c.parent_id = {agreement} AND {visible:c} ORDER BY c.position)",
        ArrayField(BigIntegerField()),
    ),
    "api_children_done": (
        "(SELECT count(*) FROM agreements_agreement c"
        f" WHERE c.parent_id = {{agreement}} AND c.status = '{Status.DONE}' AND {{visible:c}})",
        IntegerField(),
    ),
    "api_earlier": (_links("earlier", "later"), ArrayField(JSONField())),
    "api_later": (_links("later", "earlier"), ArrayField(JSONField())),
}
# Read by no page or representation, and large: the search vectors and meetings' summaries.
API_DEFERRED = (
    "search_vector",
    "meeting__search_vector",
    "meeting__summary",
    "meeting__parent__search_vector",
    "meeting__parent__summary",
)


def annotate_for_api(queryset, *, only: tuple[str, ...] | None = None, reader=None):
    """Everything a representation needs, in the one query that fetches the agreements.

    Actors, themes, children and lineage come as arrays from correlated subqueries, so a page
    of any size costs the same number of queries and no serializer touches the database.
    `only` names the arrays wanted, when not all of them are. Children, progress and lineage
    name only the agreements `reader` (a user or an Access) may see; without a reader, all.
    """
    access = None if reader is None else _access(reader)
    visible = None
    if access is not None and not access.is_ts_staff:
        visible = Agreement.objects.visible_to(access)
    return (
        queryset.with_states()
        .select_related("meeting", "meeting__country", "meeting__parent")
        .defer(*API_DEFERRED)
        .annotate(
            **{
                name: CorrelatedSQL(sql, output_field, visible)
                for name, (sql, output_field) in API_ANNOTATIONS.items()
                if only is None or name in only
            }
        )
    )


# --- The follow-up dashboard in one round trip ---------------------------------------------------


@dataclass(frozen=True)
class SQLRows:
    """Rows of hand-written SQL for rows_together(); it may read the shared rows as `shared`."""

    sql: str
    params: tuple = ()


def rows_together(*, shared=None, **parts) -> dict[str, list[dict]]:
    """The rows of several querysets (or SQLRows), as dicts, in one round trip to the database.

    Each part becomes a JSON array in one row of one SELECT, so a page that needs many small
    aggregates pays for one query instead of one each. `shared`, a queryset of values, is
    computed once (a materialized CTE named `shared`) for the SQLRows parts that read it, rather
    than once per part. Values arrive as JSON carries them: numbers, strings, booleans, nulls.
    """
    quote = connection.ops.quote_name
    columns, params = [], []
    prefix, prefix_params = "", ()
    if shared is not None:
        shared_sql, prefix_params = shared.query.sql_with_params()
        prefix = f"WITH shared AS MATERIALIZED ({shared_sql}) "
    for name, part in parts.items():
        if isinstance(part, SQLRows):
            sql, part_params = part.sql, part.params
        else:
            try:
                sql, part_params = part.query.sql_with_params()
            except EmptyResultSet:
                columns.append(f"'[]'::json AS {quote(name)}")
                continue
        columns.append(
            f"(SELECT coalesce(json_agg(row_to_json(r)), '[]'::json) FROM ({sql}) r)"
            f" AS {quote(name)}"
        )
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(prefix + "SELECT " + ", ".join(columns), [*prefix_params, *params])
        row = cursor.fetchone()
    return dict(zip(parts, row, strict=True))


@dataclass
class FilterChoices:
    """What the dashboard's selects offer."""

    countries: list[Country]
    themes: list[Theme]
    organisations: list[str]
    meetings: list[Meeting]


def _choice_parts(today: datetime.date, meetings) -> dict:
    return {
        "countries": Country.objects.members(today)
        .order_by("name_en")
        .values("code", "name_en", "name_es"),
        "themes": Theme.objects.order_by("code").values("code", "name_en", "name_es", "parent_id"),
        "organisations": Organisation.objects.exclude(kind=OrganisationKind.COOPERATING).values(
            "acronym"
        ),
        "meetings": meeting_values(meetings),
    }


def _choices(rows: dict) -> FilterChoices:
    return FilterChoices(
        countries=[Country(**row) for row in rows["countries"]],
        themes=[Theme(**row) for row in rows["themes"]],
        organisations=[row["acronym"] for row in rows["organisations"]],
        meetings=[meeting_from_row(row) for row in rows["meetings"]],
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
# codes (1.2, 1.2.3 are of 1); an agreement tagged with several of them counts once.
BY_THEME_AND_YEAR_SQL = """
    SELECT top.code AS top, m.year,
           count(DISTINCT s.id) AS total,
           count(DISTINCT s.id) FILTER (WHERE s.status IN (%s, %s)) AS pending,
           count(DISTINCT s.id) FILTER (WHERE s.overdue) AS overdue
      FROM shared s JOIN meetings_meeting m ON m.id = s.meeting_id
      JOIN agreements_agreement_themes at ON at.agreement_id = s.id
      JOIN agreements_theme t ON t.id = at.theme_id
      JOIN agreements_theme top ON top.parent_id IS NULL
           AND (t.code = top.code OR starts_with(t.code, top.code || '.'))
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
        themes_over_time=_themes_over_time(rows["by_theme_and_year"], themes, spanish),
        awaiting_validation=(
            sum(row["n"] for row in rows["awaiting"]) if access.is_ts_staff else None
        ),
        choices=choices,
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


def _by_theme(groups: list[dict], themes: list[Theme]) -> list[dict]:
    """Per theme of the Plan of Action, subtopics included (tests/agreements/reference_charts.py).

    An agreement belongs to one meeting and so to one year: summing the distinct counts of a
    theme's years counts each of its agreements once.
    """
    totals: dict[str, dict] = {}
    for group in groups:
        theme = totals.setdefault(group["top"], {"total": 0, "pending": 0, "overdue": 0})
        for key in ("total", "pending", "overdue"):
            theme[key] += group[key]
    empty = {"total": 0, "pending": 0, "overdue": 0}
    return [
        {"theme": theme, **totals.get(theme.code, empty)}
        for theme in themes
        if theme.parent_id is None
    ]


def _themes_over_time(groups: list[dict], themes: list[Theme], spanish: bool) -> dict:
    """Per year, the agreements of each top-level theme (tests/agreements/reference_charts.py)."""
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
                "counts": [0] * len(years),
            },
        )
        line["counts"][group["year"] - first] = group["total"]
    ordered = sorted(lines.values(), key=lambda line: _code_key(line["code"]))
    return {"years": years, "themes": ordered}


def _code_key(code: str):
    return (0, int(code)) if code.isdigit() else (1, code)


# What the pages show of a meeting read as a JSON row (Meeting.short_name, its link, its dates and
# place): its own fields, and names from its country and its parent (a meeting's part).
MEETING_ROW_FIELDS = (
    "id", "kind", "ordinal", "name_en", "name_es", "part", "city", "year", "starts_on", "ends_on",
    "date_precision", "virtual",
)  # fmt: skip
MEETING_ROW_RELATED = {
    "country_en": "country__name_en",
    "country_es": "country__name_es",
    "parent_kind": "parent__kind",
    "parent_ordinal": "parent__ordinal",
    "parent_name_en": "parent__name_en",
    "parent_name_es": "parent__name_es",
    "parent_city": "parent__city",
    "parent_year": "parent__year",
}


def meeting_row(prefix: str) -> dict:
    """JSONObject arguments for a meeting's row, from the meeting at `prefix` ("meeting__")."""
    return {
        **{name: F(f"{prefix}{name}") for name in MEETING_ROW_FIELDS},
        **{name: F(f"{prefix}{path}") for name, path in MEETING_ROW_RELATED.items()},
    }


def meeting_values(meetings, *also: str):
    """Meetings as rows for meeting_from_row(), with the annotations named in `also`."""
    related = {name: F(path) for name, path in MEETING_ROW_RELATED.items()}
    return meetings.values(*MEETING_ROW_FIELDS, *also, **related)


def meeting_from_row(row: dict) -> Meeting:
    """An unsaved Meeting made from meeting_row()'s JSON: enough for its name, link and dates."""
    meeting = Meeting(
        **{name: Meeting._meta.get_field(name).to_python(row[name]) for name in MEETING_ROW_FIELDS}
    )
    if row["country_en"]:
        meeting.country = Country(code="", name_en=row["country_en"], name_es=row["country_es"])
    else:
        meeting.country = None
    if row["parent_kind"]:
        meeting.parent = Meeting(
            kind=row["parent_kind"],
            ordinal=row["parent_ordinal"],
            name_en=row["parent_name_en"],
            name_es=row["parent_name_es"],
            city=row["parent_city"],
            year=row["parent_year"],
        )
    return meeting


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


# --- The country page ----------------------------------------------------------------------------

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


def agreements_for_table(agreements):
    """The rows of an agreements table (the pages and the exports): codes of actors and
    responsible come along; the API's other arrays, which no table shows, do not."""
    return annotate_for_api(agreements, only=("api_countries", "api_organisations"))


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
    return search_query(text)


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
    """The best matches the user may see, with the matched words marked (two queries).

    Agreements come as models with their headlines; the few instruments and meetings that
    match come together in one more query, as rows made into unsaved models.
    """
    from agreements.models import Instrument

    query = _search_query(text)
    rank = SearchRank(F("search_vector"), query)
    agreements = (
        Agreement.objects.visible_to(access)
        .filter(search_vector=query)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .annotate(
            rank=rank,
            headline_en=_headline("text_en", text, "english"),
            headline_es=_headline("text_es", text, "spanish"),
        )
        .order_by("-rank", "pk")[:limit]
    )
    instruments = (
        Instrument.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=rank)
        .order_by("-rank", "pk")
        .values("id", "kind", "name_en", "name_es", "rank")[:limit]
    )
    meetings = meeting_values(
        Meeting.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=rank)
        .order_by("-rank", "pk"),
        "rank",
    )[:limit]
    agreements = list(agreements)
    for agreement in agreements:
        agreement.highlight = highlighted(agreement.headline_es) or highlighted(
            agreement.headline_en
        )
    rows = rows_together(instruments=instruments, meetings=meetings)
    best_first = lambda row: (-row["rank"], row["id"])  # noqa: E731
    return {
        "agreements": agreements,
        "instruments": [
            Instrument(
                id=row["id"], kind=row["kind"], name_en=row["name_en"], name_es=row["name_es"]
            )
            for row in sorted(rows["instruments"], key=best_first)
        ],
        "meetings": [meeting_from_row(row) for row in sorted(rows["meetings"], key=best_first)],
    }


def other_language_hint(text: str, access) -> dict | None:
    """When the words have known equivalents in the other language, how many records the user
    may see match those (one query), so that the page can say "there are English results"
    (or Spanish ones). None when the words have no equivalent or it matches nothing."""
    from agreements.models import Instrument

    other = other_language_words(text)
    if other is None:
        return None
    language, words = other
    query = _search_query(words)
    count = (
        Agreement.objects.visible_to(access)
        .filter(search_vector=query)
        .values("pk")
        .union(
            Meeting.objects.visible_to(access).filter(search_vector=query).values("pk"),
            Instrument.objects.visible_to(access).filter(search_vector=query).values("pk"),
            all=True,
        )
        .count()
    )
    return {"language": language, "words": words, "count": count} if count else None
