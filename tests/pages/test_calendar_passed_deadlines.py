"""The calendar page's "Deadlines passed, still pending": every dated deadline that has passed
while its agreement is open or in progress, whatever its year, oldest first, under the same
visibility and country filter as the rest of the page."""

import datetime

import pytest
from django.utils import timezone

from agreements.models import Status
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def days_ahead(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def passed_pending_section(page: str) -> str:
    if 'id="passed-pending"' not in page:
        return ""
    return page.split('id="passed-pending"')[1].split("</section>")[0]


def test_past_deadlines_still_pending_are_listed_oldest_first_with_links(client):
    later = AgreementFactory(text_en="To confirm the review.", deadline=datetime.date(2022, 3, 31))
    older = AgreementFactory(
        text_en="To circulate the document.", deadline=datetime.date(2014, 1, 19),
        status=Status.IN_PROGRESS,
    )  # fmt: skip
    section = passed_pending_section(client.get("/calendar/").text)
    assert section.index("To circulate the document.") < section.index("To confirm the review.")
    assert f'href="/agreements/{older.pk}/"' in section
    assert f'href="/agreements/{later.pk}/"' in section
    assert '<time datetime="2014-01-19">' in section
    assert "2 agreements whose deadline has passed are still open or in progress" in section


def test_done_and_future_deadlines_are_not_among_those_passed(client):
    AgreementFactory(text_en="To report, done.", deadline=days_ahead(-800), status=Status.DONE)
    AgreementFactory(text_en="To report soon.", deadline=days_ahead(20))
    AgreementFactory(text_en="To report at some point.", deadline=None)
    page = client.get("/calendar/").text
    assert passed_pending_section(page) == ""
    assert "Deadlines passed, still pending" not in page


def test_members_only_past_deadlines_reach_focal_points_not_anonymous_visitors(
    client, focal_point_mx
):
    AgreementFactory(
        text_en="A members-only review.",
        meeting=MeetingFactory(visibility=Visibility.MEMBERS),
        visibility=Visibility.MEMBERS,
        deadline=days_ahead(-800),
    )
    assert "A members-only review." not in client.get("/calendar/").text
    client.force_login(focal_point_mx)
    assert "A members-only review." in passed_pending_section(client.get("/calendar/").text)


def test_with_a_country_only_the_past_deadlines_it_must_meet_are_listed(client, mexico, guatemala):
    AgreementFactory(text_en="Mexico to report.", deadline=days_ahead(-800), responsible=[mexico])
    AgreementFactory(
        text_en="Guatemala to report.", deadline=days_ahead(-800), responsible=[guatemala]
    )
    section = passed_pending_section(client.get("/calendar/?country=GT").text)
    assert "Guatemala to report." in section
    assert "Mexico to report." not in section


def test_a_years_view_keeps_its_own_deadlines_and_lists_no_passed_ones(client):
    AgreementFactory(text_en="To report by March.", deadline=datetime.date(2013, 3, 31))
    AgreementFactory(text_en="To report in 2020.", deadline=datetime.date(2020, 6, 30))
    page = client.get("/calendar/?year=2013").text
    assert "To report by March." in page
    assert "To report in 2020." not in page
    assert passed_pending_section(page) == ""


def test_the_section_speaks_spanish(client):
    AgreementFactory(deadline=days_ahead(-800))
    client.cookies["django_language"] = "es"
    page = client.get("/calendar/").text
    assert "Plazos vencidos, aún pendientes" in page
    assert "1 acuerdo cuyo plazo venció sigue abierto o en curso" in page


@pytest.mark.parametrize("count", [1, 30])
def test_the_calendar_page_with_passed_deadlines_runs_a_fixed_number_of_queries(
    client, mexico, django_assert_num_queries, count
):
    for _ in range(count):
        AgreementFactory(deadline=days_ahead(-900), responsible=[mexico])
        AgreementFactory(deadline=days_ahead(60), responsible=[mexico])
    # countries for the filter, meetings with host countries, agreements of the last twelve
    # months and ahead with their meetings, the passed deadlines still pending with their
    # meetings, the years' counts of meetings and deadlines (one union).
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(6):
        response = client.get("/calendar/?country=MX")
    assert passed_pending_section(response.text).count('class="calendar-event') == count
