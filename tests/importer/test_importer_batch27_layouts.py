"""The layouts and wordings of held-out batch 27 (heldout/README.md), one behaviour each:
documents written for these tests in the conference's ways of writing (none is the record of a
real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

SUMMARY = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Working Group on Irregular and Mass Migration\n"
    "Virtual meeting, 13 September 2023\n\n"
    "Next steps:\n"
    "• ES to circulate the revised outline to all focal points – by COB Friday.\n"
    "• Mexico and Panama (co-chairs) to present a first draft – by the next Troika call.\n"
    "• Member countries that have not yet done so to designate a focal point – ASAP.\n\n"
    "This summary was prepared by the ES and circulated to the participants.\n"
)


def test_an_action_items_owner_before_to_is_responsible_for_its_verb():
    items = parse_record(SUMMARY).agreements
    assert [(item.action, item.responsible) for item in items[:2]] == [
        ("submit", ["TS"]),
        ("submit", ["MX", "PA"]),
    ]
    assert (items[2].action, len(items[2].responsible)) == ("approve", 11)


def test_action_items_have_informal_deadlines():
    first, second, third = parse_record(SUMMARY).agreements
    assert first.deadline == datetime.date(2023, 9, 15)  # the Friday after the meeting
    assert (second.deadline, "Troika" in second.deadline_text) == (None, True)
    assert (third.deadline, third.deadline_text) == (None, "ASAP")


def test_who_wrote_the_summary_up_is_no_part_of_the_last_item():
    last = parse_record(SUMMARY).agreements[-1]
    assert last.text.endswith("ASAP.")


def test_a_bilingual_tables_twin_paragraphs_are_one_item():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "San José, Costa Rica, 13 y 14 de noviembre de 1997\n"
        "San José, Costa Rica, November 13 and 14, 1997\n"
        "CONCLUSIONES\n"
        "CONCLUSIONS\n"
        "1. Tomar nota del informe de la Presidencia Pro Tempore.\n"
        "1. To take note of the report of the Pro Tempore Presidency.\n"
        "2. Agradecer al Gobierno de Costa Rica su hospitalidad.\n"
        "2. To thank the Government of Costa Rica for its hospitality.\n"
        "San José, 14 de noviembre de 1997\n"
        "San José, November 14, 1997\n"
    )
    first, second = record.agreements
    assert (first.ref, second.ref) == ("1", "2")
    assert first.text.startswith("Tomar nota")
    assert first.text.endswith("of the Pro Tempore Presidency.")
    assert second.text.endswith("for its hospitality.")


def test_a_consultations_resolutions_numbered_in_words_between_parentheses():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "PRESIDENCIA PRO TEMPORE – HONDURAS 2016\n\n"
        "Asunto: RESULTADO DEL PROCEDIMIENTO DE CONSULTA DE CINCO DÍAS HÁBILES\n\n"
        "La Presidencia Pro Tempore declara adoptados los siguientes puntos resolutivos:\n\n"
        "(Primero) Aprobar el Presupuesto de la Secretaría Técnica.\n\n"
        "(Segundo) Instar a los Países Miembros a efectuar el pago de su contribución a más "
        "tardar el día treinta y uno de agosto de dos mil dieciséis.\n\n"
        "La Presidencia Pro Tempore aprovecha la oportunidad para reiterar las muestras de su "
        "más alta consideración.\n"
    )
    assert record.meeting.kind == "consultation"
    first, second = record.agreements
    assert (first.ref, second.ref) == ("1", "2")
    assert second.deadline == datetime.date(2016, 8, 31)
    assert second.text.endswith("dos mil dieciséis.")


def test_a_date_in_words_is_read():
    deadline = resolve_deadline(
        "a más tardar el día treinta de junio de dos mil dieciséis", None, "es"
    )
    assert deadline.date == datetime.date(2016, 6, 30)
