"""A record's text cannot break out of its line in the iCalendar feed (F16)."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone

from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def days_ahead(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def bare_line_breaks(content: bytes) -> list[bytes]:
    """Every CR or LF that is not part of a CRLF line ending."""
    return re.findall(rb"\r(?!\n)|(?<!\r)\n", content)


@pytest.mark.parametrize(
    "title",
    [
        "Workshop\rX-INJECTED:evil",
        "Workshop\nX-INJECTED:evil",
        "Workshop\r\nX-INJECTED:evil",
        "Workshop\x0bX-INJECTED:evil",
        "Workshop\u2028X-INJECTED:evil",
    ],
)
def test_a_line_break_in_a_meeting_title_is_escaped_in_the_feed(client, title):
    MeetingFactory(kind="workshop", status="planned", name_en=title, starts_on=days_ahead(20))
    response = client.get("/calendar.ics")
    assert bare_line_breaks(response.content) == []
    assert b"\r\nX-INJECTED" not in response.content
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Workshop\nX-INJECTED:evil"
    assert "X-INJECTED" not in event


def test_a_carriage_return_in_an_agreements_text_stays_in_its_deadlines_description(client):
    AgreementFactory(text_en="To report.\rEND:VEVENT", deadline=days_ahead(5))
    response = client.get("/calendar.ics")
    assert bare_line_breaks(response.content) == []
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith("To report.\nEND:VEVENT\n\n")


def test_control_characters_are_left_out_of_the_feed(client):
    MeetingFactory(
        kind="workshop", status="planned", name_en="Work\x01shop\x1b", starts_on=days_ahead(20)
    )
    response = client.get("/calendar.ics")
    assert b"\x01" not in response.content
    assert b"\x1b" not in response.content
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Workshop"
