"""Charts of the follow-up, drawn from the counts of the dashboard's summary query
(agreements.selectors.dashboard_summary) by the shared SVG helpers in rcm/charts.py."""

from __future__ import annotations

from django.utils.translation import gettext as _

from rcm.charts import Chart, bar_chart_svg, horizontal_bar_svg
from rcm.line_charts import line_chart_svg

# --- Charts for the pages ----------------------------------------------------------------------


def _status_labels() -> list[tuple[str, str]]:
    return [
        ("open", _("Open")),
        ("in_progress", _("In progress")),
        ("done", _("Done")),
        ("overdue", _("Overdue")),
        ("other", _("Superseded, dropped or no follow-up")),
    ]


def _series_by_key(labels: list[tuple[str, str]], rows: list[dict]) -> list[tuple]:
    """A series per (key, label) of the rows' counts, drawn in the class its key names."""
    return [
        (label, [row[key] for row in rows], f"series-{key.replace('_', '-')}")
        for key, label in labels
    ]


def _by_every_year(rows: list[dict], keys: list[str]) -> list[dict]:
    """The rows of a year each, with the years between them that have none as rows of None:
    a year nobody recorded is unknown, not zero (its bar is a "not recorded" band)."""
    known = {row["year"]: row for row in rows if row["year"] is not None}
    if not known:
        return rows
    return [
        known.get(year) or {"year": year, **dict.fromkeys(keys)}
        for year in range(min(known), max(known) + 1)
    ] + [row for row in rows if row["year"] is None]


def _cell(value):
    """A count for a chart's table: a year nobody recorded says so."""
    return _("not recorded") if value is None else value


def status_by_year_chart(*, rows: list[dict]) -> Chart:
    """Agreements by meeting year, stacked by where they stand; the years between with no
    agreement recorded are marked "not recorded".

    `rows`: DashboardSummary.status_by_year.
    """
    labels = _status_labels()
    rows = _by_every_year(rows, [key for key, _label in labels])
    return Chart.drawn(
        bar_chart_svg,
        title=_("Agreements by year and status"),
        description=_(
            "Stacked bars: for each year of the meetings that adopted them, how many agreements "
            "are open, in progress, done, overdue, or superseded, dropped or without follow-up."
        ),
        categories=[str(row["year"]) for row in rows],
        series=_series_by_key(labels, rows),
        row_header=_("Year"),
        columns=[label for _key, label in labels],
        rows=[(str(row["year"]), [_cell(row[key]) for key, _label in labels]) for row in rows],
    )


def overdue_by_country_chart(*, rows: list[dict], limit: int = 20) -> Chart:
    """The countries with the most overdue agreements they are responsible for.

    `rows`: DashboardSummary.overdue_by_country.
    """
    rows = rows[:limit]
    return Chart.drawn(
        horizontal_bar_svg,
        # Organisations (the TS, a network) are named responsible too: the title says "who".
        title=_("Overdue agreements by who must act"),
        description=_(
            "For each country or organisation, how many agreements it is responsible for are past "
            "their deadline while its part is still pending."
        ),
        categories=[row["name"] for row in rows],
        values=[row["count"] for row in rows],
        css_class="series-overdue",
        row_header=_("Responsible"),
        columns=[_("Overdue agreements")],
        rows=[(row["name"], [row["count"]]) for row in rows],
    )


def themes_over_time_chart(*, data: dict) -> Chart:
    """How many agreements each theme of the Plan of Action received, year by year.

    `data`: DashboardSummary.themes_over_time.
    """
    themes = data["themes"]
    series = [
        (f"{theme['code']} {theme['name']}", theme["counts"], f"series-{index % 8 + 1}")
        for index, theme in enumerate(themes)
    ]
    return Chart.drawn(
        line_chart_svg,
        title=_("Agreements by Plan of Action theme over time"),
        description=_(
            "Lines: for each year, how many agreements adopted that year concern each theme of "
            "the Plan of Action, subtopics included."
        ),
        categories=[str(year) for year in data["years"]],
        series=series,
        row_header=_("Year"),
        columns=[label for label, _values, _css in series],
        rows=[
            (str(year), [_cell(theme["counts"][i]) for theme in themes])
            for i, year in enumerate(data["years"])
        ],
    )


def not_reported_and_stale_by_year_chart(*, rows: list[dict]) -> Chart:
    """Not reported and stale agreements by meeting year, side by side (an agreement may be
    both, so the bars are not stacked): each series adds up to its headline count.

    `rows`: agreements.states.by_year().
    """
    labels = [("not_reported", _("Not reported")), ("stale", _("Stale"))]
    categories = [str(row["year"] or "—") for row in rows]
    return Chart.drawn(
        bar_chart_svg,
        title=_("Not reported and stale agreements by year"),
        description=_(
            "Side-by-side bars: for each year of the meetings that adopted them, how many open "
            "agreements nobody has reported on since adoption, and how many had no accepted "
            "update for a year or more (an agreement may be both)."
        ),
        categories=categories,
        series=_series_by_key(labels, rows),
        stacked=False,
        row_header=_("Year"),
        columns=[label for _key, label in labels],
        rows=[
            (category, [row[key] for key, _l in labels])
            for category, row in zip(categories, rows, strict=True)
        ],
    )
