"""The TS's Activity and Financial Report: its figures come from the records of its period."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from finance import selectors, services
from tests.finance.factories import (
    FinancialReportFactory,
    budget,
    contribution,
    line,
    pay,
    rcgm,
    scale,
)

pytestmark = pytest.mark.django_db


def test_a_report_s_figures_come_from_the_records_of_its_period():
    scale()
    services.assessments_generate(year=2013)
    pay("BZ", "5000.00", datetime.date(2013, 4, 30))  # before the period
    pay("MX", "33364.00", datetime.date(2013, 6, 15))
    pay("CA", "10000.00", datetime.date(2013, 10, 31))
    approved = budget(year=2013)
    services.expenditure_record(
        line=line(approved),
        spent_on=datetime.date(2013, 7, 1),
        amount_usd=Decimal("1234.56"),
        description="Support staff, July",
    )
    contribution("2000.00", datetime.date(2013, 9, 1))
    report = FinancialReportFactory(meeting=rcgm(starts_on=datetime.date(2013, 11, 18)))
    figures = selectors.report_figures(report)
    assert figures["contributions_received"] == Decimal("43364.00")
    assert [row["country"] for row in figures["contributions_by_country"]] == ["CA", "MX"]
    assert figures["expenditures"] == Decimal("1234.56")
    assert figures["outstanding_at_end"] == Decimal("282724.00") - Decimal("48364.00")
    assert figures["reserve_fund"]["closing"] == Decimal("2000.00")


def test_a_report_is_presented_after_its_period():
    report = FinancialReportFactory.build(meeting=rcgm(starts_on=datetime.date(2013, 6, 18)))
    with pytest.raises(ValidationError, match="presented after its period"):
        report.full_clean()
