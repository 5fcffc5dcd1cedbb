"""Calendar feed tokens (F7): read-only, revocable, made by their users; API keys open no feed."""

import datetime
import hashlib
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from agreements.models import FeedToken
from agreements.services import (
    FEED_TOKENS_PER_USER,
    feed_token_authenticate,
    feed_token_create,
    feed_token_revoke,
)
from rcm.models import Visibility
from rcm.services import api_token_create, user_deactivate
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def days_ahead(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def members_workshop():
    return MeetingFactory(
        kind="workshop",
        status="planned",
        name_en="Members workshop",
        visibility=Visibility.MEMBERS,
        starts_on=days_ahead(30),
    )


def summaries(response) -> set[str]:
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def signed_in(client, user):
    client.force_login(user)
    return client


# --- The feed accepts feed tokens only --------------------------------------------------------


def test_an_api_key_no_longer_opens_the_feed(client, focal_point_mx):
    members_workshop()
    _token, key = api_token_create(user=focal_point_mx, name="Secretariat system")
    assert client.get(f"/calendar.ics?token={key}").status_code == 404
    assert client.get(f"/countries/MX/calendar.ics?token={key}").status_code == 404


def test_a_feed_token_opens_the_feed_to_what_its_user_may_see(client, focal_point_mx):
    members_workshop()
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    response = client.get(f"/calendar.ics?token={key}")
    assert response.status_code == 200
    assert summaries(response) == {"Members workshop"}
    assert "private" in response["Cache-Control"]


def test_a_feed_token_opens_no_api(focal_point_mx):
    AgreementFactory(visibility=Visibility.MEMBERS, meeting=members_workshop())
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    as_api_key = APIClient(HTTP_AUTHORIZATION=f"Token {key}")
    assert as_api_key.get("/api/v1/agreements/").status_code == 401
    # In the address it signs nobody in: the list is what anonymous users see.
    assert APIClient().get(f"/api/v1/agreements/?token={key}").json()["count"] == 0


def test_a_feed_token_signs_nobody_in_to_the_pages(client, focal_point_mx):
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    response = client.get(f"/calendar/feeds/?token={key}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_revoked_feed_token_gets_a_404(client, focal_point_mx):
    token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    feed_token_revoke(token=token)
    assert client.get(f"/calendar.ics?token={key}").status_code == 404


def test_a_deactivated_users_feed_token_gets_a_404(client, focal_point_mx):
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    user_deactivate(user=focal_point_mx)
    assert client.get(f"/calendar.ics?token={key}").status_code == 404


def test_a_key_with_a_right_prefix_and_a_wrong_secret_gets_a_404(client, focal_point_mx):
    token, _key = feed_token_create(user=focal_point_mx, name="Outlook")
    assert client.get(f"/calendar.ics?token={token.prefix}.guessed").status_code == 404


def test_only_the_hash_of_a_feed_token_is_stored(focal_point_mx):
    token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    token.refresh_from_db()
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert not FeedToken.objects.filter(key_hash__contains=key.partition(".")[2]).exists()


def test_using_a_feed_token_records_when_without_a_history_entry(client, focal_point_mx):
    token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    entries = token.history.count()
    client.get(f"/calendar.ics?token={key}")
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.history.count() == entries


def test_a_feed_token_is_used_again_without_a_write_within_the_minute(
    focal_point_mx, django_assert_num_queries
):
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    feed_token_authenticate(key)
    # the token with its user; no write of its last use.
    with django_assert_num_queries(1):
        assert feed_token_authenticate(key) is not None


# --- The page where users keep their tokens ----------------------------------------------------


def test_the_feed_tokens_page_asks_visitors_to_sign_in(client):
    response = client.get("/calendar/feeds/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/calendar/feeds/")


def test_a_focal_point_creates_a_token_and_sees_its_feed_addresses_once(
    client, focal_point_mx, settings
):
    settings.ALLOWED_HOSTS = ["records.example.org", "testserver"]
    members_workshop()
    response = signed_in(client, focal_point_mx).post(
        "/calendar/feeds/", {"name": "Outlook"}, HTTP_HOST="records.example.org", secure=True
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    (token,) = FeedToken.objects.filter(user=focal_point_mx)
    assert token.name == "Outlook"
    feeds = [feed["url"] for feed in response.context["feeds"]]
    assert [urlsplit(url).path for url in feeds] == ["/calendar.ics", "/countries/MX/calendar.ics"]
    assert all(url.startswith("https://records.example.org/") for url in feeds)
    key = parse_qs(urlsplit(feeds[0]).query)["token"][0]
    assert key.startswith(token.prefix + ".")
    assert key in response.text
    assert summaries(client.get(f"/calendar.ics?token={key}")) == {"Members workshop"}
    assert key not in client.get("/calendar/feeds/").text


def test_the_page_lists_the_users_own_tokens_only(client, focal_point_mx, focal_point_gt):
    feed_token_create(user=focal_point_mx, name="Outlook of Mexico")
    feed_token_create(user=focal_point_gt, name="Outlook of Guatemala")
    response = signed_in(client, focal_point_mx).get("/calendar/feeds/")
    assert "Outlook of Mexico" in response.text
    assert "Outlook of Guatemala" not in response.text


def test_a_focal_point_revokes_their_token_on_the_page(client, focal_point_mx):
    token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    response = signed_in(client, focal_point_mx).post(f"/calendar/feeds/{token.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/calendar/feeds/"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(f"/calendar.ics?token={key}").status_code == 404


def test_nobody_revokes_someone_elses_token(client, focal_point_mx, focal_point_gt):
    token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    response = signed_in(client, focal_point_gt).post(f"/calendar/feeds/{token.pk}/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_answers_only_to_post(client, focal_point_mx):
    token, _key = feed_token_create(user=focal_point_mx, name="Outlook")
    assert signed_in(client, focal_point_mx).get(f"/calendar/feeds/{token.pk}/").status_code == 405


def test_a_token_without_a_name_is_a_form_error(client, focal_point_mx):
    response = signed_in(client, focal_point_mx).post("/calendar/feeds/", {"name": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not FeedToken.objects.exists()


def test_a_user_with_too_many_tokens_is_told_to_revoke_one(client, focal_point_mx):
    for number in range(FEED_TOKENS_PER_USER):
        feed_token_create(user=focal_point_mx, name=f"Calendar {number}")
    response = signed_in(client, focal_point_mx).post("/calendar/feeds/", {"name": "One more"})
    assert response.status_code == 200
    assert "revoke one you no longer use" in response.text
    assert FeedToken.objects.count() == FEED_TOKENS_PER_USER


def test_the_page_is_in_spanish_for_a_spanish_speaker(client, focal_point_mx):
    client.cookies["django_language"] = "es"
    response = signed_in(client, focal_point_mx).get("/calendar/feeds/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Tokens de calendario" in response.text


def test_the_calendar_page_links_signed_in_users_to_their_tokens(client, focal_point_mx):
    assert 'href="/calendar/feeds/"' in signed_in(client, focal_point_mx).get("/calendar/").text


@pytest.mark.parametrize("count", [1, 10])
def test_the_feed_tokens_page_runs_a_fixed_number_of_queries(
    client, focal_point_mx, django_assert_max_num_queries, count
):
    for number in range(count):
        feed_token_create(user=focal_point_mx, name=f"Calendar {number}")
    signed_in(client, focal_point_mx)
    # the session, the user, the user's roles with the country's standing, the tokens.
    with django_assert_max_num_queries(5):
        response = client.get("/calendar/feeds/")
    assert response.text.count("Calendar ") >= count


# --- The feed's language --------------------------------------------------------------------------


def test_a_feed_token_gives_its_owners_saved_language(client, focal_point_mx):
    focal_point_mx.language = "es"
    focal_point_mx.save()
    members_workshop()
    AgreementFactory(text_en="To report on the mechanism.", deadline=days_ahead(10))
    _token, key = feed_token_create(user=focal_point_mx, name="Outlook")
    calendar = icalendar.Calendar.from_ical(client.get(f"/calendar.ics?token={key}").content)
    assert any(str(event["SUMMARY"]).startswith("Plazo:") for event in calendar.walk("VEVENT"))


def test_the_feed_speaks_the_language_asked_for(client):
    AgreementFactory(text_en="To report on the mechanism.", deadline=days_ahead(10))
    spanish = icalendar.Calendar.from_ical(client.get("/calendar.ics?lang=es").content)
    (event,) = spanish.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Plazo:")


def test_a_feed_in_a_language_it_does_not_speak_is_refused(client):
    assert client.get("/calendar.ics?lang=fr").status_code == 400
    assert client.get("/countries/MX/calendar.ics?lang=fr").status_code in (400, 404)


def test_the_spanish_calendar_page_gives_the_spanish_feed_address(client):
    client.cookies["django_language"] = "es"
    response = client.get("/calendar/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.context["feed_url"].endswith("/calendar.ics?lang=es")
