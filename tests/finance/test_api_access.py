"""Finance is members-only: TS staff and member governments read; only TS staff write.

A user who may not see the books gets empty lists and 404 for any record, never its contents.
"""

import json

import pytest
from rest_framework import status

from finance.models import Payment
from rcm.testing.shared_rows import built_once
from tests.finance.factories import books

pytestmark = pytest.mark.django_db

RESOURCES = [
    "contribution-scales",
    "assessments",
    "balances",
    "payments",
    "budgets",
    "budget-categories",
    "expenditures",
    "financial-reports",
    "reserve-fund",
]
SUMMARIES = ["/api/v1/balances/arrears/?year=2014", "/api/v1/reserve-fund/quarterly/?year=2014"]


@pytest.fixture(scope="module", autouse=True)
def recorded(django_db_setup, django_db_blocker):
    # The books are only read (a refused write changes nothing): built once for the module's
    # tests, each rolled back to them.
    yield from built_once(django_db_blocker, books)


def results(response) -> list:
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("persona", ["anonymous", "observer_org_user", "observer_state_user"])
def test_outsiders_get_an_empty_list_and_404_for_every_record(
    request, api_as, recorded, resource, persona
):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = api_as(user)
    listing = client.get(f"/api/v1/{resource}/")
    assert listing.status_code == status.HTTP_200_OK
    assert results(listing) == []
    detail = client.get(f"/api/v1/{resource}/{recorded[resource]}/")
    assert detail.status_code == status.HTTP_404_NOT_FOUND
    assert detail["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("persona", ["anonymous", "observer_org_user"])
def test_outsiders_get_no_arrears_and_no_fund_report(request, api_as, recorded, persona):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = api_as(user)
    assert client.get(SUMMARIES[0]).json() == []
    assert client.get(SUMMARIES[1]).status_code == status.HTTP_404_NOT_FOUND
    assert client.get("/api/v1/reserve-fund/balance/").status_code == status.HTTP_404_NOT_FOUND


def test_outsiders_find_no_amount_in_a_csv_export(api_as, recorded):
    export = api_as(None).get("/api/v1/payments/?format=csv")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "5000.00" not in body
    assert len(body.splitlines()) == 1


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_focal_point_reads_every_country_s_books(api_as, focal_point_gt, recorded, resource):
    client = api_as(focal_point_gt)
    assert results(client.get(f"/api/v1/{resource}/"))
    assert client.get(f"/api/v1/{resource}/{recorded[resource]}/").status_code == 200


def test_a_focal_point_reads_the_arrears_and_the_fund_s_quarterly_report(
    api_as, focal_point_gt, recorded
):
    client = api_as(focal_point_gt)
    assert {row["country"] for row in client.get(SUMMARIES[0]).json()} >= {"BZ", "MX"}
    assert client.get(SUMMARIES[1]).json()["closing_balance"] == "10000.00"


@pytest.mark.parametrize("persona", ["anonymous", "observer_org_user", "focal_point_mx"])
def test_only_ts_staff_record_a_payment(request, api_as, recorded, persona):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = api_as(user).post(
        "/api/v1/payments/",
        {"country": "MX", "received_on": "2014-04-01", "amount": "33364.00"},
        format="json",
    )
    assert response.status_code in (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)
    assert Payment.objects.count() == 1


@pytest.mark.parametrize(
    "resource", [r for r in RESOURCES if r not in ("balances", "budget-categories")]
)
def test_a_focal_point_cannot_change_or_delete_a_record(api_as, focal_point_mx, recorded, resource):
    client = api_as(focal_point_mx)
    url = f"/api/v1/{resource}/{recorded[resource]}/"
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"note": "x"}, format="json", HTTP_IF_MATCH=etag).status_code == 403
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code == 403


@pytest.mark.parametrize("resource", ["balances", "budget-categories"])
def test_derived_resources_are_read_only_even_for_ts_staff(api_as, ts_staff, recorded, resource):
    client = api_as(ts_staff)
    response = client.post(f"/api/v1/{resource}/", {}, format="json")
    assert response.status_code == status.HTTP_405_METHOD_NOT_ALLOWED


@pytest.mark.parametrize("resource", RESOURCES)
def test_no_amount_is_ever_a_float(api_as, ts_staff, recorded, resource):
    def refuse(text):
        raise AssertionError(f"a float in /api/v1/{resource}/: {text}")

    client = api_as(ts_staff)
    for url in (f"/api/v1/{resource}/", f"/api/v1/{resource}/{recorded[resource]}/", *SUMMARIES):
        json.loads(client.get(url).content, parse_float=refuse)


@pytest.mark.parametrize("resource", ["reserve-fund", "payments", "assessments"])
def test_a_year_no_calendar_holds_is_a_400_not_a_server_error(api_as, ts_staff, resource):
    response = api_as(ts_staff).get(f"/api/v1/{resource}/?year=100000")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["errors"] == {
        "year": ["Ensure this value is less than or equal to 9999."]
    }
