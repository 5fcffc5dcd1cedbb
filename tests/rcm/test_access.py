"""What a user may see follows from its roles and its country's standing on the day."""

import datetime

import pytest

from rcm.models import CountryStatus, MembershipStatus, Role, User, access_for
from tests.factories import focal_point_user, member_country

pytestmark = pytest.mark.django_db


def test_a_focal_point_of_a_member_country_acts_for_it_in_one_query(django_assert_num_queries):
    user = User.objects.get(pk=focal_point_user(member_country("HN")).pk)
    with django_assert_num_queries(1):
        access = access_for(user)
        assert user.roles == {Role.FOCAL_POINT}
    assert (access.member_country, access.is_ts_staff) == ("HN", False)


def test_a_focal_point_of_a_country_that_left_acts_for_no_member():
    country = member_country("BZ")
    CountryStatus.objects.filter(country=country).update(until=datetime.date(2001, 1, 1))
    access = access_for(User.objects.get(pk=focal_point_user(country).pk))
    assert access.member_country is None


def test_a_country_s_standing_is_the_one_in_force_today():
    country = member_country("CR", since=datetime.date(1996, 1, 1))
    CountryStatus.objects.filter(country=country).update(until=datetime.date(2000, 12, 31))
    CountryStatus.objects.create(
        country=country, status=MembershipStatus.MEMBER, since=datetime.date(2001, 1, 1)
    )
    access = access_for(User.objects.get(pk=focal_point_user(country).pk))
    assert access.member_country == "CR"
