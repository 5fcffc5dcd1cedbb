import datetime

import icalendar
import pytest
from django.utils import timezone

from agreements.models import Status
from agreements.services import feed_token_create, feed_token_revoke
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def days_ahead(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def planned_meeting(**kwargs):
    kwargs.setdefault("starts_on", days_ahead(30))
    return MeetingFactory(status="planned", **kwargs)


def parse(response) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(response.content)


def summaries(response) -> set[str]:
    return {str(event["SUMMARY"]) for event in parse(response).walk("VEVENT")}


def token_for(user) -> str:
    return feed_token_create(user=user, name="Calendar")[1]


# --- The page ----------------------------------------------------------------------------------


def test_the_calendar_page_lists_upcoming_meetings_activities_and_deadlines_by_month(client):
    planned_meeting(kind="seminar", name_en="Seminar on return", starts_on=days_ahead(40))
    AgreementFactory(text_en="To submit the reports.", deadline=days_ahead(50))
    MeetingFactory(name_en="Workshop held long ago", kind="workshop")
    response = client.get("/calendar/")
    assert response.status_code == 200
    assert "Seminar on return" in response.text
    assert "To submit the reports." in response.text
    assert "Workshop held long ago" not in response.text
    month = days_ahead(40).replace(day=1)
    assert f'id="month-{month:%Y-%m}"' in response.text


def test_the_calendar_page_shows_a_past_year_when_asked(client):
    MeetingFactory(kind="workshop", name_en="Workshop of 2013", starts_on=datetime.date(2013, 5, 2))
    MeetingFactory(kind="workshop", name_en="Workshop of 2014", starts_on=datetime.date(2014, 5, 2))
    response = client.get("/calendar/?year=2013")
    assert "Workshop of 2013" in response.text
    assert "Workshop of 2014" not in response.text


def test_the_calendar_page_filters_by_country_and_links_to_its_feed(client, mexico, guatemala):
    planned_meeting(kind="workshop", name_en="Workshop in Mexico", country=mexico)
    planned_meeting(kind="workshop", name_en="Workshop in Guatemala", country=guatemala)
    response = client.get("/calendar/?country=mx")
    assert "Workshop in Mexico" in response.text
    assert "Workshop in Guatemala" not in response.text
    assert 'href="/countries/MX/calendar.ics"' in response.text
    assert 'href="/calendar.ics"' in response.text


def test_the_calendar_page_links_to_each_event(client):
    meeting = planned_meeting(kind="workshop")
    agreement = AgreementFactory(deadline=days_ahead(10))
    response = client.get("/calendar/")
    assert f'href="/meetings/{meeting.pk}/"' in response.text
    assert f'href="/agreements/{agreement.pk}/"' in response.text
    assert 'href="/calendar.ics"' in response.text


def test_members_only_and_restricted_records_are_not_on_the_page_for_anonymous_users(client):
    planned_meeting(kind="workshop", name_en="Members workshop", visibility=Visibility.MEMBERS)
    planned_meeting(
        kind="workshop", name_en="Restricted workshop", visibility=Visibility.RESTRICTED
    )
    AgreementFactory(
        text_en="A members-only agreement.",
        visibility=Visibility.MEMBERS,
        meeting=MeetingFactory(visibility=Visibility.MEMBERS),
        deadline=days_ahead(10),
    )
    response = client.get("/calendar/")
    assert "Members workshop" not in response.text
    assert "Restricted workshop" not in response.text
    assert "A members-only agreement." not in response.text


def test_a_signed_in_focal_point_sees_members_only_records_on_the_page(client, focal_point_mx):
    planned_meeting(kind="workshop", name_en="Members workshop", visibility=Visibility.MEMBERS)
    client.force_login(focal_point_mx)
    assert "Members workshop" in client.get("/calendar/").text


def test_a_nonsense_year_or_country_shows_the_upcoming_calendar(client):
    planned_meeting(kind="workshop", name_en="Coming workshop")
    response = client.get("/calendar/?year=abc&country=ZZZ")
    assert response.status_code == 200
    assert "Coming workshop" in response.text


@pytest.mark.parametrize("count", [1, 30])
def test_the_calendar_page_runs_a_fixed_number_of_queries(
    client, mexico, django_assert_max_num_queries, count
):
    for _ in range(count):
        meeting = planned_meeting(kind="workshop", country=mexico)
        AgreementFactory(meeting=meeting, deadline=days_ahead(60)).proposed_activities.add(
            planned_meeting(kind="other")
        )
        # An earlier year's, done: counted, not listed.
        AgreementFactory(deadline=days_ahead(-900), status=Status.DONE)
    # countries for the filter, meetings with host countries, agreements with their meetings,
    # the passed deadlines still pending, the years' counts of meetings and deadlines (one
    # union).
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(6):
        response = client.get("/calendar/")
    assert response.text.count('class="calendar-event') == 3 * count
    assert f"{count} deadline" in response.text


# --- The feeds ---------------------------------------------------------------------------------


def test_the_feed_is_an_icalendar_that_calendar_applications_accept(client, settings):
    settings.ALLOWED_HOSTS = ["records.example.org", "testserver"]
    planned_meeting(kind="rcgm", city="Panamá", starts_on=days_ahead(20), ends_on=days_ahead(22))
    response = client.get("/calendar.ics", HTTP_HOST="records.example.org", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="rcm-calendar.ics"'
    feed = parse(response)
    assert feed["VERSION"] == "2.0"
    assert "RCM Records" in str(feed["PRODID"])
    assert feed["CALSCALE"] == "GREGORIAN"
    assert feed["METHOD"] == "PUBLISH"
    assert feed["X-WR-CALNAME"] == "RCM Records – Regional Conference on Migration"
    assert feed["X-WR-TIMEZONE"] == settings.TIME_ZONE
    (event,) = feed.walk("VEVENT")
    for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "LOCATION", "STATUS"):
        assert name in event
    assert str(event["UID"]).startswith("meeting-")
    assert str(event["UID"]).endswith("@rcm-records")
    assert str(event["SUMMARY"]) == f"RCGM Panamá {days_ahead(20).year}"
    assert str(event["URL"]).startswith("https://records.example.org/meetings/")
    assert str(event["STATUS"]) == "TENTATIVE"


def test_events_are_all_day_and_dtend_is_the_day_after_the_last_day(client):
    planned_meeting(kind="workshop", starts_on=days_ahead(20), ends_on=days_ahead(22))
    response = client.get("/calendar.ics")
    assert b"DTSTART;VALUE=DATE:" in response.content
    assert b"DTEND;VALUE=DATE:" in response.content
    (event,) = parse(response).walk("VEVENT")
    assert event["DTSTART"].dt == days_ahead(20)
    assert event["DTEND"].dt == days_ahead(23)


def test_a_deadline_is_a_one_day_event_named_after_its_agreement(client):
    meeting = MeetingFactory(kind="rcgm", city="San José", starts_on=datetime.date(2013, 11, 18))
    AgreementFactory(
        meeting=meeting, ref="16", text_en="To hold a workshop.", deadline=days_ahead(5)
    )
    (event,) = parse(client.get("/calendar.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]) == (
        "Deadline: RCGM San José 2013 Conclusion 16 – To hold a workshop."
    )
    assert event["DTEND"].dt - event["DTSTART"].dt == datetime.timedelta(days=1)


def test_a_done_agreements_deadline_is_in_the_feed_with_its_status(client):
    AgreementFactory(text_en="Finished already.", deadline=days_ahead(-3), status=Status.DONE)
    (event,) = parse(client.get("/calendar.ics")).walk("VEVENT")
    assert "Finished already." in str(event["SUMMARY"])
    assert "Status: Done" in str(event["DESCRIPTION"])


def test_an_overdue_deadline_nobody_reported_on_says_so_in_the_feed_as_on_the_page(client):
    AgreementFactory(text_en="To report by March.", deadline=days_ahead(-3), status=Status.OPEN)
    (event,) = parse(client.get("/calendar.ics?lang=es")).walk("VEVENT")
    assert "Estado: Abierto · vencido · sin informes" in str(event["DESCRIPTION"])


def test_a_deadline_years_past_is_in_the_feed_and_a_year_link_away_on_the_page(client):
    AgreementFactory(text_en="To report by March.", deadline=datetime.date(2013, 3, 31))
    (event,) = parse(client.get("/calendar.ics")).walk("VEVENT")
    assert event["DTSTART"].dt == datetime.date(2013, 3, 31)
    page = client.get("/calendar/").text
    # Its agreement's meeting is of 2013 too (the factory's).
    assert '<a href="?year=2013">2013</a> <span class="meta">1 meeting · 1 deadline</span>' in page
    assert "To report by March." in client.get("/calendar/?year=2013").text


def test_the_calendar_page_leaves_earlier_years_deadlines_to_their_year(client):
    AgreementFactory(text_en="To report long ago.", deadline=days_ahead(-800))
    AgreementFactory(text_en="To report soon.", deadline=days_ahead(20))
    page = client.get("/calendar/").text
    months, passed_pending = page.split('id="passed-pending"')
    assert "To report soon." in months
    assert "To report long ago." not in months
    # Still open: listed below the months among the deadlines passed.
    assert "To report long ago." in passed_pending


def test_the_calendar_page_lists_the_coming_years_first_and_folds_the_earlier_ones(client):
    this_year = timezone.localdate().year
    for year in (this_year - 3, this_year - 1, this_year + 1):
        MeetingFactory(kind="workshop", starts_on=datetime.date(year, 6, 1))
    page = client.get("/calendar/").text
    coming, earlier = page.split('<details id="earlier-years">')
    assert f"?year={this_year + 1}" in coming
    assert earlier.index(f"?year={this_year - 1}") < earlier.index(f"?year={this_year - 3}")
    an_earlier_year = client.get(f"/calendar/?year={this_year - 3}").text
    assert '<details id="earlier-years" open>' in an_earlier_year


def test_an_empty_recent_calendar_points_to_the_latest_year_with_records(client):
    MeetingFactory(kind="workshop", starts_on=datetime.date(2019, 6, 1))
    page = client.get("/calendar/").text
    assert "Nothing is recorded for the last twelve months or ahead." in page
    assert 'The latest year with meetings or deadlines is <a href="?year=2019">2019</a>.' in page


def test_a_meeting_of_the_last_twelve_months_is_on_the_page_and_in_the_feed(client):
    MeetingFactory(kind="workshop", name_en="Workshop last spring", starts_on=days_ahead(-200))
    assert "Workshop last spring" in client.get("/calendar/").text
    assert summaries(client.get("/calendar.ics")) == {"Workshop last spring"}


def test_the_feed_addresses_come_from_the_address_the_site_was_reached_at(client, settings):
    settings.ALLOWED_HOSTS = ["records.example.org", "testserver"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    AgreementFactory(deadline=days_ahead(3))
    page = client.get("/calendar/", HTTP_HOST="records.example.org", secure=True).text
    assert 'value="https://records.example.org/calendar.ics"' in page
    assert "127.0.0.1" not in page
    feed = client.get("/calendar.ics", HTTP_HOST="records.example.org", secure=True)
    (event,) = parse(feed).walk("VEVENT")
    assert str(event["URL"]).startswith("https://records.example.org/agreements/")


def test_a_cancelled_meeting_is_marked_cancelled(client):
    MeetingFactory(status="cancelled", starts_on=days_ahead(15))
    (event,) = parse(client.get("/calendar.ics")).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_anonymous_feed_has_public_records_only(client):
    planned_meeting(kind="workshop", name_en="Public workshop")
    planned_meeting(kind="workshop", name_en="Members workshop", visibility=Visibility.MEMBERS)
    planned_meeting(
        kind="workshop", name_en="Restricted workshop", visibility=Visibility.RESTRICTED
    )
    assert summaries(client.get("/calendar.ics")) == {"Public workshop"}


def test_a_focal_points_token_opens_the_feed_to_what_the_focal_point_may_see(
    client, focal_point_mx
):
    planned_meeting(kind="workshop", name_en="Public workshop")
    planned_meeting(kind="workshop", name_en="Members workshop", visibility=Visibility.MEMBERS)
    planned_meeting(
        kind="workshop", name_en="Restricted workshop", visibility=Visibility.RESTRICTED
    )
    named = planned_meeting(
        kind="workshop", name_en="Workshop they are named for", visibility=Visibility.RESTRICTED
    )
    named.named_users.add(focal_point_mx)
    response = client.get(f"/calendar.ics?token={token_for(focal_point_mx)}")
    assert response.status_code == 200
    assert summaries(response) == {
        "Public workshop",
        "Members workshop",
        "Workshop they are named for",
    }
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("token", ["", "nonsense", "abcd1234.wrong-secret"])
def test_an_invalid_token_gets_a_404(client, token):
    planned_meeting(kind="workshop")
    assert client.get(f"/calendar.ics?token={token}").status_code == 404
    assert client.get(f"/countries/MX/calendar.ics?token={token}").status_code == 404


def test_a_revoked_token_gets_a_404(client, focal_point_mx):
    token, key = feed_token_create(user=focal_point_mx, name="Calendar")
    feed_token_revoke(token=token)
    assert client.get(f"/calendar.ics?token={key}").status_code == 404


def test_the_feed_shows_what_a_signed_in_user_may_see(client, focal_point_mx):
    planned_meeting(kind="workshop", name_en="Members workshop", visibility=Visibility.MEMBERS)
    client.force_login(focal_point_mx)
    assert summaries(client.get("/calendar.ics")) == {"Members workshop"}


def test_a_countrys_feed_has_its_meetings_and_the_deadlines_it_must_meet(client, mexico, guatemala):
    planned_meeting(kind="workshop", name_en="Workshop in Mexico", country=mexico)
    attended = planned_meeting(kind="workshop", name_en="Workshop it attends", country=guatemala)
    ParticipationFactory(meeting=attended, country=mexico)
    planned_meeting(kind="workshop", name_en="Workshop in Guatemala", country=guatemala)
    AgreementFactory(text_en="Mexico must act.", deadline=days_ahead(9), responsible=[mexico])
    AgreementFactory(text_en="Guatemala must act.", deadline=days_ahead(9), responsible=[guatemala])
    response = client.get("/countries/MX/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="rcm-calendar-MX.ics"'
    assert parse(response)["X-WR-CALNAME"] == "RCM Records – Mexico"
    found = summaries(response)
    assert {"Workshop in Mexico", "Workshop it attends"} <= found
    assert "Workshop in Guatemala" not in found
    assert any("Mexico must act." in summary for summary in found)
    assert not any("Guatemala must act." in summary for summary in found)


def test_the_feed_of_an_unknown_country_is_a_404(client):
    assert client.get("/countries/ZZ/calendar.ics").status_code == 404


def test_meetings_more_than_a_year_past_are_left_out_of_the_feed(client):
    MeetingFactory(name_en="Workshop of 2013", kind="workshop", starts_on=datetime.date(2013, 5, 2))
    assert summaries(client.get("/calendar.ics")) == set()


@pytest.mark.parametrize("count", [1, 30])
def test_the_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        meeting = planned_meeting(kind="workshop")
        AgreementFactory(meeting=meeting, deadline=days_ahead(60))
    # meetings with host countries, agreements with their meetings.
    with django_assert_max_num_queries(2):
        response = client.get("/calendar.ics")
    assert len(parse(response).walk("VEVENT")) == 2 * count


@pytest.mark.parametrize("count", [1, 30])
def test_the_feed_with_a_token_runs_a_fixed_number_of_queries(
    client, focal_point_mx, django_assert_max_num_queries, count
):
    key = token_for(focal_point_mx)
    for _ in range(count):
        meeting = planned_meeting(kind="workshop", visibility=Visibility.MEMBERS)
        AgreementFactory(meeting=meeting, deadline=days_ahead(60), visibility=Visibility.MEMBERS)
    # the token with its user, the token's last use, the user's roles, the country's standing,
    # meetings with host countries, agreements with their meetings.
    with django_assert_max_num_queries(6):
        response = client.get(f"/calendar.ics?token={key}")
    assert len(parse(response).walk("VEVENT")) == 2 * count


def test_long_texts_with_commas_semicolons_and_accents_come_back_whole(client):
    text = (
        "Instar a los Países Miembros; en particular a México, Guatemala y Panamá, a remitir "
        "la información sobre niñez y adolescencia migrante \\ no acompañada, antes de la "
        "próxima reunión del Grupo Regional de Consulta sobre Migración (GRCM)."
    )
    agreement = AgreementFactory(text_en=text, deadline=days_ahead(5))
    response = client.get("/calendar.ics")
    lines = response.content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    (event,) = parse(response).walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith(text + "\n\nStatus: Open")
    assert str(event["URL"]).endswith(f"/agreements/{agreement.pk}/")
    assert [str(category) for category in event["CATEGORIES"].cats] == ["Deadline"]


def test_the_page_names_a_deadline_as_such_once_and_the_feed_in_its_title(client):
    AgreementFactory(text_en="To report on returns.", deadline=days_ahead(5))
    page = client.get("/calendar/").text
    assert '<span class="badge">Deadline</span>' in page
    assert "Deadline: " not in page
    (event,) = parse(client.get("/calendar.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Deadline: ")


def test_the_recent_calendar_does_not_count_zero_events_above_its_empty_message(client):
    page = client.get("/calendar/").text
    assert "0 events" not in page
    assert "Nothing is recorded for the last twelve months or ahead." in page
