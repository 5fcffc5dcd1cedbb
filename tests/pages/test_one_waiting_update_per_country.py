"""A country's part of an agreement has one update awaiting the TS: a later one from that country
(the same or another focal point) replaces it, so that the TS decides on the country's latest
word; the replaced one keeps its record and history, marked as replaced."""

import pytest

from agreements import services
from agreements.models import FollowUp, Status, Validation
from tests.factories import AgreementFactory, focal_point_user, member_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(guatemala):
    return AgreementFactory(responsible=[guatemala, member_country("HN")])


@pytest.fixture
def pending(agreement, focal_point_gt):
    return services.followup_record(
        agreement=agreement, author=focal_point_gt, status=Status.IN_PROGRESS, note="Drafting."
    )


def post(agreement, author, note="Signed."):
    return services.followup_record(
        agreement=agreement, author=author, status=Status.DONE, note=note
    )


def test_a_later_update_from_the_same_country_replaces_the_waiting_one(
    agreement, pending, guatemala
):
    colleague = focal_point_user(guatemala, username="fp-gt-2")

    later = post(agreement, colleague)

    pending.refresh_from_db()
    assert pending.validation == Validation.REPLACED
    assert list(FollowUp.objects.awaiting_validation().filter(agreement=agreement)) == [later]
    assert pending.history.first().history_change_reason.startswith("replaced")


def test_another_countrys_update_replaces_nothing(agreement, pending):
    honduras = focal_point_user(member_country("HN"), username="fp-hn")

    post(agreement, honduras)

    assert FollowUp.objects.awaiting_validation().filter(agreement=agreement).count() == 2


def test_an_update_the_ts_decided_on_is_not_replaced(agreement, pending, focal_point_gt, ts_staff):
    services.followup_accept(follow_up=pending, reviewer=ts_staff)

    post(agreement, focal_point_gt)

    pending.refresh_from_db()
    assert pending.validation == Validation.ACCEPTED


def test_a_refused_update_replaces_nothing(agreement, pending, focal_point_gt):
    with pytest.raises(Exception, match="must change something"):
        services.followup_record(
            agreement=agreement, author=focal_point_gt, status=Status.OPEN, note=""
        )

    pending.refresh_from_db()
    assert pending.validation == Validation.PROPOSED


def test_the_agreement_page_says_which_update_was_replaced(
    client, agreement, pending, focal_point_gt
):
    client.force_login(focal_point_gt)

    response = client.post(
        agreement.get_absolute_url(), {"status": Status.DONE, "note": "Signed."}, follow=True
    )

    assert "It replaces the update on Guatemala" in response.content.decode()
    assert FollowUp.objects.awaiting_validation().filter(agreement=agreement).count() == 1


def test_the_api_replaces_the_waiting_update_too(agreement, pending, focal_point_gt):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(focal_point_gt)

    response = client.post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        {"status": Status.DONE, "note": "Signed."},
        format="json",
    )

    assert response.status_code == 201
    pending.refresh_from_db()
    assert pending.validation == Validation.REPLACED
