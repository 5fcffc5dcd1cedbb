"""A hidden record's id answers as a missing one's does in the id filters (issue 14, F12)."""

import pytest
from rest_framework import status

from agreements.models import Agreement, FollowUp, Status, Validation
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_with_a_hidden_part():
    """A public item 7 with a public part 7.a and a members-only part 7.b."""
    parent = AgreementFactory(ref="7")
    shown = AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a")
    AgreementFactory(
        meeting=parent.meeting, parent=parent, ref="7.b", visibility=Visibility.MEMBERS
    )
    return parent, shown


def missing_id() -> int:
    return (Agreement.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


def test_the_parent_filter_answers_alike_for_a_hidden_and_a_missing_item(api):
    hidden = AgreementFactory(ref="7", visibility=Visibility.MEMBERS)
    AgreementFactory(meeting=hidden.meeting, parent=hidden, ref="7.a")
    for_hidden = api.get(f"/api/v1/agreements/?parent={hidden.pk}")
    for_missing = api.get(f"/api/v1/agreements/?parent={missing_id()}")
    assert for_hidden.status_code == for_missing.status_code == status.HTTP_200_OK
    assert for_hidden.json()["results"] == for_missing.json()["results"] == []


def test_the_parent_filter_lists_a_visible_items_parts(api, item_with_a_hidden_part):
    parent, shown = item_with_a_hidden_part
    rows = api.get(f"/api/v1/agreements/?parent={parent.pk}").json()["results"]
    assert [row["id"] for row in rows] == [shown.pk]


def test_the_follow_ups_agreement_filter_answers_alike_for_hidden_and_missing(api):
    hidden = AgreementFactory(visibility=Visibility.MEMBERS)
    FollowUp.objects.create(
        agreement=hidden, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
    )
    for_hidden = api.get(f"/api/v1/follow-ups/?agreement={hidden.pk}")
    for_missing = api.get(f"/api/v1/follow-ups/?agreement={missing_id()}")
    assert for_hidden.status_code == for_missing.status_code == status.HTTP_200_OK
    assert for_hidden.json()["results"] == for_missing.json()["results"] == []


def test_the_meetings_parent_filter_answers_alike_for_hidden_and_missing(api):
    hidden = MeetingFactory(kind="vice_ministerial", visibility=Visibility.RESTRICTED)
    MeetingFactory(parent=hidden, part="plenary", kind="vice_ministerial")
    missing = hidden.pk + 1000
    for_hidden = api.get(f"/api/v1/meetings/?parent={hidden.pk}")
    for_missing = api.get(f"/api/v1/meetings/?parent={missing}")
    assert for_hidden.status_code == for_missing.status_code == status.HTTP_200_OK
    assert for_hidden.json()["results"] == for_missing.json()["results"] == []


@pytest.mark.parametrize("url", ["/api/v1/agreements/?parent=", "/api/v1/follow-ups/?agreement="])
def test_an_id_filter_refuses_what_is_not_a_number_with_a_400(api, url):
    assert api.get(f"{url}seven").status_code == status.HTTP_400_BAD_REQUEST
