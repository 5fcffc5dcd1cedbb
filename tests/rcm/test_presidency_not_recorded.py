"""When no recorded term covers a date, nobody is named PPT for it: the pages say the presidency
is not recorded, name the last recorded one, and prompt TS staff to record it."""

import datetime

import pytest

from rcm.models import Presidency, troika_among
from tests.factories import MeetingFactory, PresidencyFactory, member_country, ts_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def rotation_until_belize_2024():
    PresidencyFactory(year=2023, country=member_country("PA", name_en="Panama"))
    return PresidencyFactory(year=2024, country=member_country("BZ", name_en="Belize"))


def test_no_presidency_is_in_office_after_the_last_recorded_term(rotation_until_belize_2024):
    troika = Presidency.objects.troika(datetime.date(2026, 12, 3))
    assert (troika.former, troika.current, troika.upcoming) == (None, None, None)
    assert troika.last_recorded == rotation_until_belize_2024


def test_the_message_names_the_year_and_the_last_recorded_presidency(rotation_until_belize_2024):
    troika = Presidency.objects.troika(datetime.date(2026, 12, 3))
    assert troika.not_recorded_message == (
        "The presidency for 2026 is not recorded; the last recorded is Belize (2024)."
    )


def test_the_last_term_still_covers_its_own_year(rotation_until_belize_2024):
    assert Presidency.objects.in_office(datetime.date(2024, 12, 31)).country_id == "BZ"
    assert not Presidency.objects.troika(datetime.date(2024, 12, 31)).not_recorded


def test_a_late_handover_leaves_the_outgoing_presidency_in_office(rotation_until_belize_2024):
    PresidencyFactory(year=2025, country=member_country("CR"), starts_on=datetime.date(2025, 6, 1))
    assert Presidency.objects.in_office(datetime.date(2025, 3, 1)).country_id == "BZ"


def test_the_home_page_says_the_presidency_is_not_recorded(client, rotation_until_belize_2024):
    today = datetime.date.today()
    PresidencyFactory(year=today.year - 2, country=member_country("SV", name_en="El Salvador"))
    Presidency.objects.filter(year__gte=today.year - 1).delete()
    text = client.get("/").text
    assert f"The presidency for {today.year} is not recorded" in text
    assert "holds the presidency" not in text
    assert "/admin/rcm/presidency/add/" not in text


def test_the_home_page_prompts_ts_staff_to_record_the_presidency(client):
    PresidencyFactory(year=datetime.date.today().year - 2, country=member_country("BZ"))
    client.force_login(ts_staff_user())
    assert "/admin/rcm/presidency/add/" in client.get("/").text


def test_the_home_page_says_it_in_spanish(client):
    year = datetime.date.today().year
    PresidencyFactory(year=year - 2, country=member_country("BZ", name_en="Belize"))
    text = client.get("/", HTTP_ACCEPT_LANGUAGE="es").text
    assert f"La presidencia de {year} no está registrada" in text


def test_a_meeting_no_term_covers_is_attributed_to_no_presidency(
    client, rotation_until_belize_2024
):
    meeting = MeetingFactory(starts_on=datetime.date(2026, 3, 10))
    assert meeting.presidency_in_office() is None
    text = client.get(f"/meetings/{meeting.pk}/").text
    assert "The presidency for 2026 is not recorded; the last recorded is Belize (2024)." in text


def test_a_meeting_a_term_covers_is_attributed_to_it(client, rotation_until_belize_2024):
    meeting = MeetingFactory(starts_on=datetime.date(2024, 7, 16))
    assert meeting.presidency_in_office() == rotation_until_belize_2024
    assert "is not recorded" not in client.get(f"/meetings/{meeting.pk}/").text


def test_a_meeting_whose_year_is_not_stated_is_attributed_to_no_presidency(
    rotation_until_belize_2024,
):
    meeting = MeetingFactory(
        status="planned", starts_on=None, year=None, date_precision="none", kind="workshop"
    )
    assert meeting.presidency_in_office() is None
    assert meeting.presidency_note(list(Presidency.objects.all())) == ""


def test_troika_among_an_empty_rotation_records_nothing():
    assert not troika_among([], datetime.date(2026, 1, 1)).not_recorded


def test_the_consultations_page_says_the_presidency_is_not_recorded(client):
    year = datetime.date.today().year
    PresidencyFactory(year=year - 2, country=member_country("BZ", name_en="Belize"))
    text = client.get("/consultations/").text
    assert f"The presidency for {year} is not recorded" in text
