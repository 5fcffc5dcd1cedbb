"""The dashboard and the matrix are kept in the cache until the records change
(rcm/records_cache.py): the database raises the records' version when a transaction that wrote
any record commits, and a kept page is never shown after the records it was built from changed."""

import datetime
import re

import pytest
from django.apps import apps
from django.db import connection, transaction

from agreements.models import FollowUp, Status, Validation
from rcm.apps import RECORD_APPS
from rcm.records_cache import records_version
from tests.factories import AgreementFactory, focal_point_user, member_country, ts_staff_user

PAST = datetime.date(2020, 3, 31)


def main(response) -> str:
    return re.search(r"<main.*</main>", response.text, re.S).group(0)


def open_count(response) -> int:
    return int(re.search(r'data-count="open">(\d+)<', response.text).group(1))


@pytest.mark.django_db
def test_every_table_of_the_record_apps_marks_the_transactions_that_write_it():
    tables = {
        model._meta.db_table
        for label in RECORD_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'rcm_records_written'"
        )
        watched = {name for (name,) in cursor.fetchall()}
    assert tables - watched == set()


@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_raises_the_version_once_whatever_it_wrote():
    before, _ = records_version()
    with transaction.atomic():
        AgreementFactory.create_batch(3)
    assert records_version() == (before + 1, False)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_the_version_as_it_was():
    before, _ = records_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        AgreementFactory()
        assert records_version() == (before, True)  # written here: no kept page is used
        raise RuntimeError
    assert records_version() == (before, False)


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_shows_a_committed_change_at_once(client):
    AgreementFactory(status=Status.OPEN)
    assert open_count(client.get("/follow-up/")) == 1
    AgreementFactory(status=Status.OPEN)
    assert open_count(client.get("/follow-up/")) == 2


@pytest.mark.django_db(transaction=True)
def test_a_kept_page_is_served_with_one_query_until_the_records_change(
    client, django_assert_num_queries
):
    mexico = member_country("MX")
    AgreementFactory.create_batch(3, responsible=[mexico], deadline=PAST)
    first = client.get("/follow-up/matrix/?country=MX")
    with django_assert_num_queries(1):  # the records' version
        again = client.get("/follow-up/matrix/?country=MX")
    assert main(again) == main(first)
    client.get("/follow-up/?country=MX")
    with django_assert_num_queries(1):
        assert client.get("/follow-up/?country=MX").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_each_reader_gets_the_page_of_their_own_access(client):
    mexico = member_country("MX")
    agreement = AgreementFactory(responsible=[mexico])
    FollowUp.objects.create(
        agreement=agreement,
        country=mexico,
        status=Status.IN_PROGRESS,
        note="Sent.",
        validation=Validation.PROPOSED,
    )
    assert 'data-count="awaiting"' not in client.get("/follow-up/").text
    client.force_login(ts_staff_user())
    assert 'data-count="awaiting">1<' in client.get("/follow-up/").text


@pytest.mark.django_db(transaction=True)
def test_a_new_day_gives_a_new_page(client, monkeypatch):
    AgreementFactory(status=Status.OPEN, deadline=datetime.date(2030, 1, 10))
    overdue = r'data-count="overdue">(\d+)<'
    assert re.search(overdue, client.get("/follow-up/").text).group(1) == "0"
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2030, 1, 11)
    )
    assert re.search(overdue, client.get("/follow-up/").text).group(1) == "1"


@pytest.mark.django_db(transaction=True)
def test_an_anonymous_readers_agreement_page_is_kept_until_the_agreement_changes(
    client, django_assert_num_queries
):
    agreement = AgreementFactory(text_en="To circulate the report.")
    first = client.get(agreement.get_absolute_url())
    with django_assert_num_queries(1):  # the records' version
        again = client.get(agreement.get_absolute_url())
    assert main(again) == main(first)
    assert f"<title>{agreement.meeting.short_name}" in again.text
    agreement.text_en = "To circulate the revised report."
    agreement.save()
    assert "the revised report" in client.get(agreement.get_absolute_url()).text


