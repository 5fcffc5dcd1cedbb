"""Where people land after signing in, and in which language."""

import pytest

from tests.factories import focal_point_user, observer_user
from tests.networks.factories import network_officer_user

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def sign_in(client, user):
    return client.post(
        "/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )


def test_a_focal_point_lands_on_the_workspace_in_her_saved_language(client, guatemala):
    user = focal_point_user(guatemala, username="fp-gt-es", language="es")

    response = sign_in(client, user)

    assert response.redirect_chain[-1][0] == "/my/"
    assert client.cookies["django_language"].value == "es"
    assert response["Content-Language"] == "es"
    assert "Mi país" in response.content.decode()


def test_a_network_officer_lands_on_the_workspace(client, mexico):
    response = sign_in(client, network_officer_user(mexico, username="officer-mx"))

    assert response.redirect_chain[-1][0] == "/my/"


def test_ts_staff_land_on_the_validation_queue(client, ts_staff):
    response = sign_in(client, ts_staff)

    assert response.redirect_chain[-1][0] == "/follow-up/validation/"


def test_an_observer_lands_on_the_home_page(client, observer_org_user):
    response = sign_in(client, observer_org_user)

    assert response.redirect_chain[-1][0] == "/"


def test_a_page_asked_for_before_signing_in_is_where_one_lands(client, focal_point_gt):
    response = client.post(
        "/accounts/login/?next=/meetings/",
        {"username": focal_point_gt.username, "password": PASSWORD},
    )

    assert response["Location"] == "/meetings/"


def test_a_wrong_password_sets_no_language(client, guatemala):
    user = focal_point_user(guatemala, username="fp-gt-es", language="es")

    client.post("/accounts/login/", {"username": user.username, "password": "wrong"})

    assert "django_language" not in client.cookies


def test_an_observer_state_delegate_has_my_country_pointing_to_its_page(client):
    from tests.factories import observer_country

    user = observer_user(country=observer_country("AR"), username="ar-delegate")
    client.force_login(user)

    assert client.get("/my/")["Location"] == "/countries/AR/"
