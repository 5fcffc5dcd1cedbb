"""The gaps held-out batch 4 found (heldout/README.md), one behaviour each. No database."""

import datetime as dt

import pytest

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

MEETING_END = dt.date(2015, 11, 19)


@pytest.mark.parametrize(
    "text",
    [
        "To approve the theme of the XXI RCM, to be held in 2016.",
        "Aprobar el tema de la XXI CRM, a celebrarse en 2016.",
        "To request the PPT to present the Plan of Action at the XXI RCM, to be held in Mexico in "
        "2016.",
        "To approve the theme of the XXI RCM, to be held in San Salvador in January 2016.",
        "Acoger el ofrecimiento de Panamá para ejercer la Presidencia Pro Tempore de la CRM en "
        "2016.",
    ],
)
def test_a_year_that_dates_a_numbered_meeting_or_a_term_is_no_deadline(text):
    assert resolve_deadline(text, MEETING_END).date is None


def test_the_year_of_a_meeting_someone_offers_to_host_stays_its_date():
    text = "To accept the offer of Panama to host the XXI Regional Conference on Migration in 2016."
    assert resolve_deadline(text, MEETING_END).date == dt.date(2016, 12, 31)


def test_a_limit_before_a_numbered_meeting_stays_a_deadline():
    text = "To send comments before the XXI RCM, no later than March 2016."
    assert resolve_deadline(text, MEETING_END).date == dt.date(2016, 3, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Cubrir las contribuciones antes de finalizar el año 2015.",
        "Cubrir las contribuciones antes de que finalice el año 2015.",
    ],
)
def test_before_the_year_ends_is_its_last_day(text):
    assert resolve_deadline(text, dt.date(2015, 7, 1)).date == dt.date(2015, 12, 31)


def test_a_date_alone_in_a_table_cell_is_the_deadline():
    text = "Circular el informe a los miembros de la Red.\tSecretaría Técnica\t30 de junio de 2016"
    assert resolve_deadline(text, MEETING_END).date == dt.date(2016, 6, 30)


def test_recitals_under_considerando_are_no_items():
    record = parse_record(
        "DECLARACIÓN DE TEGUCIGALPA\nTegucigalpa, Honduras, 23 y 24 de julio de 2015\n\n"
        "Los Viceministros de los Países Miembros de la CRM,\n\nCONSIDERANDO:\n\n"
        "Que la migración es un fenómeno multicausal;\n\n"
        "Que los países se comprometieron a proteger a las personas migrantes;\n\n"
        "ACUERDAN:\n\nReafirmar el compromiso con los derechos humanos.\n\n"
        "Instruir a la Secretaría Técnica que circule esta Declaración.\n"
    )
    assert [item.text[:20] for item in record.walk()] == [
        "Reafirmar el comprom", "Instruir a la Secret"
    ]  # fmt: skip
    assert (record.meeting.city, record.meeting.start) == ("Tegucigalpa", dt.date(2015, 7, 23))


@pytest.mark.parametrize(
    "body",
    [
        "Secretaría Técnica\n• Aprobar la agenda.\n• Solicitar a la ST un informe.\n",
        "El Grupo acordó:\n\nAprobar la agenda.\nSolicitar a la ST un informe.\n",
        "I. ASUNTOS GENERALES\n1. Aprobar la agenda.\n2. Solicitar a la ST un informe.\n",
    ],
)
def test_the_meeting_line_under_the_section_heading_is_the_heading(body):
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\nCONCLUSIONES\n"
        "Reunión del GRCM celebrada en San José, Costa Rica\n18 y 19 de noviembre de 2015\n\n"
        + body
    )
    meeting = record.meeting
    assert (meeting.kind, meeting.city) == ("rcgm", "San José")
    assert meeting.start == dt.date(2015, 11, 18)
    assert [item.text for item in record.walk()] == [
        "Aprobar la agenda.", "Solicitar a la ST un informe."
    ]  # fmt: skip
    assert all("Reunión" not in item.group for item in record.walk())


