"""Whether an agreement is superseded is for the TS to decide: a focal point cannot propose it."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from agreements import services
from agreements.models import FollowUp
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(mexico):
    return AgreementFactory(responsible=[mexico])


def post_update(user, agreement, status):
    client = APIClient()
    client.force_authenticate(user)
    return client.post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/", {"status": status}, format="json"
    )


def test_a_focal_point_cannot_propose_superseded_through_the_api(focal_point_mx, agreement):
    response = post_update(focal_point_mx, agreement, "superseded")
    assert response.status_code == 400
    assert "status" in response.json()["errors"]
    assert not FollowUp.objects.exists()


def test_a_focal_point_cannot_propose_superseded_through_the_service(focal_point_mx, agreement):
    with pytest.raises(ValidationError) as refused:
        services.followup_record(agreement=agreement, author=focal_point_mx, status="superseded")
    assert "status" in refused.value.message_dict
    assert not FollowUp.objects.exists()


def test_a_focal_point_still_proposes_done(focal_point_mx, agreement):
    assert post_update(focal_point_mx, agreement, "done").status_code == 201


def test_ts_staff_mark_an_agreement_superseded(ts_staff, agreement):
    assert post_update(ts_staff, agreement, "superseded").status_code == 201
    agreement.refresh_from_db()
    assert agreement.status == "superseded"
