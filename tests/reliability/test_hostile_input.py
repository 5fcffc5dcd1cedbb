"""Hostile input is the client's mistake: a 400 or a 404, never a 500."""

import pytest
from rest_framework.test import APIClient

from tests.factories import AgreementFactory, UserFactory, member_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def ts_client(client):
    client.force_login(UserFactory(username="ts-admin", is_staff=True, is_superuser=True))
    return client


def nested_json(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_deeply_nested_json_is_a_400_problem(depth):
    api = APIClient()
    api.force_authenticate(UserFactory(username="ts-admin", is_staff=True, is_superuser=True))
    response = api.post(
        "/api/v1/agreements/", data=nested_json(depth), content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


def test_deeply_nested_json_inside_an_object_is_a_400_problem():
    api = APIClient()
    api.force_authenticate(UserFactory(username="ts-admin", is_staff=True, is_superuser=True))
    body = '{"title": ' + nested_json(5_000) + "}"
    response = api.post("/api/v1/agreements/", data=body, content_type="application/json")
    assert response.status_code == 400


def test_ordinary_nested_json_still_reaches_the_api():
    api = APIClient()
    response = api.post(
        "/api/v1/agreements/", data='{"a": [[{"b": [1]}]]}', content_type="application/json"
    )
    assert response.status_code == 401


NUL_URLS = [
    "/countries/M%00X/",
    "/countries/MX/?tab=%00",
    "/countries/M%00X/calendar.ics",
    "/countries/MX/calendar.ics?lang=%00",
    "/search/?q=%00",
    "/search/?q=mig%00ration",
    "/follow-up/?q=%00",
    "/follow-up/?country=M%00X",
    "/follow-up/?responsible=%00",
    "/follow-up/?organisation=%00",
    "/follow-up/?theme=%00",
    "/follow-up/?body=%00",
    "/follow-up/?status=%00",
    "/follow-up/export.xlsx?q=%00",
    "/follow-up/export.xlsx?country=%00",
    "/follow-up/export.csv?responsible=%00",
    "/follow-up/export.xl%00sx",
    "/follow-up/matrix/?country=%00",
    "/follow-up/matrix/?page=%00",
    "/follow-up/matrix/export.xlsx?country=%00&year=70000",
    "/api/v1/agreements/?q=%00",
    "/api/v1/countries/?q=%00",
    "/calendar/?country=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_byte_in_the_path_or_query_is_a_client_error(ts_client, url):
    AgreementFactory(responsible=[member_country("MX")])
    response = ts_client.get(url)
    assert response.status_code in {400, 404}


@pytest.mark.parametrize("url", ["/search/?q=%00", "/follow-up/?q=%00"])
def test_a_nul_byte_is_a_client_error_for_anonymous_readers_too(client, url):
    assert client.get(url).status_code in {400, 404}


def test_a_nul_byte_in_the_api_is_a_400_problem():
    response = APIClient().get("/api/v1/agreements/?q=%00")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_nul_byte_in_a_form_field_name_is_a_client_error(client):
    assert client.get("/search/?%00=x").status_code == 400


@pytest.mark.parametrize("year", ["-1", "0", "70000", "99999999999999999999"])
def test_a_year_out_of_range_on_the_dashboard_is_not_a_500(ts_client, year):
    AgreementFactory(responsible=[member_country("MX")])
    response = ts_client.get(f"/follow-up/?year={year}")
    assert response.status_code in {200, 400}
    if response.status_code == 200:
        assert response.context["filter"].errors["year"]


@pytest.mark.parametrize("url", ["/follow-up/export.xlsx?year=70000", "/follow-up/matrix/?year=-1"])
def test_a_year_out_of_range_elsewhere_is_not_a_500(ts_client, url):
    assert ts_client.get(url).status_code in {200, 400}


def test_a_year_out_of_range_in_the_api_is_a_400_problem():
    response = APIClient().get("/api/v1/agreements/?year=70000")
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_an_ordinary_year_still_filters_the_dashboard(ts_client):
    AgreementFactory(responsible=[member_country("MX")])
    response = ts_client.get("/follow-up/?year=2019")
    assert response.status_code == 200
    assert not response.context["filter"].errors


def test_a_nul_byte_in_an_api_address_is_a_400_problem_for_every_method():
    response = APIClient().delete("/api/v1/countries/M%00X/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_every_api_operation_documents_the_400_a_malformed_address_gets():
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    undocumented = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in {"get", "post", "put", "patch", "delete"}
        and "400" not in operation["responses"]
    ]
    assert undocumented == []
