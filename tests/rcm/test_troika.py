import datetime

import pytest

from rcm.models import Presidency
from tests.factories import PresidencyFactory, member_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def rotation():
    panama, costa_rica, nicaragua, mexico = (
        member_country(code) for code in ("PA", "CR", "NI", "MX")
    )
    return {
        2012: PresidencyFactory(year=2012, country=panama),
        2013: PresidencyFactory(year=2013, country=costa_rica),
        2014: PresidencyFactory(year=2014, country=nicaragua),
        2015: PresidencyFactory(year=2015, country=mexico),
    }


def codes(troika):
    return tuple(p.country_id if p else None for p in troika)


def test_troika_is_former_current_and_upcoming_presidency(rotation):
    assert codes(Presidency.objects.troika(datetime.date(2013, 6, 1))) == ("PA", "CR", "NI")


def test_troika_changes_on_the_first_of_january_without_handover_dates(rotation):
    assert codes(Presidency.objects.troika(datetime.date(2013, 12, 31))) == ("PA", "CR", "NI")
    assert codes(Presidency.objects.troika(datetime.date(2014, 1, 1))) == ("CR", "NI", "MX")


def test_troika_follows_a_recorded_handover_date(rotation):
    nicaragua_term = rotation[2014]
    nicaragua_term.starts_on = datetime.date(2013, 11, 19)
    nicaragua_term.save()
    assert codes(Presidency.objects.troika(datetime.date(2013, 11, 18))) == ("PA", "CR", "NI")
    assert codes(Presidency.objects.troika(datetime.date(2013, 11, 19))) == ("CR", "NI", "MX")


def test_presidency_stays_in_office_until_the_next_term_begins(rotation):
    costa_rica_term = rotation[2013]
    costa_rica_term.ends_on = datetime.date(2013, 11, 30)
    costa_rica_term.save()
    assert Presidency.objects.in_office(datetime.date(2013, 12, 15)).country_id == "CR"


def test_last_recorded_presidency_has_no_upcoming(rotation):
    assert codes(Presidency.objects.troika(datetime.date(2015, 3, 1))) == ("NI", "MX", None)


def test_before_the_first_presidency_nobody_is_in_office(rotation):
    troika = Presidency.objects.troika(datetime.date(2011, 5, 1))
    assert troika.current is None
    assert troika.upcoming.year == 2012


def test_troika_is_empty_without_presidencies():
    assert codes(Presidency.objects.troika(datetime.date(2020, 1, 1))) == (None, None, None)


def test_a_theme_recorded_only_in_spanish_is_shown_on_english_pages(client):
    PresidencyFactory(
        year=2018, country=member_country("PA"), theme_en="", theme_es="ODS hacia la Gobernanza"
    )
    assert "ODS hacia la Gobernanza" in client.get("/presidencies/").text


def test_a_presidency_without_a_theme_says_it_is_not_recorded(client):
    PresidencyFactory(year=2015, country=member_country("MX"), theme_en="", theme_es="")
    spanish = client.get("/presidencies/", HTTP_ACCEPT_LANGUAGE="es").text
    assert "no registrado" in spanish
