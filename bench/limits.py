"""The limits: hand-written SQL for the rows each hot path answers with, and orjson.dumps.

Each function takes a raw psycopg2 cursor and returns the bytes a client would get if the
application added nothing to the database's work: no ORM, no serializer, no template. They read
the same rows as the application under the same visibility rule (`Viewer` says whose), so the
ratio app / limit is what the framework and our code cost on top.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import orjson

# --- Who reads: the visibility rule of meetings/models.py VisibilityQuerySet, by hand -----------


@dataclass(frozen=True)
class Viewer:
    """A member country's focal point (`user_id`), TS staff (`staff`) or anonymous (neither)."""

    user_id: int | None = None
    staff: bool = False

    def visible(self, alias: str, meeting_column: str) -> str:
        """The condition on `alias`.visibility; restricted rows need the user to be named."""
        if self.staff:
            return "TRUE"
        if self.user_id is None:
            return f"{alias}.visibility = 'public'"
        return (
            f"({alias}.visibility IN ('public', 'members') OR ({alias}.visibility = 'restricted'"
            f" AND EXISTS (SELECT 1 FROM meetings_meeting_named_users nu"
            f" WHERE nu.meeting_id = {meeting_column} AND nu.user_id = {int(self.user_id)})))"
        )


def _rows(cursor) -> list[dict]:
    names = [column.name for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _dumps(data) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


# --- Agreements: a row with everything its representation carries -------------------------------

AGREEMENT_COLUMNS = """
    a.id, a.meeting_id, m.kind AS meeting_kind, m.ordinal AS meeting_ordinal,
    m.name_en AS meeting_name, m.city AS meeting_city, m.year AS meeting_year,
    a.section, a."group", a.ref, a.parent_id, a.position, a.text_en, a.text_es, a.action,
    (SELECT coalesce(json_agg(json_build_object('code', c.country_id, 'responsible',
            c.responsible, 'status', c.status) ORDER BY c.country_id), '[]')
       FROM agreements_agreementcountry c WHERE c.agreement_id = a.id) AS countries,
    (SELECT coalesce(json_agg(json_build_object('code', o.acronym, 'responsible',
            ao.responsible) ORDER BY o.acronym), '[]')
       FROM agreements_agreementorganisation ao
       JOIN rcm_organisation o ON o.id = ao.organisation_id
      WHERE ao.agreement_id = a.id) AS organisations,
    ARRAY(SELECT t.code FROM agreements_agreement_themes at
            JOIN agreements_theme t ON t.id = at.theme_id
           WHERE at.agreement_id = a.id ORDER BY t.code) AS themes,
    ARRAY(SELECT ch.id FROM agreements_agreement ch
           WHERE ch.parent_id = a.id ORDER BY ch.position) AS children,
    (SELECT count(*) FROM agreements_agreement ch
      WHERE ch.parent_id = a.id AND ch.status = 'done') AS children_done,
    (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', l.kind, 'ref', e.ref,
            'meeting', e.meeting_id) ORDER BY e.position), '[]')
       FROM agreements_agreementlink l JOIN agreements_agreement e ON e.id = l.earlier_id
      WHERE l.later_id = a.id) AS earlier,
    (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', l.kind, 'ref', e.ref,
            'meeting', e.meeting_id) ORDER BY e.position), '[]')
       FROM agreements_agreementlink l JOIN agreements_agreement e ON e.id = l.later_id
      WHERE l.earlier_id = a.id) AS later,
    a.deadline, a.deadline_text, a.deadline_precision, a.status, a.status_changed_at,
    a.visibility, a.source
"""

# A row of an agreements table (the pages, the exports): who is named and who must act, but none
# of the API's other arrays.
TABLE_COLUMNS = (
    AGREEMENT_COLUMNS.split("    ARRAY(SELECT t.code")[0]
    + """
    a.deadline, a.deadline_text, a.deadline_precision, a.status, a.status_changed_at,
    a.visibility, a.source
"""
)

CONCERNS_COUNTRY = (
    "EXISTS (SELECT 1 FROM agreements_agreementcountry c"
    " WHERE c.agreement_id = a.id AND c.country_id = %(country)s)"
)
OVERDUE_FOR_COUNTRY = (
    "a.status IN ('open', 'in_progress') AND a.due_on < %(today)s"
    " AND EXISTS (SELECT 1 FROM agreements_agreementcountry c WHERE c.agreement_id = a.id"
    " AND c.country_id = %(country)s AND c.responsible"
    " AND c.status IN ('', 'open', 'in_progress'))"
)
DOCUMENT_ORDER = "m.starts_on DESC, a.meeting_id, a.position"


def _agreement_page(cursor, where: str, params: dict, *, size: int, order: str = DOCUMENT_ORDER):
    cursor.execute(f"SELECT count(*) FROM agreements_agreement a WHERE {where}", params)
    count = cursor.fetchone()[0]
    cursor.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM agreements_agreement a"
        f" JOIN meetings_meeting m ON m.id = a.meeting_id"
        f" WHERE {where} ORDER BY {order} LIMIT {int(size)}",
        params,
    )
    return count, _rows(cursor)


