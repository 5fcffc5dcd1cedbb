import datetime

import pytest
from django.core.exceptions import ValidationError

from meetings.models import Meeting, MeetingKind, MeetingPart, roman
from rcm.models import Visibility
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_meeting_that_ends_before_it_begins_is_refused():
    meeting = Meeting(
        kind=MeetingKind.RCGM,
        name_en="RCGM",
        year=2013,
        starts_on=datetime.date(2013, 11, 19),
        ends_on=datetime.date(2013, 11, 18),
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert error.value.message_dict["ends_on"] == ["A meeting cannot end before it begins."]


def test_the_year_must_agree_with_the_start_date():
    meeting = Meeting(
        kind=MeetingKind.RCGM, name_en="RCGM", year=2014, starts_on=datetime.date(2013, 11, 18)
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "year" in error.value.message_dict


def test_a_closed_door_part_cannot_be_public():
    parent = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26)
    part = Meeting(
        kind=MeetingKind.VICE_MINISTERIAL,
        name_en="Closed-door session",
        parent=parent,
        part=MeetingPart.CLOSED_DOOR,
        year=2013,
        starts_on=parent.starts_on,
        visibility=Visibility.PUBLIC,
    )
    with pytest.raises(ValidationError) as error:
        part.full_clean()
    assert "visibility" in error.value.message_dict


def test_vice_ministerial_meetings_are_named_in_roman_numerals():
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26)
    assert meeting.short_name == "XXVI RCM"


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (19, "XIX"), (28, "XXVIII")],
)
def test_roman_numerals(number, numeral):
    assert roman(number) == numeral
