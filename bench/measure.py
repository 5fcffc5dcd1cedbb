"""Measure every hot path at one scale: a worker that bench/run.py drives.

run.py starts one worker per scale, with DATABASE_URL naming that scale's database (settings are
read at start-up), and sends it commands, one JSON line each: time a path, describe it, measure
the export's memory, check the search index. For each path, in this one process:
  (a) the limit: bench/limits.py, hand-written SQL through a raw psycopg2 cursor + orjson.dumps;
  (b) the app: the same request through Django's full stack with django.test.Client
      (middleware, session or token authentication, filters, serializers, templates, renderer);
timed in turns (limit, app, limit, app …), queries per request (CaptureQueriesContext; list
paths at 1 row and at a full page), and peak Python memory (tracemalloc) of one request.
Progress goes to stderr; answers go to stdout.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import re
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rcm.settings")
# The benchmark measures the work each page does, as when the records have just changed: with
# pages kept until then (rcm/records_cache.py), every repeat would only read the cache.
# `make load` measures what is served, keeping on.
os.environ["RECORDS_CACHE_SECONDS"] = "0"

import django  # noqa: E402

# whitenoise warns when collectstatic has not run (a fresh clone): the benchmark serves no file.
warnings.filterwarnings("ignore", message="No directory at")
django.setup()

from django.conf import settings  # noqa: E402

# Static files as the tests serve them: the manifest of hashed names exists only after
# collectstatic, which a fresh clone has not run; looking a name up costs the same.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import limits  # noqa: E402
from bench.limits import Viewer  # noqa: E402

COUNTRY = "MX"
STATUS = "in_progress"
# A search someone types for one kind of agreement (dozens of matches at M, hundreds at L: the
# page shows the best 30 at both), and one word that matches a large share of all agreements.
SEARCH_SPECIFIC = "regional workshop on remittances"
SEARCH_BROAD = "trafficking"
EXPORT_REPS = 3
# The feed writes thousands of events at scale: a second or more each (see RESULTS.md).
FEED_REPS = 10
UNINDEXED_REPS = 3

# Queries that authenticate the request rather than answer it: the session and its user, an
# API token, and what access_for() reads (the user's roles, their country's status today).
AUTH_PATTERNS = [
    re.compile(p)
    for p in (
        r'FROM "django_session"',
        r'FROM "rcm_user" WHERE "rcm_user"\."id" =',
        r'FROM "auth_group" INNER JOIN "rcm_user_groups"',
        r'ARRAY_AGG\("auth_group"\."name"',
        r'FROM "rcm_apitoken"',
        r'UPDATE "rcm_apitoken"',
        r'^SELECT "rcm_countrystatus"\."status"( AS "status")? FROM "rcm_countrystatus"',
    )
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def is_auth_query(sql: str) -> bool:
    return any(pattern.search(sql) for pattern in AUTH_PATTERNS)


# --- Timing ------------------------------------------------------------------------------------


def timings(function: Callable[[], object], *, reps: int, warmup: int) -> list[float]:
    """Milliseconds of each of `reps` calls after `warmup` untimed ones; GC runs between calls."""
    for _ in range(warmup):
        function()
    samples = []
    gc.collect()
    for _ in range(reps):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def paired_timings(first, second, *, reps: int, warmup: int) -> tuple[list[float], list[float]]:
    """Milliseconds of `first` and `second` called in turns, so that both meet the same load:
    on a shared machine the load drifts, and the ratio of the two is what matters."""
    for _ in range(warmup):
        first()
        second()
    a, b = [], []
    gc.collect()
    for _ in range(reps):
        started = time.perf_counter()
        first()
        middle = time.perf_counter()
        second()
        ended = time.perf_counter()
        a.append((middle - started) * 1000)
        b.append((ended - middle) * 1000)
    return a, b


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def peak_memory(function: Callable[[], object]) -> float:
    """Peak Python memory of one call, in MiB above what was allocated before it."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / 1024 / 1024


