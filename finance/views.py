"""Pages of the books for the member governments and the TS: contributions and arrears, budgets
against their execution, the Reserve Fund's quarterly report, the TS's reports, and exports.

Finance is members-only: a visitor is asked to sign in, and a signed-in user who is not TS staff
or a member government's user gets 404, as for any record they may not see.
"""

from __future__ import annotations

from functools import wraps

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from finance import charts, exports, selectors
from finance.agreement_standing import agreements_urging
from finance.models import (
    Budget,
    BudgetLine,
    Expenditure,
    FinanceTopic,
    FinancialReport,
    PaymentStatus,
    ReserveFundMovement,
    may_see_finance,
)
from rcm import exports as rcm_exports
from rcm import records_cache
from rcm.models import access_for

YEARS_SHOWN = 6
# What a meeting's short name reads, for the meetings a budget names.
MEETINGS = [
    f"{step}_meeting__{related}"
    for step in ("recommendation", "approval")
    for related in ("country", "parent")
]
PAGE_SIZE = 50


def members_only(view):
    """Read-only pages for TS staff and member governments (other methods answer 405)."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_see_finance(access_for(request.user)):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=1996, max_value=2100, required=False
    )


def _year(request) -> tuple[YearForm, int]:
    this_year = timezone.localdate().year
    form = YearForm(request.GET or None, initial={"year": this_year})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["year"] or this_year
    return form, this_year


@members_only
def overview(request):
    """Contributions status per country and year, arrears by age with a chart, and the books'
    other parts at a glance; kept for the reader's access until the records change."""
    return records_cache.kept_page(
        request,
        "finance/overview.html",
        "finance/_overview_content.html",
        lambda: _overview(request),
    )


def _overview(request) -> dict:
    form, year = _year(request)
    years = sorted(y for y in selectors.assessment_years() if y <= year)[-YEARS_SHOWN:]
    arrears = selectors.arrears_by_country(year=year)
    return {
        "form": form,
        "year": year,
        "table": selectors.contributions_table(years=years),
        "arrears": arrears,
        "arrears_totals": selectors.arrears_totals(year=year),
        "chart": charts.arrears_chart(arrears),
        "budgets": list(Budget.objects.with_execution().order_by("-year")[:5]),
        "reports": list(
            FinancialReport.objects.select_related("meeting__country", "meeting__parent")[:10]
        ),
        "fund_balance": selectors.reserve_fund_balance(),
        "scale": selectors.scale_in_force(year=year),
        "statuses": PaymentStatus,
        "urging": agreements_urging(
            topics=[FinanceTopic.CONTRIBUTIONS], access=access_for(request.user)
        ),
    }


CONTRIBUTION_COLUMNS = [
    ("country", gettext_lazy("Country")),
    ("country_name", gettext_lazy("Country name")),
    ("year", gettext_lazy("Year")),
    ("assessed", gettext_lazy("Assessed (US$)")),
    ("paid", gettext_lazy("Paid (US$)")),
    ("balance", gettext_lazy("Balance (US$)")),
    ("status", gettext_lazy("Status")),
    ("currency", gettext_lazy("Currency")),
]


@members_only
def contributions_export(request, fmt: str):
    """Every country's contribution per year (optionally one year) as CSV or XLSX."""
    form = YearForm(request.GET or None)
    queryset = selectors.balances()
    if form.is_bound and form.is_valid() and form.cleaned_data["year"]:
        queryset = queryset.filter(year=form.cleaned_data["year"])
    labels = dict(PaymentStatus.choices)

    def rows():
        for assessment in queryset.iterator(chunk_size=2000):
            yield {
                "country": assessment.country_id,
                "country_name": assessment.country.name,
                "year": assessment.year,
                "assessed": assessment.amount_usd,
                "paid": assessment.paid_usd,
                "balance": assessment.balance_usd,
                "status": str(labels[assessment.payment_status]),
                "currency": "USD",
            }

    return exports.table_response(
        name="contributions",
        columns=CONTRIBUTION_COLUMNS,
        rows=rows(),
        fmt=fmt,
        sheet=_("Contributions"),
        filters=rcm_exports.described_filters(form),
    )


@members_only
def budget_list(request):
    """Every year's budget with its status and execution."""
    budgets = Budget.objects.with_execution().select_related(*MEETINGS)
    return render(request, "finance/budget_list.html", {"budgets": list(budgets)})


def _lines(budget):
    return list(
        BudgetLine.objects.filter(budget=budget)
        .with_execution()
        .select_related("category")
        .order_by("category__position")
    )


