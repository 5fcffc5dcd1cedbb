"""One name per status on every page, and references as the documents print them."""

import pytest

from agreements import charts
from agreements.models import Section, Status
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_names_no_follow_up_as_the_status_does(client):
    AgreementFactory(status=Status.NO_FOLLOW_UP, action="thank")
    text = client.get("/follow-up/").text
    assert "</strong> No follow-up</li>" in text
    assert "No follow-up needed" not in text


def test_the_status_chart_names_everything_its_last_series_counts():
    chart = charts.status_by_year_chart(
        rows=[{"year": 2020, "open": 1, "in_progress": 0, "done": 0, "overdue": 0, "other": 3}]
    )
    assert chart.columns[-1] == "Superseded, dropped or no follow-up"


def test_a_repeated_label_prints_without_the_importers_suffix():
    agreement = AgreementFactory.build(ref="1.b-3", section=Section.WORKING_GROUP)
    assert (agreement.printed_ref, agreement.display_ref) == ("1.b", "1.b (occurrence 3)")


def test_a_suffix_inside_a_reference_is_not_printed_either():
    assert AgreementFactory.build(ref="1.a-2.i").printed_ref == "1.a.i"


def test_an_ordinary_reference_prints_as_it_is():
    assert AgreementFactory.build(ref="7.p.ii", section=Section.DECISION).display_ref == "7.p.ii"


def test_the_agreement_page_and_the_meeting_page_print_the_reference(client):
    agreement = AgreementFactory(ref="1.b-3")
    for url in (f"/agreements/{agreement.pk}/", f"/meetings/{agreement.meeting.pk}/"):
        text = client.get(url).text
        assert "1.b (occurrence 3)" in text
        assert ">1.b-3<" not in text
