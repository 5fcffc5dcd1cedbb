"""API throttles count the client's address as the trusted proxies saw it: a client that writes
a new X-Forwarded-For on each request is still counted as one."""

import pytest
from django.core.cache import cache
from rest_framework import status
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture
def two_requests_a_minute():
    cache.clear()
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "2/minute"}
    yield
    AnonRateThrottle.THROTTLE_RATES = original
    cache.clear()


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def get_countries(api, *, forwarded_for, address=PROXY):
    return api.get("/api/v1/countries/", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_a_new_forwarded_for_on_each_request_is_still_throttled(api, two_requests_a_minute):
    for n in range(2):
        get_countries(api, forwarded_for=f"192.0.2.{n}", address="203.0.113.9")
    response = get_countries(api, forwarded_for="192.0.2.99", address="203.0.113.9")
    assert response.status_code == status.HTTP_429_TOO_MANY_REQUESTS


def test_behind_the_proxy_a_forged_forwarded_for_is_still_throttled(
    api, behind_one_proxy, two_requests_a_minute
):
    for n in range(2):
        get_countries(api, forwarded_for=f"192.0.2.{n}, 203.0.113.9")
    response = get_countries(api, forwarded_for="192.0.2.99, 203.0.113.9")
    assert response.status_code == status.HTTP_429_TOO_MANY_REQUESTS


def test_behind_the_proxy_each_client_has_its_own_count(
    api, behind_one_proxy, two_requests_a_minute
):
    for _ in range(2):
        get_countries(api, forwarded_for="203.0.113.9")
    assert get_countries(api, forwarded_for="198.51.100.7").status_code == status.HTTP_200_OK
