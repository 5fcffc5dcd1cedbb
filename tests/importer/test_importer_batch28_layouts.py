"""The wordings of held-out batch 28 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

LAST_DAY = datetime.date(2017, 6, 23)


def deadline_of(text: str, last_day: datetime.date = LAST_DAY) -> datetime.date | None:
    return resolve_deadline(text, last_day, "es").date


def test_the_end_of_the_current_month_is_the_meeting_months_last_day():
    assert deadline_of("circule la versión final a finales del mes en curso.") == datetime.date(
        2017, 6, 30
    )


def test_the_first_fortnight_of_a_month_ends_on_its_fifteenth():
    text = "enviará un recordatorio en la primera quincena de diciembre."
    assert deadline_of(text) == datetime.date(2017, 12, 15)


def test_mid_month_is_its_fifteenth():
    assert deadline_of("To send the comments by mid-November.") == datetime.date(2017, 11, 15)


def test_a_meeting_in_a_month_is_that_months_end():
    text = "lo presente al GRCM en su reunión de noviembre de 2017."
    assert deadline_of(text) == datetime.date(2017, 11, 30)


def test_the_vice_ministerial_meeting_that_considers_it_is_a_deadline_without_a_date():
    for text, phrase in [
        ("un diagnóstico para su consideración en la XXIII Reunión Viceministerial.", "XXIII"),
        ("transmitirá la recomendación en la próxima Reunión Viceministerial.", "próxima Reunión"),
    ]:
        deadline = resolve_deadline(text, LAST_DAY, "es")
        assert deadline.date is None and phrase in deadline.phrase


def test_the_place_after_held_in_is_the_meetings_city():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Liaison Officers Network to Combat Migrant Smuggling and Trafficking in Persons\n"
        "Report of the meeting held in Antigua Guatemala, Guatemala, October 23-24, 2018\n\n"
        "Agreements\n\n"
        "Agreement 1: To request the TS to circulate the report.\n"
    )
    assert (record.meeting.city, record.meeting.country) == ("Antigua Guatemala", "GT")


def test_a_part_on_earlier_meetings_tasks_adds_no_agreement():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Liaison Officers Network on Consular Protection\n"
        "Panama City, Panama, October 23-24, 2018\n\n"
        "3. Agreements\n\n"
        "Agreement 1: To request the TS to circulate the report.\n\n"
        "4. Pending tasks from previous meetings\n\n"
        "Agreement 2 (Tegucigalpa): To compile the national legislation. Status: completed.\n"
        "Agreement 4 (Tegucigalpa): To hold a regional workshop. Status: pending.\n"
    )
    assert [item.ref for item in record.walk()] == ["1"]
    assert any("Status: pending" in line for line in record.preamble)
