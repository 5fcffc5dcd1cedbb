"""The layouts and wordings of held-out batch 9 (heldout/README.md), one behaviour each.
No database."""

import datetime as dt

from agreements.importer import parse_record, resolve_deadline

MINUTES = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "MINUTES OF THE MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION\n"
    "Belize City, Belize, March 11-12, 2008\n\n"
    "Agenda item 1: Report of the Technical Secretariat\n\n"
    "The Technical Secretariat presented its report on its activities.\n\n"
    "Agreed: To approve the report of the Technical Secretariat.\n\n"
    "Agenda item 2: Seminar on migration and health\n\n"
    "Agreed: To accept the offer of Costa Rica to host the seminar in August 2008.\n"
)


def test_what_minutes_agree_under_agenda_items_are_the_items_grouped_by_those_items():
    record = parse_record(MINUTES)
    assert [(item.ref, item.group, item.text) for item in record.walk()] == [
        ("1", "Report of the Technical Secretariat", "To approve the report of the Technical "
         "Secretariat."),
        ("2", "Seminar on migration and health", "To accept the offer of Costa Rica to host the "
         "seminar in August 2008."),
    ]  # fmt: skip
    assert not any("not recognised" in warning for warning in record.warnings)


def test_what_the_secretariat_presented_in_minutes_is_context():
    record = parse_record(MINUTES)
    assert record.preamble == ["The Technical Secretariat presented its report on its activities."]


def test_dotted_labels_with_a_dash_keep_their_printed_references():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\n"
        "Ciudad de Panamá, Panamá, 19 de junio de 2012\n\n"
        "ACUERDOS\n\n"
        "1.- Sobre el Plan de Trabajo de la Red:\n"
        "1.1.- Aprobar el Plan de Trabajo de la Red.\n"
        "1.2.- Solicitar a la Secretaría Técnica que informe al GRCM.\n"
        "2.- Realizar un taller regional en 2012.\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "1.1", "1.2", "2"]


def test_a_lower_case_o_under_a_line_that_opens_a_list_is_a_bullet():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Regional Workshop on Labour Migration\n"
        "San José, Costa Rica, September 12-13, 2017\n\n"
        "RECOMMENDATIONS\n\n"
        "• To promote the exchange of information among the labour ministries:\n"
        "o through a virtual forum administered by the Technical Secretariat;\n"
        "o through an annual meeting of focal points.\n"
        "• To request IOM to prepare a study on recruitment costs.\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "1.1", "1.2", "2"]


def test_a_lower_case_o_that_continues_a_sentence_is_the_word_or():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión del Grupo Regional de Consulta sobre Migración\n"
        "San José, Costa Rica, 12 y 13 de septiembre de 2017\n\n"
        "ACUERDOS\n\n"
        "1. Atender a las personas migrantes en situación de vulnerabilidad\n"
        "o refugiadas en la región.\n"
    )
    assert [item.text for item in record.walk()] == [
        "Atender a las personas migrantes en situación de vulnerabilidad o refugiadas en la región."
    ]


def test_a_report_delivered_to_a_body_in_a_month_has_that_month_as_deadline():
    last_day = dt.date(2012, 6, 19)
    found = resolve_deadline(
        "Solicitar a la Secretaría Técnica que dé seguimiento e informe al GRCM en noviembre de "
        "2012.",
        last_day,
        "es",
    )
    assert str(found.date) == "2012-11-30"


def test_a_report_about_a_past_year_sets_no_deadline():
    found = resolve_deadline(
        "Tomar nota del informe sobre las reuniones de 2011.", dt.date(2012, 6, 19), "es"
    )
    assert found.date is None
