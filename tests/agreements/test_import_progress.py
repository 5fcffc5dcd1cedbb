"""Long parses show their progress: the command prints it, the admin's page says what it reads
while the request runs and stops reading at a time limit with a clear message, writing
nothing."""

import pytest

from agreements.importer import parse_record
from agreements.models import Agreement
from meetings.models import Meeting
from tests.agreements.test_import_record import DOCUMENT, conference, document, run  # noqa: F401
from tests.factories import ts_staff_user

URL = "/admin/meetings/meeting/import/"


@pytest.fixture
def staff_client(client):
    client.force_login(ts_staff_user(is_superuser=True))
    return client


def test_the_parser_reports_each_item_it_reads_up_to_the_total():
    calls = []
    record = parse_record(DOCUMENT, progress=lambda done, total: calls.append((done, total)))
    items = sum(1 for _item in record.walk())
    assert calls[0] == (0, items)
    assert calls[-1] == (items, items)
    assert [done for done, _total in calls] == list(range(items + 1))


@pytest.mark.django_db
def test_the_command_prints_its_parsing_progress(conference, document):  # noqa: F811
    _out, err = run(str(document), dry_run=True)
    items = sum(1 for _item in parse_record(DOCUMENT).walk())
    assert f"Parsing: {items}/{items} items" in err


@pytest.mark.django_db
def test_the_upload_page_carries_a_notice_of_what_it_reads_and_its_time_limit(
    staff_client, settings
):
    settings.IMPORT_PREVIEW_SECONDS = 45
    response = staff_client.get(URL)
    assert 'id="import-status"' in response.text
    assert 'data-seconds="45"' in response.text
    assert "Reading {count} paragraphs…" in response.text
    assert "js/admin-import.js" in response.text


@pytest.mark.django_db
def test_the_upload_page_says_what_it_reads_in_spanish(staff_client):
    staff_client.cookies["django_language"] = "es"
    response = staff_client.get(URL)
    assert "Leyendo {count} párrafos…" in response.text


@pytest.mark.django_db
def test_a_parse_past_the_time_limit_stops_with_a_message_and_writes_nothing(
    staff_client,
    conference,  # noqa: F811
    settings,
):
    settings.IMPORT_PREVIEW_SECONDS = 0  # any reading is past the limit
    response = staff_client.post(URL, {"step": "parse", "text": DOCUMENT})
    assert response.status_code == 200
    assert "Reading stopped after 0 seconds, at item 0 of" in response.text
    assert "import_record" in response.text
    assert not Meeting.objects.exists()
    assert not Agreement.objects.exists()


@pytest.mark.django_db
def test_a_parse_within_the_time_limit_shows_the_preview(staff_client, conference, settings):  # noqa: F811
    settings.IMPORT_PREVIEW_SECONDS = 60
    response = staff_client.post(URL, {"step": "parse", "text": DOCUMENT})
    assert response.status_code == 200
    assert "items" in response.context
