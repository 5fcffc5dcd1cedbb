"""The layouts of held-out batch 14 (heldout/README.md), one behaviour each. No database."""

from agreements.importer import normalise_text, parse_record

PIPES = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Regional Consultation Group on Migration\n"
    "Panama City, Panama, June 7-8, 2022\n\n"
    "AGREEMENTS\n\n"
    "| No. | Agreement | Responsible | Deadline |\n"
    "|-----|-----------|-------------|----------|\n"
    "| 1 | To approve the budget of the Executive Secretariat for 2023. | RCGM | - |\n"
    "| 2 | To send comments on the draft mandate. | Member countries | August 31, 2022 |\n"
)


def test_each_row_of_a_table_written_with_pipes_is_an_item_with_who_and_when():
    record = parse_record(PIPES)
    assert [(item.ref, len(item.responsible), str(item.deadline)) for item in record.walk()] == [
        ("1", 1, "None"),
        ("2", 11, "2022-08-31"),
    ]


def test_a_table_written_with_pipes_reads_the_same_when_normalised_twice():
    once = normalise_text(PIPES)
    assert normalise_text(once) == once
    assert "|" not in once


def test_a_line_with_pipes_that_is_no_table_row_is_kept():
    line = "REGIONAL CONFERENCE ON MIGRATION | RCGM | June 2022"
    assert normalise_text(line) == line


def test_numbered_action_points_are_items_with_their_printed_numbers():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Meeting of the Working Group on Border Management\n"
        "Panama City, Panama, April 18, 2023\n\n"
        "The Working Group agreed on the following action points:\n\n"
        "Action point 1: To compile the national protocols on mixed flows. Responsible: Technical "
        "Secretariat. Deadline: May 31, 2023.\n\n"
        "Action point 2: To present a proposal of an exchange of border officials. Responsible: "
        "Costa Rica and Panama.\n"
    )
    assert [(item.ref, item.responsible) for item in record.walk()] == [
        ("1", ["TS"]),
        ("2", ["CR", "PA"]),
    ]