@pytest.mark.django_db(transaction=True)
def test_a_focal_points_agreement_page_with_its_form_is_never_kept(client):
    mexico = member_country("MX")
    agreement = AgreementFactory(responsible=[mexico])
    client.force_login(focal_point_user(mexico))
    tokens = {
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(url).text).group(1)
        for url in [agreement.get_absolute_url()] * 2
    }
    assert len(tokens) == 2  # each page has its own masked token: rendered for the request


@pytest.mark.django_db(transaction=True)
def test_an_api_list_is_kept_with_its_etag_until_the_records_change(
    client, django_assert_num_queries
):
    AgreementFactory.create_batch(2)
    first = client.get("/api/v1/meetings/")
    with django_assert_num_queries(1):  # the records' version
        again = client.get("/api/v1/meetings/")
    assert (again.json(), again["ETag"]) == (first.json(), first["ETag"])
    AgreementFactory()
    changed = client.get("/api/v1/meetings/")
    assert changed.json()["count"] == first.json()["count"] + 1
    assert changed["ETag"] != first["ETag"]


@pytest.mark.django_db(transaction=True)
def test_each_host_gets_the_links_of_its_own_address(client, settings):
    settings.ALLOWED_HOSTS = ["records.example.org", "internal.example.org"]
    AgreementFactory.create_batch(3)
    for host in settings.ALLOWED_HOSTS:
        page = client.get("/api/v1/agreements/?page_size=1", HTTP_HOST=host).json()
        assert page["next"].startswith(f"http://{host}/")


@pytest.mark.django_db(transaction=True)
def test_the_meetings_list_is_kept_until_a_meeting_changes(client, django_assert_num_queries):
    meeting = AgreementFactory().meeting
    client.get("/meetings/")
    with django_assert_num_queries(1):  # the records' version
        client.get("/meetings/")
    meeting.city = "Tegucigalpa"
    meeting.save()
    assert "Tegucigalpa" in client.get("/meetings/").text


@pytest.mark.django_db(transaction=True)
def test_the_calendar_is_kept_and_its_feed_address_follows_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["records.example.org", "internal.example.org"]
    AgreementFactory(deadline=PAST)
    for host in settings.ALLOWED_HOSTS:
        assert f"//{host}/calendar.ics" in client.get("/calendar/", HTTP_HOST=host).text


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_readers_access_is_kept_until_their_roles_change(
    client, django_assert_num_queries
):
    staff = ts_staff_user()
    AgreementFactory()
    client.force_login(staff)
    assert 'data-count="awaiting"' in client.get("/follow-up/").text
    with django_assert_num_queries(3):  # the session; the user; the records' version
        client.get("/follow-up/")
    staff.groups.clear()
    assert 'data-count="awaiting"' not in client.get("/follow-up/").text


@pytest.mark.django_db(transaction=True)
def test_with_keeping_off_no_page_is_kept_and_the_version_is_not_read(
    client, settings, django_assert_num_queries
):
    settings.RECORDS_CACHE_SECONDS = 0
    AgreementFactory()
    client.get("/meetings/")
    # the count; the page of meetings; the host countries of the filter: no records' version
    with django_assert_num_queries(3):
        client.get("/meetings/")


@pytest.mark.django_db(transaction=True)
def test_each_search_is_kept_until_the_records_change(client, django_assert_num_queries):
    AgreementFactory(text_en="To protect migrant children.")
    assert "protect migrant" in client.get("/search/?q=children").text
    with django_assert_num_queries(1):  # the records' version
        client.get("/search/?q=children")
    assert "To study the" not in client.get("/search/?q=remittances").text
    AgreementFactory(text_en="To study the remittances of migrants.")
    assert "To study the" in client.get("/search/?q=remittances").text


@pytest.mark.django_db(transaction=True)
def test_a_country_page_is_kept_with_its_title_until_the_records_change(
    client, django_assert_num_queries
):
    mexico = member_country("MX")
    AgreementFactory(responsible=[mexico], deadline=PAST)
    first = client.get("/countries/MX/")
    with django_assert_num_queries(1):  # the records' version
        again = client.get("/countries/MX/")
    assert main(again) == main(first)
    assert f"<title>{mexico.name}" in again.text
    AgreementFactory(responsible=[mexico], deadline=PAST)
    assert "2 agreements await action" in client.get("/countries/MX/").text


