"""The rules of the networks' records, held by the models and by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from agreements.models import Status
from meetings.models import MeetingKind, Participation, ParticipationRole
from networks.models import MemberRole, NetworkKind, NetworkMember
from rcm.models import OrganisationKind
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    OrganisationFactory,
    observer_country,
)
from tests.networks.factories import (
    NetworkFactory,
    NetworkReportFactory,
    WorkPlanFactory,
    WorkPlanItemFactory,
)

pytestmark = pytest.mark.django_db


def test_a_network_is_led_by_the_ppt_or_a_country_not_both(mexico):
    network = NetworkFactory.build(led_by_ppt=True, leading_country=mexico)
    with pytest.raises(ValidationError, match="not both"):
        network.full_clean()


def test_the_database_refuses_a_network_led_by_both(mexico):
    network = NetworkFactory()
    network.led_by_ppt, network.leading_country = True, mexico
    with pytest.raises(IntegrityError):
        network.save()


def test_an_observer_state_does_not_lead_a_network():
    network = NetworkFactory.build(leading_country=observer_country("AR"))
    with pytest.raises(ValidationError, match="member country"):
        network.full_clean()


def test_a_network_stands_for_a_conference_body():
    iom = OrganisationFactory(acronym="IOM", kind=OrganisationKind.OBSERVER)
    network = NetworkFactory.build(organisation=iom)
    with pytest.raises(ValidationError, match="conference body"):
        network.full_clean()


def test_a_network_cannot_end_before_it_begins():
    network = NetworkFactory.build(active_since=2019, active_until=2013)
    with pytest.raises(ValidationError, match="end before it begins"):
        network.full_clean()


def test_the_agreement_that_established_a_network_belongs_to_the_meeting_named():
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL)
    elsewhere = AgreementFactory()
    network = NetworkFactory.build(established_at=meeting, established_by=elsewhere)
    with pytest.raises(ValidationError, match="another meeting"):
        network.full_clean()


def test_a_member_is_a_country_or_an_organisation_not_both(mexico, observer_org):
    member = NetworkMember(
        network=NetworkFactory(), country=mexico, organisation=observer_org, role="member"
    )
    with pytest.raises(ValidationError, match="either a country or an organisation"):
        member.full_clean()


def test_the_database_refuses_a_member_that_is_neither_country_nor_organisation():
    with pytest.raises(IntegrityError):
        NetworkMember.objects.create(network=NetworkFactory(), role=MemberRole.MEMBER)


def test_observer_states_are_invited_to_meetings_not_made_members():
    member = NetworkMember(
        network=NetworkFactory(), country=observer_country("CO"), role=MemberRole.LIAISON_OFFICER
    )
    with pytest.raises(ValidationError, match="member countries"):
        member.full_clean()


def test_contact_details_name_their_person(mexico):
    member = NetworkMember(
        network=NetworkFactory(), country=mexico, role="liaison_officer", email="x@example.org"
    )
    with pytest.raises(ValidationError, match="Name the person"):
        member.full_clean()


def test_an_officers_account_represents_their_country(mexico, focal_point_gt):
    member = NetworkMember(
        network=NetworkFactory(),
        country=mexico,
        role="liaison_officer",
        person_name="Ana",
        user=focal_point_gt,
    )
    with pytest.raises(ValidationError, match="must represent Mexico"):
        member.full_clean()


def test_a_plan_is_approved_by_an_agreement_of_the_meeting_that_approved_it():
    plan = WorkPlanFactory.build(
        network=NetworkFactory(), approved_at=MeetingFactory(), approved_by=AgreementFactory()
    )
    with pytest.raises(ValidationError, match="another meeting"):
        plan.full_clean()


def test_an_items_status_follows_its_latest_update(ts_staff):
    from networks import services

    item = WorkPlanItemFactory()
    services.work_plan_item_record_update(item=item, author=ts_staff, status="in_progress")
    item.refresh_from_db()
    item.status = Status.DONE
    with pytest.raises(ValidationError, match="record an update"):
        item.full_clean()


def test_a_deadline_gets_day_precision_when_none_is_given():
    item = WorkPlanItemFactory.build(
        plan=WorkPlanFactory(), ref="1.a", deadline=datetime.date(2013, 3, 31)
    )
    item.full_clean()
    assert item.deadline_precision == "day"


def test_the_database_refuses_no_follow_up_for_an_item():
    item = WorkPlanItemFactory()
    item.status = Status.NO_FOLLOW_UP
    with pytest.raises(IntegrityError):
        item.save()


def test_two_items_of_a_plan_do_not_share_a_reference():
    item = WorkPlanItemFactory(ref="7.h")
    with pytest.raises(IntegrityError):
        WorkPlanItemFactory(plan=item.plan, ref="7.h")


def test_a_report_is_taken_note_of_at_the_meeting_it_was_presented_to():
    report = NetworkReportFactory.build(
        network=NetworkFactory(), meeting=MeetingFactory(), agreement=AgreementFactory()
    )
    with pytest.raises(ValidationError, match="another meeting"):
        report.full_clean()


def test_an_observer_organisation_is_refused_at_a_working_group_meeting_unless_invited(
    observer_org,
):
    meeting = MeetingFactory(kind=MeetingKind.WORKING_GROUP)
    NetworkFactory(kind=NetworkKind.WORKING_GROUP).meetings.add(meeting)
    refused = Participation(meeting=meeting, organisation=observer_org, role="observer")
    with pytest.raises(ValidationError, match="only when invited"):
        refused.full_clean()
    invited = Participation(
        meeting=meeting, organisation=observer_org, role=ParticipationRole.INVITED_GUEST
    )
    invited.full_clean()
