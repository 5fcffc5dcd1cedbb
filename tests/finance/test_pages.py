"""The finance pages: right to the cent, a fixed number of queries each.

Who may read them, on a set of books built once: test_pages_on_recorded_books.py.
"""

import datetime
import re
from decimal import Decimal

import pytest

from finance import services
from tests.finance.factories import (
    books,
    budget,
    contribution,
    disbursement,
    line,
    members,
    pay,
    scale,
)

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_finance_link_appears_in_the_site_navigation(client, focal_point_gt):
    assert '<a href="/finance/">' in signed_in(client, focal_point_gt).get("/finance/").text


def test_the_overview_shows_each_country_paid_partial_or_outstanding(client, ts_staff):
    scale()
    services.assessments_generate(year=2014)
    pay("BZ", "5000.00", datetime.date(2014, 3, 1))
    pay("MX", "33363.99", datetime.date(2014, 3, 1))
    response = signed_in(client, ts_staff).get("/finance/?year=2014")
    cells = dict(
        (country.code, assessments[0].payment_status)
        for country, assessments in response.context["table"].rows
    )
    assert (cells["BZ"], cells["MX"], cells["US"]) == ("paid", "partial", "outstanding")
    assert "owes 0.01" in response.text
    totals = response.context["table"].totals[0]
    assert (totals["assessed"], totals["paid"]) == (Decimal("282724.00"), Decimal("38363.99"))


def test_the_arrears_chart_is_svg_without_inline_style_or_script(client, ts_staff):
    scale()
    for year in (2013, 2014):
        services.assessments_generate(year=year)
    text = signed_in(client, ts_staff).get("/finance/?year=2014").text
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert 'role="img"' in svg
    assert "style=" not in svg
    assert not re.search(r"<script(?![^>]*\bsrc=)", text)  # no inline script
    assert "Arrears by country and age" in svg


def test_the_budget_page_sets_the_budget_against_its_execution(client, ts_staff):
    approved = budget(year=2014, lines={"support_staff": "1000.00", "other_expenses": "3.00"})
    services.expenditure_record(
        line=line(approved),
        spent_on=datetime.date(2014, 5, 1),
        amount_usd=Decimal("250.25"),
        description="Salaries, May",
    )
    response = signed_in(client, ts_staff).get("/finance/budgets/2014/")
    staff = response.context["lines"][0]
    assert (staff.spent_usd, staff.remaining_usd, staff.execution) == (
        Decimal("250.25"),
        Decimal("749.75"),
        Decimal("25.03"),
    )
    assert "Salaries, May" in response.text
    assert response.context["budget"].execution == Decimal("24.95")


def test_the_reserve_fund_page_shows_the_quarterly_report(client, ts_staff):
    members(["HN"])
    contribution("5000.00", datetime.date(2014, 2, 1))
    disbursement("1200.00", datetime.date(2014, 8, 1), migrants_assisted=6, nationality_id="HN")
    response = signed_in(client, ts_staff).get("/finance/reserve-fund/?year=2014")
    quarters = response.context["report"]["quarters"]
    assert [q["closing_balance"] for q in quarters] == [
        Decimal("5000.00"),
        Decimal("5000.00"),
        Decimal("3800.00"),
        Decimal("3800.00"),
    ]
    assert "Honduras: 6" in response.text


def test_a_bad_year_shows_a_message_and_this_year(client, ts_staff):
    response = signed_in(client, ts_staff).get("/finance/?year=abc")
    assert response.status_code == 200
    assert "The year is not valid" in response.text
    assert response.context["year"] == datetime.date.today().year


def test_the_contributions_export_holds_every_country_and_year_to_the_cent(client, ts_staff):
    scale()
    services.assessments_generate(year=2014)
    pay("BZ", "1234.56", datetime.date(2014, 3, 1))
    response = signed_in(client, ts_staff).get("/finance/contributions.csv?year=2014")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[1] == (
        "Country,Country name,Year,Assessed (US$),Paid (US$),Balance (US$),Status,Currency"
    )
    assert "BZ,Belize,2014,5000.00,1234.56,3765.44,Partly paid,USD" in lines
    assert len(lines) == 13  # the "as of" line, the header, eleven countries


@pytest.mark.parametrize("count", [1, 20])
def test_the_overview_runs_a_fixed_number_of_queries(
    client, focal_point_gt, django_assert_num_queries, count
):
    scale()
    for year in range(2005, 2005 + count):
        services.assessments_generate(year=year)
    for day in range(count):
        pay("BZ", "100.00", datetime.date(2014, 1, 1) + datetime.timedelta(days=day))
    client = signed_in(client, focal_point_gt)
    # session, user, roles with the country's standing (access); assessment years; credit by
    # country and unpaid by country (arrears); the table's assessments, countries and year
    # totals; the arrears' totals; the scale in force and its rows; budgets; reports; the
    # fund's balance; the agreements that urge contributions; the records' version (the page is
    # kept until they change).
    with django_assert_num_queries(17):
        assert client.get("/finance/?year=2025").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_budget_page_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_num_queries, count
):
    approved = budget(year=2014, lines={"support_staff": "100000.00", "other_expenses": "9.00"})
    for day in range(count):
        services.expenditure_record(
            line=line(approved),
            spent_on=datetime.date(2014, 1, 1) + datetime.timedelta(days=day),
            amount_usd=Decimal("10.00"),
            description=f"Expense {day}",
        )
    client = signed_in(client, ts_staff)
    # session, user, roles; the budget; its lines; the expenditures' count and page.
    with django_assert_num_queries(7):
        assert client.get("/finance/budgets/2014/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_budget_list_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_num_queries, count
):
    for year in range(2014, 2014 + min(count, 12)):
        budget(year=year)
    client = signed_in(client, ts_staff)
    # session, user, roles; the budgets with their totals and meetings.
    with django_assert_num_queries(4):
        assert client.get("/finance/budgets/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_reserve_fund_page_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_num_queries, count
):
    members(["HN"])
    for day in range(count):
        contribution("100.00", datetime.date(2014, 1, 1) + datetime.timedelta(days=day))
        disbursement(
            "10.00",
            datetime.date(2014, 6, 1) + datetime.timedelta(days=day),
            migrants_assisted=1,
            nationality_id="HN",
        )
    client = signed_in(client, ts_staff)
    # session, user, roles; the quarters, by nationality, the years; the movements' count
    # and page; the agreements on the fund.
    with django_assert_num_queries(9):
        assert client.get("/finance/reserve-fund/?year=2014").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_a_report_page_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_num_queries, count
):
    recorded = books()
    for day in range(count):
        pay("MX", "10.00", datetime.date(2014, 2, 1) + datetime.timedelta(days=day))
    client = signed_in(client, ts_staff)
    # session, user, roles; the report with its meeting; received (total, by country);
    # spent (total, by line); outstanding; the fund.
    with django_assert_num_queries(10):
        response = client.get(f"/finance/reports/{recorded['financial-reports']}/")
    assert response.status_code == 200


def test_with_no_assessment_recorded_the_arrears_table_has_no_total_row(client, ts_staff):
    client.force_login(ts_staff)
    html = client.get("/finance/").content.decode()
    assert "No assessments are recorded up to this year." in html
    arrears = html.split("No assessments are recorded up to this year.")[-1].split("</table>")[0]
    assert "All countries" not in arrears
