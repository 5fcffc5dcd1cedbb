"""Error pages carry the site, speak the reader's language, say why and what to do, and never tell
a hidden record from a missing one."""

import re

import pytest
from django.test import RequestFactory, override_settings

from rcm import views
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_missing_page_carries_the_sites_navigation_and_a_way_back(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert 'href="/meetings/"' in page
    assert "There is no page here for you" in page
    assert "sign in to see them" in page


@override_settings(DEBUG=False)
def test_a_missing_page_speaks_spanish_to_a_spanish_reader(client):
    response = client.get("/no-such-page/", headers={"accept-language": "es"})

    assert response.status_code == 404
    assert "Aquí no hay una página para usted" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_hidden_record_and_a_missing_one_answer_the_same_page(client):
    hidden = AgreementFactory(
        meeting=MeetingFactory(visibility=Visibility.RESTRICTED), visibility=Visibility.RESTRICTED
    )

    hidden_page = client.get(f"/agreements/{hidden.pk}/")
    missing_page = client.get(f"/agreements/{hidden.pk + 10_000}/")

    assert hidden_page.status_code == missing_page.status_code == 404
    assert _without_path_and_token(hidden_page) == _without_path_and_token(missing_page)


def _without_path_and_token(response) -> str:
    page = response.content.decode().replace(response.wsgi_request.path, "PATH")
    page = page.replace(response.wsgi_request.path.replace("/", "%2F"), "PATH")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@override_settings(DEBUG=False)
def test_a_forbidden_page_tells_an_anonymous_reader_to_sign_in():
    request = RequestFactory().get("/somewhere/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = views.permission_denied(request)

    assert response.status_code == 403
    assert "Sign in with your RCM Records account" in response.content.decode()


def test_a_server_error_page_is_styled_and_standalone():
    response = views.server_error(RequestFactory().get("/somewhere/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert "css/app.css" in page
    assert "Something went wrong on our side" in page


def test_a_bad_request_page_explains_and_offers_the_home_page():
    response = views.bad_request(RequestFactory().get("/somewhere/"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "This request could not be understood" in page
    assert "Go to the home page" in page


def test_the_api_still_answers_errors_as_problem_json(client):
    response = client.get("/api/v1/agreements/999999/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
