"""Charts of the follow-up: selectors that count in the database, and the charts drawn from them.

The selectors take agreements already restricted to what the user may see (`visible_to`) and run
one aggregate query each; the SVG is drawn by the shared helpers in rcm/charts.py.
"""

from __future__ import annotations

import datetime

from django.db.models import CharField, Count, F, Func, OuterRef, Q, Subquery, Value
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from agreements.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementOrganisation,
    Status,
    Theme,
)
from rcm.charts import Chart, bar_chart_svg, horizontal_bar_svg, line_chart_svg

# --- Selectors ---------------------------------------------------------------------------------

STATUS_COLUMNS = ("open", "in_progress", "done", "overdue", "other")


def _spanish() -> bool:
    return (get_language() or "en").startswith("es")


def status_by_year(agreements, *, today: datetime.date | None = None) -> list[dict]:
    """Per meeting year, how many agreements are open, in progress, done, overdue or other.

    An overdue agreement counts only as overdue, not also as open or in progress, so that the
    parts of a year add up to its total.
    """
    today = today or timezone.localdate()
    overdue = Agreement.objects.overdue_q(today)
    on_time = ~overdue
    rows = (
        agreements.order_by()
        .values(year=F("meeting__year"))
        .annotate(
            open=Count("pk", filter=Q(status=Status.OPEN) & on_time, distinct=True),
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS) & on_time, distinct=True),
            done=Count("pk", filter=Q(status=Status.DONE), distinct=True),
            overdue=Count("pk", filter=overdue, distinct=True),
            other=Count("pk", filter=~Q(status__in=[*OPEN_STATUSES, Status.DONE]), distinct=True),
        )
        .order_by("year")
    )
    return [dict(row) for row in rows]


def overdue_by_country(agreements, *, today: datetime.date | None = None) -> list[dict]:
    """Who must act on overdue agreements, most first: responsible countries whose own part is
    still pending, responsible organisations and bodies (the TS, the PPT …), and "no one named"
    for the overdue agreements that name no one.

    A country that has done its part, or whose part was dropped, is not counted even while the
    agreement stays open for the others.
    """
    overdue = agreements.order_by().filter(Agreement.objects.overdue_q(today))
    # One query: the three groups as one UNION.
    countries = (
        AgreementCountry.objects.filter(responsible=True, agreement__in=overdue)
        .exclude(status__in=CLOSED_STATUSES)
        .values(code=F("country_id"), en=F("country__name_en"), es=F("country__name_es"))
        .annotate(count=Count("agreement", distinct=True))
        .order_by()
    )
    organisations = (
        AgreementOrganisation.objects.filter(responsible=True, agreement__in=overdue)
        .values(
            code=F("organisation__acronym"),
            en=F("organisation__acronym"),
            es=F("organisation__acronym_es"),
        )
        .annotate(count=Count("agreement", distinct=True))
        .order_by()
    )
    no_one = str(_("No one named"))
    unnamed = (
        Agreement.objects.filter(
            pk__in=overdue.exclude(country_links__responsible=True)
            .exclude(organisation_links__responsible=True)
            .values("pk")
        )
        .order_by()
        .values(code=Value(""), en=Value(no_one), es=Value(no_one))
        .annotate(count=Count("pk"))
    )
    rows = countries.union(organisations, unnamed, all=True).order_by("-count", "en")
    spanish = _spanish()
    return [
        {"code": row["code"], "name": (spanish and row["es"]) or row["en"], "count": row["count"]}
        for row in rows
        if row["count"]  # the "no one named" row counts 0 when every agreement names someone
    ]


class SplitPart(Func):
    function = "SPLIT_PART"
    output_field = CharField()


