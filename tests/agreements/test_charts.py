import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

from agreements.charts import (
    overdue_by_country_chart,
    status_by_year_chart,
    themes_over_time_chart,
)
from agreements.models import Agreement, AgreementCountry, Status
from rcm.charts import bar_chart_svg, horizontal_bar_svg
from rcm.line_charts import line_chart_svg
from rcm.models import Visibility
from tests.agreements.reference_charts import (
    overdue_by_country,
    status_by_year,
    themes_over_time,
)
from tests.factories import AgreementFactory, MeetingFactory, ThemeFactory

TODAY = datetime.date(2020, 6, 1)
PAST = datetime.date(2020, 1, 1)
FUTURE = datetime.date(2021, 1, 1)
SVG = "{http://www.w3.org/2000/svg}"


def meeting_of(year: int):
    return MeetingFactory(starts_on=datetime.date(year, 3, 10))


def set_country_status(agreement, country, status):
    AgreementCountry.objects.filter(agreement=agreement, country=country).update(status=status)


# --- Selectors ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_status_by_year_counts_an_overdue_agreement_only_as_overdue():
    y2013, y2015 = meeting_of(2013), meeting_of(2015)
    AgreementFactory(meeting=y2013, status=Status.OPEN)
    AgreementFactory(meeting=y2013, status=Status.OPEN, deadline=PAST)
    AgreementFactory(meeting=y2013, status=Status.IN_PROGRESS, deadline=FUTURE)
    AgreementFactory(meeting=y2013, status=Status.IN_PROGRESS, deadline=PAST)
    AgreementFactory(meeting=y2013, status=Status.DONE, deadline=PAST)
    AgreementFactory(meeting=y2013, status=Status.DROPPED)
    AgreementFactory(meeting=y2015, status=Status.OPEN, deadline=FUTURE)
    AgreementFactory(meeting=y2015, status=Status.SUPERSEDED)
    assert status_by_year(Agreement.objects.all(), today=TODAY) == [
        {"year": 2013, "open": 1, "in_progress": 1, "done": 1, "overdue": 2, "other": 1},
        {"year": 2015, "open": 1, "in_progress": 0, "done": 0, "overdue": 0, "other": 1},
    ]


@pytest.mark.django_db
def test_status_by_year_counts_only_the_agreements_it_is_given():
    AgreementFactory(meeting=meeting_of(2013))
    members = MeetingFactory(visibility=Visibility.MEMBERS)
    AgreementFactory(meeting=members, visibility=Visibility.MEMBERS)
    rows = status_by_year(Agreement.objects.visible_to(AnonymousUser()), today=TODAY)
    assert [(row["year"], row["open"]) for row in rows] == [(2013, 1)]


@pytest.mark.django_db
def test_overdue_by_country_leaves_out_a_country_that_has_done_its_part(mexico, guatemala):
    both = AgreementFactory(deadline=PAST, responsible=[mexico, guatemala])
    set_country_status(both, guatemala, Status.DONE)
    AgreementFactory(deadline=PAST, responsible=[mexico])
    dropped = AgreementFactory(deadline=PAST, responsible=[mexico])
    set_country_status(dropped, mexico, Status.DROPPED)
    working = AgreementFactory(deadline=PAST, responsible=[guatemala])
    set_country_status(working, guatemala, Status.IN_PROGRESS)
    AgreementFactory(deadline=FUTURE, responsible=[guatemala])
    AgreementFactory(deadline=PAST, status=Status.DONE, responsible=[guatemala])
    AgreementFactory(deadline=PAST, mentions=[guatemala])
    # The overdue agreement that only mentions Guatemala names no one who must act.
    assert overdue_by_country(Agreement.objects.all(), today=TODAY) == [
        {"code": "MX", "name": "Mexico", "count": 2},
        {"code": "GT", "name": "Guatemala", "count": 1},
        {"code": "", "name": "No one named", "count": 1},
    ]


