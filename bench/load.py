"""`make load`: the app under gunicorn, loaded by Locust, on this machine's loopback only.

1. A database of its own (rcm_load) on the app's PostgreSQL (the embedded server when
   DATABASE_URL is unset): migrated, the real records loaded, `seed_demo` data beside them, and
   three accounts with API tokens (another system, a focal point, TS staff).
2. gunicorn as the README deploys it (two workers on two cores, DEBUG off).
3. Each address alone for a few seconds (16 clients): its requests per second and the ratio to
   the trivial view (/health/) measured by the same gunicorn in the same run.
4. A mixed run (by default 60 s, 32 clients): pages, API, search, exports and follow-up writes
   by several roles. Every request must succeed.
5. bench/LOAD.md: requests per second, median and p99 latency, errors, ratios and targets.

    python bench/load.py                     # what `make load` does
    python bench/load.py --seconds 20 --per-path-seconds 3 --scale 0.05   # a quick try
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
BIN = BASE_DIR / ".venv" / "bin"
DATABASE = "rcm_load"

# The targets, as fractions of the trivial view's throughput in the same run.
PAGE_TARGET = 1 / 15
API_TARGET = 1 / 5
PATHS = [
    ("page", "/", None),
    ("page", "/meetings/", None),
    ("page", "/follow-up/", None),
    ("page", "/follow-up/matrix/", None),
    ("page", "AGREEMENT", None),
    ("page", "/search/?q=children", None),
    ("page", "/calendar/", None),
    ("page", "/presidencies/", None),
    ("page", "/countries/MX/", None),
    ("page", "MEETING", None),
    ("page", "AGENDA", None),
    # Signed in, with a session as a browser has it: pages that are never kept.
    ("page", "/my/", "session:focal_point"),
    ("page", "/finance/", "session:ts_staff"),
    ("api", "/api/v1/agreements/", "system"),
    ("api", "/api/v1/meetings/", "system"),
    ("api", "/api/v1/follow-ups/", "system"),
    ("api", "/api/v1/countries/", "system"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of rcm_load on the server the app uses (started by Django's settings if embedded)."""
    url = subprocess.run(
        [PYTHON, "-c", "from django.conf import settings; import django; django.setup(); "
         "from rcm import settings as s; print(s.DATABASE_URL)"],
        cwd=BASE_DIR, env={**os.environ, "DJANGO_SETTINGS_MODULE": "rcm.settings"},
        capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{DATABASE}"))


def ensure_database(url: str) -> None:
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    code = (
        "import psycopg2, dj_database_url, sys\n"
        f"p = dj_database_url.parse({admin!r})\n"
        "c = psycopg2.connect(dbname=p['NAME'], user=p['USER'], password=p['PASSWORD'] or None,"
        " host=p['HOST'], port=p['PORT'] or None)\n"
        "c.autocommit = True\ncur = c.cursor()\n"
        f"cur.execute('DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)')\n"
        f"cur.execute('CREATE DATABASE {DATABASE}')\n"
    )
    subprocess.run([PYTHON, "-c", code], check=True)


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


SETUP = """
from django.contrib.auth.models import Group
from agreements.models import Agreement
from rcm.models import Country, FocalPoint, Role, User
from rcm.services import api_token_create
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

def user(name, role, **kwargs):
    account = User.objects.create_user(name, **kwargs)
    account.groups.add(Group.objects.get_or_create(name=role)[0])
    return account

country = Country.objects.get(code="MX")
focal = user("load-fp-mx", Role.FOCAL_POINT, country=country)
staff = user("load-ts", Role.TS_STAFF, is_staff=True)
system = user("load-system", Role.TS_STAFF)
own = list(
    Agreement.objects.responsible_country("MX").filter(visibility="public")
    .values_list("pk", flat=True)[:50]
)
public = list(Agreement.objects.filter(visibility="public").values_list("pk", flat=True)[:200])
meeting = Agreement.objects.get(pk=public[0]).meeting_id

def signed_in(account):
    # A browser's session after signing in, without the login form's password hashing.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(account.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = account.get_session_auth_hash()
    session.save()
    return session.session_key
print(json.dumps({
    "country": "MX",
    "agreements": public,
    "own_agreements": own,
    "meeting": meeting,
    "sessions": {"focal_point": signed_in(focal), "ts_staff": signed_in(staff)},
    "tokens": {
        "system": api_token_create(user=system, name="load")[1],
        "focal_point": api_token_create(user=focal, name="load")[1],
        "ts_staff": api_token_create(user=staff, name="load")[1],
    },
}))
"""


def prepare(env: dict, scale: float) -> dict:
    print(f"Preparing {DATABASE}: migrate, real records, seed_demo --scale {scale} …", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_records", "--verbosity", "0")
    manage(env, "seed_demo", "--scale", str(scale), "--force")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    output = manage(env, "shell", "--no-imports", "-c", SETUP)
    return json.loads(output.strip().splitlines()[-1])


def start_gunicorn(env: dict, port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), "rcm.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--forwarded-allow-ips=*"]
    server = subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


def locust(host: str, *, users: int, seconds: int, target: dict, workdir: Path, extra_env=None):
    prefix = workdir / f"run-{secrets.token_hex(3)}"
    env = {**os.environ, "LOAD_TARGET": json.dumps(target), **(extra_env or {})}
    command = [str(BIN / "locust"), "-f", str(BASE_DIR / "bench" / "locustfile.py")]
    command += ["--headless", "--users", str(users), "--spawn-rate", str(users)]
    command += ["--run-time", f"{seconds}s", "--host", host, "--csv", str(prefix)]
    command += ["--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5"]
    subprocess.run(command, env=env, cwd=BASE_DIR, capture_output=True, text=True)
    with open(f"{prefix}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    # What failed, so that the report says why rather than only how often.
    failures_file = Path(f"{prefix}_failures.csv")
    details = []
    if failures_file.exists():
        with failures_file.open() as handle:
            details = [
                f"{row['Method']} {row['Name']}: {row['Error']} ({row['Occurrences']}×)"
                for row in csv.DictReader(handle)
            ]
    for row in rows:
        if row["Name"] == "Aggregated":
            row["failure_details"] = details
    return rows


def aggregated(rows: list[dict]) -> dict:
    row = next(r for r in rows if r["Name"] == "Aggregated")
    return {
        # Each kind of request of the run, the slowest first: what the median waits behind.
        "by_request": sorted(
            (
                {
                    "name": f"{r['Type']} {r['Name']}",
                    "requests": int(r["Request Count"]),
                    "median_ms": float(r["50%"] or 0),
                    "p99_ms": float(r["99%"] or 0),
                }
                for r in rows
                if r["Name"] != "Aggregated"
            ),
            key=lambda r: -r["median_ms"] * r["requests"],
        ),
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "failure_details": row.get("failure_details", []),
        "rps": float(row["Requests/s"]),
        "median_ms": float(row["50%"] or 0),
        "p99_ms": float(row["99%"] or 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the mixed run")
    parser.add_argument("--users", type=int, default=32, help="clients in the mixed run")
    parser.add_argument("--per-path-seconds", type=int, default=8)
    parser.add_argument("--per-path-users", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (README)")
    parser.add_argument(
        "--scale", type=float, default=0.1, help="seed_demo scale beside the records"
    )
    parser.add_argument("--output", type=Path, default=BASE_DIR / "bench" / "LOAD.md")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="rcm-load-"))
    url = database_url()
    ensure_database(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "AXES_ENABLED": "0",
        # The load comes from one address: the per-client API throttle would measure itself.
        "API_THROTTLE_ANON": "100000000/hour",
        "API_THROTTLE_USER": "100000000/hour",
        "RCM_DATA_DIR": str(workdir / "data"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    target = prepare(env, args.scale)
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, args.workers, workdir / "gunicorn.log")
    results: list[dict] = []
    try:
        # Warm every worker's caches and connections before measuring anything.
        locust(host, users=4, seconds=3, target=target, workdir=workdir)
        trivial = aggregated(
            locust(host, users=args.per_path_users, seconds=args.per_path_seconds,
                   target=target, workdir=workdir, extra_env={"LOAD_PATH": "/health/"})
        )  # fmt: skip
        print(f"  /health/ (the trivial view): {trivial['rps']:.0f} requests/s", flush=True)
        for kind, path, token in PATHS:
            if path == "AGREEMENT":
                path = f"/agreements/{target['agreements'][0]}/"
            elif path == "MEETING":
                path = f"/meetings/{target['meeting']}/"
            elif path == "AGENDA":
                path = f"/meetings/{target['meeting']}/agenda/"
            extra = {"LOAD_PATH": path, **({"LOAD_AS": token} if token else {})}
            figures = aggregated(
                locust(host, users=args.per_path_users, seconds=args.per_path_seconds,
                       target=target, workdir=workdir, extra_env=extra)
            )  # fmt: skip
            figures.update(kind=kind, path=path, ratio=figures["rps"] / trivial["rps"])
            if token and token.startswith("session:"):
                figures["kind"] = f"{kind}, signed in ({token.split(':')[1].replace('_', ' ')})"
            figures["target"] = PAGE_TARGET if kind == "page" else API_TARGET
            figures["met"] = figures["ratio"] >= figures["target"] and figures["failures"] == 0
            results.append(figures)
            print(
                f"  {path}: {figures['rps']:.0f} requests/s, "
                f"1/{1 / max(figures['ratio'], 1e-9):.0f} of /health/, "
                f"{figures['failures']} errors",
                flush=True,
            )
        mixed = aggregated(
            locust(host, users=args.users, seconds=args.seconds, target=target, workdir=workdir)
        )
        print(
            f"  mixed: {mixed['rps']:.0f} requests/s, median {mixed['median_ms']:.0f} ms, "
            f"p99 {mixed['p99_ms']:.0f} ms, {mixed['failures']} errors",
            flush=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        server_errors = [
            line for line in (workdir / "gunicorn.log").read_text().splitlines() if "Error" in line
        ]
        shutil.rmtree(workdir, ignore_errors=True)

    args.output.write_text(report(args, trivial, results, mixed, server_errors))
    print(f"Wrote {args.output.relative_to(BASE_DIR)}")
    if mixed["failures"] or any(r["failures"] for r in results):
        raise SystemExit("Some requests failed under load: see the report.")


def report(args, trivial, results, mixed, server_errors) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Load test (`make load`)",
        "",
        f"Run on {datetime.date.today().isoformat()} at commit {commit}, {platform.machine()}, "
        f"{os.cpu_count()} cores; gunicorn with {args.workers} workers, DEBUG off; Locust on the "
        f"same machine, loopback only. The real records plus `seed_demo --scale {args.scale}`.",
        "",
        "## Mixed run",
        f"{args.users} clients for {args.seconds} s: anonymous readers (pages, search, exports, "
        "calendar), another system (API lists and CSV), focal points (country page, follow-up "
        "updates posted through the API) and TS staff (validation queue, balances).",
        "",
        "| requests | requests/s | median | p99 | errors |",
        "|---:|---:|---:|---:|---:|",
        f"| {mixed['requests']:,} | {mixed['rps']:.0f} | {mixed['median_ms']:.0f} ms "
        f"| {mixed['p99_ms']:.0f} ms | {mixed['failures']} |",
        "",
        "Each kind of request, by the time the servers spent on it (requests × median):",
        "",
        "| request | requests | median | p99 |",
        "|---|---:|---:|---:|",
        *(
            f"| `{r['name']}` | {r['requests']:,} | {r['median_ms']:.0f} ms "
            f"| {r['p99_ms']:.0f} ms |"
            for r in mixed["by_request"]
        ),
        "",
        "## Each address alone",
        f"{args.per_path_users} clients for {args.per_path_seconds} s each. The trivial view "
        f"(`/health/`, one `SELECT 1`) served {trivial['rps']:.0f} requests/s in this run. "
        "Targets: every HTML page at least 1/15 of it, every API list at least 1/5.",
        "",
        "| address | kind | requests/s | ratio to /health/ | target | median | p99 | errors "
        "| met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| `{r['path']}` | {r['kind']} | {r['rps']:.0f} | 1/{1 / max(r['ratio'], 1e-9):.1f} "
            f"| 1/{1 / r['target']:.0f} | {r['median_ms']:.0f} ms | {r['p99_ms']:.0f} ms "
            f"| {r['failures']} | {'yes' if r['met'] else '**no**'} |"
        )
    failed = [*mixed["failure_details"], *(d for r in results for d in r["failure_details"])]
    if failed:
        lines += ["", "## Failed requests", *(f"- {detail}" for detail in failed)]
    lines += ["", f"Server errors logged by gunicorn: {len(server_errors)}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
