"""The wordings of held-out batch 29 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.deadlines import resolve_deadline


def test_what_focal_points_commit_to_is_read_from_the_verb_after_se_comprometen_a():
    text = (
        "Los puntos focales de Guatemala y Honduras se comprometen a compartir con la Red sus "
        "protocolos nacionales."
    )
    assert classify_action(text, "es") == "submit"


def test_weeks_before_the_next_meeting_keep_their_no_later_than():
    deadline = resolve_deadline(
        "The TS shall circulate the draft no later than two weeks before the next RCGM.",
        datetime.date(2015, 3, 12),
        "en",
    )
    assert (deadline.date, deadline.phrase) == (
        None,
        "no later than two weeks before the next RCGM",
    )


def test_where_a_virtual_decision_was_adopted_is_no_part_of_its_last_item():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Reunión Viceministerial virtual, 24 de agosto de 2021\n\n"
        "DECIDEN:\n\n"
        "1. Agradecer a la Presidencia Pro Tempore de México la organización de la reunión.\n\n"
        "Adoptada de forma virtual el 24 de agosto de 2021.\n"
    )
    assert record.by_ref()["1"].text.endswith("la organización de la reunión.")
