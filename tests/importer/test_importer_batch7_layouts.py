"""The layouts and wordings of held-out batch 7 (heldout/README.md), one behaviour each.
No database."""

import datetime as dt

from agreements.importer import classify_action, parse_record, resolve_deadline

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]

NETWORK = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Liaison Officers Network to Combat Migrant Smuggling and Trafficking in "
    "Persons\n"
    "San Salvador, El Salvador, June 21, 2017\n\n"
    "Agreements\n\n"
    "Agreement\tResponsible\tDeadline\n"
    "To organize a virtual training session on identification.\tTechnical Secretariat, with the "
    "support of IOM\tSecond half of 2017\n"
    "To keep the directory of liaison officers up to date.\tTechnical Secretariat\tPermanent\n\n"
    "The next meeting of the Network will be held in Panama on a date to be confirmed.\n"
)


def test_each_row_of_a_tabbed_table_without_numbers_is_an_item_of_its_own():
    record = parse_record(NETWORK)
    assert [item.text.split(" — ")[0] for item in record.walk()] == [
        "To organize a virtual training session on identification.",
        "To keep the directory of liaison officers up to date.",
    ]


def test_a_paragraph_under_a_tabbed_table_without_numbers_is_no_part_of_its_last_row():
    record = parse_record(NETWORK)
    assert "Panama" not in record.agreements[-1].text
    assert any("Panama" in line for line in record.preamble)


def test_who_supports_the_responsible_named_in_a_table_is_not_responsible():
    item = parse_record(NETWORK).agreements[0]
    assert item.responsible == ["TS"]
    assert "IOM" in item.actors


def test_an_english_infinitive_opens_an_unnumbered_item_whatever_its_verb():
    record = parse_record(
        NETWORK.replace("Agreement\tResponsible\tDeadline\n", "")
        .replace("\tTechnical Secretariat, with the support of IOM\tSecond half of 2017", "\n")
        .replace("\tTechnical Secretariat\tPermanent", "")
    )
    assert [item.text.split("\n")[0] for item in record.walk()] == [
        "To organize a virtual training session on identification.",
        "To keep the directory of liaison officers up to date.",
    ]


def test_what_the_body_did_in_the_past_tense_says_the_action():
    assert [
        classify_action("The RCGM approved the report of the Technical Secretariat."),
        classify_action("The RCGM took note of the presentation of UNHCR."),
        classify_action("El GRCM tomó nota del informe de la Secretaría Técnica."),
    ] == ["approve", "note", "note"]


def test_a_meeting_named_by_its_number_is_a_deadline_without_a_date():
    last_day = dt.date(2016, 6, 9)
    english = resolve_deadline("before the XXI Regional Conference on Migration.", last_day, "en")
    spanish = resolve_deadline("Presentarlo antes de la XXII CRM.", last_day, "es")
    assert (english.date, english.phrase) == (
        None,
        "before the XXI Regional Conference on Migration",
    )
    assert (spanish.date, spanish.phrase) == (None, "antes de la XXII CRM")


WORKSHOP = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Taller Regional sobre Atención a Personas Migrantes Retornadas\n"
    "Ciudad de Guatemala, Guatemala, del 27 al 29 de agosto de 2019\n\n"
    "RECOMENDACIONES\n\n"
    "1) A los Países Miembros:\n"
    "   a. Fortalecer los centros de recepción de personas migrantes retornadas.\n"
    "   b. Compartir con la Secretaría Técnica la información sobre sus programas.\n"
    "2) Al GRCM: incluir el tema en el plan de trabajo de la Presidencia Pro Tempore.\n"
)


def test_recommendations_under_an_addressee_are_that_addressees_to_carry_out():
    record = parse_record(WORKSHOP)
    children = record.agreements[0].children
    assert [sorted(child.responsible) for child in children] == [sorted(MEMBERS)] * 2


def test_a_recommendation_opening_with_its_addressee_is_that_addressees():
    assert parse_record(WORKSHOP).agreements[1].responsible == ["RCGM"]


def test_what_the_working_group_did_after_its_last_recommendation_is_context():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Meeting of the Working Group on Labour Migration\n"
        "San Salvador, El Salvador, May 14-15, 2019\n\n"
        "RECOMMENDATIONS\n\n"
        "1. To hold a regional workshop on the portability of social security benefits.\n\n"
        "The Working Group thanked the Government of El Salvador for hosting the meeting.\n"
    )
    assert "thanked" not in record.agreements[0].text
    assert any("thanked" in line for line in record.preamble)


def test_what_a_network_agreed_in_an_unnumbered_paragraph_is_an_item_not_context():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\n"
        "San José, Costa Rica, 25 de junio de 2013\n\n"
        "ACUERDOS\n\n"
        "Actualizar el directorio de funcionarios consulares.\n\n"
        "La Red acordó solicitar a la Secretaría Técnica un informe sobre la Guía.\n\n"
        "La Secretaría Técnica presentó su informe de actividades.\n"
    )
    assert [item.text for item in record.walk()] == [
        "Actualizar el directorio de funcionarios consulares.",
        "La Red acordó solicitar a la Secretaría Técnica un informe sobre la Guía.",
    ]
    assert record.preamble == ["La Secretaría Técnica presentó su informe de actividades."]
