import datetime

import pytest
from django.core.exceptions import ValidationError

from agreements import services
from agreements.models import Action, Agreement, AgreementLink, LinkKind, Status
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_parent_progress_rolls_up_from_its_children():
    parent = AgreementFactory(ref="7")
    AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a", status=Status.DONE)
    AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.b", status=Status.OPEN)
    annotated = Agreement.objects.with_progress().get(pk=parent.pk)
    assert services.progress(annotated.children_done, annotated.children_count) == 0.5


def test_a_sub_item_reference_starts_with_its_parent_reference():
    parent = AgreementFactory(ref="7")
    child = Agreement(
        meeting=parent.meeting,
        parent=parent,
        ref="8.a",
        section="conclusion",
        text_en="x",
        action=Action.OTHER,
    )
    with pytest.raises(ValidationError) as error:
        child.full_clean()
    assert "ref" in error.value.message_dict


def test_a_reference_is_unique_within_its_section():
    first = AgreementFactory(ref="3", section="conclusion")
    duplicate = Agreement(
        meeting=first.meeting, ref="3", section="conclusion", text_en="x", action="other"
    )
    with pytest.raises(ValidationError, match="already has an agreement with this reference"):
        duplicate.full_clean()


def test_each_section_numbers_its_items_afresh():
    first = AgreementFactory(ref="1", section="conclusion")
    Agreement(
        meeting=first.meeting, ref="1", section="recommendation", text_en="x", action="consider"
    ).full_clean()


def test_only_thanks_and_notes_take_no_follow_up():
    agreement = AgreementFactory.build(
        meeting=MeetingFactory(), action=Action.URGE, status=Status.NO_FOLLOW_UP
    )
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "status" in error.value.message_dict


def test_superseding_an_agreement_closes_the_earlier_one(ts_staff):
    earlier = AgreementFactory(meeting=MeetingFactory(starts_on=datetime.date(2013, 11, 18)))
    later = AgreementFactory(meeting=MeetingFactory(starts_on=datetime.date(2021, 12, 1)))
    services.agreement_link_create(
        later=later, earlier=earlier, kind=LinkKind.SUPERSEDES, author=ts_staff
    )
    earlier.refresh_from_db()
    assert earlier.status == Status.SUPERSEDED
    assert earlier.follow_ups.get().status == Status.SUPERSEDED


def test_an_agreement_cannot_be_linked_to_itself():
    agreement = AgreementFactory()
    with pytest.raises(ValidationError, match="linked to itself"):
        AgreementLink(later=agreement, earlier=agreement, kind=LinkKind.REITERATES).full_clean()


def test_lineage_runs_forward_in_time():
    earlier = AgreementFactory(meeting=MeetingFactory(starts_on=datetime.date(2021, 12, 1)))
    later = AgreementFactory(meeting=MeetingFactory(starts_on=datetime.date(2013, 11, 18)))
    with pytest.raises(ValidationError, match="adopted before"):
        AgreementLink(later=later, earlier=earlier, kind=LinkKind.FOLLOWS_UP).full_clean()


def test_search_finds_english_and_spanish_texts_by_their_stems():
    english = AgreementFactory(text_en="To urge the countries to pay their contributions.")
    spanish = AgreementFactory(
        text_en="x", text_es="Instar a los países a pagar sus contribuciones."
    )
    AgreementFactory(text_en="To thank Mexico for the meeting.")
    assert list(Agreement.objects.search("contribution")) == [english]
    assert list(Agreement.objects.search("contribuciones")) == [spanish]
