"""Counts of the honest states (not reported, stale) beside the status, for the pages whose
summaries selectors.py does not give them: the dashboard's chart and table by body, the country
page, a focal point's workspace. The rules themselves are AgreementQuerySet's (not_reported_q,
stale_q); this module only counts with them."""

from __future__ import annotations

import datetime

from django.db.models import Count

from agreements.models import Agreement


def state_counts(agreements, *, today: datetime.date) -> dict[str, int]:
    """How many of these agreements are not reported and how many are stale, in one query."""
    return agreements.order_by().aggregate(
        not_reported=Count("pk", filter=Agreement.objects.not_reported_q()),
        stale=Count("pk", filter=Agreement.objects.stale_q(today)),
    )


def by_year(rows: list[dict]) -> list[dict]:
    """The not reported and stale agreements per body and year (DashboardSummary.
    states_by_body_and_year) summed per year (years with none left out)."""
    years: dict[int, dict] = {}
    for row in rows:
        if not (row["not_reported"] or row["stale"]):
            continue
        year = years.setdefault(
            row["meeting__year"], {"year": row["meeting__year"], "not_reported": 0, "stale": 0}
        )
        year["not_reported"] += row["not_reported"]
        year["stale"] += row["stale"]
    return [years[year] for year in sorted(years, key=lambda y: (y is None, y))]


def add_to_bodies(bodies: list[dict], rows: list[dict]) -> list[dict]:
    """The dashboard's table by body (DashboardSummary.by_body) with each body's not reported
    and stale agreements."""
    totals: dict[str, dict] = {}
    for row in rows:
        body = totals.setdefault(row["meeting__kind"], {"not_reported": 0, "stale": 0})
        body["not_reported"] += row["not_reported"]
        body["stale"] += row["stale"]
    empty = {"not_reported": 0, "stale": 0}
    return [{**body, **totals.get(body["meeting__kind"], empty)} for body in bodies]
