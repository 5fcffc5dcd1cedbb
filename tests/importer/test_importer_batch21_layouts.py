"""The wordings of held-out batch 21 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

WORKSHOP = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Taller Regional sobre Protección Consular\n"
    "Managua, Nicaragua, 24 y 25 de septiembre de 2013\n\n"
    "Los participantes recomendaron:\n\n"
    "• Elaborar un protocolo regional de atención consular.\n"
    "• Fortalecer la capacitación del personal consular.\n\n"
    "Se sugiere a la Secretaría Técnica:\n\n"
    "• Compilar las buenas prácticas presentadas en el taller.\n"
)


def test_a_recommended_activity_named_after_another_verb_is_a_recommendation():
    assert parse_record(WORKSHOP).by_ref()["2"].action == "recommend"


def test_se_sugiere_a_x_addresses_its_items_to_x_as_recommendations():
    item = parse_record(WORKSHOP).by_ref()["3"]
    assert (item.group, item.action, item.responsible) == (
        "Secretaría Técnica",
        "recommend",
        ["TS"],
    )
