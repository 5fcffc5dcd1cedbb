"""Charts of the books, drawn on the server with the site's SVG helpers (rcm.charts).

The bars are drawn in thousands of US dollars, rounded, so that their labels stay readable on a
phone; every chart comes with its data table, exact to the cent.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rcm.charts import Chart, bar_chart_svg

THOUSAND = Decimal(1000)


def thousands(amount: Decimal) -> int:
    """An amount in thousands of dollars, rounded half up: for drawing only."""
    return int((amount / THOUSAND).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cents(amount: Decimal) -> str:
    return number_format(amount, decimal_pos=2, force_grouping=True)


def arrears_chart(rows: list[dict]) -> Chart:
    """Per country, its unpaid contributions stacked by age: that year, one year, two or more."""
    rows = [row for row in rows if row["total"] > 0]
    ages = [
        ("current_year", _("This year"), "series-1"),
        ("one_year", _("One year old"), "series-5"),
        ("two_years_or_more", _("Two years old or more"), "series-overdue"),
    ]
    return Chart.drawn(
        bar_chart_svg,
        title=_("Arrears by country and age"),
        description=_(
            "Stacked bars, in thousands of US dollars (rounded): for each country, its unpaid "
            "contributions of the year, of the year before, and of two years before or earlier. "
            "The table gives the exact amounts."
        ),
        categories=[row["country_name"] for row in rows],
        series=[(label, [thousands(row[key]) for row in rows], css) for key, label, css in ages],
        chart_id="arrears-by-country",
        row_header=_("Country"),
        columns=[f"{label} (US$)" for _key, label, _css in ages] + [_("Total (US$)")],
        rows=[
            (row["country_name"], [cents(row[key]) for key, _l, _c in ages] + [cents(row["total"])])
            for row in rows
        ],
    )


def budget_chart(budget, lines) -> Chart:
    """Per line of a budget, what was budgeted beside what was spent."""
    return Chart.drawn(
        bar_chart_svg,
        title=_("Budget %(year)s: budgeted and spent by line") % {"year": budget.year},
        description=_(
            "Side-by-side bars, in thousands of US dollars (rounded): for each line of the budget, "
            "the amount budgeted and the amount spent. The table gives the exact amounts."
        ),
        categories=[str(line.category.name) for line in lines],
        series=[
            (_("Budgeted"), [thousands(line.amount_usd) for line in lines], "series-1"),
            (_("Spent"), [thousands(line.spent_usd) for line in lines], "series-3"),
        ],
        stacked=False,
        chart_id=f"budget-{budget.year}",
        row_header=_("Line"),
        columns=[_("Budgeted (US$)"), _("Spent (US$)"), _("Execution (%)")],
        rows=[
            (
                str(line.category.name),
                [cents(line.amount_usd), cents(line.spent_usd), cents(line.execution)],
            )
            for line in lines
        ],
    )
