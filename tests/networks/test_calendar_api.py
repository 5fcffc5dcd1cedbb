"""The calendar of activities the December 2021 RCGM agreed for each working group."""

import datetime

import pytest
from rest_framework import status

from agreements.models import Action
from meetings.models import MeetingKind
from networks.models import NetworkKind
from tests.factories import AgreementFactory, MeetingFactory
from tests.networks.factories import (
    BodyFactory,
    NetworkFactory,
    WorkPlanFactory,
    WorkPlanItemFactory,
)

pytestmark = pytest.mark.django_db

PROTECTION = "hijklmn"


@pytest.fixture
def rcgm_2021():
    return MeetingFactory(
        kind=MeetingKind.RCGM, starts_on=datetime.date(2021, 12, 1), city="Mexico City"
    )


def calendar_of(network, meeting, item_7, letters):
    plan = WorkPlanFactory(
        network=network,
        name_en="Calendar of activities",
        approved_at=meeting,
        approved_by=item_7,
        start_year=None,
        end_year=None,
    )
    agreements = {}
    for letter in letters:
        agreement = AgreementFactory(
            meeting=meeting, parent=item_7, ref=f"7.{letter}", action=Action.HOLD
        )
        agreements[letter] = agreement
        WorkPlanItemFactory(plan=plan, ref=f"7.{letter}", agreement=agreement)
    return agreements


def test_the_protection_working_group_calendar_lists_activities_h_to_n_with_their_agreements(
    api, rcgm_2021
):
    item_7 = AgreementFactory(meeting=rcgm_2021, ref="7", action=Action.APPROVE)
    protection = NetworkFactory(
        kind=NetworkKind.WORKING_GROUP,
        name_en="Working Group on Protection",
        organisation=BodyFactory(acronym="WG-PROT"),
    )
    border = NetworkFactory(
        name_en="Working Group on Border Management", organisation=BodyFactory(acronym="WG-BM")
    )
    agreements = calendar_of(protection, rcgm_2021, item_7, PROTECTION)
    calendar_of(border, rcgm_2021, item_7, "opqr")

    response = api.get(f"/api/v1/work-plan-items/?network={protection.pk}")

    assert response.status_code == status.HTTP_200_OK
    rows = response.json()["results"]
    assert [(row["ref"], row["agreement"], row["agreement_ref"]) for row in rows] == [
        (f"7.{letter}", agreements[letter].pk, f"7.{letter}") for letter in PROTECTION
    ]
    assert {row["network_acronym"] for row in rows} == {"WG-PROT"}


def test_an_item_whose_agreement_is_members_only_does_not_reveal_it_to_anonymous_users(
    api, rcgm_2021
):
    hidden = AgreementFactory(meeting=rcgm_2021, ref="7.h", visibility="members")
    item = WorkPlanItemFactory(agreement=hidden)
    data = api.get(f"/api/v1/work-plan-items/{item.pk}/").json()
    assert (data["agreement"], data["agreement_ref"]) == (None, None)
