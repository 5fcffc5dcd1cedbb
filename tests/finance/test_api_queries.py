"""Every finance list answers in a fixed number of queries, with 1 row as with many."""

import datetime
from decimal import Decimal

import pytest

from finance import services
from rcm.testing.shared_rows import built_once
from tests.finance.factories import (
    FinancialReportFactory,
    budget,
    contribution,
    line,
    members,
    pay,
    scale,
)

pytestmark = pytest.mark.django_db

MANY = 30


def many_books(count: int) -> None:
    """`count` rows of every kind of record."""
    members()
    years = range(1996, 1996 + count)
    for year in years:
        scale(effective_from=year)
    for year in years:
        services.assessments_generate(year=year)
        approved = budget(year=year)
        services.expenditure_record(
            line=line(approved),
            spent_on=datetime.date(year, 5, 1),
            amount_usd=Decimal("100.00"),
            description="Salaries",
        )
        FinancialReportFactory(
            period_start=datetime.date(year, 1, 1), period_end=datetime.date(year, 6, 30)
        )
    for day in range(count):
        on = datetime.date(2010, 1, 1) + datetime.timedelta(days=day)
        pay("BZ", "2500.00", on, reference=f"T-{day}")
        contribution("100.00", on, country_id="MX")


# Each list: the user's roles (access), the count, the page; lists with nested rows add one
# query per relation, whatever the number of rows.
ENDPOINTS = [
    # Each list: + the records' version, the key of the kept page (rcm.records_cache).
    ("/api/v1/contribution-scales/", 5),  # + the rows of the scales, with their shares
    # + the agreements that urge the payments (urged_by), once per list
    ("/api/v1/assessments/", 5),
    ("/api/v1/balances/", 5),
    ("/api/v1/payments/", 6),  # + the allocations of the payments, with their years
    ("/api/v1/budgets/", 5),  # + the lines of the budgets, with their execution
    ("/api/v1/budget-categories/", 3),  # the six lines, unpaginated
    ("/api/v1/expenditures/", 4),
    ("/api/v1/financial-reports/", 4),
    ("/api/v1/reserve-fund/", 4),
    # roles; unpaid by country; credit by country; the agreements that urge the payments
    ("/api/v1/balances/arrears/?year=2020", 4),
    ("/api/v1/reserve-fund/quarterly/?year=2010", 3),  # roles; the quarters; by nationality
]


@pytest.fixture(scope="module")
def books(count, django_db_setup, django_db_blocker):
    # The lists only read the books: built once for every endpoint at each count.
    yield from built_once(django_db_blocker, lambda: many_books(count))


@pytest.mark.parametrize("count", [1, MANY], scope="module")
@pytest.mark.parametrize(("url", "queries"), ENDPOINTS)
def test_every_list_runs_a_fixed_number_of_queries(
    books, api_as, ts_staff, django_assert_num_queries, count, url, queries
):
    client = api_as(ts_staff)
    separator = "&" if "?" in url else "?"
    with django_assert_num_queries(queries):
        response = client.get(f"{url}{separator}page_size=200")
    assert response.status_code == 200
    data = response.json()
    rows = data["results"] if isinstance(data, dict) and "results" in data else data
    assert rows