def themes_over_time(agreements) -> dict:
    """Per meeting year, how many agreements each top-level theme of the Plan of Action has.

    An agreement tagged with a subtopic (1.2.3) counts for its theme (1), once however many of
    the theme's subtopics it carries. Years run without gaps from the first to the last.
    """
    top_code = SplitPart(F("themes__code"), Value("."), Value(1))
    top_theme = Theme.objects.filter(code=OuterRef("top"))
    rows = list(
        agreements.order_by()
        .annotate(top=top_code)
        .values("meeting__year", "top")
        .annotate(
            count=Count("pk", distinct=True),
            name_en=Subquery(top_theme.values("name_en")[:1]),
            name_es=Subquery(top_theme.values("name_es")[:1]),
        )
        .order_by("top", "meeting__year")
    )
    rows = [row for row in rows if row["top"]]
    if not rows:
        return {"years": [], "themes": []}
    first = min(row["meeting__year"] for row in rows)
    last = max(row["meeting__year"] for row in rows)
    years = list(range(first, last + 1))
    spanish = _spanish()
    themes: dict[str, dict] = {}
    for row in rows:
        theme = themes.setdefault(
            row["top"],
            {
                "code": row["top"],
                "name": (spanish and row["name_es"]) or row["name_en"] or row["top"],
                "counts": [0] * len(years),
            },
        )
        theme["counts"][row["meeting__year"] - first] = row["count"]
    ordered = sorted(themes.values(), key=lambda theme: _code_key(theme["code"]))
    return {"years": years, "themes": ordered}


def _code_key(code: str):
    return (0, int(code)) if code.isdigit() else (1, code)


# --- Charts for the pages ----------------------------------------------------------------------


def _status_labels() -> list[tuple[str, str]]:
    return [
        ("open", _("Open")),
        ("in_progress", _("In progress")),
        ("done", _("Done")),
        ("overdue", _("Overdue")),
        ("other", _("Closed otherwise")),
    ]


def status_by_year_chart(
    agreements=None, *, today: datetime.date | None = None, rows: list[dict] | None = None
) -> Chart:
    """Agreements by meeting year, stacked by where they stand.

    `rows` as status_by_year() returns them, when a summary query already counted them.
    """
    if rows is None:
        rows = status_by_year(agreements, today=today)
    labels = _status_labels()
    title = _("Agreements by year and status")
    description = _(
        "Stacked bars: for each year of the meetings that adopted them, how many agreements are "
        "open, in progress, done, overdue or closed otherwise."
    )
    categories = [str(row["year"]) for row in rows]
    series = [
        (label, [row[key] for row in rows], f"series-{key.replace('_', '-')}")
        for key, label in labels
    ]
    return Chart(
        title=title,
        description=description,
        svg=bar_chart_svg(
            title=title, description=description, categories=categories, series=series
        ),
        row_header=_("Year"),
        columns=[label for _key, label in labels],
        rows=[(str(row["year"]), [row[key] for key, _label in labels]) for row in rows],
    )


def overdue_by_country_chart(
    agreements=None,
    *,
    today: datetime.date | None = None,
    limit: int = 20,
    rows: list[dict] | None = None,
) -> Chart:
    """The countries with the most overdue agreements they are responsible for.

    `rows` as overdue_by_country() returns them, when a summary query already counted them.
    """
    if rows is None:
        rows = overdue_by_country(agreements, today=today)
    rows = rows[:limit]
    title = _("Overdue agreements by responsible country")
    description = _(
        "For each country, how many agreements it is responsible for are past their deadline "
        "while its part is still pending."
    )
    return Chart(
        title=title,
        description=description,
        svg=horizontal_bar_svg(
            title=title,
            description=description,
            categories=[row["name"] for row in rows],
            values=[row["count"] for row in rows],
            css_class="series-overdue",
        ),
        row_header=_("Country"),
        columns=[_("Overdue agreements")],
        rows=[(row["name"], [row["count"]]) for row in rows],
    )


def themes_over_time_chart(agreements=None, *, data: dict | None = None) -> Chart:
    """How many agreements each theme of the Plan of Action received, year by year.

    `data` as themes_over_time() returns it, when a summary query already counted it.
    """
    if data is None:
        data = themes_over_time(agreements)
    title = _("Agreements by Plan of Action theme over time")
    description = _(
        "Lines: for each year, how many agreements adopted that year concern each theme of the "
        "Plan of Action, subtopics included."
    )
    themes = data["themes"]
    series = [
        (f"{theme['code']} {theme['name']}", theme["counts"], f"series-{index % 8 + 1}")
        for index, theme in enumerate(themes)
    ]
    return Chart(
        title=title,
        description=description,
        svg=line_chart_svg(
            title=title,
            description=description,
            categories=[str(year) for year in data["years"]],
            series=series,
        ),
        row_header=_("Year"),
        columns=[label for label, _values, _css in series],
        rows=[
            (str(year), [theme["counts"][i] for theme in themes])
            for i, year in enumerate(data["years"])
        ],
    )