def rss_high_water_mib() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def reset_rss_high_water() -> bool:
    """Linux resets the peak resident set size when 5 is written to clear_refs."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


# --- The people who make the requests ----------------------------------------------------------


@dataclass
class People:
    focal_point_id: int
    staff_id: int
    session: Client  # a focal point of COUNTRY, signed in
    staff: Client  # TS staff, signed in
    api: Client  # a focal point's API token
    anonymous: Client


class HttpsClient(Client):
    """Deployment settings redirect plain HTTP: requests come as if through the TLS proxy."""

    def get(self, path, data=None, **extra):
        return super().get(path, data, secure=True, **extra)


def https_client() -> Client:
    return HttpsClient()


def people() -> People:
    from django.contrib.auth.models import Group

    from rcm.models import APIToken, Country, Role, User
    from rcm.services import api_token_create

    country = Country.objects.get(code=COUNTRY)
    focal_point, _ = User.objects.get_or_create(
        username="bench-focal-point", defaults={"country": country}
    )
    focal_point.groups.set([Group.objects.get(name=Role.FOCAL_POINT)])
    staff, _ = User.objects.get_or_create(username="bench-ts-staff", defaults={"is_staff": True})
    staff.groups.set([Group.objects.get(name=Role.TS_STAFF)])
    APIToken.objects.filter(user=focal_point).delete()
    _, key = api_token_create(user=focal_point, name="bench")
    session = https_client()
    session.force_login(focal_point)
    staff_client = https_client()
    staff_client.force_login(staff)
    api = https_client()
    api.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return People(focal_point.pk, staff.pk, session, staff_client, api, https_client())


# --- Paths -------------------------------------------------------------------------------------


@dataclass
class HotPath:
    """One hot path: the request the app answers and the limit that reads the same rows."""

    name: str
    label: str
    kind: str  # api-list, api-detail, html, count, feed, export, conditional
    client: Client
    url: str
    limit: Callable[[], object]
    headers: dict = field(default_factory=dict)
    expect: int = 200
    paginated: bool = False
    few_rows_url: str | None = None  # for the queries at 1 row and at a full page
    many_rows_url: str | None = None
    reps: int | None = None
    warmup: int = 20
    note: str = ""
    informational: bool = False  # shown, not held to the targets


def fetch(client: Client, url: str, headers: dict, expect: int):
    response = client.get(url, **headers)
    if response.status_code != expect:
        raise SystemExit(
            f"bench: GET {url} answered {response.status_code}, expected {expect}:\n"
            f"{response.content[:2000]!r}"
        )
    if response.streaming:
        size = 0
        for chunk in response.streaming_content:
            size += len(chunk)
        return size
    return len(response.content)


def raw(function, *args, **kwargs) -> Callable[[], object]:
    """The limit runs on the same connection as the app, through psycopg2's own cursor."""

    def call():
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            return function(cursor, *args, **kwargs)

    return call


