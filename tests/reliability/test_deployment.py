"""A deployment is hardened: Django's checklist passes, headers are set, errors tell nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from rcm import views

BASE_DIR = Path(settings.BASE_DIR)


def production_environment(**overrides) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for their own process
        }  # fmt: skip
    }
    env.update(
        SECRET_KEY="k" * 10 + "Zq8#s9vL!x2@Wm4$Tn6%Yp0^Rb3&Hc5*Jd7(Kf1)Lg" * 2,
        ALLOWED_HOSTS="records.example.org",
        BEHIND_TLS_PROXY="1",
    )
    env.update(overrides)
    return env


@pytest.mark.slow  # a subprocess starts Django with production settings
def test_the_deployment_checklist_passes_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_a_deployment_without_a_secret_key_refuses_to_start():
    env = production_environment()
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.text


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_a_server_error_page_shows_no_trace_or_setting():
    request = RequestFactory().get("/follow-up/")
    response = views.server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in body and "SECRET_KEY" not in body and "SELECT" not in body


def test_an_api_server_error_is_a_problem_without_details():
    request = RequestFactory().get("/api/v1/agreements/")
    response = views.server_error(request)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert b"Traceback" not in response.content
