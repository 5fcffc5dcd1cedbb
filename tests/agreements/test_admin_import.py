"""The admin's import: upload or paste, preview with every field editable, commit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements.models import Agreement
from meetings.models import Meeting
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401
from tests.factories import ts_staff_user

pytestmark = pytest.mark.django_db
URL = "/admin/meetings/meeting/import/"


@pytest.fixture
def staff_client(client):
    client.force_login(ts_staff_user(is_superuser=True))
    return client


def preview(client, **data):
    return client.post(URL, {"step": "parse", **data})


def test_the_import_page_opens_from_the_meetings_list(staff_client):
    assert URL in staff_client.get("/admin/meetings/meeting/").text
    assert staff_client.get(URL).status_code == 200


def test_pasted_text_is_shown_as_an_editable_tree(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=DOCUMENT)
    assert response.status_code == 200
    items = response.context["items"]
    assert [form.initial["ref"] for form in items.forms] == ["1", "2", "2.a", "3", "1"]
    assert not Meeting.objects.exists()


def test_an_uploaded_binary_file_gives_a_clear_message_and_writes_nothing(staff_client, conference):  # noqa: F811
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 binary")
    response = staff_client.post(URL, {"step": "parse", "document": upload})
    assert "PDF" in response.text
    assert not Meeting.objects.exists()


def test_nothing_to_read_gives_a_clear_message(staff_client):
    response = preview(staff_client, text="")
    assert "Upload a document or paste its text." in response.text


def commit_data(response, **changes) -> dict:
    data = {"step": "commit"}
    for form in (response.context["heading"], response.context["commit"]):
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False):
                data[form.add_prefix(name)] = value
    items = response.context["items"]
    data.update({
        "items-TOTAL_FORMS": str(len(items.forms)), "items-INITIAL_FORMS": str(len(items.forms)),
    })  # fmt: skip
    for form in items.forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return data


def test_a_corrected_preview_is_recorded(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=DOCUMENT)
    data = commit_data(response, **{"items-0-action": "note"})
    committed = staff_client.post(URL, data)
    assert committed.status_code == 302
    assert Agreement.objects.get(section="conclusion", ref="1").action == "note"
    assert Agreement.objects.count() == 5


def test_a_preview_with_a_bad_parent_is_refused_and_nothing_is_written(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=DOCUMENT)
    data = commit_data(response, **{"items-2-parent_ref": "9"})
    refused = staff_client.post(URL, data)
    assert refused.status_code == 200
    assert "names a parent 9" in refused.text
    assert not Agreement.objects.exists()
