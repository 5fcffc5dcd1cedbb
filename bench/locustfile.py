"""The load `make load` puts on the app (Locust): what its users do, in the proportions they do it.

bench/load.py starts gunicorn and runs this file twice: once with LOAD_PATH set, hammering one
address to measure its throughput alone, and once without it, for the mixed run of anonymous
readers, focal points, TS staff and other systems. Every request must succeed.
"""

import json
import os
import random

from locust import FastHttpUser, between, constant, task

TARGET = json.loads(os.environ.get("LOAD_TARGET", "{}"))
FIXED_PATH = os.environ.get("LOAD_PATH")


def auth(name: str) -> dict:
    """An API token's header, or with "session:" a signed-in browser's session cookie."""
    if name.startswith("session:"):
        return {"Cookie": f"sessionid={TARGET['sessions'][name.removeprefix('session:')]}"}
    return {"Authorization": f"Token {TARGET['tokens'][name]}"}


def get(user, path: str, *, headers=None, name=None):
    with user.client.get(path, headers=headers or {}, name=name or path, catch_response=True) as r:
        if r.status_code != 200:
            r.failure(f"{r.status_code} on {path}")


if FIXED_PATH:

    class OnePath(FastHttpUser):
        """One address as fast as it answers: its throughput, for the ratio to /health/."""

        wait_time = constant(0)

        @task
        def one(self):
            headers = auth(os.environ["LOAD_AS"]) if os.environ.get("LOAD_AS") else None
            get(self, FIXED_PATH, headers=headers)

else:

    class Reader(FastHttpUser):
        """An anonymous visitor: the home page, meetings, follow-up, an agreement, search."""

        weight = 4
        wait_time = between(0, 0.2)

        @task(3)
        def home(self):
            get(self, "/")

        @task(2)
        def meetings(self):
            get(self, "/meetings/")

        @task(3)
        def follow_up(self):
            get(self, "/follow-up/")

        @task(2)
        def agreement(self):
            get(
                self,
                f"/agreements/{random.choice(TARGET['agreements'])}/",
                name="/agreements/[id]/",
            )

        @task(1)
        def matrix(self):
            get(self, "/follow-up/matrix/")

        @task(2)
        def search(self):
            word = random.choice(["migration", "children", "migración", "niños", "return"])
            get(self, f"/search/?q={word}", name="/search/?q=[word]")

        @task(1)
        def export(self):
            get(self, "/follow-up/export.csv")

        @task(1)
        def calendar(self):
            get(self, "/calendar/")

    class OtherSystem(FastHttpUser):
        """Another system reading the API with its token."""

        weight = 2
        wait_time = between(0, 0.2)

        @task(3)
        def agreements(self):
            get(self, "/api/v1/agreements/", headers=auth("system"))

        @task(2)
        def meetings(self):
            get(self, "/api/v1/meetings/", headers=auth("system"))

        @task(1)
        def overdue(self):
            get(self, "/api/v1/agreements/?overdue=true", headers=auth("system"))

        @task(1)
        def export(self):
            get(self, "/api/v1/agreements/?format=csv", headers=auth("system"))

    class FocalPoint(FastHttpUser):
        """A focal point reads her country's follow-up and posts updates."""

        weight = 1
        wait_time = between(0.1, 0.5)

        @task(3)
        def country(self):
            get(self, f"/countries/{TARGET['country']}/", headers=auth("focal_point"))

        @task(1)
        def post_update(self):
            agreement = random.choice(TARGET["own_agreements"])
            with self.client.post(
                f"/api/v1/agreements/{agreement}/follow-ups/",
                json={"status": "in_progress", "note": "Progress reported under load."},
                headers=auth("focal_point"),
                name="/api/v1/agreements/[id]/follow-ups/ POST",
                catch_response=True,
            ) as response:
                if response.status_code != 201:
                    response.failure(f"{response.status_code}: {response.text[:200]}")

    class Secretariat(FastHttpUser):
        """TS staff: the validation queue and the finance overview."""

        weight = 1
        wait_time = between(0.1, 0.5)

        @task
        def validation(self):
            get(self, "/api/v1/follow-ups/?validation=proposed", headers=auth("ts_staff"))

        @task
        def finance(self):
            get(self, "/api/v1/balances/", headers=auth("ts_staff"))
