"""One shape for every API error (RFC 9457 problem details), and no 500 for any input."""

import pytest
from django.core.cache import cache
from rest_framework import status

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def assert_problem(response, code):
    assert response.status_code == code
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == code


def test_an_unknown_resource_is_a_404_problem(api):
    assert_problem(api.get("/api/v1/nothing-here/"), status.HTTP_404_NOT_FOUND)


def test_a_page_that_does_not_exist_is_a_404_problem(api):
    assert_problem(api.get("/api/v1/agreements/?page=99"), status.HTTP_404_NOT_FOUND)


def test_a_method_not_offered_is_a_405_problem(api_as, ts_staff):
    assert_problem(api_as(ts_staff).put("/api/v1/agreements/"), status.HTTP_405_METHOD_NOT_ALLOWED)


def test_invalid_data_lists_the_errors_per_field(api_as, ts_staff):
    response = api_as(ts_staff).post("/api/v1/presidencies/", {"year": "nineteen"}, format="json")
    assert_problem(response, status.HTTP_400_BAD_REQUEST)
    assert "year" in response.json()["errors"]


def test_a_moment_with_an_offset_postgresql_cannot_hold_is_asked_in_utc(api):
    # A valid moment by its schema (date-time, offset -21:57); PostgreSQL holds offsets up to
    # ±15:59, so the filter asks for the same moment in UTC.
    response = api.get("/api/v1/follow-ups/?posted_after=9482-09-09T16:49:42-21:57")
    assert response.status_code == status.HTTP_200_OK


def test_a_moment_past_the_last_day_python_holds_is_a_400_not_a_500(api):
    response = api.get("/api/v1/follow-ups/?posted_after=9999-12-31T23:00:00-15:00")
    assert_problem(response, status.HTTP_400_BAD_REQUEST)
    assert "posted_after" in response.json()["errors"]


def test_errors_are_problems_even_when_csv_was_asked_for(api):
    response = api.post("/api/v1/agreements/?format=csv", {}, format="json")
    assert_problem(response, status.HTTP_401_UNAUTHORIZED)


def test_too_many_requests_answers_429_with_retry_after(api, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "2/minute"}
    try:
        for _ in range(2):
            api.get("/api/v1/countries/")
        response = api.get("/api/v1/countries/")
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
        cache.clear()
    assert_problem(response, status.HTTP_429_TOO_MANY_REQUESTS)
    assert int(response["Retry-After"]) > 0
