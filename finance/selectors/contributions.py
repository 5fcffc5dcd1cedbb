"""Contributions, assessments, balances, arrears and payments, as the pages and API read them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    Prefetch,
    Q,
)
from django.utils import timezone

from finance.models import (
    CURRENCY,
    ZERO,
    Assessment,
    ContributionScale,
    Payment,
    PaymentAllocation,
    PaymentStatus,
    ScaleRow,
)
from finance.selectors.sums import country_name, total
from rcm.models import Country

# --- Balances and arrears ------------------------------------------------------------------------


def balances(as_of: datetime.date | None = None):
    """Per country and year: assessed, paid, balance and status (payments received by `as_of`)."""
    return (
        Assessment.objects.with_payments(as_of)
        .select_related("country")
        .order_by("-year", "country__name_en")
    )


def arrears_by_country(*, year: int | None = None) -> list[dict]:
    """Each country's unpaid contributions up to a year, by age: that year's, the year
    before's, and those two years old or more; with the credit it holds. Two queries."""
    year = year or timezone.localdate().year
    unpaid = (
        Assessment.objects.filter(year__lte=year)
        .with_payments()
        .order_by()
        .values("country_id", "country__name_en", "country__name_es")
        .annotate(
            current_year=total("balance_usd", filter=Q(year=year)),
            one_year=total("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more=total("balance_usd", filter=Q(year__lte=year - 2)),
            total=total("balance_usd"),
            assessed=total("amount_usd"),
            paid=total("paid_usd"),
        )
        .order_by("-total", "country__name_en")
    )
    credits = dict(
        Payment.objects.with_allocation()
        .order_by()
        .values("country_id")
        .annotate(credit=total("credit_usd"))
        .values_list("country_id", "credit")
    )
    rows = []
    for row in unpaid:
        rows.append(
            {
                "country": row["country_id"],
                "country_name": country_name(row),
                "year": year,
                "current_year": row["current_year"],
                "one_year": row["one_year"],
                "two_years_or_more": row["two_years_or_more"],
                "total": row["total"],
                "assessed": row["assessed"],
                "paid": row["paid"],
                "credit": credits.get(row["country_id"], ZERO),
                "currency": CURRENCY,
            }
        )
    return rows


def arrears_totals(*, year: int | None = None) -> dict:
    """The conference's unpaid contributions up to a year, by age, in one query."""
    year = year or timezone.localdate().year
    return (
        Assessment.objects.filter(year__lte=year)
        .with_payments()
        .aggregate(
            current_year=total("balance_usd", filter=Q(year=year)),
            one_year=total("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more=total("balance_usd", filter=Q(year__lte=year - 2)),
            total=total("balance_usd"),
        )
    )


def assessment_years() -> list[int]:
    return list(Assessment.objects.order_by("-year").values_list("year", flat=True).distinct())


@dataclass
class ContributionsTable:
    """Countries × years, each cell the country's assessment that year (or None)."""

    years: list[int]
    rows: list[tuple[Country, list[Assessment | None]]]
    totals: list[dict]


def contributions_table(*, years: list[int]) -> ContributionsTable:
    """The contributions status as the RCGM hears it: every assessed or member country by year,
    with each year's totals (three queries)."""
    assessments = list(balances().filter(year__in=years))
    by_country: dict[str, dict[int, Assessment]] = {}
    for assessment in assessments:
        by_country.setdefault(assessment.country_id, {})[assessment.year] = assessment
    if years:
        members = Country.objects.members(datetime.date(max(years), 1, 1))
    else:
        members = Country.objects.none()
    countries = list(
        Country.objects.filter(
            Q(pk__in=members.values("pk")) | Q(pk__in=by_country.keys())
        ).order_by("name_en")
    )
    rows = [
        (country, [by_country.get(country.code, {}).get(year) for year in years])
        for country in countries
    ]
    totals = {
        row["year"]: row
        for row in Assessment.objects.filter(year__in=years)
        .with_payments()
        .order_by()
        .values("year")
        .annotate(
            assessed=total("amount_usd"),
            paid=total("paid_usd"),
            balance=total("balance_usd"),
            paid_count=Count("pk", filter=Q(payment_status=PaymentStatus.PAID)),
        )
    }
    return ContributionsTable(
        years=years,
        rows=rows,
        totals=[
            totals.get(year, {"year": year, "assessed": ZERO, "paid": ZERO, "balance": ZERO})
            for year in years
        ],
    )


def payments_for_listing():
    allocations = PaymentAllocation.objects.select_related("assessment").order_by(
        "assessment__year"
    )
    return (
        Payment.objects.with_allocation()
        .select_related("country")
        .prefetch_related(Prefetch("allocations", queryset=allocations))
    )


def scale_in_force(*, year: int) -> dict | None:
    """The scale of contributions that applies to a year, each country's line with its share
    of the total (two queries); None when no version of the scale is recorded for that year."""
    version = (
        ContributionScale.objects.filter(effective_from__lte=year)
        .with_total()
        .order_by("-effective_from")
        .first()
    )
    if version is None:
        return None
    rows = list(
        ScaleRow.objects.filter(scale=version)
        .with_share()
        .select_related("country")
        .order_by("-amount_usd", "country__name_en")
    )
    return {"scale": version, "rows": rows, "total": version.total_usd, "currency": CURRENCY}
