"""The API builds its representations directly from one query's annotations; they must stay
exactly what DRF's serializer fields would produce."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.serializers import ModelSerializer
from rest_framework.test import APIRequestFactory

from agreements.api.serializers import AgreementSerializer
from agreements.models import Agreement, AgreementLink, LinkKind
from agreements.selectors import annotate_for_api
from meetings.api.serializers import MeetingListSerializer, MeetingSerializer
from meetings.api.views import MeetingListReadSerializer, MeetingReadSerializer
from meetings.api.views import annotate_for_api as annotate_meetings
from meetings.models import Meeting, MeetingKind, MeetingPart
from rcm.models import ANONYMOUS, Visibility
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ThemeFactory,
    member_country,
)

pytestmark = pytest.mark.django_db


def context():
    return {"request": APIRequestFactory().get("/")}


def drf_representation(serializer, instance) -> dict:
    """DRF's own representation, field by field: what the API's direct one must equal."""
    return ModelSerializer.to_representation(serializer, instance)


def test_an_agreement_with_every_part_is_represented_as_drf_would(mexico, guatemala):
    iom = OrganisationFactory(acronym="IOM")
    earlier = AgreementFactory(meeting=MeetingFactory(starts_on=datetime.date(2010, 5, 3)))
    parent = AgreementFactory(
        ref="7",
        responsible=[mexico],
        mentions=[guatemala, iom],
        deadline=datetime.date(2014, 3, 31),
        deadline_text="by March 2014",
        deadline_precision="day",
        status_changed_at=timezone.now(),
    )
    parent.themes.add(ThemeFactory(code="2"), ThemeFactory(code="1.3"))
    AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a", status="done")
    AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.b")
    AgreementLink.objects.create(later=parent, earlier=earlier, kind=LinkKind.FOLLOWS_UP)
    serializer = AgreementSerializer(context=context())
    for agreement in annotate_for_api(Agreement.objects.all()):
        assert serializer.to_representation(agreement) == drf_representation(serializer, agreement)


def test_a_meeting_reads_its_participants_and_parts_from_its_arrays_as_its_relations_say():
    member_country("MX")
    rcm = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26, city="")
    MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL,
        parent=rcm,
        part=MeetingPart.PLENARY,
        visibility=Visibility.PUBLIC,
    )
    ParticipationFactory.create_batch(3, meeting=rcm)
    ParticipationFactory(meeting=rcm, country=None, organisation=OrganisationFactory())
    pairs = [
        (MeetingReadSerializer(context=context()), MeetingSerializer(context=context())),
        (MeetingListReadSerializer(context=context()), MeetingListSerializer(context=context())),
    ]
    for meeting in annotate_meetings(Meeting.objects.all(), parts_visible_to=ANONYMOUS):
        for api, walking_relations in pairs:
            assert api.to_representation(meeting) == walking_relations.to_representation(meeting)