def agreements_list(cursor, viewer: Viewer, *, country: str, status: str, size: int = 50):
    visible = viewer.visible("a", "a.meeting_id")
    where = f"a.status = %(status)s AND {CONCERNS_COUNTRY} AND {visible}"
    count, rows = _agreement_page(cursor, where, {"country": country, "status": status}, size=size)
    return _dumps({"count": count, "next": None, "previous": None, "results": rows})


def overdue_count(cursor, viewer: Viewer, *, country: str, today: datetime.date):
    where = f"{OVERDUE_FOR_COUNTRY} AND {viewer.visible('a', 'a.meeting_id')}"
    count, rows = _agreement_page(cursor, where, {"country": country, "today": today}, size=1)
    return _dumps({"count": count, "results": rows})


def agreement_detail(cursor, viewer: Viewer, *, pk: int):
    cursor.execute(
        f"SELECT {AGREEMENT_COLUMNS} FROM agreements_agreement a"
        f" JOIN meetings_meeting m ON m.id = a.meeting_id"
        f" WHERE a.id = %(pk)s AND {viewer.visible('a', 'a.meeting_id')}",
        {"pk": pk},
    )
    return _dumps(_rows(cursor)[0])


def not_modified(cursor, viewer: Viewer, *, pk: int):
    """A 304 by hand: the representation's row, hashed and compared, nothing sent."""
    agreement_detail(cursor, viewer, pk=pk)
    return b""


# --- Meetings ------------------------------------------------------------------------------------

MEETING_COLUMNS = """
    m.id, m.kind, m.ordinal, m.name_en, m.name_es, m.parent_id, m.part, m.year, m.starts_on,
    m.ends_on, m.date_precision, m.city, m.country_id, m.virtual, m.status, m.visibility,
    (SELECT coalesce(json_agg(json_build_object('country', p.country_id, 'organisation',
            o.acronym, 'role', p.role, 'note', p.note) ORDER BY p.role, p.country_id, p.id), '[]')
       FROM meetings_participation p LEFT JOIN rcm_organisation o ON o.id = p.organisation_id
      WHERE p.meeting_id = m.id) AS participants,
    m.summary, m.source
"""


def meetings_list(cursor, viewer: Viewer, *, size: int = 50):
    where = viewer.visible("m", "m.id")
    cursor.execute(f"SELECT count(*) FROM meetings_meeting m WHERE {where}")
    count = cursor.fetchone()[0]
    cursor.execute(
        f"SELECT {MEETING_COLUMNS} FROM meetings_meeting m WHERE {where}"
        f" ORDER BY m.year DESC, m.starts_on DESC, m.id LIMIT {int(size)}"
    )
    return _dumps({"count": count, "results": _rows(cursor)})


# --- The follow-up dashboard ---------------------------------------------------------------------


