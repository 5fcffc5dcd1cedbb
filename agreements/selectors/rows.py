"""Rows in one round trip: several querysets (or hand-written SQL) as JSON arrays of one query,
and meetings read as such rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    F,
)

from meetings.models import Meeting
from rcm.models import (
    Country,
)


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


# What the pages show of a meeting read as a JSON row (Meeting.short_name, its link, its dates and
# place): its own fields, and names from its country and its parent (a meeting's part).
MEETING_ROW_FIELDS = (
    "id", "kind", "ordinal", "name_en", "name_es", "part", "city", "city_es", "year", "starts_on",
    "ends_on", "date_precision", "virtual",
)  # fmt: skip
MEETING_ROW_RELATED = {
    "country_en": "country__name_en",
    "country_es": "country__name_es",
    "parent_kind": "parent__kind",
    "parent_ordinal": "parent__ordinal",
    "parent_name_en": "parent__name_en",
    "parent_name_es": "parent__name_es",
    "parent_city": "parent__city",
    "parent_city_es": "parent__city_es",
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
            city_es=row["parent_city_es"],
            year=row["parent_year"],
        )
    return meeting
