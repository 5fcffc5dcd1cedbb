"""An item that is not followed up says why on its page: what its text does instead of giving a
task, or the reason TS staff gave; an item followed up says nothing of the kind."""

import pytest
from django.utils import translation

from agreements.models import Action, FollowUpOverride, Status
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def page_of(client, agreement, language="en"):
    return client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_thank_says_it_thanks_and_gives_no_one_a_task(client):
    agreement = AgreementFactory(
        action=Action.THANK, status=Status.NO_FOLLOW_UP, text_en="To thank Panama for hosting."
    )
    assert "It thanks and gives no one a task." in page_of(client, agreement)


def test_a_note_says_it_takes_note_in_spanish_too(client):
    agreement = AgreementFactory(
        action=Action.NOTE, status=Status.NO_FOLLOW_UP, text_en="To take note of the report."
    )
    assert "Toma nota y no encarga ninguna tarea." in page_of(client, agreement, "es")


def test_an_approval_says_the_meeting_decided_it_there_and_then(client):
    agreement = AgreementFactory(
        action=Action.APPROVE,
        status=Status.NO_FOLLOW_UP,
        text_en="To approve the Terms of Reference of the Ad-hoc Group.",
    )
    assert "The meeting decided it there and then" in page_of(client, agreement)


def test_an_override_gives_the_reason_ts_staff_wrote(client):
    agreement = AgreementFactory(
        action=Action.URGE,
        status=Status.NO_FOLLOW_UP,
        follow_up_override=FollowUpOverride.NO_FOLLOW_UP,
        follow_up_override_reason="Superseded by the 2014 budget decision.",
    )
    html = page_of(client, agreement)
    assert "TS staff decided it needs no follow-up: Superseded by the 2014 budget decision." in html


def test_an_item_followed_up_gives_no_such_reason(client):
    agreement = AgreementFactory(status=Status.OPEN)
    assert 'id="why-no-follow-up"' not in page_of(client, agreement)
    with translation.override("en"):
        assert agreement.why_no_follow_up == ""
