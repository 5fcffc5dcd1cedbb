"""Balances and arrears per country and year, by age, counted in the database."""

import datetime
from decimal import Decimal

import pytest

from finance import selectors, services
from tests.finance.factories import pay, scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed():
    scale()
    for year in (2013, 2014, 2015, 2016):
        services.assessments_generate(year=year)


def arrears_of(code: str, year: int) -> dict:
    return next(row for row in selectors.arrears_by_country(year=year) if row["country"] == code)


def test_arrears_are_aged_current_year_one_year_and_two_years_or_more(assessed):
    pay("BZ", "7500.00", datetime.date(2016, 2, 1))  # 2013 in full, 2014 in half
    belize = arrears_of("BZ", 2016)
    assert (belize["current_year"], belize["one_year"], belize["two_years_or_more"]) == (
        Decimal("5000.00"),
        Decimal("5000.00"),
        Decimal("2500.00"),
    )
    assert belize["total"] == Decimal("12500.00")


def test_arrears_up_to_an_earlier_year_leave_out_later_assessments(assessed):
    mexico = arrears_of("MX", 2014)
    assert (mexico["current_year"], mexico["one_year"], mexico["total"]) == (
        Decimal("33364.00"),
        Decimal("33364.00"),
        Decimal("66728.00"),
    )


def test_a_country_s_credit_is_shown_beside_its_arrears(assessed):
    pay("BZ", "20500.00", datetime.date(2016, 2, 1))
    belize = arrears_of("BZ", 2016)
    assert (belize["total"], belize["credit"]) == (Decimal("0.00"), Decimal("500.00"))


def test_the_conference_s_arrears_add_up_to_the_cent(assessed):
    pay("US", "100000.01", datetime.date(2015, 6, 30))
    totals = selectors.arrears_totals(year=2016)
    assert totals["total"] == Decimal("282724.00") * 4 - Decimal("100000.01")


def test_balances_as_of_a_day_count_only_payments_received_by_then(assessed):
    pay("BZ", "5000.00", datetime.date(2014, 3, 1))
    before = selectors.balances(datetime.date(2014, 2, 28)).get(country="BZ", year=2013)
    after = selectors.balances(datetime.date(2014, 3, 1)).get(country="BZ", year=2013)
    assert (before.balance_usd, after.balance_usd) == (Decimal("5000.00"), Decimal("0.00"))


def test_arrears_by_country_runs_two_queries_however_many_countries(
    assessed, django_assert_num_queries
):
    # the unpaid contributions grouped by country; the credit grouped by country.
    with django_assert_num_queries(2):
        assert len(selectors.arrears_by_country(year=2016)) == 11
