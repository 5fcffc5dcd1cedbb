import datetime

import pytest

from tests.factories import MeetingFactory, PresidencyFactory, member_country

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_presidency_in_office_and_the_troika(client):
    today = datetime.date.today()
    PresidencyFactory(year=today.year - 1, country=member_country("PA", name_en="Panama"))
    PresidencyFactory(
        year=today.year, country=member_country("BZ", name_en="Belize"), theme_en="Dignity"
    )
    response = client.get("/")
    assert response.status_code == 200
    assert "Belize holds the presidency" in response.text
    assert "Dignity" in response.text
    assert "Panama" in response.text


def test_home_page_lists_upcoming_meetings(client):
    next_year = datetime.date.today().year + 1
    MeetingFactory(
        name_en="Workshop on Migration and Health",
        kind="workshop",
        status="planned",
        starts_on=datetime.date(next_year, 3, 1),
    )
    assert "Workshop on Migration and Health" in client.get("/").text


@pytest.mark.parametrize("count", [1, 20])
def test_home_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    MeetingFactory.create_batch(count)
    # presidencies, recent meetings, upcoming meetings.
    with django_assert_max_num_queries(3):
        assert client.get("/").status_code == 200


def test_admin_login_page_answers(client):
    assert client.get("/admin/login/").status_code == 200
