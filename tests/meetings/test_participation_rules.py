import pytest
from django.core.exceptions import ValidationError

from meetings.models import MeetingKind, MeetingPart, Participation, ParticipationRole
from rcm.models import OrganisationKind, Visibility
from tests.factories import MeetingFactory, OrganisationFactory, member_country, observer_country

pytestmark = pytest.mark.django_db


def participation_error(**kwargs) -> str:
    with pytest.raises(ValidationError) as error:
        Participation(**kwargs).full_clean()
    return " ".join(error.value.messages)


def test_observer_state_cannot_join_an_rcgm_meeting():
    rcgm = MeetingFactory(kind=MeetingKind.RCGM)
    argentina = observer_country("AR")
    message = participation_error(meeting=rcgm, country=argentina, role=ParticipationRole.OBSERVER)
    assert "Observer states do not sit in the RCGM" in message


def test_observer_organisation_may_join_an_rcgm_meeting():
    rcgm = MeetingFactory(kind=MeetingKind.RCGM)
    iom = OrganisationFactory(acronym="IOM")
    Participation(meeting=rcgm, organisation=iom, role=ParticipationRole.OBSERVER).full_clean()


def test_observer_state_may_attend_the_vice_ministerial_plenary():
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=18)
    plenary = MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL, parent=meeting, part=MeetingPart.PLENARY
    )
    Participation(meeting=plenary, country=observer_country("PE"), role="observer").full_clean()


def closed_door_part():
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=18)
    return MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL,
        parent=meeting,
        part=MeetingPart.CLOSED_DOOR,
        visibility=Visibility.RESTRICTED,
    )


def test_closed_door_part_refuses_an_observer_state():
    message = participation_error(
        meeting=closed_door_part(), country=observer_country("CO"), role=ParticipationRole.OBSERVER
    )
    assert "closed-door part is for member countries only" in message


def test_closed_door_part_refuses_an_organisation_even_invited():
    message = participation_error(
        meeting=closed_door_part(),
        organisation=OrganisationFactory(acronym="UNHCR"),
        role=ParticipationRole.INVITED_GUEST,
    )
    assert "closed-door part is for member countries only" in message


def test_closed_door_part_admits_a_member_country():
    Participation(
        meeting=closed_door_part(), country=member_country("CR"), role="member"
    ).full_clean()


@pytest.mark.parametrize(
    "kind", [MeetingKind.LIAISON_NETWORK, MeetingKind.JOINT_NETWORKS, MeetingKind.WORKING_GROUP]
)
def test_network_meeting_refuses_an_observer_organisation_not_invited(kind):
    message = participation_error(
        meeting=MeetingFactory(kind=kind),
        organisation=OrganisationFactory(acronym="IOM"),
        role=ParticipationRole.OBSERVER,
    )
    assert "admit observers only when invited" in message


def test_network_meeting_admits_an_invited_observer_organisation():
    Participation(
        meeting=MeetingFactory(kind=MeetingKind.LIAISON_NETWORK),
        organisation=OrganisationFactory(acronym="IOM"),
        role=ParticipationRole.INVITED_GUEST,
    ).full_clean()


def test_network_meeting_refuses_an_observer_state_not_invited():
    message = participation_error(
        meeting=MeetingFactory(kind=MeetingKind.LIAISON_NETWORK),
        country=observer_country("JM"),
        role=ParticipationRole.OBSERVER,
    )
    assert "admit observers only when invited" in message


def test_network_meeting_keeps_a_slot_for_the_civil_society_network():
    rncom = OrganisationFactory(acronym="RNCOM", kind=OrganisationKind.CIVIL_SOCIETY)
    Participation(
        meeting=MeetingFactory(kind=MeetingKind.LIAISON_NETWORK),
        organisation=rncom,
        role=ParticipationRole.CIVIL_SOCIETY,
    ).full_clean()


def test_only_a_member_country_takes_part_as_a_member():
    message = participation_error(
        meeting=MeetingFactory(kind=MeetingKind.SEMINAR),
        country=observer_country("EC"),
        role=ParticipationRole.MEMBER,
    )
    assert "was not a member country" in message


def test_a_participant_is_a_country_or_an_organisation_not_both():
    message = participation_error(
        meeting=MeetingFactory(),
        country=member_country("MX"),
        organisation=OrganisationFactory(acronym="IOM"),
        role=ParticipationRole.MEMBER,
    )
    assert "either a country or an organisation" in message


def test_a_country_takes_part_once_per_meeting():
    meeting = MeetingFactory()
    mexico = member_country("MX")
    Participation.objects.create(meeting=meeting, country=mexico, role="member")
    message = participation_error(meeting=meeting, country=mexico, role="member")
    assert "already takes part" in message
