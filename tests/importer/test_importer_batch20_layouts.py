"""The wordings of held-out batch 20 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]
CONCLUSIONS = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Regional Consultation Group on Migration\n"
    "Tegucigalpa, Honduras, March 5-6, 2019\n\n"
    "CONCLUSIONS\n\n"
    "(a) To approve the report of the Pro Tempore Presidency of Honduras.\n\n"
    "{phrase}\n\n"
    "(b) {item}\n"
)


def test_a_theme_label_names_its_group_without_its_preposition():
    record = parse_record(
        CONCLUSIONS.format(
            phrase="Regarding the Reserve Fund:",
            item="To take note of the report on the use of the Reserve Fund in 2018.",
        )
    )
    assert record.by_ref()["b"].group == "Reserve Fund"


def test_who_the_rcgm_requested_to_act_is_the_group_and_responsible_for_the_items_under_it():
    record = parse_record(
        CONCLUSIONS.format(
            phrase="The RCGM requested the Technical Secretariat to:",
            item="circulate the proposal to the member countries for comments.",
        )
    )
    item = record.by_ref()["b"]
    assert (item.group, item.action, item.responsible) == (
        "Technical Secretariat",
        "request",
        ["TS"],
    )
    assert "The RCGM requested the Technical Secretariat to:" in record.preamble


def test_who_the_rcgm_encouraged_is_responsible_for_what_it_was_encouraged_to_do():
    record = parse_record(
        CONCLUSIONS.format(
            phrase="The RCGM encouraged the member countries to:",
            item="make voluntary contributions to the Reserve Fund before the end of 2019.",
        )
    )
    item = record.by_ref()["b"]
    assert item.action == "urge"
    assert sorted(item.responsible) == sorted(MEMBERS)