def dashboard(cursor, viewer: Viewer, *, country: str, today: datetime.date, size: int = 50):
    """Everything the page shows: filter choices, counts, the tables, the charts, a page."""
    params = {"country": country, "today": today}
    where = f"{CONCERNS_COUNTRY} AND {viewer.visible('a', 'a.meeting_id')}"
    cursor.execute(
        f"""
        SELECT
          (SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'name', m.name_en,
                  'year', m.year, 'ordinal', m.ordinal, 'city', m.city)
                  ORDER BY m.year DESC, m.starts_on DESC)
             FROM meetings_meeting m
            WHERE {viewer.visible("m", "m.id")}
              AND EXISTS (SELECT 1 FROM agreements_agreement x WHERE x.meeting_id = m.id))
            AS meetings,
          (SELECT json_agg(json_build_object('code', c.code, 'name', c.name_en)
                  ORDER BY c.name_en)
             FROM rcm_country c WHERE EXISTS (SELECT 1 FROM rcm_countrystatus s
              WHERE s.country_id = c.code AND s.status = 'member' AND s.since <= %(today)s
                AND (s.until IS NULL OR s.until >= %(today)s))) AS countries,
          (SELECT json_agg(json_build_object('code', t.code, 'name', t.name_en,
                  'top', t.parent_id IS NULL) ORDER BY t.code)
             FROM agreements_theme t) AS themes,
          (SELECT json_agg(o.acronym ORDER BY o.acronym) FROM rcm_organisation o
            WHERE o.kind <> 'cooperating') AS organisations
        """,
        params,
    )
    choices = _rows(cursor)[0]
    overdue = "a.status IN ('open', 'in_progress') AND a.due_on < %(today)s"
    on_time = "(a.due_on IS NULL OR a.due_on >= %(today)s)"
    cursor.execute(
        f"""
        SELECT m.kind, m.year, count(*) AS total,
               count(*) FILTER (WHERE a.status = 'open') AS open,
               count(*) FILTER (WHERE a.status = 'in_progress') AS in_progress,
               count(*) FILTER (WHERE a.status = 'done') AS done,
               count(*) FILTER (WHERE {overdue}) AS overdue,
               count(*) FILTER (WHERE a.status = 'no_follow_up') AS no_follow_up,
               count(*) FILTER (WHERE a.status IN ('superseded', 'dropped')) AS closed,
               count(*) FILTER (WHERE a.status = 'open' AND {on_time}) AS open_on_time,
               count(*) FILTER (WHERE a.status = 'in_progress' AND {on_time})
                 AS in_progress_on_time
          FROM agreements_agreement a JOIN meetings_meeting m ON m.id = a.meeting_id
         WHERE {where} GROUP BY m.kind, m.year
        """,
        params,
    )
    by_kind_and_year = _rows(cursor)
    cursor.execute(
        f"""
        SELECT split_part(t.code, '.', 1) AS top, m.year, count(DISTINCT a.id) AS total,
               count(DISTINCT a.id) FILTER (WHERE a.status IN ('open', 'in_progress')) AS pending,
               count(DISTINCT a.id) FILTER (WHERE {overdue}) AS overdue
          FROM agreements_agreement a JOIN meetings_meeting m ON m.id = a.meeting_id
          JOIN agreements_agreement_themes at ON at.agreement_id = a.id
          JOIN agreements_theme t ON t.id = at.theme_id
         WHERE {where} GROUP BY 1, 2
        """,
        params,
    )
    by_theme_and_year = _rows(cursor)
    cursor.execute(
        f"""
        SELECT c.country_id, count(DISTINCT a.id) AS count
          FROM agreements_agreementcountry c JOIN agreements_agreement a ON a.id = c.agreement_id
         WHERE c.responsible AND c.status NOT IN ('done', 'superseded', 'dropped', 'no_follow_up')
           AND {overdue} AND {where}
         GROUP BY c.country_id ORDER BY 2 DESC LIMIT 20
        """,
        params,
    )
    overdue_by_country = _rows(cursor)
    cursor.execute(
        f"SELECT {TABLE_COLUMNS} FROM agreements_agreement a"
        f" JOIN meetings_meeting m ON m.id = a.meeting_id"
        f" WHERE {where} ORDER BY {DOCUMENT_ORDER} LIMIT {int(size)}",
        params,
    )
    page = _rows(cursor)
    return _dumps(
        {
            "choices": choices,
            "by_kind_and_year": by_kind_and_year,
            "by_theme_and_year": by_theme_and_year,
            "overdue_by_country": overdue_by_country,
            "page": page,
        }
    )


