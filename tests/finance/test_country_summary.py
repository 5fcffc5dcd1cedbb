"""A country's page shows its own contributions, to those who may see the books."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from finance import services
from finance.selectors import country_finance_summary
from rcm.models import ANONYMOUS, Country, access_for
from tests.finance.factories import pay, scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def belize_assessed():
    scale()
    for year in (2014, 2015):
        services.assessments_generate(year=year)
    pay("BZ", "7000.00", datetime.date(2015, 3, 1))
    return Country.objects.get(pk="BZ")


def test_a_country_s_summary_gives_its_balance_per_year_and_in_all(belize_assessed, ts_staff):
    summary = country_finance_summary(country=belize_assessed, access=access_for(ts_staff))
    assert [(a.year, a.balance_usd) for a in summary["assessments"]] == [
        (2015, Decimal("3000.00")),
        (2014, Decimal("0.00")),
    ]
    assert (summary["totals"]["balance"], summary["in_arrears"]) == (Decimal("3000.00"), True)


def test_no_summary_for_those_who_may_not_see_the_books(belize_assessed, observer_org_user):
    assert country_finance_summary(country=belize_assessed, access=ANONYMOUS) is None
    observer = access_for(observer_org_user)
    assert country_finance_summary(country=belize_assessed, access=observer) is None


def test_the_summary_include_renders_the_balance_and_nothing_without_access(
    belize_assessed, focal_point_gt
):
    summary = country_finance_summary(country=belize_assessed, access=access_for(focal_point_gt))
    html = render_to_string("finance/_country_summary.html", {"summary": summary})
    assert "Owes US$ 3,000.00 in contributions." in html
    assert render_to_string("finance/_country_summary.html", {"summary": None}).strip() == ""


def test_the_summary_runs_one_query(belize_assessed, ts_staff, django_assert_num_queries):
    access = access_for(ts_staff)
    with django_assert_num_queries(1):
        summary = country_finance_summary(country=belize_assessed, access=access)
    assert summary["totals"]["assessed"] == Decimal("10000.00")


def test_the_summary_keeps_the_credit_of_an_overpayment(belize_assessed, ts_staff):
    pay("BZ", "4000.00", datetime.date(2015, 6, 1))
    summary = country_finance_summary(country=belize_assessed, access=access_for(ts_staff))
    assert (summary["credit"], summary["totals"]["balance"]) == (Decimal("1000.00"), Decimal("0"))