def sample_ids(people: People) -> dict:
    from django.db.models import Count

    from agreements.models import Agreement
    from rcm.models import access_for

    visible = Agreement.objects.visible_to(access_for(_user(people.focal_point_id)))
    # A sub-item with lineage, a parent and themes: a representation with every part filled.
    detail = (
        visible.filter(parent__isnull=False, links_to_earlier__isnull=False, visibility="public")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    ) or visible.filter(visibility="public").order_by("pk").values_list("pk", flat=True).first()
    # The meeting with the fewest agreements COUNTRY must act on: the dashboard at a few rows.
    # Its ?country= is "responsible" (DashboardFilter.of_country); one that only mentions the
    # country would give the dashboard no row at all.
    few_meeting = (
        visible.responsible_country(COUNTRY)
        .values("meeting_id")
        .annotate(n=Count("pk"))
        .order_by("n", "meeting_id")
        .values_list("meeting_id", flat=True)
        .first()
    )
    # The latest Vice-Ministerial Meeting: its agenda gathers the most recommendations and items.
    from meetings.models import Meeting, MeetingKind

    agenda_meeting = (
        Meeting.objects.filter(kind=MeetingKind.VICE_MINISTERIAL, parent__isnull=True)
        .order_by("-year", "-starts_on", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return {"detail": detail, "few_meeting": few_meeting, "agenda_meeting": agenda_meeting}


def _user(pk: int):
    from rcm.models import User

    return User.objects.get(pk=pk)


def hot_paths(people: People) -> list[HotPath]:
    today = timezone.localdate()
    focal_point = Viewer(user_id=people.focal_point_id)
    staff = Viewer(staff=True)
    anonymous = Viewer()
    ids = sample_ids(people)
    detail_url = f"/api/v1/agreements/{ids['detail']}/"
    etag = people.anonymous.get(detail_url)["ETag"]
    list_url = f"/api/v1/agreements/?country={COUNTRY}&status={STATUS}"
    feed_start = today - datetime.timedelta(days=366)
    return [
        HotPath(
            "agreements_list",
            f"Agreements list (API, page of 50, ?country={COUNTRY}&status={STATUS})",
            "api-list",
            people.anonymous,
            list_url,
            raw(limits.agreements_list, anonymous, country=COUNTRY, status=STATUS),
            paginated=True,
            few_rows_url=list_url + "&page_size=1",
            many_rows_url=list_url + "&page_size=200",
        ),
        HotPath(
            "agreements_list_token",
            "The same list with a focal point's API token",
            "api-list",
            people.api,
            list_url,
            raw(limits.agreements_list, focal_point, country=COUNTRY, status=STATUS),
            paginated=True,
            informational=True,
            note=(
                "a token costs two queries: the token with its user; the roles with the "
                "country's standing"
            ),
        ),
        HotPath(
            "agreement_detail",
            "Agreement detail (API)",
            "api-detail",
            people.anonymous,
            detail_url,
            raw(limits.agreement_detail, anonymous, pk=ids["detail"]),
        ),
        HotPath(
            "not_modified",
            "Agreement detail, If-None-Match → 304 (API)",
            "conditional",
            people.anonymous,
            detail_url,
            raw(limits.not_modified, anonymous, pk=ids["detail"]),
            headers={"HTTP_IF_NONE_MATCH": etag},
            expect=304,
        ),
        HotPath(
            "meetings_list",
            "Meetings list (API, page of 50)",
            "api-list",
            people.anonymous,
            "/api/v1/meetings/",
            raw(limits.meetings_list, anonymous),
            paginated=True,
            few_rows_url="/api/v1/meetings/?page_size=1",
            many_rows_url="/api/v1/meetings/?page_size=200",
        ),
        HotPath(
            "dashboard",
            f"Follow-up dashboard (HTML, ?country={COUNTRY}, focal point)",
            "html",
            people.session,
            f"/follow-up/?country={COUNTRY}",
            raw(limits.dashboard, focal_point, country=COUNTRY, today=today),
            paginated=True,
            few_rows_url=f"/follow-up/?country={COUNTRY}&meeting={ids['few_meeting']}",
            many_rows_url=f"/follow-up/?country={COUNTRY}",
        ),
        HotPath(
            "country_page",
            f"Country page (HTML, /countries/{COUNTRY}/, focal point)",
            "html",
            people.session,
            f"/countries/{COUNTRY}/",
            raw(limits.country_page, focal_point, country=COUNTRY, today=today),
            note=(
                "not paginated: the pending list stops at 200 rows, but the page lists every"
                " meeting the country took part in"
            ),
        ),
        HotPath(
            "workspace",
            f"Focal point's workspace (HTML, /my/, a focal point of {COUNTRY})",
            "html",
            people.session,
            "/my/",
            raw(limits.country_page, focal_point, country=COUNTRY, today=today),
            informational=True,
            note=(
                "limit: the country page's reads (the same pending agreements); the workspace"
                " also reads the country's updates and contributions"
            ),
        ),
        HotPath(
            "agenda",
            "A meeting's agenda (HTML, /meetings/<latest RCM>/agenda/, focal point)",
            "html",
            people.session,
            f"/meetings/{ids['agenda_meeting']}/agenda/",
            raw(limits.overdue_count, focal_point, country=COUNTRY, today=today),
            informational=True,
            note=(
                "limit: the overdue count; the agenda lists every item due or overdue at the"
                " meeting, so it grows with them"
            ),
        ),
        HotPath(
            "search",
            f"Full-text search (HTML, “{SEARCH_SPECIFIC}”, focal point)",
            "html",
            people.session,
            "/search/?q=" + SEARCH_SPECIFIC.replace(" ", "+"),
            raw(limits.search, focal_point, text=SEARCH_SPECIFIC),
            paginated=True,
        ),
        HotPath(
            "search_broad",
            f"Full-text search, one common word (HTML, “{SEARCH_BROAD}”, focal point)",
            "html",
            people.session,
            "/search/?q=" + SEARCH_BROAD,
            raw(limits.search, focal_point, text=SEARCH_BROAD),
            note="every match is ranked to find the best 30: grows with the matches",
        ),
        HotPath(
            "overdue_count",
            f"Overdue count (API, ?overdue=true&country={COUNTRY}&page_size=1)",
            "count",
            people.anonymous,
            f"/api/v1/agreements/?overdue=true&country={COUNTRY}&page_size=1",
            raw(limits.overdue_count, anonymous, country=COUNTRY, today=today),
            note="a COUNT over every overdue agreement: grows with them",
        ),
        HotPath(
            "calendar_feed",
            "Calendar feed (/calendar.ics, anonymous)",
            "feed",
            people.anonymous,
            "/calendar.ics",
            raw(limits.calendar_feed, anonymous, start=feed_start),
            reps=FEED_REPS,
            warmup=1,
            note=(
                f"{FEED_REPS} repetitions: every event of the last year and ahead and every "
                "deadline still pending, whatever its date: grows with them"
            ),
        ),
        HotPath(
            "export_csv",
            "CSV export of the dashboard, every agreement (TS staff)",
            "export",
            people.staff,
            "/follow-up/export.csv",
            lambda: limits.export(_raw_connection(), staff),
            reps=EXPORT_REPS,
            warmup=0,  # the memory measurement streamed it already
            note=f"{EXPORT_REPS} repetitions: each streams every row",
        ),
    ]


def _raw_connection():
    connection.ensure_connection()
    return connection.connection


# --- Measuring one path ------------------------------------------------------------------------


def count_queries(path: HotPath, url: str) -> dict:
    with CaptureQueriesContext(connection) as context:
        fetch(path.client, url, path.headers, path.expect)
    sqls = [query["sql"] for query in context.captured_queries]
    auth = sum(1 for sql in sqls if is_auth_query(sql))
    return {"total": len(sqls), "auth": auth, "view": len(sqls) - auth, "sql": sqls}


def page_rows(path: HotPath, url: str) -> int:
    response = path.client.get(url, **path.headers)
    if response.get("Content-Type", "").startswith("application/json"):
        return len(response.json().get("results", []))
    # An HTML table: one link to an agreement per row.
    return len(re.findall(rb'<td data-label="[^"]*"><a href="/agreements/', response.content))


def describe(path: HotPath) -> dict:
    """Everything but the timings: sizes, queries (at 1 row and at a full page), memory."""
    app = lambda: fetch(path.client, path.url, path.headers, path.expect)  # noqa: E731
    limit_size = path.limit()
    result: dict = {
        "name": path.name,
        "label": path.label,
        "kind": path.kind,
        "url": path.url,
        "paginated": path.paginated,
        "note": path.note,
        "informational": path.informational,
        "bytes": app(),
        "limit_bytes": limit_size if isinstance(limit_size, int) else len(limit_size),
        "queries": count_queries(path, path.url),
    }
    if path.few_rows_url and path.many_rows_url:
        result["queries_few"] = count_queries(path, path.few_rows_url)
        result["queries_many"] = count_queries(path, path.many_rows_url)
        result["rows_few"] = page_rows(path, path.few_rows_url)
        result["rows_many"] = page_rows(path, path.many_rows_url)
    if path.kind != "export":
        result["memory_mib"] = peak_memory(app)
    return result


def time_path(path: HotPath, reps: int) -> dict:
    """`reps` timings of the limit and of the app, taken in turns, after a warm-up."""
    app = lambda: fetch(path.client, path.url, path.headers, path.expect)  # noqa: E731
    warmup = min(path.warmup, max(1, reps // 5)) if path.reps is None else path.warmup
    limit_ms, app_ms = paired_timings(path.limit, app, reps=reps, warmup=warmup)
    return {"limit": limit_ms, "app": app_ms}


def measure_export_memory(path: HotPath, *, python_peak: bool) -> dict:
    """Streams the whole export: peak RSS growth (Linux), and with `python_peak` once more
    under tracemalloc (which slows it down threefold) for the peak of Python's allocations."""
    from agreements.models import Agreement

    fetch(path.client, path.url + "?year=1996", path.headers, path.expect)  # imports, caches
    gc.collect()
    out: dict = {"rows": Agreement.objects.count()}
    if reset_rss_high_water():
        before = rss_high_water_mib()
        fetch(path.client, path.url, path.headers, path.expect)
        out["rss_growth_mib"] = rss_high_water_mib() - before
    if python_peak:
        out["python_peak_mib"] = peak_memory(
            lambda: fetch(path.client, path.url, path.headers, path.expect)
        )
    return out


# --- Search: the GIN index against an unindexed SearchVector -------------------------------------


def search_index_check(people: People) -> dict:
    """EXPLAIN of the app's search, and the same search with vectors computed on the fly."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
    from django.db.models import F

    from agreements.models import Agreement
    from rcm.models import access_for

    access = access_for(_user(people.focal_point_id))
    out: dict = {}
    for label, text in (("specific", SEARCH_SPECIFIC), ("broad", SEARCH_BROAD)):
        query = SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
            text, config="spanish", search_type="websearch"
        )
        visible = Agreement.objects.visible_to(access)
        indexed = (
            visible.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "pk")
            .values_list("pk", flat=True)[:30]
        )
        unindexed_vector = (
            SearchVector("ref", weight="A", config="simple")
            + SearchVector("text_en", weight="B", config="english")
            + SearchVector("text_es", weight="B", config="spanish")
        )
        unindexed = (
            visible.annotate(vector=unindexed_vector)
            .filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "pk")
            .values_list("pk", flat=True)[:30]
        )
        first, second = list(indexed), list(unindexed)
        matches = visible.filter(search_vector=query).count()
        log(f"  search ({label}): {matches:,} matches; timing indexed and unindexed")
        indexed_ms = summary(timings(lambda q=indexed: list(q.all()), reps=50, warmup=5))
        unindexed_ms = summary(
            timings(lambda q=unindexed: list(q.all()), reps=UNINDEXED_REPS, warmup=1)
        )
        sql, params = indexed.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        out[label] = {
            "text": text,
            "matches": matches,
            "same_results": first == second,
            "indexed": indexed_ms,
            "unindexed": unindexed_ms,
            "speedup": unindexed_ms["median"] / indexed_ms["median"],
            "uses_gin": "agreement_search_gin" in plan,
            "plan": plan,
        }
    return out


# --- Main --------------------------------------------------------------------------------------


def data_size() -> dict:
    from agreements.models import Agreement, FollowUp
    from meetings.models import Meeting

    return {
        "meetings": Meeting.objects.count(),
        "agreements": Agreement.objects.count(),
        "follow_ups": FollowUp.objects.count(),
    }


def main() -> None:
    """A worker: bench/run.py sends one JSON command a line and reads one JSON answer a line.

    The orchestrator keeps a worker per scale and has them take turns path by path, so that M
    and L are timed close together in time: on a shared machine the load drifts.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, required=True)
    args = parser.parse_args()
    answer = sys.stdout
    sys.stdout = sys.stderr  # progress and stray prints go to the console, not the protocol
    log(f"scale {args.scale}: preparing the people who make the requests")
    who = people()
    paths = {path.name: path for path in hot_paths(who)}
    for line in sys.stdin:
        command = json.loads(line)
        name = command.get("path")
        if command["cmd"] == "info":
            result = {"data": data_size(), "paths": [{"name": n, "reps": p.reps, "label": p.label}
                                                      for n, p in paths.items()]}  # fmt: skip
        elif command["cmd"] == "time":
            result = time_path(paths[name], command["reps"])
        elif command["cmd"] == "describe":
            result = describe(paths[name])
        elif command["cmd"] == "export_memory":
            result = measure_export_memory(
                paths["export_csv"], python_peak=command.get("python_peak", True)
            )
        elif command["cmd"] == "search_index":
            result = search_index_check(who)
        else:
            return
        answer.write(json.dumps(result, default=str) + "\n")
        answer.flush()


if __name__ == "__main__":
    main()
