"""The day an agreement falls due is kept by the database: its deadline, or the first day of the
next meeting of the body it is due at, moving when that meeting is recorded, moved, cancelled or
deleted, whatever writes it."""

import datetime

import pytest

from agreements.models import Agreement
from meetings.models import MeetingKind, MeetingStatus
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db

ADOPTED = datetime.date(2013, 11, 18)


def due_on(agreement) -> datetime.date | None:
    return Agreement.objects.values_list("due_on", flat=True).get(pk=agreement.pk)


@pytest.fixture
def due_at_the_next_rcgm():
    return AgreementFactory(
        meeting=MeetingFactory(starts_on=ADOPTED), deadline_body=MeetingKind.RCGM
    )


def test_a_dated_agreement_falls_due_on_its_deadline():
    agreement = AgreementFactory(deadline=datetime.date(2014, 1, 19))

    assert agreement.due_on == due_on(agreement) == datetime.date(2014, 1, 19)


def test_an_agreement_due_at_a_meeting_not_yet_recorded_has_no_day(due_at_the_next_rcgm):
    assert due_at_the_next_rcgm.due_on is None
    assert due_on(due_at_the_next_rcgm) is None


def test_recording_the_next_meeting_gives_its_first_day(due_at_the_next_rcgm):
    MeetingFactory(starts_on=datetime.date(2014, 6, 24))

    assert due_on(due_at_the_next_rcgm) == datetime.date(2014, 6, 24)


def test_moving_that_meeting_moves_the_day(due_at_the_next_rcgm):
    next_rcgm = MeetingFactory(starts_on=datetime.date(2014, 6, 24))

    next_rcgm.starts_on = next_rcgm.ends_on = datetime.date(2014, 9, 2)
    next_rcgm.save()

    assert due_on(due_at_the_next_rcgm) == datetime.date(2014, 9, 2)


def test_cancelling_that_meeting_makes_the_next_one_count(due_at_the_next_rcgm):
    first = MeetingFactory(starts_on=datetime.date(2014, 6, 24))
    MeetingFactory(starts_on=datetime.date(2015, 6, 24))

    first.status = MeetingStatus.CANCELLED
    first.save()

    assert due_on(due_at_the_next_rcgm) == datetime.date(2015, 6, 24)


def test_deleting_that_meeting_leaves_the_day_unknown(due_at_the_next_rcgm):
    next_rcgm = MeetingFactory(starts_on=datetime.date(2014, 6, 24))

    next_rcgm.delete()

    assert due_on(due_at_the_next_rcgm) is None


def test_a_meeting_of_another_body_changes_nothing(due_at_the_next_rcgm):
    MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, starts_on=datetime.date(2014, 6, 24))

    assert due_on(due_at_the_next_rcgm) is None


def test_moving_the_adopting_meeting_past_the_next_one_moves_the_day(due_at_the_next_rcgm):
    MeetingFactory(starts_on=datetime.date(2014, 6, 24))
    MeetingFactory(starts_on=datetime.date(2015, 6, 24))
    adopting = due_at_the_next_rcgm.meeting

    adopting.starts_on = adopting.ends_on = datetime.date(2014, 12, 1)
    adopting.save()

    assert due_on(due_at_the_next_rcgm) == datetime.date(2015, 6, 24)


def test_nothing_written_from_outside_can_set_another_day():
    agreement = AgreementFactory(deadline=datetime.date(2014, 1, 19))

    Agreement.objects.filter(pk=agreement.pk).update(due_on=datetime.date(2030, 1, 1))

    assert due_on(agreement) == datetime.date(2014, 1, 19)


def test_a_saved_agreement_due_at_a_recorded_meeting_knows_its_day():
    MeetingFactory(starts_on=datetime.date(2014, 6, 24))
    agreement = AgreementFactory(
        meeting=MeetingFactory(starts_on=ADOPTED), deadline_body=MeetingKind.RCGM
    )

    assert agreement.due_on == datetime.date(2014, 6, 24)
    agreement.deadline_body = ""
    agreement.deadline = datetime.date(2014, 3, 31)
    agreement.save()
    assert agreement.due_on == due_on(agreement) == datetime.date(2014, 3, 31)