# --- The country page ----------------------------------------------------------------------------


def country_page(cursor, viewer: Viewer, *, country: str, today: datetime.date):
    params = {"country": country, "today": today}
    visible = viewer.visible("a", "a.meeting_id")
    cursor.execute(
        f"""
        SELECT c.code, c.name_en, c.name_es,
          (SELECT s.status FROM rcm_countrystatus s WHERE s.country_id = c.code
              AND s.since <= %(today)s AND (s.until IS NULL OR s.until >= %(today)s)
            ORDER BY s.since LIMIT 1) AS status,
          (SELECT count(*) FROM agreements_agreement a
            WHERE {OVERDUE_FOR_COUNTRY} AND {visible}) AS overdue_count,
          (SELECT coalesce(json_agg(json_build_object('kind', f.institution_kind,
                  'institution', f.institution_en, 'person', f.person_name, 'title', f.title,
                  'email', f.email, 'phone', f.phone)), '[]')
             FROM rcm_focalpoint f WHERE f.country_id = c.code AND f.active) AS focal_points,
          (SELECT coalesce(json_agg(json_build_object('year', p.year) ORDER BY p.year), '[]')
             FROM rcm_presidency p WHERE p.country_id = c.code) AS presidencies,
          (SELECT coalesce(json_agg(json_build_object('role', p.role, 'id', m.id,
                  'kind', m.kind, 'ordinal', m.ordinal, 'name', m.name_en, 'city', m.city,
                  'year', m.year) ORDER BY m.year DESC, m.starts_on DESC), '[]')
             FROM meetings_participation p JOIN meetings_meeting m ON m.id = p.meeting_id
            WHERE p.country_id = c.code AND {viewer.visible("m", "m.id")}) AS participations
          FROM rcm_country c WHERE c.code = %(country)s
        """,
        params,
    )
    head = _rows(cursor)[0]
    cursor.execute(
        f"SELECT {TABLE_COLUMNS} FROM agreements_agreement a"
        f" JOIN meetings_meeting m ON m.id = a.meeting_id"
        f" WHERE a.status IN ('open', 'in_progress') AND EXISTS (SELECT 1 FROM"
        f" agreements_agreementcountry c WHERE c.agreement_id = a.id AND c.country_id ="
        f" %(country)s AND c.responsible AND c.status IN ('', 'open', 'in_progress'))"
        f" AND {visible} ORDER BY a.due_on, m.starts_on, a.position LIMIT 200",
        params,
    )
    return _dumps({**head, "pending": _rows(cursor)})


# --- Search --------------------------------------------------------------------------------------

QUERY = (
    "(websearch_to_tsquery('english'::regconfig, %(q)s)"
    " || websearch_to_tsquery('spanish'::regconfig, %(q)s))"
)


