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


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("heading-end", "2016-03-01", "The last day is before the first day."),
        ("heading-start", "1990-03-03", "1990 is outside the conference"),
        ("heading-country", "ZZ", "Select a valid choice"),
        ("heading-participants", "XX", "Select a valid choice"),
        ("items-0-responsible", "Narnia", "Narnia: not a recorded country or organisation"),
        ("items-3-actors", "CR, UNICEF", "UNICEF: not a recorded country or organisation"),
        ("items-1-deadline", "2016-02-30", "Enter a valid date"),
        ("items-1-deadline", "1980-01-01", "1980 is outside the conference"),
    ],
)
def test_a_bad_preview_field_is_an_error_on_it_and_nothing_is_written(
    staff_client,
    conference,  # noqa: F811
    field,
    value,
    message,
):
    response = preview(staff_client, text=DOCUMENT)
    refused = staff_client.post(URL, commit_data(response, **{field: value}))
    assert refused.status_code == 200
    form_name, _, name = field.partition("-")
    if form_name == "heading":
        errors = refused.context["heading"].errors[name]
    else:
        index, name = name.split("-", 1)
        errors = refused.context["items"].forms[int(index)].errors[name]
    assert any(message in error for error in errors)
    assert not Meeting.objects.exists()
    assert not Agreement.objects.exists()


def test_a_responsible_actor_from_the_records_is_committed_among_the_actors(
    staff_client,
    conference,  # noqa: F811
):
    response = preview(staff_client, text=DOCUMENT)
    staff_client.post(URL, commit_data(response, **{"items-4-responsible": "cr"}))
    budget = Agreement.objects.get(section="recommendation", ref="1")
    assert list(budget.country_links.values_list("country_id", "responsible")) == [("CR", True)]


def test_the_preview_offers_the_recorded_actors_for_autocompletion(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=DOCUMENT)
    assert '<datalist id="import-actors">' in response.text
    assert '<option value="IOM">' in response.text
    assert 'list="import-actors"' in response.text


def publication() -> str:
    """A long text of the kind of the 2011 "RCM – 15 years" publication: prose about the
    conference, with one short numbered list inside."""
    prose = (
        "The Regional Conference on Migration was founded in Puebla in 1996 as a forum for "
        "dialogue on migration among the countries of North and Central America. "
    )
    return (
        "Regional Conference on Migration\n15 years\n\nSan Salvador, El Salvador\n"
        "June 26 - 27, 2008\n\n" + prose * 200 + "\n\nCONCLUSIONS\n\n1. Matters of national "
        "and regional security;\n2. National prosperity and economic betterment;\n3. The "
        "rights of migrants.\n\n" + prose * 40
    )


def test_a_publication_is_not_committable_as_an_other_meeting(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=publication())
    assert "Record it" not in response.text
    if response.context.get("commit") is not None:
        data = commit_data(response, confirm_warnings="on")
        refused = staff_client.post(URL, data)
        assert refused.status_code == 200
    assert not Meeting.objects.exists()


def test_a_spanish_preview_commits_into_the_spanish_fields(staff_client, conference):  # noqa: F811
    from tests.agreements.test_import_bilingual import SPANISH

    response = preview(staff_client, text=SPANISH)
    staff_client.post(URL, commit_data(response, confirm_warnings="on"))
    thanks = Agreement.objects.get(section="conclusion", ref="1")
    assert (thanks.text_en, thanks.text_es) == (
        "",
        "Agradecer a Panamá por la organización de la reunión.",
    )


UNNUMBERED = """IV CONFERENCIA REGIONAL SOBRE MIGRACIÓN
COMUNICADO CONJUNTO
San Salvador, El Salvador, 26 y 27 de enero de 1999
Los Viceministros, con la participación de Belice, Canadá, Costa Rica, El Salvador, Guatemala,
Honduras, México, Nicaragua, Panamá y Estados Unidos, acordaron:

Aprobar el Plan de Acción de la Conferencia.

Solicitar a la Secretaría Técnica que circule el informe antes de la próxima reunión.
"""


def test_the_preview_marks_references_the_importer_assigned(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=UNNUMBERED)
    assert [assigned for *_, assigned in response.context["rows"]] == [True, True]
    assert response.text.count('class="import-assigned"') == 2
    assert "2 items are not numbered in the document" in response.text


def test_printed_numbers_are_not_marked_as_assigned(staff_client, conference):  # noqa: F811
    response = preview(staff_client, text=DOCUMENT)
    assert not any(assigned for *_, assigned in response.context["rows"])
    assert 'class="import-assigned"' not in response.text


def test_the_assigned_mark_survives_a_preview_sent_back_with_an_error(
    staff_client,
    conference,  # noqa: F811
):
    response = preview(staff_client, text=UNNUMBERED)
    data = commit_data(response, **{"heading-start": "not a date"})
    again = staff_client.post(URL, data)
    assert again.status_code == 200
    assert [assigned for *_, assigned in again.context["rows"]] == [True, True]
    assert not Meeting.objects.exists()


def test_the_preview_shows_the_context_it_did_not_import_as_agreements(
    staff_client,
    conference,  # noqa: F811
):
    text = UNNUMBERED + "\nAsimismo, los Viceministros acordaron:\n\nCelebrar la V Conferencia.\n"
    response = preview(staff_client, text=text)
    context = response.text.split('class="module import-preamble"', 1)[1].split("</div>", 1)[0]
    assert "Context in the document, not imported as agreements" in context
    assert "Asimismo, los Viceministros acordaron:" in context
    assert "Celebrar la V Conferencia" not in context