TABLE = (
    "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\n"
    "San José, Costa Rica, 8 y 9 de marzo de 2016\n\n"
    "I. SEGUIMIENTO\n\nLa Red revisó el cuadro de seguimiento.\n\nII. ACUERDOS\n\n"
    "N.º\tAcuerdo\tResponsable\tPlazo\n"
    "1.\tElaborar un diagnóstico sobre la atención consular.\tMéxico y Guatemala\t30 de junio "
    "de 2016\n"
    "2.\tCircular el informe de buenas prácticas.\tSecretaría Técnica\tJune 30th, 2016\n"
)


def test_a_table_row_copied_from_word_is_one_item_with_its_responsible_and_deadline():
    record = parse_record(TABLE)
    items = {item.ref: item for item in record.walk()}
    assert items["1"].text.startswith("Elaborar un diagnóstico sobre la atención consular.")
    assert (items["1"].responsible, items["1"].deadline) == (["MX", "GT"], dt.date(2016, 6, 30))
    assert (items["2"].responsible, items["2"].deadline) == (["TS"], dt.date(2016, 6, 30))


def test_a_numbered_part_named_as_a_section_takes_no_group_from_the_part_above():
    record = parse_record(TABLE)
    assert [item.group for item in record.walk()] == ["", ""]


def test_the_numbered_lines_of_an_annex_are_no_items():
    record = parse_record(
        "Meeting of the Regional Consultation Group on Migration\nManagua, Nicaragua, "
        "November 13-14, 2012\n\nCONCLUSIONS\n\n1. To approve the agenda.\n"
        "2. To thank the Government of Nicaragua for its hospitality.\n\n"
        "ANNEX I\nLIST OF PARTICIPANTS\n1. Belize: Director of Immigration.\n2. Canada: Director.\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "2"]
    assert record.by_ref()["2"].text.endswith("for its hospitality.")
    assert "ANNEX I" in record.preamble


def test_the_place_and_date_of_signature_are_no_part_of_the_last_item():
    record = parse_record(
        "DECLARACIÓN DE GUATEMALA\nCiudad de Guatemala, Guatemala, 23 y 24 de julio de 2009\n\n"
        "ACUERDAN:\n\nAprobar el informe de la Presidencia Pro Tempore.\n\n"
        "Agradecer al Gobierno de Guatemala por su hospitalidad.\n\n"
        "Ciudad de Guatemala, 24 de julio de 2009\n"
    )
    assert record.agreements[-1].text == "Agradecer al Gobierno de Guatemala por su hospitalidad."


def test_a_bullet_set_further_in_is_a_level_below_whatever_its_glyph():
    record = parse_record(
        "XXII Regional Conference on Migration\nSan Salvador, El Salvador, June 29-30, 2017\n\n"
        "The Vice-Ministers agreed to:\n\n◦ Approve the report of the PPT.\n"
        "◦ Urge the Member Countries to:\n   – share their statistics with the TS;\n"
        "   – designate a focal point.\n◦ Thank the Government of El Salvador.\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "2", "2.1", "2.2", "3"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Urge the Member Countries to:", ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI",
                                           "PA", "US"]),
        ("To thank Panama for its offer to host the next meeting of the Network.", ["PA"]),
        ("Agradecer a Honduras su ofrecimiento para ser sede del taller regional.", ["HN"]),
        ("Encomendar a la PPT que, en coordinación con la Troika, convoque una reunión "
         "extraordinaria del GRCM.", ["PPT"]),
        ("Elaborar un diagnóstico. — Responsable: México y Guatemala — Plazo: 30 de junio de "
         "2016", ["MX", "GT"]),
    ],
)  # fmt: skip
def test_who_is_asked_offers_or_is_named_responsible(text, expected):
    from agreements.importer.gazetteer import default_gazetteer
    from agreements.importer.responsible import responsible

    assert responsible(text, gazetteer=default_gazetteer()) == expected