@pytest.mark.django_db
def test_overdue_by_country_counts_only_the_agreements_it_is_given(mexico):
    AgreementFactory(deadline=PAST, responsible=[mexico])
    AgreementFactory(
        meeting=MeetingFactory(visibility=Visibility.MEMBERS),
        visibility=Visibility.MEMBERS,
        deadline=PAST,
        responsible=[mexico],
    )
    visible = Agreement.objects.visible_to(AnonymousUser())
    assert overdue_by_country(visible, today=TODAY) == [
        {"code": "MX", "name": "Mexico", "count": 1}
    ]


@pytest.mark.django_db
def test_themes_over_time_counts_a_subtopic_for_its_theme_once_per_agreement():
    policy = ThemeFactory(code="1", name_en="Migration Policy and Management")
    management = ThemeFactory(code="1.1", name_en="Migration Management", parent=policy)
    repatriation = ThemeFactory(code="1.1.2", name_en="Repatriation", parent=management)
    rights = ThemeFactory(code="2", name_en="Human Rights")
    ThemeFactory(code="3", name_en="Migration and Development")
    on_two_subtopics = AgreementFactory(meeting=meeting_of(2013))
    on_two_subtopics.themes.add(management, repatriation)
    AgreementFactory(meeting=meeting_of(2013)).themes.add(rights)
    AgreementFactory(meeting=meeting_of(2015)).themes.add(policy)
    AgreementFactory(meeting=meeting_of(2016))
    assert themes_over_time(Agreement.objects.all()) == {
        "years": [2013, 2014, 2015],
        "themes": [
            {"code": "1", "name": "Migration Policy and Management", "counts": [1, None, 1]},
            {"code": "2", "name": "Human Rights", "counts": [1, None, 0]},
        ],
    }


@pytest.mark.django_db
def test_themes_over_time_is_empty_without_tagged_agreements():
    AgreementFactory()
    assert themes_over_time(Agreement.objects.all()) == {"years": [], "themes": []}


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 20])
def test_each_selector_runs_one_query(mexico, django_assert_num_queries, count):
    theme = ThemeFactory(code="1", name_en="Migration Policy and Management")
    for year in range(2000, 2000 + count):
        agreement = AgreementFactory(meeting=meeting_of(year), deadline=PAST, responsible=[mexico])
        agreement.themes.add(theme)
    visible = Agreement.objects.visible_to(AnonymousUser())
    # one aggregate each: statuses by year; overdue by country; themes by year with their names.
    with django_assert_num_queries(1):
        assert len(status_by_year(visible, today=TODAY)) == count
    with django_assert_num_queries(1):
        assert overdue_by_country(visible, today=TODAY)[0]["count"] == count
    with django_assert_num_queries(1):
        assert len(themes_over_time(visible)["years"]) == count


# --- SVG ---------------------------------------------------------------------------------------


def all_charts(title="Agreements", description="What the chart shows"):
    return {
        "bar": bar_chart_svg(
            title=title,
            description=description,
            categories=["2013", "2014"],
            series=[("Open", [3, 1], "series-open"), ("Overdue", [2, 0], "series-overdue")],
        ),
        "grouped bar": bar_chart_svg(
            title=title,
            description=description,
            categories=["2013", "2014"],
            series=[("Open", [3, 1], "series-open"), ("Overdue", [2, 0], "series-overdue")],
            stacked=False,
        ),
        "horizontal bar": horizontal_bar_svg(
            title=title, description=description, categories=["Mexico", "Guatemala"], values=[4, 2]
        ),
        "line": line_chart_svg(
            title=title,
            description=description,
            categories=["2013", "2014", "2015"],
            series=[("1 Policy", [1, 0, 7], "series-1"), ("2 Rights", [2, 5, 0], "series-2")],
        ),
    }


@pytest.mark.parametrize("kind", ["bar", "grouped bar", "horizontal bar", "line"])
def test_a_chart_is_an_image_labelled_by_its_title_and_description(kind):
    svg = all_charts()[kind]
    root = ET.fromstring(str(svg))
    assert root.get("role") == "img"
    assert root.get("viewBox")
    _x, _y, width, height = root.get("viewBox").split()
    assert (root.get("width"), root.get("height")) == (width, height)
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Agreements"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}desc").text == "What the chart shows"


