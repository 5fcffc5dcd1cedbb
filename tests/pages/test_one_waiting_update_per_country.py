"""A country's part of an agreement has at most one update awaiting the TS: a second one, from the
same or another focal point of that country, is refused with a clear message and nothing is
written; once the TS has decided, or the author withdrew it, a new one is welcome."""

import pytest
from django.core.exceptions import ValidationError

from agreements import services
from agreements.models import FollowUp, Status
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


def test_a_second_waiting_update_from_the_same_country_is_refused(agreement, pending, guatemala):
    colleague = focal_point_user(guatemala, username="fp-gt-2")

    with pytest.raises(ValidationError, match="already awaits the TS"):
        post(agreement, colleague)

    assert FollowUp.objects.filter(agreement=agreement).count() == 1


def test_another_country_may_post_while_one_update_waits(agreement, pending):
    honduras = focal_point_user(member_country("HN"), username="fp-hn")

    post(agreement, honduras)

    assert FollowUp.objects.awaiting_validation().filter(agreement=agreement).count() == 2


def test_a_new_update_is_welcome_once_the_ts_has_decided(
    agreement, pending, focal_point_gt, ts_staff
):
    services.followup_accept(follow_up=pending, reviewer=ts_staff)

    post(agreement, focal_point_gt)

    assert FollowUp.objects.filter(agreement=agreement).count() == 2


def test_a_new_update_is_welcome_once_the_waiting_one_is_withdrawn(
    agreement, pending, focal_point_gt
):
    services.followup_withdraw(follow_up=pending, user=focal_point_gt)

    post(agreement, focal_point_gt)

    assert FollowUp.objects.awaiting_validation().filter(agreement=agreement).count() == 1


def test_the_agreement_page_shows_why_a_second_update_is_refused(
    client, agreement, pending, focal_point_gt
):
    client.force_login(focal_point_gt)

    response = client.post(agreement.get_absolute_url(), {"status": Status.DONE, "note": "Signed."})

    assert response.status_code == 200
    assert "already awaits the TS" in response.content.decode()
    assert FollowUp.objects.filter(agreement=agreement).count() == 1


def test_the_api_answers_400_to_a_second_waiting_update(agreement, pending, focal_point_gt):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(focal_point_gt)

    response = client.post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        {"status": Status.DONE, "note": "Signed."},
        format="json",
    )

    assert response.status_code == 400
    assert "already awaits the TS" in response.content.decode()
    assert FollowUp.objects.filter(agreement=agreement).count() == 1
