"""A network's summary whose numbered agreements are followed by "Next steps by country", each
country's tasks as bullets under its name (held-out batch 32, heldout/README.md). The document
is written for these tests in the conference's manner; it is not the record of a real meeting.
No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

SUMMARY = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Liaison Officers Network for Consular Protection\n"
    "Virtual meeting, Thursday, 16 July 2020\n"
    "SUMMARY OF CONCLUSIONS AND NEXT STEPS\n"
    "Agreements\n"
    "1.\n"
    "To take note of the information shared by the delegations on their nationals stranded\n"
    "in other countries of the region.\n"
    "2.\n"
    "To recommend that the RCGM include the lessons learned in the consular response in the\n"
    "agenda of its next virtual meeting.\n"
    "Next steps by country\n"
    "Guatemala\n"
    "•\n"
    "To share with Mexico and Honduras, by Friday 24 July, the list of its nationals\n"
    "awaiting return at the northern border crossings.\n"
    "El Salvador and Guatemala\n"
    "•\n"
    "To present to the Network the results of their binational protocol at its next meeting.\n"
    "Costa Rica\n"
    "•\n"
    "To host the next virtual meeting of the Network in the second half of September 2020.\n"
    "The PPT thanked the delegations for their participation.\n"
    "Summary prepared by the Technical Secretariat and circulated on 20 July 2020.\n"
)


def _items():
    return list(parse_record(SUMMARY).walk())


def test_tasks_under_next_steps_by_country_go_on_from_the_last_agreement():
    assert [item.ref for item in _items()] == ["1", "2", "3", "4", "5"]


def test_each_task_is_grouped_under_its_country():
    assert [item.group for item in _items()[2:]] == [
        "Guatemala",
        "El Salvador and Guatemala",
        "Costa Rica",
    ]


def test_a_label_naming_two_countries_makes_both_responsible():
    assert sorted(_items()[3].responsible) == ["GT", "SV"]


def test_the_closing_thanks_and_who_wrote_the_summary_are_not_the_last_task():
    last = _items()[-1]
    assert last.text.endswith("second half of September 2020.")
    assert "Summary prepared" in " ".join(parse_record(SUMMARY).preamble)


def test_a_next_steps_heading_over_unlabelled_tasks_is_their_group():
    text = SUMMARY.replace("Next steps by country\n", "Next steps:\n").replace(
        "Guatemala\n•\n", "•\n", 1
    )
    assert parse_record(text).agreements[2].group == "Next steps"


def test_the_second_half_of_a_month_ends_on_its_last_day():
    found = resolve_deadline(
        "To host the meeting in the second half of September 2020.",
        datetime.date(2020, 7, 16),
        "en",
    )
    assert found.date == datetime.date(2020, 9, 30)


def test_the_agenda_of_its_next_meeting_is_a_deadline_without_a_date():
    item = _items()[1]
    assert item.deadline is None
    assert "next virtual meeting" in item.deadline_text
