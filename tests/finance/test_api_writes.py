"""TS staff write the books through the API: the same rules, problem details, nothing half-saved."""

import datetime

import pytest
from django.utils import timezone
from rest_framework import status

from finance.models import (
    Assessment,
    Budget,
    BudgetLine,
    ContributionScale,
    Expenditure,
    Payment,
    ReserveFundMovement,
)
from tests.finance.factories import MEMBERS, books, budget, budget_categories, members, scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def ts(api_as, ts_staff):
    return api_as(ts_staff)


def problem(response, code=status.HTTP_400_BAD_REQUEST) -> dict:
    assert response.status_code == code, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_ts_staff_record_a_scale_with_its_rows_and_read_back_the_derived_shares(ts):
    members()
    response = ts.post(
        "/api/v1/contribution-scales/",
        {
            "name": "Table I",
            "effective_from": 2005,
            "rows": [{"country": code, "amount": row[2]} for code, row in MEMBERS.items()],
        },
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED, response.json()
    data = response.json()
    assert (data["total"], data["currency"]) == ("282724.00", "USD")
    us = next(row for row in data["rows"] if row["country"] == "US")
    assert us == {"country": "US", "amount": "141360.00", "share": "50.00"}


def test_a_scale_that_does_not_cover_every_member_is_refused_with_the_missing_countries(ts):
    members()
    rows = [{"country": code, "amount": row[2]} for code, row in MEMBERS.items() if code != "NI"]
    response = ts.post(
        "/api/v1/contribution-scales/",
        {"name": "Incomplete", "effective_from": 2005, "rows": rows},
        format="json",
    )
    assert "no row for NI" in problem(response)["errors"]["rows"][0]
    assert not ContributionScale.objects.exists()


def test_assessments_are_generated_through_the_api_once(ts):
    scale()
    first = ts.post("/api/v1/assessments/generate/", {"year": 2014}, format="json")
    again = ts.post("/api/v1/assessments/generate/", {"year": 2014}, format="json")
    assert (first.status_code, first.json()["created"]) == (201, 11)
    assert (again.status_code, again.json()["created"], again.json()["existing"]) == (200, 0, 11)
    assert Assessment.objects.count() == 11


def test_a_second_assessment_for_a_country_and_year_is_refused_in_the_model_s_words(ts):
    scale()
    ts.post("/api/v1/assessments/generate/", {"year": 2014}, format="json")
    response = ts.post(
        "/api/v1/assessments/",
        {"country": "BZ", "year": 2014, "amount": "5000.00"},
        format="json",
    )
    assert "already has an assessment for this year" in str(problem(response)["errors"])
    assert Assessment.objects.count() == 11


def test_generating_a_year_without_a_scale_answers_400_with_the_reason(ts):
    response = ts.post("/api/v1/assessments/generate/", {"year": 2014}, format="json")
    assert "No contribution scale is in force in 2014" in str(problem(response)["errors"])


@pytest.mark.parametrize(
    ("amount", "received_on", "field", "words"),
    [
        ("-5000.00", "2014-03-01", "amount", "must be more than zero"),
        ("0", "2014-03-01", "amount", "must be more than zero"),
        ("5000.00", "2999-01-01", "received_on", "cannot be dated in the future"),
        ("5000.001", "2014-03-01", "amount", "decimal places"),
    ],
)
def test_a_bad_payment_is_refused_naming_the_problem_and_nothing_is_saved(
    ts, amount, received_on, field, words
):
    scale()
    response = ts.post(
        "/api/v1/payments/",
        {"country": "BZ", "received_on": received_on, "amount": amount},
        format="json",
    )
    assert words in problem(response)["errors"][field][0]
    assert not Payment.objects.exists()


def test_a_payment_shows_how_it_was_applied_and_its_credit(ts):
    scale()
    ts.post("/api/v1/assessments/generate/", {"year": 2014}, format="json")
    data = ts.post(
        "/api/v1/payments/",
        {"country": "bz", "received_on": "2014-03-01", "amount": "5200.50", "reference": "T-1"},
        format="json",
    ).json()
    assert data["allocations"] == [
        {"assessment": Assessment.objects.get(country="BZ").pk, "year": 2014, "amount": "5000.00"}
    ]
    assert (data["allocated"], data["credit"], data["currency"]) == ("5000.00", "200.50", "USD")


def test_a_payment_s_amount_cannot_change_once_applied_but_its_reference_can(ts):
    recorded = books()
    url = f"/api/v1/payments/{recorded['payments']}/"
    etag = ts.get(url)["ETag"]
    refused = ts.patch(url, {"amount": "1.00"}, format="json", HTTP_IF_MATCH=etag)
    assert "delete it and record it again" in problem(refused)["errors"]["amount"][0]
    changed = ts.patch(url, {"reference": "TRF-2014-001-B"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.json()["reference"] == "TRF-2014-001-B"
    assert Payment.objects.get().amount_usd == 5000


def test_changing_a_record_needs_if_match_and_a_stale_etag_gets_412(ts):
    recorded = books()
    url = f"/api/v1/budgets/{recorded['budgets']}/"
    assert ts.patch(url, {"note": "x"}, format="json").status_code == 428
    etag = ts.get(url)["ETag"]
    assert ts.patch(url, {"note": "first"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    stale = ts.patch(url, {"note": "second"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == status.HTTP_412_PRECONDITION_FAILED
    assert Budget.objects.get().note == "first"


def test_a_budget_line_for_an_unknown_category_is_refused_and_nothing_is_saved(ts):
    budget_categories()
    response = ts.post(
        "/api/v1/budgets/",
        {
            "year": 2023,
            "lines": [
                {"category": "support_staff", "amount": "100000.00"},
                {"category": "catering", "amount": "500.00"},
            ],
        },
        format="json",
    )
    errors = problem(response)["errors"]
    assert "Unknown budget category “catering”" in str(errors["lines"])
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_a_budget_is_written_with_its_lines_and_read_with_its_execution(ts):
    budget_categories()
    response = ts.post(
        "/api/v1/budgets/",
        {"year": 2023, "lines": [{"category": "support_staff", "amount": "100000.00"}]},
        format="json",
    )
    data = response.json()
    assert (data["status"], data["budgeted"], data["spent"], data["execution"]) == (
        "draft",
        "100000.00",
        "0.00",
        "0.00",
    )
    assert data["lines"][0]["category_name"] == "Support staff"


def test_an_expenditure_on_a_budget_that_is_not_approved_is_refused_and_nothing_is_saved(ts):
    budget(year=2014, status="recommended")
    response = ts.post(
        "/api/v1/expenditures/",
        {
            "year": 2014,
            "category": "support_staff",
            "spent_on": "2014-05-01",
            "amount": "100.00",
            "description": "Salaries",
        },
        format="json",
    )
    assert "only on an approved budget" in problem(response)["errors"]["line"][0]
    assert not Expenditure.objects.exists()


def test_an_expenditure_is_written_with_the_budget_s_year_and_the_line_s_category(ts):
    budget(year=2014)
    response = ts.post(
        "/api/v1/expenditures/",
        {
            "year": 2014,
            "category": "support_staff",
            "spent_on": "2014-05-01",
            "amount": "100.10",
            "description": "Salaries",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert (response.json()["amount"], response.json()["category"]) == ("100.10", "support_staff")


@pytest.mark.parametrize(
    ("year", "category", "field", "words"),
    [
        (2015, "support_staff", "year", "There is no budget for 2015"),
        (2014, "catering", "category", "Unknown budget category"),
        (2014, "studies_and_research", "category", "has no line"),
    ],
)
def test_an_expenditure_names_an_existing_budget_and_line(ts, year, category, field, words):
    budget(year=2014)
    response = ts.post(
        "/api/v1/expenditures/",
        {
            "year": year,
            "category": category,
            "spent_on": "2014-05-01",
            "amount": "1.00",
            "description": "x",
        },
        format="json",
    )
    assert words in str(problem(response)["errors"][field])


def test_the_fund_refuses_a_disbursement_beyond_its_balance(ts):
    books()
    response = ts.post(
        "/api/v1/reserve-fund/",
        {
            "kind": "disbursement",
            "date": "2014-02-01",
            "amount": "10000.01",
            "migrants_assisted": 3,
        },
        format="json",
    )
    assert "cannot pay out more than it holds" in problem(response)["errors"]["amount"][0]
    assert ReserveFundMovement.objects.count() == 1


def test_removing_money_the_fund_already_paid_out_answers_400_and_keeps_it(ts):
    recorded = books()
    ts.post(
        "/api/v1/reserve-fund/",
        {"kind": "disbursement", "date": "2014-02-01", "amount": "9000.00", "nationality": "HN"},
        format="json",
    )
    url = f"/api/v1/reserve-fund/{recorded['reserve-fund']}/"
    response = ts.delete(url, HTTP_IF_MATCH=ts.get(url)["ETag"])
    assert "would have paid out more than it held" in str(problem(response)["errors"])
    assert ReserveFundMovement.objects.count() == 2


def test_the_balances_filter_by_country_year_and_status(ts):
    books()
    rows = ts.get("/api/v1/balances/?status=paid").json()["results"]
    assert [(row["country"], row["year"], row["balance"]) for row in rows] == [("BZ", 2014, "0.00")]
    outstanding = ts.get("/api/v1/assessments/?status=outstanding&country=mx").json()
    assert [row["balance"] for row in outstanding["results"]] == ["33364.00"]


def test_balances_as_of_a_day_before_a_payment_show_the_full_amount(ts):
    books()
    rows = ts.get("/api/v1/balances/?country=BZ&as_of=2014-02-28").json()["results"]
    assert rows[0]["balance"] == "5000.00"
    assert ts.get("/api/v1/balances/?as_of=yesterday").status_code == 400


def test_the_arrears_endpoint_ages_each_country_s_unpaid_contributions(ts):
    books()
    rows = {row["country"]: row for row in ts.get("/api/v1/balances/arrears/?year=2015").json()}
    assert (rows["MX"]["one_year"], rows["MX"]["current_year"], rows["MX"]["total"]) == (
        "33364.00",
        "0.00",
        "33364.00",
    )
    assert rows["BZ"]["total"] == "0.00"
    assert ts.get("/api/v1/balances/arrears/?year=abc").status_code == 400


def test_the_fund_s_balance_on_a_day(ts):
    books()
    data = ts.get("/api/v1/reserve-fund/balance/?on=2014-01-09").json()
    assert (data["balance"], data["currency"]) == ("0.00", "USD")
    today = ts.get("/api/v1/reserve-fund/balance/").json()
    assert (today["on"], today["balance"]) == (timezone.localdate().isoformat(), "10000.00")


def test_a_financial_report_carries_its_figures_on_the_detail(ts):
    recorded = books()
    data = ts.get(f"/api/v1/financial-reports/{recorded['financial-reports']}/").json()
    figures = data["figures"]
    assert (figures["contributions_received"], figures["expenditures"]) == ("5000.00", "1234.56")
    assert figures["reserve_fund"]["closing"] == "10000.00"
    listed = ts.get("/api/v1/financial-reports/").json()["results"][0]
    assert "figures" not in listed


def test_a_list_exports_to_csv_with_amounts_to_the_cent(ts):
    books()
    response = ts.get("/api/v1/balances/?format=csv&year=2014&country=US")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "id,country,country_name,year,assessed,paid,balance,payment_status,currency,urged_by"
    )
    # No agreement urges these payments in these books: the last column is empty.
    assert lines[1].endswith(",US,United States,2014,141360.00,0.00,141360.00,outstanding,USD,")


def test_the_same_day_is_fine_but_tomorrow_is_the_future(ts):
    scale()
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    ok = ts.post(
        "/api/v1/payments/",
        {"country": "BZ", "received_on": today.isoformat(), "amount": "1.00"},
        format="json",
    )
    late = ts.post(
        "/api/v1/payments/",
        {"country": "BZ", "received_on": tomorrow.isoformat(), "amount": "1.00"},
        format="json",
    )
    assert (ok.status_code, late.status_code) == (201, 400)
