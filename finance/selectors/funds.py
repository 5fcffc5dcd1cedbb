"""Budgets, expenditures and the Reserve Fund by quarter and year."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Count,
    Max,
    Min,
    Prefetch,
    Q,
    Sum,
)
from django.db.models.functions import Coalesce, ExtractQuarter
from django.utils import timezone

from finance.models import (
    CURRENCY,
    Budget,
    BudgetLine,
    Expenditure,
    MovementKind,
    ReserveFundMovement,
)
from finance.selectors.sums import country_name, total


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
        "opening": total("signed_usd", filter=Q(date__lt=datetime.date(year, 1, 1))),
        "year_in": total("amount_usd", filter=in_year & Q(kind=MovementKind.CONTRIBUTION)),
        "year_out": total("amount_usd", filter=in_year & Q(kind=MovementKind.DISBURSEMENT)),
        "year_migrants": Coalesce(Sum("migrants_assisted", filter=in_year), 0),
    }
    for quarter in (1, 2, 3, 4):
        start, end = quarter_bounds(year, quarter)
        in_quarter = Q(date__gte=start, date__lte=end)
        aggregates[f"q{quarter}_in"] = total(
            "amount_usd", filter=in_quarter & Q(kind=MovementKind.CONTRIBUTION)
        )
        aggregates[f"q{quarter}_out"] = total(
            "amount_usd", filter=in_quarter & Q(kind=MovementKind.DISBURSEMENT)
        )
        aggregates[f"q{quarter}_disbursements"] = Count(
            "pk", filter=in_quarter & Q(kind=MovementKind.DISBURSEMENT)
        )
        aggregates[f"q{quarter}_migrants"] = Coalesce(
            Sum("migrants_assisted", filter=in_quarter), 0
        )
        aggregates[f"q{quarter}_closing"] = total("signed_usd", filter=Q(date__lte=end))
    totals = movements.aggregate(**aggregates)
    by_nationality: dict[int, list[dict]] = {}
    rows = (
        ReserveFundMovement.objects.filter(
            kind=MovementKind.DISBURSEMENT, date__year=year, nationality__isnull=False
        )
        .annotate(quarter=ExtractQuarter("date"))
        .order_by()
        .values("quarter", "nationality_id", "nationality__name_en", "nationality__name_es")
        .annotate(migrants=Coalesce(Sum("migrants_assisted"), 0), amount=total("amount_usd"))
        .order_by("quarter", "-migrants", "nationality__name_en")
    )
    for row in rows:
        by_nationality.setdefault(row["quarter"], []).append(
            {
                "country": row["nationality_id"],
                "country_name": country_name(row, "nationality__"),
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
