import datetime

import pytest

from agreements.models import Section
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, member_country

pytestmark = pytest.mark.django_db


def test_meeting_list_shows_public_meetings_to_anonymous_users(client):
    MeetingFactory(name_en="Public seminar", kind="seminar")
    MeetingFactory(name_en="Members-only workshop", kind="workshop", visibility=Visibility.MEMBERS)
    response = client.get("/meetings/")
    assert response.status_code == 200
    assert "Public seminar" in response.text
    assert "Members-only workshop" not in response.text


def test_members_only_meeting_answers_404_to_anonymous_users(client):
    meeting = MeetingFactory(visibility=Visibility.MEMBERS)
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 404


def test_members_only_meeting_is_shown_to_a_focal_point(client, focal_point_mx):
    meeting = MeetingFactory(
        visibility=Visibility.MEMBERS, name_en="Members-only workshop", kind="workshop"
    )
    client.force_login(focal_point_mx)
    response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200
    assert "Members-only workshop" in response.text


@pytest.mark.parametrize("count", [1, 30])
def test_meeting_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    MeetingFactory.create_batch(count)
    # count for the paginator, the page of meetings with host countries and parents,
    # the countries of the host-country filter.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(4):
        assert client.get("/meetings/").status_code == 200


@pytest.mark.parametrize("count", [1, 20])
def test_meeting_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    from tests.factories import ParticipationFactory

    meeting = MeetingFactory()
    ParticipationFactory.create_batch(count, meeting=meeting)
    # meeting with host and parent, participations with countries and organisations,
    # parts, presidencies, agreements with their arrays, instrument events, proposed
    # activities, the agreements that proposed it (an activity), hosts and sponsors.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(10):
        assert client.get(f"/meetings/{meeting.pk}/").status_code == 200


def test_meetings_no_source_dates_come_after_the_dated_ones(client):
    undated = MeetingFactory(
        status="planned", year=None, starts_on=None, ends_on=None, date_precision="none"
    )
    dated = MeetingFactory(starts_on=datetime.date(2021, 12, 1), year=2021)
    listed = [meeting.pk for meeting in client.get("/meetings/").context["page"]]
    assert listed.index(dated.pk) < listed.index(undated.pk)


def test_the_meeting_filters_speak_the_readers_language(client):
    member_country("DO", name_en="Dominican Republic", name_es="República Dominicana")
    page = client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="es").text
    assert "República Dominicana" in page
    assert "---------" not in page
    assert "Estado registrado" in page and "Situación" in page


@pytest.mark.parametrize(
    ("language", "headings"),
    [("en", ["Conclusions", "Recommendations"]), ("es", ["Conclusiones", "Recomendaciones"])],
)
def test_the_sections_of_a_meetings_document_are_headed_in_the_plural(client, language, headings):
    meeting = MeetingFactory()
    AgreementFactory(meeting=meeting, section=Section.CONCLUSION, ref="1", position=1)
    AgreementFactory(meeting=meeting, section=Section.RECOMMENDATION, ref="1", position=2)

    html = client.get(f"/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE=language).text

    assert [f"<h3>{heading}</h3>" in html for heading in headings] == [True, True]
