"""The wordings of held-out batch 18 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]
DECLARATION = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "DECLARATION OF BELIZE CITY\n"
    "Belize City, Belize, June 11-12, 2008\n\n"
    "We, the Vice-Ministers of the Member Countries,\n\n"
    "Bearing in mind the Plan of Action;\n\n"
    "Hereby DECLARE:\n\n"
    "Our firm commitment to respect the human rights of all migrants.\n\n"
    "And RESOLVE TO:\n\n"
    "Request the Technical Secretariat to organize a seminar on migration and gender.\n\n"
)


def test_what_a_declaration_resolves_to_is_the_declaration_numbered_on():
    record = parse_record(DECLARATION)
    assert [(item.ref, item.section) for item in record.walk()] == [
        ("1", "declaration"),
        ("2", "declaration"),
    ]


def test_a_sentence_under_we_agree_that_is_an_item_whatever_its_subject():
    record = parse_record(
        DECLARATION + "Furthermore, we agree that:\n\n"
        "The member countries will exchange information on trafficking networks.\n"
    )
    item = record.by_ref()["3"]
    assert item.text.startswith("The member countries will exchange")
    assert sorted(item.responsible) == sorted(MEMBERS)


def test_the_addressee_of_instaron_a_x_a_is_x_without_its_preposition():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión Viceministerial\n"
        "COMUNICADO CONJUNTO\n"
        "San José, Costa Rica, 18 y 19 de junio de 2009\n\n"
        "Los Viceministros acordaron:\n\n"
        "– Aprobar el Plan de Acción de la Conferencia.\n\n"
        "Los Viceministros instaron a los Países Miembros a:\n\n"
        "– fortalecer los mecanismos de protección de la niñez migrante no acompañada;\n"
    )
    item = record.by_ref()["2"]
    assert (item.group, item.action) == ("Países Miembros", "urge")
    assert sorted(item.responsible) == sorted(MEMBERS)


def test_lower_case_paragraphs_under_an_operative_phrase_are_its_items_not_context():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión Viceministerial\n"
        "COMUNICADO CONJUNTO\n"
        "San José, Costa Rica, 18 y 19 de junio de 2009\n\n"
        "Los Viceministros acordaron:\n\n"
        "Aprobar el Plan de Acción de la Conferencia.\n\n"
        "Los Viceministros instaron a los Países Miembros a:\n\n"
        "fortalecer los mecanismos de protección de la niñez migrante;\n\n"
        "intercambiar información sobre las redes de tráfico ilícito de migrantes.\n"
    )
    assert [(item.ref, item.action) for item in record.walk()] == [
        ("1", "approve"),
        ("2", "urge"),
        ("3", "urge"),
    ]
    assert record.preamble == [
        "Los Viceministros acordaron:",
        "Los Viceministros instaron a los Países Miembros a:",
    ]
