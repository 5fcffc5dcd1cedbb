"""A financial report's figures and a country's finance summary."""

from __future__ import annotations

from django.db.models import (
    Count,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from finance.models import (
    CURRENCY,
    MONEY,
    PERCENT,
    ZERO,
    Assessment,
    Category,
    ContributionScale,
    Expenditure,
    FinancialReport,
    MovementKind,
    Payment,
    ReserveFundMovement,
    ScaleRow,
    may_see_finance,
)
from finance.selectors.sums import country_name, in_all, total
from rcm.models import Access, Country


def report_figures(report: FinancialReport) -> dict:
    """The figures of a report, derived from the records of its period (six queries)."""
    start, end = report.period_start, report.period_end
    in_period = {"received_on__gte": start, "received_on__lte": end}
    received_total = Payment.objects.filter(**in_period).aggregate(total=total("amount_usd"))
    spent_total = Expenditure.objects.filter(spent_on__gte=start, spent_on__lte=end).aggregate(
        total=total("amount_usd")
    )
    received = (
        Payment.objects.filter(**in_period)
        .order_by()
        .values("country_id", "country__name_en", "country__name_es")
        .annotate(amount=total("amount_usd"), payments=Count("pk"))
        .order_by("country__name_en")
    )
    contributions = [
        {
            "country": row["country_id"],
            "country_name": country_name(row),
            "amount": row["amount"],
            "payments": row["payments"],
        }
        for row in received
    ]
    spent = (
        Expenditure.objects.filter(spent_on__gte=start, spent_on__lte=end)
        .order_by()
        .values("line__category_id", "line__category__position")
        .annotate(amount=total("amount_usd"))
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
            assessed=total("amount_usd"), balance=total("balance_usd"), assessments=Count("pk")
        )
    )
    fund = ReserveFundMovement.objects.signed().aggregate(
        opening=total("signed_usd", filter=Q(date__lt=start)),
        contributions=total(
            "amount_usd", filter=Q(date__gte=start, date__lte=end, kind=MovementKind.CONTRIBUTION)
        ),
        disbursements=total(
            "amount_usd", filter=Q(date__gte=start, date__lte=end, kind=MovementKind.DISBURSEMENT)
        ),
        migrants_assisted=Coalesce(
            Sum("migrants_assisted", filter=Q(date__gte=start, date__lte=end)), 0
        ),
        closing=total("signed_usd", filter=Q(date__lte=end)),
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
            assessed_total=in_all("amount_usd", filter=due),
            paid_total=in_all("paid_usd", filter=due),
            balance_total=in_all("balance_usd", filter=due),
            current_year_total=in_all("balance_usd", filter=Q(year=year)),
            one_year_total=in_all("balance_usd", filter=Q(year=year - 1)),
            two_years_or_more_total=in_all("balance_usd", filter=Q(year__lte=year - 2)),
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
            .aggregate(credit=total("credit_usd"))["credit"]
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
