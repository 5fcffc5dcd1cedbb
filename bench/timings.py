"""Per-request time of the slow pages, in this process, on the records loaded in this checkout.

What `make load` cannot tell on a shared machine: how long one request takes in Django alone
(no gunicorn, no network), anonymous, DEBUG off. The median of 50 requests after 5 warm-ups.

    .venv/bin/python bench/timings.py                  # the four addresses
    .venv/bin/python bench/timings.py --profile /follow-up/   # cProfile of one address
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rcm.settings")
os.environ["DEBUG"] = "0"
# The work each page does, not a read of its kept copy (rcm/records_cache.py).
os.environ.setdefault("RECORDS_CACHE_SECONDS", "0")


def addresses() -> list[str]:
    from agreements.models import Agreement

    first_public = Agreement.objects.filter(visibility="public").order_by("pk").first()
    return [
        "/health/",
        "/follow-up/",
        "/follow-up/matrix/",
        first_public.get_absolute_url(),
        "/api/v1/agreements/",
    ]


def timed(client, path: str, repetitions: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each request (the CPU time of this process: on a
    busy machine it drifts less than the wall clock, and it leaves out the database's work)."""
    wall, cpu = [], []
    for _ in range(repetitions):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path, HTTP_HOST="localhost")
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=50)
    parser.add_argument("--profile", metavar="PATH", help="profile this address instead")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    client = Client()
    if args.profile:
        timed(client, args.profile, 5)
        profile = cProfile.Profile()
        profile.enable()
        timed(client, args.profile, 20)
        profile.disable()
        stats = pstats.Stats(profile).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        return
    for path in addresses():
        timed(client, path, 5)
        wall, cpu = timed(client, path, args.repetitions)
        print(
            f"{path:28} median {statistics.median(wall):7.1f} ms"
            f"   p90 {statistics.quantiles(wall, n=10)[-1]:7.1f} ms"
            f"   CPU median {statistics.median(cpu):7.1f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
