"""The Reserve Fund: contributions in, assistance out, never more out than in."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from finance import selectors, services
from finance.models import MovementKind, ReserveFundMovement
from tests.factories import member_country
from tests.finance.factories import contribution, disbursement

pytestmark = pytest.mark.django_db


@pytest.fixture
def honduras(db):
    return member_country("HN", name_en="Honduras", name_es="Honduras")


def test_the_balance_is_what_came_in_less_what_went_out():
    contribution("10000.00", datetime.date(2014, 1, 10))
    disbursement("2500.25", datetime.date(2014, 2, 1), migrants_assisted=4)
    assert ReserveFundMovement.objects.balance(datetime.date(2014, 1, 31)) == Decimal("10000.00")
    assert ReserveFundMovement.objects.balance(datetime.date(2014, 2, 1)) == Decimal("7499.75")


def test_a_disbursement_beyond_the_balance_is_refused_and_nothing_is_saved():
    contribution("1000.00", datetime.date(2014, 1, 10))
    with pytest.raises(ValidationError, match="cannot pay out more than it holds"):
        disbursement("1000.01", datetime.date(2014, 2, 1))
    assert ReserveFundMovement.objects.count() == 1


def test_a_backdated_disbursement_that_would_leave_a_later_day_short_is_refused():
    contribution("1000.00", datetime.date(2014, 1, 10))
    disbursement("800.00", datetime.date(2014, 3, 1))
    contribution("1000.00", datetime.date(2014, 4, 1))
    with pytest.raises(ValidationError, match=r"US\$-300.00 on 2014-03-01"):
        disbursement("500.00", datetime.date(2014, 2, 1))


def test_a_contribution_the_fund_has_already_paid_out_cannot_be_removed():
    money_in = contribution("1000.00", datetime.date(2014, 1, 10))
    disbursement("800.00", datetime.date(2014, 3, 1))
    with pytest.raises(ValidationError, match="would have paid out more than it held"):
        services.reserve_fund_delete(movement=money_in)
    assert ReserveFundMovement.objects.count() == 2


def test_only_a_disbursement_records_migrants_assisted(honduras):
    with pytest.raises(ValidationError, match="Only a disbursement assists migrants"):
        contribution("1000.00", datetime.date(2014, 1, 10), migrants_assisted=3)
    with pytest.raises(IntegrityError):
        ReserveFundMovement.objects.create(
            kind=MovementKind.CONTRIBUTION,
            date=datetime.date(2014, 1, 10),
            amount_usd=Decimal("1.00"),
            nationality=honduras,
        )


def test_the_quarterly_report_is_derived_from_the_movements(honduras):
    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    contribution("3000.00", datetime.date(2013, 12, 20), country=guatemala)
    contribution("10000.00", datetime.date(2014, 2, 10), country=honduras)
    disbursement("1250.50", datetime.date(2014, 5, 5), migrants_assisted=5, nationality=honduras)
    disbursement("749.50", datetime.date(2014, 6, 30), migrants_assisted=2, nationality=guatemala)
    report = selectors.reserve_fund_quarters(year=2014)
    first, second, third, _fourth = report["quarters"]
    assert (first["opening_balance"], first["contributions"], first["closing_balance"]) == (
        Decimal("3000.00"),
        Decimal("10000.00"),
        Decimal("13000.00"),
    )
    assert (second["disbursements"], second["migrants_assisted"], second["closing_balance"]) == (
        Decimal("2000.00"),
        7,
        Decimal("11000.00"),
    )
    assert [row["country"] for row in second["by_nationality"]] == ["HN", "GT"]
    assert third["opening_balance"] == third["closing_balance"] == Decimal("11000.00")
    assert (report["opening_balance"], report["closing_balance"]) == (
        Decimal("3000.00"),
        Decimal("11000.00"),
    )


def test_the_quarterly_report_runs_two_queries(django_assert_num_queries):
    for day in range(1, 21):
        contribution("10.00", datetime.date(2014, 1, day))
    # the quarters' totals in one aggregate; the migrants by nationality and quarter.
    with django_assert_num_queries(2):
        selectors.reserve_fund_quarters(year=2014)
