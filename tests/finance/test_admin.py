"""The books in the admin go through the same rules and services as everywhere else."""

import datetime
from decimal import Decimal

import pytest

from finance.models import Assessment, ContributionScale, Payment, ReserveFundMovement
from tests.factories import ts_staff_user
from tests.finance.factories import MEMBERS, contribution, disbursement, members, scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(ts_staff_user(is_superuser=True, username="ts-admin"))
    return client


def inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_scale_admin_refuses_rows_that_leave_out_a_member(admin_client):
    members()
    rows = [{"country": code, "amount_usd": row[2]} for code, row in MEMBERS.items()]
    response = admin_client.post(
        "/admin/finance/contributionscale/add/",
        {"name": "Table I", "effective_from": "2005", **inline("rows", rows[1:])},
    )
    assert response.status_code == 200
    assert "no row for BZ" in response.text
    assert not ContributionScale.objects.exists()
    saved = admin_client.post(
        "/admin/finance/contributionscale/add/",
        {"name": "Table I", "effective_from": "2005", **inline("rows", rows)},
    )
    assert saved.status_code == 302
    assert ContributionScale.objects.with_total().get().total_usd == Decimal("282724.00")


def test_the_admin_action_generates_a_year_s_assessments(admin_client):
    saved = scale()
    admin_client.post(
        "/admin/finance/contributionscale/",
        {"action": "generate_assessments", "_selected_action": [saved.pk], "year": "2014"},
    )
    assert Assessment.objects.filter(year=2014).count() == 11


def test_a_payment_added_in_the_admin_is_applied(admin_client):
    scale()
    from finance import services

    services.assessments_generate(year=2014)
    response = admin_client.post(
        "/admin/finance/payment/add/",
        {
            "country": "BZ",
            "received_on": "2014-03-01",
            "amount_usd": "5000.00",
            "reference": "TRF-1",
            **inline("allocations", []),
        },
    )
    assert response.status_code == 302, response.text[:3000]
    payment = Payment.objects.with_allocation().get()
    assert payment.allocated_usd == Decimal("5000.00")


def test_a_negative_payment_is_refused_in_the_admin_with_its_reason(admin_client):
    scale()
    response = admin_client.post(
        "/admin/finance/payment/add/",
        {
            "country": "BZ",
            "received_on": "2014-03-01",
            "amount_usd": "-1.00",
            **inline("allocations", []),
        },
    )
    assert "A payment must be more than zero" in response.text
    assert not Payment.objects.exists()


def test_the_admin_will_not_remove_money_the_fund_has_paid_out(admin_client):
    money_in = contribution("1000.00", datetime.date(2014, 1, 10))
    disbursement("800.00", datetime.date(2014, 3, 1))
    response = admin_client.post(
        f"/admin/finance/reservefundmovement/{money_in.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert ReserveFundMovement.objects.count() == 2
    page = admin_client.get(response["Location"])
    assert "would have paid out more than it held" in page.text


@pytest.mark.parametrize(
    "page",
    [
        "contributionscale",
        "assessment",
        "payment",
        "budget",
        "budgetcategory",
        "expenditure",
        "financialreport",
        "reservefundmovement",
    ],
)
def test_every_finance_admin_list_opens(admin_client, page):
    scale()
    assert admin_client.get(f"/admin/finance/{page}/").status_code == 200
    assert admin_client.get(f"/admin/finance/{page}/add/").status_code in (200, 403)
