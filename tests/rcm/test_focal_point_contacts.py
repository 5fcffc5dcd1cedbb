"""Who keeps a country's focal-point contacts (the reminders go to those addresses): the country's
own focal points and the TS; a network officer of the country reads them but may not write."""

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from rcm.models import FocalPoint, Role
from tests.admin_forms import change_form_data
from tests.factories import FocalPointFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_CONTACT = {
    "country": "MX",
    "institution_kind": "immigration",
    "institution_en": "National Migration Institute",
    "person_name": "Someone Else",
    "email": "someone@example.org",
}


@pytest.fixture
def contact(mexico):
    return FocalPointFactory(country=mexico, person_name="Ana Example", email="ana@example.org")


@pytest.fixture
def officer_mx(mexico):
    return UserFactory(username="officer-mx", country=mexico, roles=[Role.NETWORK_OFFICER])


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def patch_email(user, contact, email):
    client = api(user)
    etag = client.get(f"/api/v1/focal-points/{contact.pk}/")["ETag"]
    return client.patch(
        f"/api/v1/focal-points/{contact.pk}/", {"email": email}, format="json", HTTP_IF_MATCH=etag
    )


def test_a_network_officer_cannot_add_a_focal_point_contact(officer_mx):
    response = api(officer_mx).post("/api/v1/focal-points/", NEW_CONTACT, format="json")
    assert response.status_code == 403
    assert not FocalPoint.objects.exists()


def test_a_network_officer_cannot_change_a_focal_point_contact(officer_mx, contact):
    response = patch_email(officer_mx, contact, "attacker@example.org")
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"


def test_a_network_officer_cannot_replace_a_focal_point_contact(officer_mx, contact):
    client = api(officer_mx)
    etag = client.get(f"/api/v1/focal-points/{contact.pk}/")["ETag"]
    response = client.put(
        f"/api/v1/focal-points/{contact.pk}/",
        {**NEW_CONTACT, "email": "attacker@example.org"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"


def test_a_network_officer_still_reads_the_contacts(officer_mx, contact):
    response = api(officer_mx).get(f"/api/v1/focal-points/{contact.pk}/")
    assert response.json()["email"] == "ana@example.org"


def test_the_countrys_focal_point_keeps_its_contacts_current(focal_point_mx, contact):
    assert patch_email(focal_point_mx, contact, "ana.new@example.org").status_code == 200
    contact.refresh_from_db()
    assert contact.email == "ana.new@example.org"
    created = api(focal_point_mx).post("/api/v1/focal-points/", NEW_CONTACT, format="json")
    assert created.status_code == 201


def test_another_countrys_focal_point_cannot_change_the_contacts(focal_point_gt, contact):
    assert patch_email(focal_point_gt, contact, "other@example.org").status_code == 403
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"


def test_ts_staff_change_any_contact(ts_staff, contact):
    assert patch_email(ts_staff, contact, "ts.set@example.org").status_code == 200
    contact.refresh_from_db()
    assert contact.email == "ts.set@example.org"


def staff_officer(mexico):
    """A network officer somebody let into the admin with the focal points' permissions."""
    officer = UserFactory(
        username="officer-admin", country=mexico, roles=[Role.NETWORK_OFFICER], is_staff=True
    )
    officer.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="rcm",
            codename__in=[
                "view_focalpoint", "add_focalpoint", "change_focalpoint", "delete_focalpoint",
                "view_country", "change_country",
            ],
        )
    )  # fmt: skip
    return officer


def test_a_network_officer_cannot_change_a_contact_in_the_admin(client, mexico, contact, ts_staff):
    # The form as TS staff would send it, with the address changed.
    client.force_login(ts_staff)
    url = f"/admin/rcm/focalpoint/{contact.pk}/change/"
    data = {**change_form_data(client.get(url)), "email": "attacker@example.org"}
    client.force_login(staff_officer(mexico))
    client.post(url, data)
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"
    assert client.get("/admin/rcm/focalpoint/add/").status_code == 403


def test_a_network_officer_cannot_change_contacts_through_the_country_in_the_admin(
    client, mexico, contact, ts_staff
):
    client.force_login(ts_staff)
    url = f"/admin/rcm/country/{mexico.pk}/change/"
    data = change_form_data(client.get(url))
    key = next(k for k, v in data.items() if k.endswith("-email") and v == "ana@example.org")
    data[key] = "attacker@example.org"
    client.force_login(staff_officer(mexico))
    client.post(url, data)
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"


def test_ts_staff_change_a_contact_in_the_admin(client, contact, ts_staff):
    client.force_login(ts_staff)
    url = f"/admin/rcm/focalpoint/{contact.pk}/change/"
    data = {**change_form_data(client.get(url)), "email": "ts.set@example.org"}
    assert client.post(url, data).status_code == 302
    contact.refresh_from_db()
    assert contact.email == "ts.set@example.org"
