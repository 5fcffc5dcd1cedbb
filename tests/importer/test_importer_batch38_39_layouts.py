"""The layouts and wordings of held-out batches 38 and 39 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.parser_unnumbered import narrative
from agreements.importer.responsible import responsible

SUMMARY = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Liaison Officers Network for the Protection of Migrant Children\n"
    "Virtual meeting, 22 September 2020\n\n"
    "Action items:\n"
    "- [TS] Circulate the second draft of the Regional Protocol to all focal points "
    "(by Friday, October 2)\n"
    "- [Guatemala, Honduras] Share with the Network the checklist used at their reception "
    "centres (within two weeks)\n"
    "- [IOM] Share the updated mapping of shelters with the focal points (October 15, 2020)\n"
    "- [PPT/TS] Convene the next virtual meeting of the Network (second half of November 2020)\n"
)


def test_an_action_items_owner_in_brackets_is_responsible():
    items = list(parse_record(SUMMARY).walk())
    assert [item.responsible for item in items] == [["TS"], ["GT", "HN"], ["IOM"], ["PPT", "TS"]]


def test_an_action_items_due_date_in_brackets_is_its_deadline():
    items = list(parse_record(SUMMARY).walk())
    assert str(items[2].deadline) == "2020-10-15"
    assert items[0].action == "submit"


def test_action_items_name_their_group():
    assert {item.group for item in parse_record(SUMMARY).walk()} == {"Action items"}


COMMITMENTS = (
    "GRUPO DE TRABAJO SOBRE MIGRACIÓN LABORAL\n"
    "Santo Domingo, República Dominicana, 1 y 2 de octubre de 2019\n\n"
    "Compromisos\n\n"
    "GUATEMALA\n\n"
    "1. Compartir con la Secretaría Técnica el protocolo de reclutamiento.\n"
    "2. Presentar en la próxima reunión del Grupo los resultados del programa piloto.\n\n"
    "MÉXICO\n\n"
    "1. Remitir a la ST la lista de agencias de reclutamiento registradas.\n\n"
    "La PPT de Guatemala agradeció a la República Dominicana su hospitalidad.\n\n"
    "Santo Domingo, 2 de octubre de 2019\n"
    "Relatoría: Secretaría Técnica de la CRM\n"
)


def test_a_countrys_name_in_capitals_over_its_tasks_is_their_group_and_owner():
    items = list(parse_record(COMMITMENTS).walk())
    assert [(item.group, item.responsible) for item in items] == [
        ("GUATEMALA", ["GT"]),
        ("GUATEMALA", ["GT"]),
        ("MÉXICO", ["MX"]),
    ]


def test_the_closing_thanks_above_the_rapporteurs_line_is_context():
    last = list(parse_record(COMMITMENTS).walk())[-1]
    assert "agradeció" not in last.text


def test_a_timeline_field_wins_over_a_period_in_the_agreements_words():
    found = resolve_deadline(
        "To circulate the calendar for the second semester of 2014. Timeline: July 31, 2014.",
        datetime.date(2014, 6, 25),
    )
    assert found.date == datetime.date(2014, 7, 31)


def test_a_timeline_of_not_applicable_states_no_deadline():
    found = resolve_deadline(
        "To thank IOM for its support during the first semester of 2014. Timeline: N/A.",
        datetime.date(2014, 6, 25),
    )
    assert found.date is None and not found.phrase


def test_a_date_said_only_in_yields_to_one_said_before():
    found = resolve_deadline(
        "Tomar nota de la propuesta de realizar en 2018 un taller regional. Canadá circulará la "
        "nota conceptual antes del 28 de febrero de 2018.",
        datetime.date(2017, 11, 30),
        "es",
    )
    assert found.date == datetime.date(2018, 2, 28)


def test_a_participle_after_han_narrates_nothing():
    assert not narrative(
        "Los Países Miembros que aún no lo han hecho cubrirán sus contribuciones a más tardar "
        "el 31 de marzo de 2018."
    )


PARTS = (
    "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
    "Tegucigalpa, Honduras, 26 y 27 de febrero de 2008\n\n"
    "CONCLUSIONES\n\n"
    "I. ASUNTOS INSTITUCIONALES\n\n"
    "1. Aprobar el informe de la Secretaría Técnica.\n\n"
    "CRM – GRCM – Tegucigalpa, 26 y 27 de febrero de 2008                    Pág. 1\n\n"
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN – CONCLUSIONES DEL GRCM\n\n"
    "II. COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES Y A LA TRATA DE PERSONAS\n\n"
    "1. Aprobar el Plan de Trabajo 2008 de la Red.\n"
)


def test_a_long_part_title_in_capitals_after_a_pag_footer_restarts_the_numbering():
    assert [item.ref for item in parse_record(PARTS).walk()] == ["I.1", "II.1"]


TABLE = (
    "REPORT OF THE MEETING\n"
    "Liaison Officers Network for Consular Protection\n"
    "Managua, Nicaragua, 16-17 August 2011\n\n"
    "4. AGREED ACTIVITIES\n\n"
    "The Network agreed on the following activities, which the Pro Tempore Presidency will "
    "present to the RCGM at its meeting of November 2011:\n\n"
    "Activity\tResponsible\tDate\n"
    "Update the Regional Directory of Consular Offices.\tMember countries\t30 September 2011\n"
    "Prepare a draft regional protocol.\tMexico and Guatemala\tBefore the RCGM (Nov. 2011)\n"
    "El Salvador and Honduras will share their experience.\t\tNext meeting of the Network\n"
    "Exchange information on deaths of migrants in transit.\tAll member countries\tPermanent\n"
    "Invite UNHCR to present its guidance.\tPro Tempore Presidency\t\n"
)


def test_every_row_of_a_tabbed_table_is_an_agreement_empty_cells_included():
    items = list(parse_record(TABLE).walk())
    assert len(items) == 5
    assert items[2].text.startswith("El Salvador and Honduras")


def test_the_phrase_over_the_table_is_no_agreement():
    assert "agreed on the following" not in parse_record(TABLE).agreements[0].text


def test_a_month_in_brackets_in_the_date_column_is_the_deadline():
    assert str(parse_record(TABLE).agreements[1].deadline) == "2011-11-30"


EARLY = (
    "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
    "San Salvador, El Salvador, 7 y 8 de octubre de 1999\n\n"
    "CONCLUSIONES\n\n"
    "1. Se tomó nota de las exposiciones de las delegaciones de Honduras y Nicaragua.\n\n"
    "El GRCM acordó solicitar a la OIM que prepare un documento sobre las necesidades de "
    "retorno, a más tardar el 15 de enero del año 2000.\n\n"
    "2. Se agradeció al Gobierno de El Salvador su hospitalidad.\n\n"
    "The Vice-Ministers expressed their appreciation to the Government of El Salvador.\n\n"
    "Done in San Salvador, on 8 October 1999, in the English and Spanish languages.\n"
)


def test_a_paragraph_of_what_the_group_decided_under_an_item_is_that_items():
    first = parse_record(EARLY).agreements[0]
    assert "solicitar a la OIM" in first.text
    assert str(first.deadline) == "2000-01-15"


def test_the_closing_thanks_above_done_in_is_context():
    last = parse_record(EARLY).agreements[-1]
    assert last.text == "Se agradeció al Gobierno de El Salvador su hospitalidad."


def test_a_government_or_republic_before_the_countrys_name_still_names_it():
    gazetteer = default_gazetteer()
    for text, action, who in (
        ("Solicitar al Gobierno de los Estados Unidos de América que comparta la información.",
         "request", ["US"]),
        ("Aceptar el ofrecimiento de la República de Nicaragua de ser sede del taller.",
         "accept", ["NI"]),
    ):  # fmt: skip
        actors = gazetteer.find(text, "es")
        assert responsible(text, actors, action, gazetteer=gazetteer, language="es") == who


def test_what_the_liaison_officers_thanked_after_the_last_item_is_context():
    assert narrative(
        "Los funcionarios de enlace agradecieron al Gobierno de México la hospitalidad."
    )
