"""The issue's check: balances per country and year through the API, to the cent."""

import pytest
from rest_framework import status

from finance import services
from tests.finance.factories import MEMBERS, scale

pytestmark = pytest.mark.django_db


def test_after_belize_pays_5000_its_2014_balance_is_zero_and_every_other_member_owes_in_full(
    api_as, ts_staff
):
    scale()
    services.assessments_generate(year=2014)
    client = api_as(ts_staff)
    paid = client.post(
        "/api/v1/payments/",
        {"country": "BZ", "received_on": "2014-03-01", "amount": "5000.00"},
        format="json",
    )
    assert paid.status_code == status.HTTP_201_CREATED, paid.json()
    rows = client.get("/api/v1/balances/?year=2014&page_size=200").json()["results"]
    balances = {row["country"]: row["balance"] for row in rows}
    assert balances.pop("BZ") == "0.00"
    assert balances == {
        code: amount for code, (_en, _es, amount) in MEMBERS.items() if code != "BZ"
    }
    assert {row["currency"] for row in rows} == {"USD"}
