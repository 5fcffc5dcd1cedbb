import datetime

import pytest
from django.core.exceptions import ValidationError

from rcm.models import Presidency
from tests.factories import PresidencyFactory, member_country, observer_country

pytestmark = pytest.mark.django_db


def test_a_second_presidency_for_the_same_year_is_refused():
    PresidencyFactory(year=2009, country=member_country("GT"))
    second = Presidency(year=2009, country=member_country("HN"))
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "There is already a Presidency Pro-Tempore for this year." in error.value.messages


def test_a_term_that_ends_before_it_begins_is_refused():
    presidency = Presidency(
        year=2017,
        country=member_country("SV"),
        starts_on=datetime.date(2017, 1, 1),
        ends_on=datetime.date(2016, 11, 30),
    )
    with pytest.raises(ValidationError) as error:
        presidency.full_clean()
    assert "A term cannot end before it begins." in str(error.value)


def test_only_a_member_country_holds_the_presidency():
    presidency = Presidency(year=2010, country=observer_country("AR"))
    with pytest.raises(ValidationError) as error:
        presidency.full_clean()
    assert error.value.message_dict["country"] == [
        "Only a member country can hold the Presidency Pro-Tempore."
    ]
