"""Meetings go by the conference's Spanish acronyms in Spanish (CRM, GRCM; DOMAIN.md "Words")."""

import importlib

import pytest
from django.apps import apps
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


def test_an_rcgm_is_named_after_its_city_in_spanish_where_recorded():
    meeting = MeetingFactory(
        kind=MeetingKind.RCGM, city="Mexico City", city_es="Ciudad de México", year=2021
    )
    with translation.override("es"):
        assert meeting.short_name == "GRCM Ciudad de México 2021"
    assert meeting.short_name == "RCGM Mexico City 2021"


def test_a_city_without_a_spanish_name_keeps_its_name_in_spanish():
    meeting = MeetingFactory(kind=MeetingKind.RCGM, city="San José", city_es="", year=2013)
    with translation.override("es"):
        assert meeting.short_name == "GRCM San José 2013"


def test_the_meeting_page_gives_the_city_in_spanish(client):
    meeting = MeetingFactory(city="Guatemala City", city_es="Ciudad de Guatemala")
    client.cookies["django_language"] = "es"
    page = client.get(f"/meetings/{meeting.pk}/").text
    assert "Ciudad de Guatemala" in page
    assert "Guatemala City" not in page


def test_the_migration_gives_the_recorded_cities_their_spanish_names():
    migration = importlib.import_module("meetings.migrations.0008_meeting_city_in_spanish")
    mexico = MeetingFactory(city="Mexico City", city_es="")
    kept = MeetingFactory(city="Panama City", city_es="Panamá")
    migration.fill_spanish_cities(apps, None)
    mexico.refresh_from_db()
    kept.refresh_from_db()
    assert (mexico.city_es, kept.city_es) == ("Ciudad de México", "Panamá")


def test_a_meeting_read_as_a_row_keeps_its_city_in_spanish():
    from agreements.selectors import meeting_from_row, meeting_values
    from meetings.models import Meeting

    meeting = MeetingFactory(
        kind=MeetingKind.RCGM, city="Mexico City", city_es="Ciudad de México", year=2021
    )
    row = meeting_values(Meeting.objects.filter(pk=meeting.pk)).get()
    with translation.override("es"):
        assert meeting_from_row(row).short_name == "GRCM Ciudad de México 2021"
