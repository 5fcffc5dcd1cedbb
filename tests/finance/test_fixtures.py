"""The real finance records load from fixtures/finance.json (tests that use the real fixtures)."""

import json
from decimal import Decimal

import pytest

from finance.models import (
    Budget,
    ContributionScale,
    FinancialReport,
    Payment,
    ScaleRow,
)
from finance.services import scale_coverage_problems
from rcm.management.commands.load_records import FIXTURES_DIR

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def real_records(real_records_for_the_module):
    """The real records, loaded once per worker, for the module's tests (each is rolled back to
    them)."""


def test_the_2005_scale_sums_to_282724_and_derives_the_united_states_share_as_50_percent():
    scale = ContributionScale.objects.with_total().get(effective_from=2005)
    assert scale.total_usd == Decimal("282724.00")
    assert ScaleRow.objects.with_share().get(scale=scale, country="US").share == Decimal("50.00")


def test_the_loaded_scale_is_table_i_and_covers_every_member():
    scale = ContributionScale.objects.get(effective_from=2005)
    amounts = dict(scale.rows.values_list("country_id", "amount_usd"))
    assert (amounts["CA"], amounts["MX"], amounts["US"]) == (
        Decimal("68000.00"),
        Decimal("33364.00"),
        Decimal("141360.00"),
    )
    assert sorted(code for code, amount in amounts.items() if amount == 5000) == [
        "BZ", "CR", "DO", "GT", "HN", "NI", "PA", "SV",
    ]  # fmt: skip
    assert scale_coverage_problems(effective_from=2005, country_codes=amounts) == []
    assert scale.approval_meeting.ordinal == 6  # the VI RCM, San José, 2001


def test_every_finance_row_names_its_source_and_no_money_is_invented():
    rows = json.loads((FIXTURES_DIR / "finance.json").read_text())
    assert all(row["fields"]["source"] for row in rows)
    models = {row["model"] for row in rows}
    assert not models & {
        "finance.payment",
        "finance.assessment",
        "finance.expenditure",
        "finance.budgetline",
        "finance.reservefundmovement",
    }
    assert not Payment.objects.exists()


def test_the_2022_budget_and_the_2013_report_are_tied_to_the_agreements_that_decided_them():
    budget = Budget.objects.get(year=2022)
    assert (budget.status, budget.recommendation_agreement.ref) == ("recommended", "2.b")
    assert not budget.lines.exists()
    report = FinancialReport.objects.get()
    assert (report.period_start.isoformat(), report.period_end.isoformat()) == (
        "2013-05-01",
        "2013-10-31",
    )
    assert (report.agreement.meeting_id, report.agreement.ref) == (1, "1")
