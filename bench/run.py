"""`make bench`: every hot path against its raw-SQL limit, at scale 1 (M) and scale 10 (L).

1. Two benchmark databases on the same PostgreSQL as the app (the embedded server under .data/
   when DATABASE_URL is unset): rcm_bench_m and rcm_bench_l. They are migrated and seeded with
   `seed_demo` in subprocesses, and reused while the scale, the seed and the schema fingerprint
   (migrations, demo generators, reference fixtures) stay the same. The app's own database is
   never touched.
2. For each scale, bench/measure.py runs in a subprocess whose DATABASE_URL names that database
   (settings are read at start-up) and writes its figures as JSON.
3. The figures are merged, growth (L / M) is computed, a table is printed and bench/RESULTS.md is
   written with the machine, the date, the commit and every target beside its figure.

    python bench/run.py                 # the whole run (what `make bench` does)
    python bench/run.py --quick         # fewer repetitions, to try changes
    python bench/run.py --scales 1      # one scale only
    python bench/run.py --reseed        # rebuild the databases even when they look current
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.report import render_markdown, render_table  # noqa: E402

DATABASES = {1: "rcm_bench_m", 10: "rcm_bench_l"}
TEMPLATE = "rcm_bench_template"
DEFAULT_SEED = 2026
STARTED = time.monotonic()


def say(message: str) -> None:
    elapsed = time.monotonic() - STARTED
    print(f"[{int(elapsed // 60):02d}:{int(elapsed % 60):02d}] {message}", flush=True)


# --- Where the benchmark databases live ----------------------------------------------------------


def server_url() -> str:
    """The app's PostgreSQL server, as a URL naming its maintenance database `postgres`."""
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        return urlunsplit(parts._replace(path="/postgres"))
    from rcm.embedded_postgres import database_url

    data_dir = Path(os.environ.get("RCM_DATA_DIR", BASE_DIR / ".data"))
    return database_url(data_dir / "postgres", database="postgres")


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + quote(name)))


def connect(url: str):
    import dj_database_url
    import psycopg2

    params = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname=params["NAME"],
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
    )
    connection.autocommit = True
    return connection


