"""The OpenAPI schema is generated once per language in each process: it is the same for every
reader and took one to two seconds to build on every request."""

from unittest import mock

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from rcm.api.schema import SchemaView
from tests.factories import ts_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def generations():
    SchemaView._generated.clear()
    with mock.patch.object(
        SchemaGenerator, "get_schema", autospec=True, side_effect=SchemaGenerator.get_schema
    ) as get_schema:
        yield get_schema
    SchemaView._generated.clear()


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
