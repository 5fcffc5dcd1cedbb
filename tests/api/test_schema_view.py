"""The OpenAPI schema is generated and rendered once per language and format in each process: it
is the same for every reader and took one to two seconds to build on every request."""

from unittest import mock

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from rest_framework.test import APIClient

from rcm.api.schema import SchemaView
from tests.factories import ts_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def generations():
    SchemaView._generated.clear()
    SchemaView._rendered.clear()
    with mock.patch.object(
        SchemaGenerator, "get_schema", autospec=True, side_effect=SchemaGenerator.get_schema
    ) as get_schema:
        yield get_schema
    SchemaView._generated.clear()
    SchemaView._rendered.clear()


def test_the_schema_is_generated_once_for_every_reader(generations):
    anonymous = APIClient().get("/api/schema/", {"format": "json"})
    staff = APIClient()
    staff.force_authenticate(ts_staff_user())
    again = staff.get("/api/schema/", {"format": "json"})
    assert anonymous.status_code == again.status_code == 200
    assert anonymous.content == again.content
    assert generations.call_count == 1


def test_each_language_gets_its_own_schema(generations):
    english = APIClient().get("/api/schema/", {"format": "json", "lang": "en"})
    spanish = APIClient().get("/api/schema/", {"format": "json", "lang": "es"})
    assert english.content != spanish.content
    assert generations.call_count == 2


def test_each_format_is_rendered_once_and_served_as_rendered(generations):
    with mock.patch.object(
        OpenApiYamlRenderer, "render", autospec=True, side_effect=OpenApiYamlRenderer.render
    ) as render:
        first = APIClient().get("/api/schema/")
        again = APIClient().get("/api/schema/")
    as_json = APIClient().get("/api/schema/", {"format": "json"})
    assert render.call_count == 1
    assert first.content == again.content
    assert (
        first["Content-Type"]
        == again["Content-Type"]
        == "application/vnd.oai.openapi; charset=utf-8"
    )
    assert first["Content-Disposition"] == 'inline; filename="RCM Records API.yaml"'
    assert as_json["Content-Type"] == "application/vnd.oai.openapi+json"
    assert as_json.json()["openapi"].startswith("3.")
    assert generations.call_count == 1
