import pytest
from django.utils import translation
from rest_framework.test import APIClient

from tests.factories import member_country, observer_country, observer_user


@pytest.fixture(autouse=True)
def _english_messages():
    # A page asked for in Spanish leaves Spanish active in the thread: start each test in English.
    with translation.override("en"):
        yield


@pytest.fixture
def api_as():
    """api_as(user) → an API client signed in as that user (None for anonymous)."""

    def make(user):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def observer_state_user(db):
    """A delegate of an observer state: sees no finance record."""
    return observer_user(country=observer_country("CO"), username="co-delegate")


@pytest.fixture
def belize(db):
    return member_country("BZ", name_en="Belize", name_es="Belice")