@pytest.mark.parametrize("kind", ["bar", "grouped bar", "horizontal bar", "line"])
def test_a_chart_has_no_inline_style_and_no_script(kind):
    svg = str(all_charts()[kind])
    assert "style=" not in svg
    assert "<script" not in svg
    assert "<style" not in svg
    assert " on" not in re.sub(r'"[^"]*"', "", svg)  # no event handler attributes


@pytest.mark.parametrize("kind", ["bar", "grouped bar", "horizontal bar", "line"])
def test_a_chart_escapes_its_text(kind):
    svg = str(all_charts(title='<script>alert("x")</script>', description="A & B")[kind])
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert "A &amp; B" in svg
    ET.fromstring(svg)


def texts(svg) -> list[str]:
    return [element.text for element in ET.fromstring(str(svg)).iter(f"{SVG}text")]


def test_a_stacked_bar_chart_labels_its_parts_and_totals():
    labels = texts(all_charts()["bar"])
    assert {"3", "2", "5", "1"} <= set(labels)  # parts of 2013 and its total 5, 2014's 1
    assert {"2013", "2014", "Open", "Overdue"} <= set(labels)


def test_a_horizontal_bar_chart_labels_each_country_with_its_value():
    labels = texts(all_charts()["horizontal bar"])
    assert {"Mexico", "Guatemala", "4", "2"} <= set(labels)


def test_a_line_chart_labels_its_points_and_tells_lines_apart_without_colour():
    svg = all_charts()["line"]
    labels = texts(svg)
    assert {"7", "5", "1 Policy", "2 Rights"} <= set(labels)
    root = ET.fromstring(str(svg))
    assert root.findall(f"{SVG}circle") and root.findall(f"{SVG}rect")  # two marker shapes
    lines = [line.get("class") for line in root.iter(f"{SVG}polyline")]
    assert lines == ["chart-line series-1 chart-dash-0", "chart-line series-2 chart-dash-1"]


def test_series_after_the_first_carry_a_pattern():
    root = ET.fromstring(str(all_charts()["bar"]))
    pattern_ids = [pattern.get("id") for pattern in root.iter(f"{SVG}pattern")]
    assert len(pattern_ids) == 1
    overlays = [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "chart-pattern"]
    assert overlays and all(rect.get("fill") == f"url(#{pattern_ids[0]})" for rect in overlays)


def test_a_chart_without_data_says_so():
    svg = bar_chart_svg(title="Nothing", description="Empty", categories=[], series=[])
    assert "No data to show." in texts(svg)
    assert "No data to show." in texts(
        line_chart_svg(title="Nothing", description="Empty", categories=["2013"], series=[])
    )


def test_a_chart_with_many_years_keeps_its_text_readable_on_a_phone():
    years = [str(year) for year in range(1996, 2026)]
    svg = bar_chart_svg(
        title="Thirty years",
        description="Bars",
        categories=years,
        series=[("Open", list(range(30)), "series-open")],
    )
    root = ET.fromstring(str(svg))
    assert "chart-min-" in root.get("class")
    assert set(years) <= set(texts(svg))


@pytest.mark.parametrize("bars", [2, 30])
def test_a_charts_text_is_drawn_at_one_size_whatever_the_number_of_bars(bars):
    """Drawn at its own size (width and height as its viewBox), the text is 13 px with two
    bars as with thirty, never scaled with the chart."""
    svg = bar_chart_svg(
        title="Bars",
        description="Bars",
        categories=[str(year) for year in range(1996, 1996 + bars)],
        series=[("Open", list(range(1, bars + 1)), "series-open")],
    )
    root = ET.fromstring(str(svg))
    assert root.get("width") == root.get("viewBox").split()[2]
    assert {text.get("font-size") for text in root.iter(f"{SVG}text")} == {"13"}


def test_every_series_colour_the_charts_use_is_defined_in_charts_css():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "charts.css").read_text()
    used = {"series-in-progress", "series-done", "series-other"} | {
        f"series-{n}" for n in range(1, 9)
    }
    for svg in all_charts().values():
        for element in ET.fromstring(str(svg)).iter():
            used.update(
                name for name in element.get("class", "").split() if name.startswith("series-")
            )
    assert {name for name in used if f".chart-svg .{name} {{ color: #" not in css} == set()


