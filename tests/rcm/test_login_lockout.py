"""Sign-in lockouts take the client's address from the trusted proxies, lock a username from
one address only, and stop one address trying many usernames."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
WRONG = "wrong-password-here"
PROXY = "10.0.0.1"
ATTACKER = "203.0.113.9"
ADMIN_HOME = "198.51.100.7"


@pytest.fixture
def behind_one_proxy(settings):
    """The documented deployment: one TLS proxy that appends the client's address."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


@pytest.fixture
def ts_admin(db):
    return UserFactory(username="ts-admin", is_staff=True)


def sign_in(client, username, password, *, address=PROXY, forwarded_for=None):
    headers = {"REMOTE_ADDR": address}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/accounts/login/", {"username": username, "password": password}, **headers)


def through_proxy(client, username, password, *, client_address, forged=None):
    """A sign-in through the proxy, which appends the address it was reached from."""
    forwarded_for = f"{forged}, {client_address}" if forged else client_address
    return sign_in(client, username, password, address=PROXY, forwarded_for=forwarded_for)


def test_failures_from_elsewhere_do_not_lock_ts_admin_behind_the_proxy(
    client, behind_one_proxy, ts_admin
):
    for _ in range(10):
        through_proxy(client, "ts-admin", WRONG, client_address=ATTACKER)
    response = through_proxy(client, "ts-admin", PASSWORD, client_address=ADMIN_HOME)
    assert response.status_code == 302


def test_a_forged_forwarded_for_does_not_lock_ts_admin_at_the_address_it_names(
    client, behind_one_proxy, ts_admin
):
    for _ in range(10):
        through_proxy(client, "ts-admin", WRONG, client_address=ATTACKER, forged=ADMIN_HOME)
    response = through_proxy(client, "ts-admin", PASSWORD, client_address=ADMIN_HOME)
    assert response.status_code == 302


def test_a_new_forged_forwarded_for_on_each_try_does_not_escape_the_lockout(
    client, behind_one_proxy, ts_admin
):
    for n in range(5):
        through_proxy(client, "ts-admin", WRONG, client_address=ATTACKER, forged=f"192.0.2.{n}")
    response = through_proxy(
        client, "ts-admin", PASSWORD, client_address=ATTACKER, forged="192.0.2.99"
    )
    assert response.status_code == 429


def test_without_proxies_a_forwarded_for_header_is_ignored(client, ts_admin):
    for n in range(5):
        sign_in(client, "ts-admin", WRONG, address=ATTACKER, forwarded_for=f"192.0.2.{n}")
    response = sign_in(client, "ts-admin", PASSWORD, address=ATTACKER, forwarded_for=ADMIN_HOME)
    assert response.status_code == 429


def test_spraying_one_password_over_many_usernames_is_stopped(client, settings):
    UserFactory(username="victim")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"person-{n}", WRONG, address=ATTACKER)
    response = sign_in(client, "victim", PASSWORD, address=ATTACKER)
    assert response.status_code == 429


def test_spraying_from_one_address_does_not_lock_the_users_elsewhere(client, settings):
    UserFactory(username="victim")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"person-{n}", WRONG, address=ATTACKER)
    assert sign_in(client, "victim", PASSWORD, address=ADMIN_HOME).status_code == 302


def test_a_colleague_at_the_same_address_signs_in_after_someone_else_is_locked(client, settings):
    UserFactory(username="ana")
    UserFactory(username="ben")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ana", WRONG, address=ATTACKER)
    assert sign_in(client, "ben", PASSWORD, address=ATTACKER).status_code == 302


def test_signing_in_to_ones_own_account_does_not_clear_the_addresss_other_failures(
    client, settings
):
    UserFactory(username="attacker")
    UserFactory(username="victim")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, f"person-{n}", WRONG, address=ATTACKER)
    assert sign_in(client, "attacker", PASSWORD, address=ATTACKER).status_code == 302
    client.logout()
    sign_in(client, "person-x", WRONG, address=ATTACKER)
    assert sign_in(client, "victim", PASSWORD, address=ATTACKER).status_code == 429


def test_a_forwarded_for_that_is_not_an_address_counts_as_the_proxys(client, behind_one_proxy):
    UserFactory(username="ana")
    response = sign_in(client, "ana", WRONG, forwarded_for="not-an-address")
    assert response.status_code == 200
    assert response.context["form"].errors
