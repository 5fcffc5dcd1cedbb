"""The wordings of held-out batch 17 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]
RCGM_EN = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Regional Consultation Group on Migration\n"
    "Santo Domingo, Dominican Republic, March 15-16, 2011\n\n"
    "CONCLUSIONS AND RECOMMENDATIONS\n\n"
    "1. The RCGM approved the terms of reference of the Ad Hoc Group.\n\n"
)
GRCM_ES = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión del Grupo Regional de Consulta sobre Migración\n"
    "Ciudad de Guatemala, Guatemala, 9 y 10 de marzo de 2016\n\n"
    "CONCLUSIONES\n\n"
    "a) Aprobar el cronograma del Plan Estratégico.\n\n"
)


def test_what_the_rcgm_recommends_in_a_combined_list_is_a_recommendation():
    record = parse_record(
        RCGM_EN + "The RCGM further recommends to the Vice-Ministers:\n\n"
        "2. To adopt the Regional Guidelines for the Identification of Victims of Trafficking.\n"
    )
    assert [(item.ref, item.section) for item in record.walk()] == [
        ("1", "conclusion"),
        ("2", "recommendation"),
    ]


def test_the_addressee_of_a_recommending_phrase_is_responsible_for_what_it_introduces():
    record = parse_record(
        GRCM_ES + "Se recomienda a los Países Miembros:\n\n"
        "b) Fortalecer los mecanismos de intercambio de información sobre flujos migratorios.\n"
    )
    assert sorted(record.by_ref()["b"].responsible) == sorted(MEMBERS)


def test_an_item_under_it_is_recommended_that_is_read_as_the_clause_it_completes():
    record = parse_record(
        RCGM_EN + "It is recommended that:\n\n"
        "2. The member countries designate their focal points for the Ad Hoc Group.\n"
    )
    assert sorted(record.by_ref()["2"].responsible) == sorted(MEMBERS)


def test_what_the_rcgm_did_after_the_last_item_is_context_not_more_of_it():
    record = parse_record(
        GRCM_ES + "b) Designar un punto focal para la migración extrarregional.\n\n"
        "El GRCM agradeció al Gobierno de Guatemala su hospitalidad.\n"
    )
    assert record.by_ref()["b"].text == "Designar un punto focal para la migración extrarregional."
    assert record.preamble == ["El GRCM agradeció al Gobierno de Guatemala su hospitalidad."]
