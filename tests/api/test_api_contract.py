"""The API answers as its schema says: what the schema accepts is accepted, what it refuses is
refused, and reads declare that authentication is optional."""

import pytest

from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    return api.get("/api/schema/", {"format": "json"}).json()


def parameter(schema, path, name):
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)


def test_an_empty_or_unknown_page_is_not_found_rather_than_the_first(api):
    assert api.get("/api/v1/countries/", {"page": ""}).status_code == 404
    assert api.get("/api/v1/countries/", {"page": "first"}).status_code == 404
    assert api.get("/api/v1/countries/", {"page": "1"}).status_code == 200


def test_a_page_size_that_is_not_a_whole_number_is_refused(api):
    response = api.get("/api/v1/countries/", {"page_size": "-3"})
    assert response.status_code == 400
    assert "page_size" in response.json()["errors"]


def test_an_unknown_or_empty_format_is_not_acceptable_for_every_method(api):
    assert api.get("/api/v1/countries/", {"format": ""}).status_code == 406
    assert api.get("/api/v1/countries/", {"format": "xml"}).status_code == 406
    assert api.post("/api/v1/countries/?format=xml", {}, format="json").status_code == 406
    assert api.get("/api/v1/countries/", {"format": "csv"}).status_code == 200


def test_the_id_of_a_record_that_does_not_exist_filters_to_nothing(api):
    ThemeFactory()
    response = api.get("/api/v1/themes/", {"parent": "999999"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_the_schema_gives_the_bounds_of_years_ids_and_pages(schema):
    assert parameter(schema, "/api/v1/assessments/", "year")["schema"]["maximum"] == 9999
    assert parameter(schema, "/api/v1/themes/", "parent")["schema"]["minimum"] == 1
    assert parameter(schema, "/api/v1/themes/", "page_size")["schema"]["maximum"] == 200
    assert parameter(schema, "/api/v1/balances/arrears/", "year")["schema"]["minimum"] == 1996


def test_reads_declare_authentication_optional_and_writes_require_it(schema):
    operations = schema["paths"]["/api/v1/countries/"]
    assert {} in operations["get"]["security"]
    assert {} not in operations["post"]["security"]


def test_contacts_withheld_from_some_readers_are_declared_nullable(schema):
    properties = schema["components"]["schemas"]["FocalPoint"]["properties"]
    assert properties["person_name"]["nullable"] is True
    assert properties["email"]["nullable"] is True
