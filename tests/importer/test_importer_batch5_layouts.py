"""What held-out batch 5 (heldout/README.md) found, one behaviour each. No database."""

import datetime as dt

import pytest

from agreements.importer import (
    classify_action,
    normalise_text,
    parse_record,
    resolve_deadline,
    responsible,
)

LAYOUT_TABLE = """CONFERENCIA REGIONAL SOBRE MIGRACIÓN
Reunión de la Red de Funcionarios de Enlace para la Protección Consular
Managua, Nicaragua, 5 y 6 de junio de 2017

ACUERDOS

 No.  Acuerdo                                        Responsable          Plazo
 1    Remitir a la Secretaría Técnica la lista de    Países Miembros      31 de julio de 2017
      consulados en la frontera.
 2    Elaborar un informe sobre los casos de         Panamá               antes de la próxima
      migrantes desaparecidos.                                            reunión de la Red

La Red agradeció al Gobierno de Nicaragua su hospitalidad.
"""


def test_a_table_laid_out_with_spaces_becomes_one_line_per_row():
    lines = normalise_text(LAYOUT_TABLE).split("\n")
    assert (
        "1. Remitir a la Secretaría Técnica la lista de consulados en la frontera. — "
        "Responsable: Países Miembros — Plazo: 31 de julio de 2017"
    ) in lines
    assert lines[-3:-1] == ["", "La Red agradeció al Gobierno de Nicaragua su hospitalidad."]


def test_the_rows_of_a_table_laid_out_with_spaces_are_items_with_who_and_when():
    record = parse_record(LAYOUT_TABLE)
    first, second = record.agreements
    assert (first.ref, len(first.responsible), first.deadline) == ("1", 11, dt.date(2017, 7, 31))
    assert second.text.startswith("Elaborar un informe sobre los casos de migrantes desaparecidos.")
    assert second.responsible == ["PA"]
    assert second.deadline_text == "antes de la próxima reunión de la Red"


def test_spaced_out_words_without_a_header_of_column_names_are_no_table():
    text = "Los países     acordaron     lo siguiente     sin demora.\n"
    assert normalise_text(text) == text


COMMUNIQUE = """TERCERA CONFERENCIA REGIONAL SOBRE MIGRACIÓN
Ottawa, Canadá
26 y 27 de febrero de 1998

COMUNICADO CONJUNTO

Los Viceministros acordaron:

a) Aprobar el Plan de Acción de la Conferencia.

b) Agradecer al Gobierno de Canadá su hospitalidad.

Los Viceministros expresaron su satisfacción por el espíritu de cooperación de la reunión.
"""


def test_a_narrating_paragraph_after_the_last_item_is_context_not_its_text():
    record = parse_record(COMMUNIQUE)
    assert record.agreements[-1].text == "Agradecer al Gobierno de Canadá su hospitalidad."
    assert any("espíritu de cooperación" in line for line in record.preamble)


def test_a_paragraph_that_continues_the_last_item_stays_its_text():
    record = parse_record(COMMUNIQUE.replace("Los Viceministros expresaron", "Dicho Gobierno"))
    assert "Dicho Gobierno" in record.agreements[-1].text


def test_a_subjunctive_opening_says_the_action():
    text = "Que los países miembros remitan a la Presidencia Pro Tempore la información."
    assert classify_action(text) == "submit"


def test_a_noun_after_the_first_subjunctive_does_not_say_the_action():
    assert classify_action("Que la Secretaría Técnica elabore un informe.") != "submit"


@pytest.mark.parametrize(
    "text",
    [
        "Aceptar el ofrecimiento de El Salvador para ser sede de la IV Conferencia.",
        "Agradecer a El Salvador su ofrecimiento para ser sede del taller.",
    ],
)
def test_el_salvador_making_an_offer_is_responsible_for_it(text):
    assert responsible(text, language="es") == ["SV"]


WORKSHOP = """REGIONAL CONFERENCE ON MIGRATION
Regional Workshop on the Return and Reintegration of Migrants
Tegucigalpa, Honduras, 3-4 September 2015

RECOMMENDATIONS

Guatemala
• To strengthen the reception centres for returned migrants at the border.
• To thank IOM for its support to the reception centres.

Technical Secretariat
• To compile the good practices presented at the workshop.
"""


def test_recommendations_under_a_country_heading_are_that_countrys_to_carry_out():
    record = parse_record(WORKSHOP)
    assert record.agreements[0].group == "Guatemala"
    assert record.agreements[0].responsible == ["GT"]


def test_thanks_under_a_country_heading_make_nobody_responsible():
    assert parse_record(WORKSHOP).agreements[1].responsible == []


def test_a_heading_that_is_no_country_makes_nobody_responsible():
    assert parse_record(WORKSHOP).agreements[2].responsible == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Presentar el informe antes de la próxima reunión de la Red.",
            "próxima reunión de la Red",
        ),
        ("To present it before the next meeting of the Network.", "next meeting of the Network"),
    ],
)
def test_the_next_meeting_of_a_network_is_the_whole_deadline_phrase(text, phrase):
    deadline = resolve_deadline(text, dt.date(2017, 6, 6))
    assert deadline.date is None and deadline.phrase.endswith(phrase)


def test_a_table_without_a_number_column_gives_one_item_per_row():
    text = LAYOUT_TABLE.replace(" No.  Acuerdo", " Acuerdo").replace("\n 1    ", "\n ")
    text = text.replace("\n 2    ", "\n ").replace("\n      ", "\n ")
    record = parse_record(text)
    assert [(item.ref, item.ref_assigned) for item in record.agreements] == [
        ("1", True),
        ("2", True),
    ]
    assert record.agreements[1].responsible == ["PA"]


@pytest.mark.parametrize(
    "labels",
    [
        ("Acuerdo 1:", "Acuerdo 2:", "Acuerdo 3:"),
        ("ACUERDO No. 1.-", "ACUERDO No. 2.-", "ACUERDO No. 3.-"),
        ("Decisión Nº 1 –", "Decisión Nº 2 –", "Decisión Nº 3 –"),
        ("1º", "2º", "3º"),
        ("1°.-", "2°.-", "3°.-"),
    ],
)
def test_numbers_named_by_what_they_number_or_with_the_ordinal_sign_are_items(labels):
    first, second, third = labels
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\nReunión del GRCM\n"
        "San José, Costa Rica, 3 y 4 de mayo de 2016\n\nACUERDOS\n\n"
        f"{first} Aprobar el informe de la Secretaría Técnica.\n"
        f"{second} Solicitar a la Secretaría Técnica que circule el informe.\n"
        f"{third} Agradecer a Panamá su hospitalidad.\n"
    )
    assert [(item.ref, item.ref_assigned, item.action) for item in record.agreements] == [
        ("1", False, "approve"),
        ("2", False, "request"),
        ("3", False, "thank"),
    ]


def test_a_date_with_the_ordinal_sign_opening_a_line_is_no_label():
    from agreements.importer.parser_labels import parse_label

    assert parse_label("1° de julio de 2018 se celebró la reunión.") is None
