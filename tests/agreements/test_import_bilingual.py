"""Both languages in their own fields: a Spanish record fills the Spanish ones, and the other
language's version of a recorded document fills the language it lacks, paired item by item."""

import pytest

from agreements.importer import parse_record
from agreements.importer.commit import ImportRefused, record_import
from agreements.models import Agreement
from meetings.models import Meeting
from tests.agreements.test_admin_import import URL, commit_data, preview, staff_client  # noqa: F401
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401

pytestmark = pytest.mark.django_db

# The Spanish version of test_import_record.DOCUMENT, written for these tests in the words the
# conference's Spanish records use ("Instar a los Países Miembros…", "con el apoyo de la OIM").
SPANISH = """CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)
Reunión del Grupo Regional de Consulta sobre Migración (GRCM)

Ciudad de Panamá, Panamá
3 y 4 de marzo de 2016

El Grupo Regional de Consulta sobre Migración (GRCM), en su reunión celebrada los días 3 y 4 de
marzo de 2016 en la Ciudad de Panamá, Panamá, con la participación de representantes de Canadá,
Costa Rica, México y Panamá, llegó a las siguientes:

CONCLUSIONES

1. Agradecer a Panamá por la organización de la reunión.
2. Instar a los Países Miembros a pagar sus contribuciones a la mayor brevedad posible.
a. La ST circulará el informe en un plazo de dos meses.
3. Realizar un taller regional sobre migración laboral en Costa Rica, con el apoyo de la OIM,
durante el primer semestre de 2017.

RECOMENDACIONES

1. Recomendar la aprobación del presupuesto 2017.
"""


def commit(text, **options):
    return record_import(record=parse_record(text).as_dict(), force=True, **options)


def texts():
    return list(Agreement.objects.order_by("position").values_list("ref", "text_en", "text_es"))


def test_a_spanish_record_fills_the_spanish_fields(conference):  # noqa: F811
    meeting = commit(SPANISH).meeting
    assert meeting.name_es == "Reunión del Grupo Regional de Consulta sobre Migración (GRCM)"
    assert "Reunión" not in meeting.name_en
    thanks = meeting.agreements.get(section="conclusion", ref="1")
    assert thanks.text_es == "Agradecer a Panamá por la organización de la reunión."
    assert thanks.text_en == ""


def test_the_spanish_version_of_a_recorded_english_record_fills_its_spanish_texts(conference):  # noqa: F811
    meeting = commit(DOCUMENT).meeting
    result = commit(SPANISH)
    assert (result.meeting, result.translated, result.agreements) == (meeting, 5, 0)
    assert Agreement.objects.count() == 5
    assert Meeting.objects.filter(kind="rcgm").count() == 1
    rows = texts()
    assert rows[0] == (
        "1",
        "To thank Panama for hosting the meeting.",
        "Agradecer a Panamá por la organización de la reunión.",
    )
    assert all(text_en and text_es for _, text_en, text_es in rows)
    meeting.refresh_from_db()
    assert meeting.name_es.startswith("Reunión del Grupo Regional")


def test_the_english_version_of_a_recorded_spanish_record_fills_its_english_texts(conference):  # noqa: F811
    commit(SPANISH)
    assert commit(DOCUMENT).translated == 5
    assert Agreement.objects.get(section="recommendation", ref="1").text_en == (
        "To recommend approval of the 2017 budget."
    )
    assert Agreement.objects.count() == 5


def test_versions_numbered_differently_are_paired_by_their_order(conference):  # noqa: F811
    commit(DOCUMENT)
    commit(SPANISH.replace("\na. La ST", "\nb. La ST"))
    sub_item = Agreement.objects.get(section="conclusion", ref="2.a")
    assert sub_item.text_es == "La ST circulará el informe en un plazo de dos meses."
    assert Agreement.objects.count() == 5


def test_an_item_without_a_recorded_counterpart_is_refused_and_nothing_changes(conference):  # noqa: F811
    commit(DOCUMENT)
    extra = SPANISH.replace(
        "\nRECOMENDACIONES", "4. Agradecer a la OIM por su apoyo.\n\nRECOMENDACIONES"
    )
    before = texts()
    with pytest.raises(ImportRefused, match="conclusion 4"):
        commit(extra)
    assert texts() == before


def test_the_preview_shows_the_pairing_and_the_commit_creates_nothing(
    staff_client,  # noqa: F811
    conference,  # noqa: F811
):
    commit(DOCUMENT)
    response = preview(staff_client, text=SPANISH)
    assert response.context["pairing"] is not None
    assert "Translates Conclusion 2: To urge the Member Countries" in response.text
    committed = staff_client.post(URL, commit_data(response, confirm_warnings="on"))
    assert committed.status_code == 302
    assert Agreement.objects.count() == 5
    assert Agreement.objects.get(section="conclusion", ref="3").text_es.startswith("Realizar")


def test_a_record_known_only_in_spanish_shows_its_spanish_in_english(conference):  # noqa: F811
    from django.utils import translation

    meeting = commit(SPANISH).meeting
    meeting.kind, meeting.name_en, meeting.name_es = "other", "", "Taller del Grupo"
    meeting.save()
    with translation.override("en"):
        thanks = meeting.agreements.get(section="conclusion", ref="1")
        assert thanks.text == "Agradecer a Panamá por la organización de la reunión."
        assert meeting.name.startswith("Taller del Grupo")
