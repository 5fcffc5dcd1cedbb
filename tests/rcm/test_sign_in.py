import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from rcm.models import APIToken
from rcm.services import api_token_create, user_deactivate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_a_person_signs_in_and_the_session_key_changes(client):
    UserFactory(username="ana")
    client.get("/accounts/login/")
    before = client.session.session_key
    response = sign_in(client, "ana", PASSWORD)
    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.session["_auth_user_id"]


def test_unknown_user_and_wrong_password_get_the_same_answer(client):
    UserFactory(username="ana")
    unknown = sign_in(client, "nobody", "whatever-password", address="10.0.0.2")
    wrong = sign_in(client, "ana", "whatever-password", address="10.0.0.3")
    assert unknown.status_code == wrong.status_code == 200
    assert unknown.context["form"].errors == wrong.context["form"].errors


def test_repeated_failures_lock_the_username_from_that_address(client):
    UserFactory(username="ana")
    for _ in range(5):
        sign_in(client, "ana", "wrong-password-here")
    locked = sign_in(client, "ana", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_lock_the_same_person_from_another_address(client):
    UserFactory(username="ana")
    for _ in range(5):
        sign_in(client, "ana", "wrong-password-here", address="10.0.0.9")
    assert sign_in(client, "ana", PASSWORD, address="10.0.0.10").status_code == 302


def test_a_lockout_does_not_lock_others_out(client):
    UserFactory(username="ana")
    UserFactory(username="ben")
    for _ in range(5):
        sign_in(client, "ana", "wrong-password-here")
    assert sign_in(client, "ben", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["short1", "password123", "1234567890123"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password, UserFactory.build(username="ana"))


def test_a_deactivated_user_loses_sessions_and_tokens(client):
    user = UserFactory(username="ana")
    sign_in(client, "ana", PASSWORD)
    _, key = api_token_create(user=user, name="ministry system")
    user_deactivate(user=user)
    assert not Session.objects.exists()
    assert not APIToken.objects.active().exists()
    api = APIClient()
    response = api.get("/api/v1/countries/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401


def test_an_api_token_authenticates_and_records_its_last_use():
    user = UserFactory(username="system")
    token, key = api_token_create(user=user, name="IOM system")
    response = APIClient().get("/api/v1/countries/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_only_the_hash_of_a_token_is_stored():
    token, key = api_token_create(user=UserFactory(), name="x")
    assert key.split(".")[1] not in token.key_hash
    assert not APIToken.objects.filter(key_hash__contains=key).exists()


def test_a_revoked_token_is_refused():
    from django.utils import timezone

    token, key = api_token_create(user=UserFactory(), name="x")
    token.revoked_at = timezone.now()
    token.save()
    response = APIClient().get("/api/v1/countries/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