@pytest.mark.django_db(transaction=True)
def test_a_meetings_record_page_is_kept_with_its_title_until_the_records_change(
    client, django_assert_num_queries
):
    meeting = AgreementFactory(text_en="To protect migrant children.").meeting
    first = client.get(f"/meetings/{meeting.pk}/")
    with django_assert_num_queries(1):  # the records' version
        again = client.get(f"/meetings/{meeting.pk}/")
    assert main(again) == main(first)
    assert f"<title>{meeting.short_name}" in again.text
    AgreementFactory(meeting=meeting, text_en="To study the remittances of migrants.")
    assert "To study the remittances" in client.get(f"/meetings/{meeting.pk}/").text


@pytest.mark.django_db(transaction=True)
def test_a_meetings_agenda_is_kept_with_its_title_until_the_records_change(
    client, django_assert_num_queries
):
    meeting = AgreementFactory().meeting
    first = client.get(f"/meetings/{meeting.pk}/agenda/")
    with django_assert_num_queries(1):  # the records' version
        again = client.get(f"/meetings/{meeting.pk}/agenda/")
    assert main(again) == main(first)
    assert meeting.short_name in again.text.split("</title>")[0]
    meeting.city = "Tegucigalpa"
    meeting.save()
    assert "Tegucigalpa" in client.get(f"/meetings/{meeting.pk}/agenda/").text


@pytest.mark.django_db(transaction=True)
def test_a_hidden_meetings_record_and_agenda_stay_404_however_often_asked(client):
    meeting = AgreementFactory(meeting__visibility="restricted", visibility="restricted").meeting
    for _ in range(2):
        assert client.get(f"/meetings/{meeting.pk}/").status_code == 404
        assert client.get(f"/meetings/{meeting.pk}/agenda/").status_code == 404


def withdraw_token_in(response, update) -> str:
    """The CSRF token of the form that withdraws `update` (the sign-out form has its own)."""
    form = re.search(
        rf'<form [^>]*action="/my/updates/{update.pk}/withdraw".*?</form>', response.text, re.S
    ).group(0)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)


@pytest.mark.django_db(transaction=True)
def test_a_focal_points_workspace_is_kept_until_the_records_change(
    client, django_assert_max_num_queries
):
    mexico = member_country("MX")
    client.force_login(focal_point_user(mexico))
    AgreementFactory(responsible=[mexico], deadline=PAST, text_en="To circulate the report.")
    first = client.get("/my/")
    with django_assert_max_num_queries(4):  # session, user, the records' version, messages
        again = client.get("/my/")
    assert main(again) == main(first)
    AgreementFactory(responsible=[mexico], deadline=PAST, text_en="To designate a contact.")
    assert "To designate a contact." in client.get("/my/").text


@pytest.mark.django_db(transaction=True)
def test_a_kept_workspace_gives_each_browser_a_csrf_token_of_its_own():
    from django.test import Client

    mexico = member_country("MX")
    author = focal_point_user(mexico)
    agreement = AgreementFactory(responsible=[mexico])
    update = FollowUp.objects.create(
        agreement=agreement,
        country=mexico,
        author=author,
        status=Status.IN_PROGRESS,
        note="Drafting.",
        validation=Validation.PROPOSED,
    )
    office, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for browser in (office, laptop):
        browser.force_login(author)
    office.get("/my/")  # kept now, with the office's token in place of the placeholder
    page = laptop.get("/my/")
    response = laptop.post(
        f"/my/updates/{update.pk}/withdraw",
        {"csrfmiddlewaretoken": withdraw_token_in(page, update)},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.validation == Validation.WITHDRAWN


@pytest.mark.django_db(transaction=True)
def test_the_finance_overview_is_kept_for_ts_staff_until_the_records_change(
    client, django_assert_max_num_queries
):
    from finance.models import Budget

    client.force_login(ts_staff_user())
    first = client.get("/finance/")
    with django_assert_max_num_queries(4):
        again = client.get("/finance/")
    assert main(again) == main(first)
    assert "2031" not in first.text
    Budget.objects.create(year=2031, source="Test budget.")
    assert "2031" in client.get("/finance/").text
