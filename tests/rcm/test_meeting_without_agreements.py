"""A meeting page without agreements says why: not yet digitised (and its source) or not held."""

import pytest

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
    meeting = MeetingFactory(status=MeetingStatus.PLANNED)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "No agreements are recorded for this meeting: it has not been held." in html
