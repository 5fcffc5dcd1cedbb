"""Demo books for trying the pages: marked demo, consistent, and never negative."""

import random

import pytest

from finance.demo import create_demo_finance
from finance.models import (
    Budget,
    Expenditure,
    Payment,
    ReserveFundMovement,
)
from finance.selectors import reserve_fund_quarters
from tests.finance.factories import budget_categories, scale

pytestmark = pytest.mark.django_db


def test_demo_books_are_marked_demo_and_never_overdraw_the_fund():
    scale()
    budget_categories()
    made = create_demo_finance(years=[2003, 2013, 2014], rng=random.Random(4))
    assert made["assessments"] == 22  # 2003 has no scale in force: skipped
    assert Payment.objects.exists() and not Payment.objects.filter(demo=False).exists()
    assert Expenditure.objects.exists() and not Expenditure.objects.filter(demo=False).exists()
    assert not ReserveFundMovement.objects.filter(demo=False).exists()
    assert set(Budget.objects.values_list("demo", flat=True)) == {True}
    for year in (2013, 2014):
        for quarter in reserve_fund_quarters(year=year)["quarters"]:
            assert quarter["closing_balance"] >= 0


def test_payments_never_exceed_what_is_owed_in_demo_books():
    scale()
    budget_categories()
    create_demo_finance(years=[2014], rng=random.Random(9))
    assert not Payment.objects.with_allocation().filter(credit_usd__gt=0).exists()
