"""What is not recorded reads "not recorded", not 0.00; a real zero still reads 0.00."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from finance import services
from finance.selectors import country_finance_summary
from rcm.models import Country, access_for
from tests.finance.factories import (
    FinancialReportFactory,
    budget,
    contribution,
    disbursement,
    members,
    pay,
    scale,
)

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_an_empty_reserve_fund_reads_not_recorded_on_the_overview(client, ts_staff):
    html = signed_in(client, ts_staff).get("/finance/").content.decode()
    assert 'Balance today (US$): <strong class="empty">not recorded</strong>' in html


def test_a_reserve_fund_emptied_to_zero_reads_0_00(client, ts_staff):
    members(["MX"])
    contribution("1000.00", datetime.date(2014, 1, 10), country_id="MX")
    disbursement("1000.00", datetime.date(2014, 2, 10), migrants_assisted=3)
    html = signed_in(client, ts_staff).get("/finance/").content.decode()
    assert "Balance today (US$): <strong>0.00</strong>" in html


def test_a_report_without_assessments_reads_outstanding_not_recorded(client, ts_staff):
    report = FinancialReportFactory()
    html = signed_in(client, ts_staff).get(f"/finance/reports/{report.pk}/").content.decode()
    assert (
        "Contributions outstanding at the end of the period (US$) "
        '<strong class="empty">not recorded</strong>' in html
    )
    assert 'Reserve Fund at the end of the period (US$) <strong class="empty">not recorded' in html


def test_a_report_after_everything_was_paid_reads_outstanding_0_00(client, ts_staff):
    scale(amounts={"BZ": "5000.00"})
    services.assessments_generate(year=2013)
    pay("BZ", "5000.00", datetime.date(2013, 6, 1))
    report = FinancialReportFactory()
    html = signed_in(client, ts_staff).get(f"/finance/reports/{report.pk}/").content.decode()
    assert "Contributions outstanding at the end of the period (US$) <strong>0.00</strong>" in html


def test_the_overview_shows_the_scale_in_force_with_each_country_s_share(client, ts_staff):
    scale(amounts={"GT": "5000.00", "MX": "15000.00"})
    html = signed_in(client, ts_staff).get("/finance/?year=2013").content.decode()
    assert "Scale of contributions for 2013: the latest version recorded" in html
    assert (
        '<th scope="row">Guatemala</th><td class="money">5,000.00</td>'
        '<td class="money">25.00</td>' in html
    )


def test_the_overview_says_when_no_scale_is_recorded(client, ts_staff):
    html = signed_in(client, ts_staff).get("/finance/").content.decode()
    assert "No scale of contributions is recorded for this year." in html


def test_a_country_s_summary_shows_its_line_of_the_scale(ts_staff):
    scale(amounts={"GT": "5000.00", "MX": "15000.00"})
    guatemala = Country.objects.get(pk="GT")
    summary = country_finance_summary(country=guatemala, access=access_for(ts_staff))
    html = render_to_string("finance/_country_summary.html", {"summary": summary})
    year = datetime.date.today().year
    assert (
        f"Scale of contributions for {year}, the latest version recorded: US$ 5,000.00 a year "
        "(25.00 % of the total)." in html
    )
    assert summary["scale"] == {"amount": Decimal("5000.00"), "share": Decimal("25.00")}


def test_a_budget_without_lines_reads_not_recorded_on_the_budgets_page(client, ts_staff):
    budget(year=2022, lines={})
    html = signed_in(client, ts_staff).get("/finance/budgets/").content.decode()
    assert "The amounts of this budget's lines are not recorded." in html
    assert "0.00" not in html


def test_a_budget_without_lines_has_no_total_of_zero(client, ts_staff):
    budget(year=2022, lines={})
    html = signed_in(client, ts_staff).get("/finance/budgets/2022/").content.decode()
    assert "<tfoot>" not in html


def test_a_budget_with_lines_keeps_its_amounts(client, ts_staff):
    budget(year=2014, lines={"support_staff": "150000.00"})
    html = signed_in(client, ts_staff).get("/finance/budgets/").content.decode()
    assert "150,000.00" in html


def test_a_reserve_fund_without_movements_reads_not_recorded_on_its_page(client, ts_staff):
    html = signed_in(client, ts_staff).get("/finance/reserve-fund/").content.decode()
    assert 'id="fund-not-recorded"' in html
    assert "0.00" not in html


def test_a_reserve_fund_with_movements_shows_its_quarters(client, ts_staff):
    members(["MX"])
    contribution("1000.00", datetime.date(2014, 1, 10), country_id="MX")
    html = signed_in(client, ts_staff).get("/finance/reserve-fund/?year=2014").content.decode()
    assert 'id="fund-not-recorded"' not in html
    assert "1,000.00" in html