# --- The charts for the pages and their data tables --------------------------------------------


@pytest.mark.django_db
def test_the_chart_include_renders_the_svg_a_caption_and_a_data_table(mexico):
    AgreementFactory(meeting=meeting_of(2013), deadline=PAST, responsible=[mexico])
    AgreementFactory(meeting=meeting_of(2014), status=Status.DONE)
    chart = status_by_year_chart(rows=status_by_year(Agreement.objects.all(), today=TODAY))
    html = render_to_string("agreements/_chart.html", {"chart": chart})
    assert "<figure" in html and "<figcaption>Agreements by year and status" in html
    assert "<summary>Data table</summary>" in html
    assert '<th scope="col">Year</th>' in html
    assert '<th scope="col">Overdue</th>' in html
    assert '<th scope="row">2013</th>' in html
    assert html.count("<td>") == 10
    assert str(chart.svg) in html
    assert "style=" not in html


@pytest.mark.django_db
def test_the_charts_for_the_pages_carry_the_selectors_numbers(mexico):
    theme = ThemeFactory(code="1", name_en="Migration Policy and Management")
    AgreementFactory(meeting=meeting_of(2013), deadline=PAST, responsible=[mexico]).themes.add(
        theme
    )
    agreements = Agreement.objects.all()
    assert status_by_year_chart(rows=status_by_year(agreements, today=TODAY)).rows == [
        ("2013", [0, 0, 0, 1, 0])
    ]
    assert overdue_by_country_chart(rows=overdue_by_country(agreements, today=TODAY)).rows == [
        ("Mexico", [1])
    ]
    themes = themes_over_time_chart(data=themes_over_time(agreements))
    assert themes.columns == ["1 Migration Policy and Management"]
    assert themes.rows == [("2013", [1])]


@pytest.mark.django_db
def test_an_empty_chart_table_says_there_is_no_data():
    chart = overdue_by_country_chart(rows=overdue_by_country(Agreement.objects.none(), today=TODAY))
    html = render_to_string("agreements/_chart.html", {"chart": chart})
    assert 'colspan="2"' in html
    assert "No data to show." in html


def test_the_overdue_chart_says_who_must_act_since_organisations_are_listed_too():
    chart = overdue_by_country_chart(rows=[{"name": "TS", "count": 2}])
    assert (str(chart.title), str(chart.row_header)) == (
        "Overdue agreements by who must act",
        "Responsible",
    )


def _marker_centre_y(marker) -> float:
    if marker.get("cy"):
        return float(marker.get("cy"))
    if marker.get("y"):
        return float(marker.get("y")) + 4
    ys = [float(pair.split(",")[1]) for pair in marker.get("points").split()]
    return sum(ys) / len(ys)


def test_a_lines_value_is_left_out_rather_than_written_over_another_lines_marker():
    # 2013 on the real records: three themes at 20, 19 and 17 agreements.
    svg = line_chart_svg(
        title="Themes",
        description="Lines",
        categories=["2013", "2021"],
        series=[
            ("1 Policy", [20, 14], "series-1"),
            ("2 Rights", [19, 17], "series-2"),
            ("3 Development", [17, 39], "series-3"),
        ],
    )
    root = ET.fromstring(str(svg))
    markers = [
        _marker_centre_y(marker)
        for marker in root.iter()
        if "chart-marker" in (marker.get("class") or "")
        and marker.find(f"{SVG}title").text.startswith("2013")
    ]
    first_x = next(
        float(marker.get("cx"))
        for marker in root.iter(f"{SVG}circle")
        if marker.find(f"{SVG}title").text.startswith("2013")
    )
    values = [
        float(text.get("y"))
        for text in root.iter(f"{SVG}text")
        if "chart-value" in text.get("class", "") and abs(float(text.get("x")) - first_x) < 1
    ]

    assert len(markers) == 3
    assert values, "at least one value is written"
    for baseline in values:
        covered = [y for y in markers if baseline - 13 < y < baseline + 2]
        assert not covered, (baseline, markers)
