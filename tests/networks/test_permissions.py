"""Who may do what on every endpoint of the networks: one row per role, endpoint and method."""

import pytest
from rest_framework import status

from tests.networks.factories import (
    NetworkMemberFactory,
    NetworkReportFactory,
    WorkPlanItemFactory,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = ["networks", "network-members", "work-plans", "work-plan-items", "network-reports"]
REFUSED = {status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN}


@pytest.fixture
def records(mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    plan, network = item.plan, item.plan.network
    return {
        "networks": network.pk,
        "network-members": NetworkMemberFactory(network=network, country=mexico).pk,
        "work-plans": plan.pk,
        "work-plan-items": item.pk,
        "network-reports": NetworkReportFactory(network=network).pk,
    }


@pytest.fixture
def people(ts_staff, focal_point_mx, observer_org_user):
    return {
        "anonymous": None,
        "observer": observer_org_user,
        "focal point": focal_point_mx,
        "TS staff": ts_staff,
    }


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ["anonymous", "observer", "focal point", "TS staff"])
def test_everyone_reads_public_records(api_as, records, people, endpoint, role):
    client = api_as(people[role])
    assert client.get(f"/api/v1/{endpoint}/").status_code == status.HTTP_200_OK
    detail = client.get(f"/api/v1/{endpoint}/{records[endpoint]}/")
    assert detail.status_code == status.HTTP_200_OK


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ["anonymous", "observer", "focal point"])
def test_only_ts_staff_write(api_as, records, people, endpoint, role):
    client = api_as(people[role])
    url = f"/api/v1/{endpoint}/{records[endpoint]}/"
    etag = client.get(url)["ETag"]
    assert client.post(f"/api/v1/{endpoint}/", {}, format="json").status_code in REFUSED
    assert client.patch(url, {}, format="json", HTTP_IF_MATCH=etag).status_code in REFUSED
    assert client.put(url, {}, format="json", HTTP_IF_MATCH=etag).status_code in REFUSED
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code in REFUSED


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_ts_staff_writes_are_validated_and_need_if_match(api_as, records, ts_staff, endpoint):
    client = api_as(ts_staff)
    url = f"/api/v1/{endpoint}/{records[endpoint]}/"
    created = client.post(f"/api/v1/{endpoint}/", {}, format="json")
    assert created.status_code == status.HTTP_400_BAD_REQUEST
    assert created["Content-Type"] == "application/problem+json"
    assert client.patch(url, {}, format="json").status_code == (
        status.HTTP_428_PRECONDITION_REQUIRED
    )
    assert client.delete(url, HTTP_IF_MATCH='"stale"').status_code == (
        status.HTTP_412_PRECONDITION_FAILED
    )
