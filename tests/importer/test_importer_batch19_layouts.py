"""The wordings of held-out batch 19 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]
NETWORK = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Liaison Officers Network for Consular Protection\n"
    "Panama City, Panama, October 10-11, 2017\n\n"
    "The Network agreed on the following:\n\n"
    "• To update the regional directory of consular offices.\n\n"
    "The Network also recommends that:\n\n"
    "The RCGM approve the revised Guide for Consular Protection at its next meeting.\n\n"
    "The Network thanked the Government of Panama for hosting the meeting.\n"
)


def test_a_sentence_completing_recommends_that_is_a_recommendation_whatever_its_verb():
    record = parse_record(NETWORK)
    item = next(item for item in record.walk() if item.section == "recommendation")
    assert (item.text[:14], item.action, item.responsible) == (
        "The RCGM appro",
        "recommend",
        ["RCGM"],
    )


def test_what_the_network_did_after_what_it_recommends_is_still_context():
    record = parse_record(NETWORK)
    assert record.preamble[-1].startswith("The Network thanked")
    assert all("thanked" not in item.text for item in record.walk())


def test_what_is_asked_of_the_addressee_of_se_exhorta_is_urged_whatever_its_verb():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión del Grupo de Trabajo sobre Migración Laboral\n"
        "San Salvador, El Salvador, 8 y 9 de abril de 2014\n\n"
        "ACUERDOS\n\n"
        "1. Aprobar el plan de trabajo del Grupo para el período 2014-2015.\n\n"
        "Se exhorta a los Países Miembros a:\n\n"
        "2. designar un punto de contacto para el Grupo.\n"
    )
    item = record.by_ref()["2"]
    assert item.action == "urge"
    assert sorted(item.responsible) == sorted(MEMBERS)
