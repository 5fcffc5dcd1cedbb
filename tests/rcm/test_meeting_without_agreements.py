"""A meeting page without agreements says why: not yet digitised (and its source) or not held."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import MeetingStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_held_meeting_without_agreements_says_they_are_not_digitised_and_names_its_source(
    client,
):
    meeting = MeetingFactory(source="fixtures/documents/rcgm-2013-report.pdf")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "The conclusions of this meeting are not yet digitised in these records." in html
    assert "Source: fixtures/documents/rcgm-2013-report.pdf." in html


def test_a_planned_meeting_without_agreements_says_it_has_not_been_held(client):
    next_year = timezone.localdate().year + 1
    meeting = MeetingFactory(
        status=MeetingStatus.PLANNED, year=next_year, starts_on=datetime.date(next_year, 6, 1)
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "No agreements are recorded for this meeting: it has not been held." in html


def test_a_planned_meeting_whose_date_passed_says_the_records_do_not_know_whether_it_was_held(
    client,
):
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, year=2014, starts_on=None,
                             date_precision="year")  # fmt: skip
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "these records do not say whether or when it was held" in html
    assert "it has not been held" not in html