@members_only
def budget_detail(request, year: int):
    """A year's budget against its execution, line by line and in all, with its expenditures."""
    budget = get_object_or_404(
        Budget.objects.with_execution().select_related(
            *MEETINGS, "recommendation_agreement", "approval_agreement"
        ),
        year=year,
    )
    lines = _lines(budget)
    expenditures = Expenditure.objects.filter(line__budget=budget).select_related("line__category")
    page = Paginator(expenditures, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "budget": budget,
        "lines": lines,
        "chart": charts.budget_chart(budget, lines),
        "page": page,
    }
    return render(request, "finance/budget_detail.html", context)


BUDGET_COLUMNS = [
    ("year", gettext_lazy("Year")),
    ("category", gettext_lazy("Line (code)")),
    ("line", gettext_lazy("Line")),
    ("budgeted", gettext_lazy("Budgeted (US$)")),
    ("spent", gettext_lazy("Spent (US$)")),
    ("remaining", gettext_lazy("Remaining (US$)")),
    ("execution", gettext_lazy("Execution (%)")),
    ("currency", gettext_lazy("Currency")),
]


@members_only
def budget_export(request, year: int, fmt: str):
    """A year's budget against its execution per line, and in all, as CSV or XLSX."""
    budget = get_object_or_404(Budget.objects.with_execution(), year=year)

    def rows():
        for line in _lines(budget):
            yield {
                "year": budget.year,
                "category": line.category_id,
                "line": str(line.category.name),
                "budgeted": line.amount_usd,
                "spent": line.spent_usd,
                "remaining": line.remaining_usd,
                "execution": line.execution,
                "currency": "USD",
            }
        yield {
            "year": budget.year,
            "category": "",
            "line": _("Total"),
            "budgeted": budget.budgeted_usd,
            "spent": budget.spent_usd,
            "remaining": budget.remaining_usd,
            "execution": budget.execution,
            "currency": "USD",
        }

    return exports.table_response(
        name=f"budget-{budget.year}",
        columns=BUDGET_COLUMNS,
        rows=rows(),
        fmt=fmt,
        sheet=_("Budget %(year)s") % {"year": budget.year},
        filters=[(_("Year"), str(budget.year))],
    )


@members_only
def reserve_fund(request):
    """The Reserve Fund's quarterly execution report for a year, and that year's movements."""
    form, year = _year(request)
    movements = (
        ReserveFundMovement.objects.filter(date__year=year)
        .select_related("country", "nationality", "destination")
        .order_by("date", "pk")
    )
    page = Paginator(movements, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "year": year,
        "report": selectors.reserve_fund_quarters(year=year),
        "years": selectors.reserve_fund_years(),
        "page": page,
        "query": f"year={year}",
        "urging": agreements_urging(
            topics=[FinanceTopic.RESERVE_FUND], access=access_for(request.user)
        ),
    }
    return render(request, "finance/reserve_fund.html", context)


FUND_COLUMNS = [
    ("year", gettext_lazy("Year")),
    ("quarter", gettext_lazy("Quarter")),
    ("start", gettext_lazy("From")),
    ("end", gettext_lazy("To")),
    ("opening_balance", gettext_lazy("Opening balance (US$)")),
    ("contributions", gettext_lazy("Contributions (US$)")),
    ("disbursements", gettext_lazy("Disbursements (US$)")),
    ("disbursement_count", gettext_lazy("Disbursements")),
    ("migrants_assisted", gettext_lazy("Migrants assisted")),
    ("closing_balance", gettext_lazy("Closing balance (US$)")),
    ("currency", gettext_lazy("Currency")),
]


@members_only
def reserve_fund_export(request, fmt: str):
    """The Reserve Fund's quarterly report for a year as CSV or XLSX."""
    year = _year(request)[1]
    report = selectors.reserve_fund_quarters(year=year)
    rows = (
        {
            **quarter,
            "year": year,
            "start": quarter["start"],
            "end": quarter["end"],
            "currency": "USD",
        }
        for quarter in report["quarters"]
    )
    return exports.table_response(
        name=f"reserve-fund-{year}",
        columns=FUND_COLUMNS,
        rows=rows,
        fmt=fmt,
        sheet=_("Reserve Fund %(year)s") % {"year": year},
        filters=[(_("Year"), str(year))],
    )


@members_only
def report_detail(request, pk: int):
    """An Activity and Financial Report of the TS, with its figures from the records."""
    report = get_object_or_404(
        FinancialReport.objects.select_related("meeting", "meeting__country", "agreement"), pk=pk
    )
    return render(
        request,
        "finance/report_detail.html",
        {"report": report, "figures": selectors.report_figures(report)},
    )
