"""Reads the API, the pages and the exports share; every total is an SQL aggregate."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, ExtractQuarter
from django.utils import timezone
from django.utils.translation import get_language

from finance.models import (
    CURRENCY,
    MONEY,
    PERCENT,
    ZERO,
    Assessment,
    Budget,
    BudgetLine,
    Category,
    ContributionScale,
    Expenditure,
    FinancialReport,
    MovementKind,
    Payment,
    PaymentAllocation,
    PaymentStatus,
    ReserveFundMovement,
    ScaleRow,
    may_see_finance,
)
from rcm.models import Access, Country


def _in_all(expression, **kwargs):
    """The sum over every row the query returns, on each of them."""
    return Coalesce(Window(Sum(expression, **kwargs)), Value(ZERO), output_field=MONEY)


def _total(expression, **kwargs):
    """A money total that is 0.00, not NULL, when nothing is summed."""
    return Coalesce(Sum(expression, **kwargs), Value(ZERO), output_field=MONEY)


def _spanish() -> bool:
    return (get_language() or "en").startswith("es")


def _name(row: dict, prefix: str = "country__") -> str:
    return (_spanish() and row[f"{prefix}name_es"]) or row[f"{prefix}name_en"]


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
            current_year=_total("balance_usd", filter=Q(year=year)),
            one_year=_total("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more=_total("balance_usd", filter=Q(year__lte=year - 2)),
            total=_total("balance_usd"),
            assessed=_total("amount_usd"),
            paid=_total("paid_usd"),
        )
        .order_by("-total", "country__name_en")
    )
    credits = dict(
        Payment.objects.with_allocation()
        .order_by()
        .values("country_id")
        .annotate(credit=_total("credit_usd"))
        .values_list("country_id", "credit")
    )
    rows = []
    for row in unpaid:
        rows.append(
            {
                "country": row["country_id"],
                "country_name": _name(row),
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
            current_year=_total("balance_usd", filter=Q(year=year)),
            one_year=_total("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more=_total("balance_usd", filter=Q(year__lte=year - 2)),
            total=_total("balance_usd"),
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
            assessed=_total("amount_usd"),
            paid=_total("paid_usd"),
            balance=_total("balance_usd"),
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


def reserve_fund_balance(on: datetime.date | None = None) -> Decimal | None:
    """What the Reserve Fund holds at the end of a day, or None when no movement is recorded
    by then: an empty ledger is not a zero balance (one query)."""
    on = on or timezone.localdate()
    movements = ReserveFundMovement.objects.filter(date__lte=on).signed()
    figures = movements.aggregate(total=Sum("signed_usd"), movements=Count("pk"))
    return figures["total"] if figures["movements"] else None


# --- Budgets -------------------------------------------------------------------------------------


def budgets_for_listing():
    lines = BudgetLine.objects.with_execution().select_related("category")
    return (
        Budget.objects.with_execution()
        .select_related("recommendation_meeting", "approval_meeting")
        .prefetch_related(Prefetch("lines", queryset=lines.order_by("category__position")))
    )


def expenditures_for_listing():
    return Expenditure.objects.select_related("line", "line__budget", "line__category")


# --- The Reserve Fund ----------------------------------------------------------------------------


QUARTER_STARTS = {1: (1, 1), 2: (4, 1), 3: (7, 1), 4: (10, 1)}
QUARTER_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    return (
        datetime.date(year, *QUARTER_STARTS[quarter]),
        datetime.date(year, *QUARTER_ENDS[quarter]),
    )


def reserve_fund_quarters(*, year: int) -> dict:
    """The Reserve Fund's execution quarter by quarter in a year, as the TS reports it since
    2013: opening balance, money in, money out, migrants assisted, closing balance. The
    figures come from the movements in two queries (the totals, and migrants by nationality)."""
    movements = ReserveFundMovement.objects.signed()
    in_year = Q(date__year=year)
    aggregates = {
        "opening": _total("signed_usd", filter=Q(date__lt=datetime.date(year, 1, 1))),
        "year_in": _total("amount_usd", filter=in_year & Q(kind=MovementKind.CONTRIBUTION)),
        "year_out": _total("amount_usd", filter=in_year & Q(kind=MovementKind.DISBURSEMENT)),
        "year_migrants": Coalesce(Sum("migrants_assisted", filter=in_year), 0),
    }
    for quarter in (1, 2, 3, 4):
        start, end = quarter_bounds(year, quarter)
        in_quarter = Q(date__gte=start, date__lte=end)
        aggregates[f"q{quarter}_in"] = _total(
            "amount_usd", filter=in_quarter & Q(kind=MovementKind.CONTRIBUTION)
        )
        aggregates[f"q{quarter}_out"] = _total(
            "amount_usd", filter=in_quarter & Q(kind=MovementKind.DISBURSEMENT)
        )
        aggregates[f"q{quarter}_disbursements"] = Count(
            "pk", filter=in_quarter & Q(kind=MovementKind.DISBURSEMENT)
        )
        aggregates[f"q{quarter}_migrants"] = Coalesce(
            Sum("migrants_assisted", filter=in_quarter), 0
        )
        aggregates[f"q{quarter}_closing"] = _total("signed_usd", filter=Q(date__lte=end))
    totals = movements.aggregate(**aggregates)
    by_nationality: dict[int, list[dict]] = {}
    rows = (
        ReserveFundMovement.objects.filter(
            kind=MovementKind.DISBURSEMENT, date__year=year, nationality__isnull=False
        )
        .annotate(quarter=ExtractQuarter("date"))
        .order_by()
        .values("quarter", "nationality_id", "nationality__name_en", "nationality__name_es")
        .annotate(migrants=Coalesce(Sum("migrants_assisted"), 0), amount=_total("amount_usd"))
        .order_by("quarter", "-migrants", "nationality__name_en")
    )
    for row in rows:
        by_nationality.setdefault(row["quarter"], []).append(
            {
                "country": row["nationality_id"],
                "country_name": _name(row, "nationality__"),
                "migrants_assisted": row["migrants"],
                "amount": row["amount"],
            }
        )
    quarters = []
    for quarter in (1, 2, 3, 4):
        start, end = quarter_bounds(year, quarter)
        quarters.append(
            {
                "quarter": quarter,
                "start": start,
                "end": end,
                "opening_balance": totals["opening"]
                if quarter == 1
                else totals[f"q{quarter - 1}_closing"],
                "contributions": totals[f"q{quarter}_in"],
                "disbursements": totals[f"q{quarter}_out"],
                "disbursement_count": totals[f"q{quarter}_disbursements"],
                "migrants_assisted": totals[f"q{quarter}_migrants"],
                "closing_balance": totals[f"q{quarter}_closing"],
                "by_nationality": by_nationality.get(quarter, []),
            }
        )
    return {
        "year": year,
        "currency": CURRENCY,
        "opening_balance": totals["opening"],
        "contributions": totals["year_in"],
        "disbursements": totals["year_out"],
        "migrants_assisted": totals["year_migrants"],
        "closing_balance": totals["q4_closing"],
        "quarters": quarters,
    }


def reserve_fund_years() -> list[int]:
    bounds = ReserveFundMovement.objects.aggregate(first=Min("date"), last=Max("date"))
    if bounds["first"] is None:
        return []
    return list(range(bounds["last"].year, bounds["first"].year - 1, -1))


# --- Activity and Financial Reports ---------------------------------------------------------------


def report_figures(report: FinancialReport) -> dict:
    """The figures of a report, derived from the records of its period (six queries)."""
    start, end = report.period_start, report.period_end
    in_period = {"received_on__gte": start, "received_on__lte": end}
    received_total = Payment.objects.filter(**in_period).aggregate(total=_total("amount_usd"))
    spent_total = Expenditure.objects.filter(spent_on__gte=start, spent_on__lte=end).aggregate(
        total=_total("amount_usd")
    )
    received = (
        Payment.objects.filter(**in_period)
        .order_by()
        .values("country_id", "country__name_en", "country__name_es")
        .annotate(amount=_total("amount_usd"), payments=Count("pk"))
        .order_by("country__name_en")
    )
    contributions = [
        {
            "country": row["country_id"],
            "country_name": _name(row),
            "amount": row["amount"],
            "payments": row["payments"],
        }
        for row in received
    ]
    spent = (
        Expenditure.objects.filter(spent_on__gte=start, spent_on__lte=end)
        .order_by()
        .values("line__category_id", "line__category__position")
        .annotate(amount=_total("amount_usd"))
        .order_by("line__category__position")
    )
    expenditures = [
        {
            "category": row["line__category_id"],
            "name": str(Category(row["line__category_id"]).label),
            "amount": row["amount"],
        }
        for row in spent
    ]
    # Outstanding at the end of the period: assessments of the years up to then, less what
    # payments received by then covered.
    outstanding = (
        Assessment.objects.filter(year__lte=end.year)
        .with_payments(end)
        .aggregate(
            assessed=_total("amount_usd"), balance=_total("balance_usd"), assessments=Count("pk")
        )
    )
    fund = ReserveFundMovement.objects.signed().aggregate(
        opening=_total("signed_usd", filter=Q(date__lt=start)),
        contributions=_total(
            "amount_usd", filter=Q(date__gte=start, date__lte=end, kind=MovementKind.CONTRIBUTION)
        ),
        disbursements=_total(
            "amount_usd", filter=Q(date__gte=start, date__lte=end, kind=MovementKind.DISBURSEMENT)
        ),
        migrants_assisted=Coalesce(
            Sum("migrants_assisted", filter=Q(date__gte=start, date__lte=end)), 0
        ),
        closing=_total("signed_usd", filter=Q(date__lte=end)),
        movements=Count("pk", filter=Q(date__lte=end)),
    )
    if not fund.pop("movements"):  # an empty ledger is not a zero balance
        fund["closing"] = None
    return {
        "currency": CURRENCY,
        "period_start": start,
        "period_end": end,
        "contributions_received": received_total["total"],
        "contributions_by_country": contributions,
        "expenditures": spent_total["total"],
        "expenditures_by_line": expenditures,
        # None, not 0.00, when no contribution was assessed up to then: nothing is known owed.
        "outstanding_at_end": outstanding["balance"] if outstanding["assessments"] else None,
        "reserve_fund": fund,
    }


# --- A country's page -----------------------------------------------------------------------------


def country_finance_summary(*, country: Country, access: Access) -> dict | None:
    """A country's own contributions for its page: each year's balance, its arrears by age and
    its credit. None when the user may not see the finance records.

    One query: the totals ride along on every yearly row as window sums, and the credit as a
    subquery, rather than costing queries of their own.
    """
    if not may_see_finance(access):
        return None
    year = timezone.localdate().year
    credit = (
        Payment.objects.filter(country=OuterRef("country"))
        .with_allocation()
        .order_by()
        .values("country")
        .annotate(total=Sum("credit_usd"))
        .values("total")
    )
    due = Q(year__lte=year)
    in_force = ContributionScale.objects.filter(effective_from__lte=year).order_by(
        "-effective_from"
    )
    scale_line = ScaleRow.objects.filter(
        scale=Subquery(in_force.values("pk")[:1]), country=OuterRef("country")
    ).with_share()
    assessments = list(
        Assessment.objects.filter(country=country)
        .with_payments()
        .annotate(
            country_credit_usd=Coalesce(Subquery(credit, output_field=MONEY), Value(ZERO)),
            # The country's line on the scale in force this year (None when it has none).
            scale_amount_usd=Subquery(scale_line.values("amount_usd")[:1], output_field=MONEY),
            scale_share=Subquery(scale_line.values("share")[:1], output_field=PERCENT),
            # The country's totals, summed by the database over the same rows (Sum … OVER ()).
            assessed_total=_in_all("amount_usd", filter=due),
            paid_total=_in_all("paid_usd", filter=due),
            balance_total=_in_all("balance_usd", filter=due),
            current_year_total=_in_all("balance_usd", filter=Q(year=year)),
            one_year_total=_in_all("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more_total=_in_all("balance_usd", filter=Q(year__lte=year - 2)),
        )
        .order_by("-year")
    )
    first = assessments[0] if assessments else None
    totals = {
        name: getattr(first, f"{name}_total") if first else ZERO
        for name in (
            "assessed", "paid", "balance", "current_year", "one_year", "two_years_or_more",
        )
    }  # fmt: skip
    if first:
        credit_usd = first.country_credit_usd
        scale = {"amount": first.scale_amount_usd, "share": first.scale_share}
    else:  # nothing assessed yet: any payment is all credit
        credit_usd = (
            Payment.objects.filter(country=country)
            .with_allocation()
            .aggregate(credit=_total("credit_usd"))["credit"]
        )
        row = (
            ScaleRow.objects.filter(scale=Subquery(in_force.values("pk")[:1]), country=country)
            .with_share()
            .first()
        )
        scale = {"amount": row.amount_usd, "share": row.share} if row else None
    if scale and scale["amount"] is None:
        scale = None
    return {
        "country": country,
        "year": year,
        "currency": CURRENCY,
        "assessments": assessments,
        "totals": totals,
        "credit": credit_usd,
        "scale": scale,
        "in_arrears": totals["balance"] > 0,
    }
