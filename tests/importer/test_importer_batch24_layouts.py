"""The layouts and wordings of held-out batch 24 (heldout/README.md), one behaviour each:
documents written for these tests in the conference's ways of writing (none is the record of a
real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

CONCLUSIONS = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Grupo Regional de Consulta sobre Migración\n"
    "San José, Costa Rica, 10 y 11 de marzo de 2016\n\n"
    "CONCLUSIONES Y RECOMENDACIONES\n\n"
    "{body}\n"
)
MATRIX = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Red de Funcionarios de Enlace para la Protección Consular\n"
    "Reunión celebrada en Managua, Nicaragua, 5 y 6 de mayo de 2017\n\n"
    "MATRIZ DE SEGUIMIENTO DE ACUERDOS\n\n"
    "La presente matriz recoge los acuerdos de la reunión.\n\n"
    "No.\tAcuerdo\tResponsable\tFecha límite\tEstado\n"
    "{rows}\n\n"
    "Fuente: Secretaría Técnica de la CRM.\n"
)


def test_items_numbered_1a_under_numbered_titles_keep_their_printed_references():
    record = parse_record(
        CONCLUSIONS.format(
            body="1. Informe de la Presidencia Pro Tempore\n"
            "1.a Tomar nota del informe de la Presidencia Pro Tempore.\n\n"
            "1.b Solicitar a la Presidencia Pro Tempore que circule la agenda.\n\n"
            "2. Secretaría Técnica\n"
            "2.a Aprobar el informe de la Secretaría Técnica."
        )
    )
    items = {item.ref: item for item in record.walk()}
    assert list(items) == ["1.a", "1.b", "2.a"]
    assert items["1.b"].group == "Informe de la Presidencia Pro Tempore"
    assert items["2.a"].group == "Secretaría Técnica"


def test_a_numbered_section_heading_in_words_is_also_the_group_of_its_items():
    record = parse_record(
        CONCLUSIONS.format(
            body="1. Secretaría Técnica\n"
            "1.a Aprobar el informe de la Secretaría Técnica.\n\n"
            "2. Recomendaciones a la Reunión Viceministerial\n"
            "2.a Recomendar a los Viceministros la aprobación del presupuesto."
        )
    )
    item = {item.ref: item for item in record.walk()}["2.a"]
    assert (item.section, item.group) == (
        "recommendation",
        "Recomendaciones a la Reunión Viceministerial",
    )


def test_a_list_of_participants_without_anexo_is_no_part_of_the_last_item():
    record = parse_record(
        CONCLUSIONS.format(
            body="1. Agradecer al Gobierno de Costa Rica su hospitalidad.\n\n"
            "San José, 11 de marzo de 2016\n\n"
            "LISTA DE PARTICIPANTES\n"
            "Belice – Departamento de Inmigración y Nacionalidad\n"
            "Canadá – Embajada de Canadá"
        )
    )
    assert record.by_ref()["1"].text == "Agradecer al Gobierno de Costa Rica su hospitalidad."
    assert "LISTA DE PARTICIPANTES" in record.preamble


def test_a_group_row_inside_a_tabbed_table_heads_the_rows_under_it():
    record = parse_record(
        MATRIX.format(
            rows="DIRECTORIO\n"
            "1\tActualizar el directorio de la Red.\tPaíses Miembros\t30/06/2017\tCumplido\n"
            "CAPACITACIÓN\n"
            "2\tRealizar un taller regional.\tHonduras\tDiciembre 2017\tPendiente"
        )
    )
    assert [(item.ref, item.group) for item in record.agreements] == [
        ("1", "DIRECTORIO"),
        ("2", "CAPACITACIÓN"),
    ]


def test_a_matrixs_status_column_is_a_warning_not_text_of_the_agreement():
    record = parse_record(
        MATRIX.format(
            rows="1\tActualizar el directorio de la Red.\tPaíses Miembros\t30/06/2017\tCumplido"
        )
    )
    item = record.by_ref()["1"]
    assert item.text.endswith("Fecha límite: 30/06/2017")
    assert item.deadline == datetime.date(2017, 6, 30)
    assert any("“Cumplido”" in warning for warning in item.warnings)
    assert "Fuente: Secretaría Técnica de la CRM." in record.preamble


def test_an_unknown_first_verb_then_sending_it_is_a_submission():
    record = parse_record(
        MATRIX.format(
            rows="1\tConsolidar el directorio regional y circularlo entre los puntos focales."
            "\tST\t31/10/2017\tEn proceso"
        )
    )
    assert (record.by_ref()["1"].action, record.by_ref()["1"].responsible) == ("submit", ["TS"])


def test_a_meeting_named_by_its_ordinal_in_words_is_a_deadline_without_a_date():
    last_day = datetime.date(2007, 5, 15)
    for phrase, language in [
        ("before the Thirteenth Vice-Ministerial Meeting", "en"),
        ("antes de la Décima Tercera Reunión Viceministerial", "es"),
    ]:
        deadline = resolve_deadline(f"To present the report {phrase}.", last_day, language)
        assert (deadline.date, deadline.phrase) == (None, phrase)
