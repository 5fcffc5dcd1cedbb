"""Meetings go by the conference's Spanish acronyms in Spanish (CRM, GRCM; DOMAIN.md "Words")."""

import pytest
from django.utils import translation

from meetings.models import MeetingKind
from tests.factories import MeetingFactory, member_country

pytestmark = pytest.mark.django_db


def test_a_vice_ministerial_meeting_is_the_xxvi_crm_in_spanish():
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26)
    with translation.override("es"):
        assert meeting.short_name == "XXVI CRM"
    assert meeting.short_name == "XXVI RCM"


def test_an_rcgm_is_a_grcm_named_after_its_country_in_spanish():
    mexico = member_country("MX", name_en="Mexico", name_es="México")
    meeting = MeetingFactory(kind=MeetingKind.RCGM, city="", country=mexico, year=2021)
    with translation.override("es"):
        assert meeting.short_name == "GRCM México 2021"
    assert meeting.short_name == "RCGM Mexico 2021"


def test_the_meeting_page_names_the_meeting_in_spanish(client):
    meeting = MeetingFactory(kind=MeetingKind.RCGM, city="San José", year=2013)
    client.cookies["django_language"] = "es"
    assert "GRCM San José 2013" in client.get(f"/meetings/{meeting.pk}/").text
