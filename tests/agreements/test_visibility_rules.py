"""An agreement's visibility defaults to its meeting's and is never more public (issue 14, F1)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from agreements.models import Action, Agreement, Section
from rcm.models import Visibility
from tests.admin_forms import change_form_data
from tests.factories import AgreementFactory, MeetingFactory, ts_staff_user

pytestmark = pytest.mark.django_db


def an_agreement(meeting, **fields) -> Agreement:
    """An unsaved agreement of the meeting, with what any agreement needs."""
    return Agreement(
        meeting=meeting,
        section=Section.DECISION,
        ref=fields.pop("ref", "1"),
        text_en="To approve the closed-door decision.",
        action=Action.APPROVE,
        **fields,
    )


@pytest.fixture
def closed_door():
    return MeetingFactory(visibility=Visibility.RESTRICTED)


@pytest.fixture
def staff_api():
    client = APIClient()
    client.force_authenticate(ts_staff_user(username="ts-api"))
    return client


@pytest.fixture
def staff_admin(client):
    client.force_login(ts_staff_user(username="ts-admin-test", is_superuser=True))
    return client


def test_an_agreement_without_visibility_takes_its_meetings_when_validated(closed_door):
    agreement = an_agreement(closed_door)
    agreement.full_clean()
    assert agreement.visibility == Visibility.RESTRICTED


def test_an_agreement_more_public_than_its_meeting_is_refused_by_validation(closed_door):
    agreement = an_agreement(closed_door, visibility=Visibility.PUBLIC)
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "visibility" in error.value.message_dict


def test_an_agreement_may_be_more_restrictive_than_its_meeting():
    agreement = an_agreement(MeetingFactory(), visibility=Visibility.MEMBERS)
    agreement.full_clean()
    assert agreement.visibility == Visibility.MEMBERS


def test_the_database_refuses_an_agreement_more_public_than_its_meeting(closed_door):
    with pytest.raises(IntegrityError), transaction.atomic():
        an_agreement(closed_door, visibility=Visibility.PUBLIC).save()
    assert not Agreement.objects.filter(meeting=closed_door).exists()


def test_the_database_refuses_moving_an_agreement_to_a_more_restrictive_meeting(closed_door):
    agreement = AgreementFactory(meeting=MeetingFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk).update(meeting=closed_door)
    agreement.refresh_from_db()
    assert agreement.visibility == Visibility.PUBLIC


def test_the_database_gives_an_agreement_saved_without_visibility_its_meetings(closed_door):
    agreement = an_agreement(closed_door)
    agreement.save()
    agreement.refresh_from_db()
    assert agreement.visibility == Visibility.RESTRICTED


def test_the_api_creates_an_agreement_without_visibility_with_its_meetings(staff_api, closed_door):
    response = staff_api.post(
        "/api/v1/agreements/",
        {
            "meeting": closed_door.pk,
            "section": "decision",
            "ref": "1",
            "text_en": "To approve the closed-door decision.",
            "action": "approve",
        },
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED, response.json()
    assert response.json()["visibility"] == "restricted"
    anonymous = APIClient().get(f"/api/v1/agreements/{response.json()['id']}/")
    assert anonymous.status_code == status.HTTP_404_NOT_FOUND


def test_the_api_refuses_a_public_agreement_in_a_restricted_meeting(staff_api, closed_door):
    response = staff_api.post(
        "/api/v1/agreements/",
        {
            "meeting": closed_door.pk,
            "section": "decision",
            "ref": "1",
            "text_en": "To approve the closed-door decision.",
            "action": "approve",
            "visibility": "public",
        },
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "visibility" in str(response.json())
    assert not Agreement.objects.filter(meeting=closed_door).exists()


def inline_agreement(data: dict, index: int, **fields) -> None:
    """Add agreement number `index` to the meeting form's agreements inline."""
    prefix = f"agreements-{index}-"
    data[f"{prefix}position"] = fields.get("position", index + 1)
    data[f"{prefix}ref"] = fields.get("ref", str(index + 1))
    data[f"{prefix}section"] = "decision"
    data[f"{prefix}text_en"] = "To approve the closed-door decision."
    data[f"{prefix}action"] = "approve"
    data[f"{prefix}status"] = "open"
    data["agreements-TOTAL_FORMS"] = index + 1


def test_an_agreement_added_in_the_meetings_inline_takes_the_meetings_visibility(
    staff_admin, closed_door
):
    url = reverse("admin:meetings_meeting_change", args=[closed_door.pk])
    data = change_form_data(staff_admin.get(url))
    inline_agreement(data, 0)
    response = staff_admin.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert closed_door.agreements.get().visibility == Visibility.RESTRICTED
    assert APIClient().get("/api/v1/agreements/").json()["count"] == 0


def test_tightening_a_meeting_tightens_its_more_public_agreements():
    meeting = MeetingFactory()
    public = AgreementFactory(meeting=meeting)
    restricted = AgreementFactory(meeting=meeting, visibility=Visibility.RESTRICTED)
    meeting.visibility = Visibility.MEMBERS
    meeting.save()
    public.refresh_from_db()
    restricted.refresh_from_db()
    assert public.visibility == Visibility.MEMBERS
    assert restricted.visibility == Visibility.RESTRICTED


def test_opening_a_meeting_leaves_its_agreements_as_restrictive_as_they_were(closed_door):
    agreement = AgreementFactory(meeting=closed_door)
    closed_door.visibility = Visibility.PUBLIC
    closed_door.save()
    agreement.refresh_from_db()
    assert agreement.visibility == Visibility.RESTRICTED


def test_tightening_a_meeting_in_the_admin_while_editing_its_agreements_inline(staff_admin):
    meeting = MeetingFactory()
    agreement = AgreementFactory(meeting=meeting, ref="1", text_en="Old text.")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(staff_admin.get(url))
    data["visibility"] = "restricted"
    data["agreements-0-text_en"] = "New text."
    inline_agreement(data, 1, ref="2")
    response = staff_admin.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    agreement.refresh_from_db()
    assert agreement.text_en == "New text."
    assert set(meeting.agreements.values_list("visibility", flat=True)) == {"restricted"}