def search(cursor, viewer: Viewer, *, text: str, limit: int = 30):
    params = {"q": text}
    cursor.execute(
        f"""
        SELECT a.id, a.ref, m.kind, m.ordinal, m.name_en, m.city, m.year,
               ts_rank(a.search_vector, {QUERY}) AS rank,
               ts_headline('english'::regconfig, a.text_en,
                           websearch_to_tsquery('english'::regconfig, %(q)s),
                           'MaxWords=40, MinWords=15, HighlightAll=false') AS headline_en,
               ts_headline('spanish'::regconfig, a.text_es,
                           websearch_to_tsquery('spanish'::regconfig, %(q)s),
                           'MaxWords=40, MinWords=15, HighlightAll=false') AS headline_es
          FROM agreements_agreement a JOIN meetings_meeting m ON m.id = a.meeting_id
         WHERE a.search_vector @@ {QUERY} AND {viewer.visible("a", "a.meeting_id")}
         ORDER BY rank DESC, a.id LIMIT {int(limit)}
        """,
        params,
    )
    agreements = _rows(cursor)
    cursor.execute(
        f"""
        SELECT i.id, i.kind, i.name_en, ts_rank(i.search_vector, {QUERY}) AS rank
          FROM agreements_instrument i
         WHERE i.search_vector @@ {QUERY} AND {viewer.visible("i", "NULL")}
         ORDER BY rank DESC, i.id LIMIT {int(limit)}
        """,
        params,
    )
    instruments = _rows(cursor)
    cursor.execute(
        f"""
        SELECT m.id, m.kind, m.ordinal, m.name_en, m.city, m.year, m.starts_on, m.ends_on,
               ts_rank(m.search_vector, {QUERY}) AS rank
          FROM meetings_meeting m
         WHERE m.search_vector @@ {QUERY} AND {viewer.visible("m", "m.id")}
         ORDER BY rank DESC, m.id LIMIT {int(limit)}
        """,
        params,
    )
    meetings = _rows(cursor)
    return _dumps({"agreements": agreements, "instruments": instruments, "meetings": meetings})


# --- The calendar feed ---------------------------------------------------------------------------


def calendar_feed(cursor, viewer: Viewer, *, start: datetime.date):
    params = {"start": start}
    cursor.execute(
        f"""
        SELECT m.id, m.kind, m.ordinal, m.name_en, m.city, m.year, m.starts_on, m.ends_on,
               m.date_precision, m.status, m.summary, m.virtual, c.name_en AS country,
               EXISTS (SELECT 1 FROM agreements_agreement_proposed_activities pa
                        WHERE pa.meeting_id = m.id) AS proposed
          FROM meetings_meeting m LEFT JOIN rcm_country c ON c.code = m.country_id
         WHERE m.parent_id IS NULL AND m.starts_on IS NOT NULL AND m.date_precision <> 'year'
           AND coalesce(m.ends_on, m.starts_on) >= date_trunc('month', %(start)s::date)::date
           AND {viewer.visible("m", "m.id")}
         ORDER BY m.starts_on, m.id
        """,
        params,
    )
    meetings = _rows(cursor)
    cursor.execute(
        f"""
        SELECT a.id, a.ref, a.text_en, a.due_on, a.deadline_text, a.status,
               m.kind, m.ordinal, m.name_en, m.city, m.year
          FROM agreements_agreement a JOIN meetings_meeting m ON m.id = a.meeting_id
         WHERE a.due_on IS NOT NULL
           AND (a.due_on >= %(start)s OR a.status IN ('open', 'in_progress'))
           AND {viewer.visible("a", "a.meeting_id")}
         ORDER BY a.due_on, a.id
        """,
        params,
    )
    deadlines = _rows(cursor)
    return _dumps({"meetings": meetings, "deadlines": deadlines})


# --- The CSV export ------------------------------------------------------------------------------

EXPORT_CHUNK = 2000


def export(connection, viewer: Viewer) -> int:
    """Every row of the dashboard's export through a server-side cursor, chunk by chunk."""
    total = 0
    # WITH HOLD: a server-side cursor outside a transaction, as Django opens them.
    with connection.cursor(name="bench_export", withhold=True) as cursor:
        cursor.itersize = EXPORT_CHUNK
        cursor.execute(
            f"SELECT {TABLE_COLUMNS} FROM agreements_agreement a"
            f" JOIN meetings_meeting m ON m.id = a.meeting_id"
            f" WHERE {viewer.visible('a', 'a.meeting_id')} ORDER BY {DOCUMENT_ORDER}"
        )
        names = None
        while True:
            rows = cursor.fetchmany(EXPORT_CHUNK)
            if not rows:
                break
            if names is None:
                names = [column.name for column in cursor.description]
            total += len(_dumps([dict(zip(names, row, strict=True)) for row in rows]))
    return total
