"""A year nobody recorded is unknown, not zero: the dashboard's charts mark it "not recorded"."""

import datetime

import pytest

from agreements.charts import status_by_year_chart, themes_over_time_chart
from agreements.models import Agreement
from agreements.selectors import dashboard_summary
from meetings.models import Meeting
from rcm.line_charts import line_chart_svg
from rcm.models import ANONYMOUS
from tests.factories import AgreementFactory, MeetingFactory, ThemeFactory

TODAY = datetime.date(2022, 6, 1)


def meeting_of(year: int):
    return MeetingFactory(starts_on=datetime.date(year, 3, 10))


@pytest.fixture
def agreements_of_2013_and_2016():
    theme = ThemeFactory(code="1", name_en="Migration Policy and Management")
    AgreementFactory(meeting=meeting_of(2013)).themes.add(theme)
    AgreementFactory(meeting=meeting_of(2015))  # recorded, on no theme
    AgreementFactory(meeting=meeting_of(2016)).themes.add(theme)


def summary():
    return dashboard_summary(
        Agreement.objects.visible_to(ANONYMOUS),
        access=ANONYMOUS,
        today=TODAY,
        meetings=Meeting.objects.all(),
    )


@pytest.mark.django_db
def test_themes_over_time_counts_a_year_without_records_as_unknown_and_a_recorded_one_as_zero(
    agreements_of_2013_and_2016,
):
    assert summary().themes_over_time["themes"][0]["counts"] == [1, None, 0, 1]


@pytest.mark.django_db
def test_the_themes_chart_says_not_recorded_for_a_year_without_records(
    agreements_of_2013_and_2016,
):
    chart = themes_over_time_chart(data=summary().themes_over_time)
    assert chart.rows == [("2013", [1]), ("2014", ["not recorded"]), ("2015", [0]), ("2016", [1])]
    assert "chart-unrecorded" in chart.svg
    assert "2014: no records" in chart.svg


@pytest.mark.django_db
def test_the_status_chart_marks_the_years_between_without_records(agreements_of_2013_and_2016):
    chart = status_by_year_chart(rows=summary().status_by_year)
    assert [label for label, _values in chart.rows] == ["2013", "2014", "2015", "2016"]
    assert chart.rows[1] == ("2014", ["not recorded"] * 5)
    assert chart.svg.count('class="chart-unrecorded"') == 1


def test_a_line_breaks_at_an_unrecorded_year_and_draws_no_point_there():
    svg = line_chart_svg(
        title="Themes",
        description="Lines",
        categories=["2013", "2014", "2015"],
        series=[("Theme 1", [2, None, 3], "series-1")],
    )
    assert svg.count("<polyline") == 2
    assert "2014 – Theme 1" not in svg
    assert "2013 – Theme 1: 2" in svg and "2015 – Theme 1: 3" in svg