def schema_fingerprint() -> str:
    """What the seeded data depends on: migrations, demo generators and reference fixtures."""
    digest = hashlib.sha256()
    paths = sorted(
        [
            *BASE_DIR.glob("*/migrations/0*.py"),
            *BASE_DIR.glob("*/demo.py"),
            BASE_DIR / "rcm/management/commands/seed_demo.py",
            *[
                BASE_DIR / "fixtures" / name
                for name in ("countries.json", "organisations.json", "presidencies.json")
            ],
            BASE_DIR / "fixtures/themes.json",
        ]
    )
    for path in paths:
        if path.exists():
            digest.update(path.relative_to(BASE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def seed_key(scale: int, seed: int) -> str:
    return f"scale={scale} seed={seed} schema={schema_fingerprint()}"


def stored_key(url: str) -> str | None:
    import psycopg2

    try:
        connection = connect(url)
    except psycopg2.OperationalError:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('bench_seed') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return None
            cursor.execute("SELECT key FROM bench_seed")
            row = cursor.fetchone()
            return row[0] if row else None
    finally:
        connection.close()


def recreate_database(admin_url: str, name: str, *, template: str | None = None) -> None:
    from psycopg2 import sql

    connection = connect(admin_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template:
                create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            cursor.execute(create)
    finally:
        connection.close()


def store_key(url: str, key: str, seconds: float | None = None) -> None:
    connection = connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_seed")
            cursor.execute("CREATE TABLE bench_seed (key text, seconds float)")
            cursor.execute("INSERT INTO bench_seed VALUES (%s, %s)", [key, seconds])
    finally:
        connection.close()


def migrated_template(admin_url: str) -> str:
    """An empty, migrated database that the seeded ones are copied from: one migrate per run."""
    url = with_database(admin_url, TEMPLATE)
    key = f"schema={schema_fingerprint()}"
    if stored_key(url) == key:
        return TEMPLATE
    say(f"{TEMPLATE}: migrating an empty database (copied for each scale)")
    recreate_database(admin_url, TEMPLATE)
    started = time.monotonic()
    run_streamed(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        bench_env(url),
        f"{TEMPLATE} | ",
    )
    store_key(url, key)
    say(f"{TEMPLATE}: migrated in {time.monotonic() - started:.0f} s")
    return TEMPLATE


def bench_env(database_url: str) -> dict[str, str]:
    """The environment of the subprocesses: the benchmark database, nothing else changed."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        # DATABASE_URL switches settings to deployment mode, which wants these.
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        ALLOWED_HOSTS="testserver",
        # The benchmark makes thousands of requests from one client.
        API_THROTTLE_ANON="100000000/hour",
        API_THROTTLE_USER="100000000/hour",
        AXES_ENABLED="0",
        # One connection for the whole measurement, as a busy app server keeps it.
        CONN_MAX_AGE="3600",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def run_streamed(command: list[str], env: dict[str, str], prefix: str) -> None:
    """Run a command, echoing its output line by line; fail loudly with its status."""
    process = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        line = line.rstrip()
        if line:
            say(f"{prefix}{line}")
    if process.wait() != 0:
        raise SystemExit(
            f"bench: `{' '.join(command)}` failed with status {process.returncode}; "
            "see its output above."
        )


def ensure_database(admin_url: str, scale: int, seed: int, reseed: bool) -> str:
    """The seeded benchmark database for a scale: reused when current, else built again."""
    name = DATABASES[scale]
    url = with_database(admin_url, name)
    key = seed_key(scale, seed)
    if not reseed and stored_key(url) == key:
        say(f"{name}: reusing the seeded database ({key})")
        return url
    template = migrated_template(admin_url)
    say(f"{name}: copying {template} and seeding at scale {scale} (seed {seed})")
    recreate_database(admin_url, name, template=template)
    started = time.monotonic()
    run_streamed(
        [sys.executable, "manage.py", "seed_demo", "--scale", str(scale), "--seed", str(seed)],
        bench_env(url),
        f"{name} | ",
    )
    seconds = time.monotonic() - started
    connection = connect(url)
    try:
        with connection.cursor() as cursor:
            say(f"{name}: VACUUM ANALYZE (fresh statistics, as autovacuum would leave them)")
            cursor.execute("VACUUM (ANALYZE)")
    finally:
        connection.close()
    store_key(url, key, seconds)
    say(f"{name}: seeded in {seconds:.0f} s")
    return url


def seed_seconds(url: str) -> float | None:
    connection = connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT seconds FROM bench_seed")
            row = cursor.fetchone()
            return row[0] if row else None
    finally:
        connection.close()


# --- Measuring: one worker per scale, taking turns --------------------------------------------

ROUNDS = 2  # each path is timed in this many turns per scale: M, L, M, L


class Worker:
    """bench/measure.py for one scale, answering one JSON command a line."""

    def __init__(self, scale: int, url: str):
        self.scale = scale
        self.name = DATABASES[scale]
        self.process = subprocess.Popen(
            [sys.executable, str(BASE_DIR / "bench" / "measure.py"), "--scale", str(scale)],
            cwd=BASE_DIR,
            env=bench_env(url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._echo, daemon=True).start()

    def _echo(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if line.strip():
                say(f"{self.name} | {line.rstrip()}")

    def ask(self, command: str, **fields):
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"cmd": command, **fields}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise SystemExit(
                f"bench: the measuring process for {self.name} stopped (status "
                f"{self.process.returncode}); see its output above."
            )
        return json.loads(line)

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.ask("quit")
            except (BrokenPipeError, SystemExit):
                pass
        self.process.wait()


def _summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def measure(scales: list[int], urls: dict[int, str], *, reps: int, only: list[str]) -> dict:
    workers = {scale: Worker(scale, urls[scale]) for scale in scales}
    try:
        results: dict[int, dict] = {}
        for scale, worker in workers.items():
            info = worker.ask("info")
            results[scale] = {"scale": scale, "data": info["data"], "paths": {}}
            data = info["data"]
            say(
                f"{worker.name}: {data['meetings']:,} meetings, {data['agreements']:,} "
                f"agreements, {data['follow_ups']:,} follow-up updates"
            )
        paths = [p for p in info["paths"] if not only or p["name"] in only]
        if not only or "export_csv" in only:
            for scale, worker in workers.items():
                say(f"{worker.name}: the export's memory, streamed once before anything else")
                # tracemalloc triples the export's time: its Python peak is taken at M only.
                results[scale]["export_memory"] = worker.ask(
                    "export_memory", python_peak=scale == min(scales)
                )
        for index, path in enumerate(paths, start=1):
            name = path["name"]
            path_reps = path["reps"] or reps
            rounds = 1 if path["reps"] else ROUNDS
            samples = {scale: {"limit": [], "app": []} for scale in scales}
            for turn in range(rounds):
                for scale, worker in workers.items():
                    say(
                        f"[{index}/{len(paths)}] {name}: {worker.name}, turn {turn + 1}/{rounds},"
                        f" {path_reps // rounds} repetitions of the limit and the app"
                    )
                    timed = worker.ask("time", path=name, reps=path_reps // rounds)
                    samples[scale]["limit"] += timed["limit"]
                    samples[scale]["app"] += timed["app"]
            for scale, worker in workers.items():
                result = worker.ask("describe", path=name)
                result["limit"] = _summary(samples[scale]["limit"])
                result["app"] = _summary(samples[scale]["app"])
                result["ratio"] = result["app"]["median"] / result["limit"]["median"]
                results[scale]["paths"][name] = result
                say(
                    f"[{index}/{len(paths)}] {name} at {worker.name}: app "
                    f"{result['app']['median']:.2f} ms, limit {result['limit']['median']:.2f} ms,"
                    f" ratio {result['ratio']:.1f}×, {result['queries']['total']} queries"
                )
        if not only or "search" in only:
            for scale, worker in workers.items():
                say(f"{worker.name}: search, the GIN index against an unindexed SearchVector")
                results[scale]["search_index"] = worker.ask("search_index")
        return results
    finally:
        for worker in workers.values():
            worker.close()


# --- The machine -------------------------------------------------------------------------------


def importer_figures() -> str:
    """bench/importer.py in a process of its own: pages per second and peak memory."""
    say("Measuring the importer")
    try:
        done = subprocess.run(
            [sys.executable, str(BASE_DIR / "bench" / "importer.py")],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.TimeoutExpired:
        return "importer: stopped after 300 s"
    return done.stdout.strip() or f"importer: failed\n{done.stderr[-2000:]}"


def machine(url: str) -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    connection = connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            postgres = cursor.fetchone()[0]
    finally:
        connection.close()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        # The results file itself does not make the code under measure differ from the commit.
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ".", ":!bench/RESULTS.md"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if dirty:
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "python": platform.python_version(),
        "postgres": postgres,
        "os": f"{platform.system()} {platform.release()}",
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit,
    }


# --- Main --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated: 1 (M) and/or 10 (L)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--reps", type=int, default=200, help="timed repetitions per path")
    parser.add_argument("--quick", action="store_true", help="30 repetitions: to try changes")
    parser.add_argument("--reseed", action="store_true", help="rebuild the databases")
    parser.add_argument(
        "--as-seeded",
        action="store_true",
        help="measure the databases as they are, whatever they were seeded from (to compare "
        "another checkout's code on the same data)",
    )
    parser.add_argument("--only", default="", help="comma-separated path names to measure")
    parser.add_argument(
        "--output", default=str(BASE_DIR / "bench" / "RESULTS.md"), help="where to write"
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in DATABASES]
    if unknown:
        raise SystemExit(f"bench: scales are 1 and 10, not {unknown}.")
    reps = 30 if args.quick else args.reps

    say("Finding the PostgreSQL server")
    admin_url = server_url()
    if args.as_seeded:
        urls = {scale: with_database(admin_url, DATABASES[scale]) for scale in scales}
    else:
        urls = {
            scale: ensure_database(admin_url, scale, args.seed, args.reseed) for scale in scales
        }

    results = measure(scales, urls, reps=reps, only=[n for n in args.only.split(",") if n])
    for scale in scales:
        results[scale]["seed_seconds"] = seed_seconds(urls[scale])

    info = machine(admin_url)
    info["reps"] = reps
    info["seed"] = args.seed
    if not args.only or "importer" in args.only.split(","):
        info["importer"] = importer_figures()
    print()
    print(render_table(results, info))
    if info.get("importer"):
        print()
        print(info["importer"])
    if set(scales) == {1, 10} and not args.only:
        Path(args.output).write_text(render_markdown(results, info))
        say(f"Wrote {Path(args.output).relative_to(BASE_DIR)}")
    else:
        say("Partial run: bench/RESULTS.md left as it was (it holds full runs only).")
    say(f"Done in {(time.monotonic() - STARTED) / 60:.1f} min.")


if __name__ == "__main__":
    main()
