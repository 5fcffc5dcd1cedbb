"""get_FOO_display() of the models with ChoiceLabels: the label in the language in use."""

from django.utils import translation

from agreements.models import Agreement, Status
from meetings.models import Meeting, MeetingKind


def test_a_choice_is_shown_by_its_label_in_the_language_in_use():
    meeting = Meeting(kind=MeetingKind.WORKSHOP)
    with translation.override("en"):
        assert meeting.get_kind_display() == "Workshop"
    with translation.override("es"):
        assert meeting.get_kind_display() == "Taller"


def test_a_value_that_is_no_choice_is_shown_as_it_is():
    assert Agreement(status="unheard-of").get_status_display() == "unheard-of"
    with translation.override("en"):
        assert Agreement(status=Status.IN_PROGRESS).get_status_display() == "In progress"
