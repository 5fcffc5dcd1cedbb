"""If-Match holds a writer to the version it read: `*` names no version, so it is refused (428)
on the updates and deletions of existing records, and nothing changes."""

import pytest
from django.utils import timezone
from rest_framework import status

from rcm.models import FocalPoint
from tests.factories import FocalPointFactory, MeetingFactory, PresidencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(mexico):
    return FocalPointFactory(country=mexico, person_name="Ana Example", email="ana@example.org")


def test_patch_with_if_match_star_answers_428_and_changes_nothing(api_as, ts_staff, contact):
    response = api_as(ts_staff).patch(
        f"/api/v1/focal-points/{contact.pk}/",
        {"email": "other@example.org"},
        format="json",
        HTTP_IF_MATCH="*",
    )
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    assert "ETag" in response.json()["detail"]
    contact.refresh_from_db()
    assert contact.email == "ana@example.org"


def test_put_with_if_match_star_answers_428(api_as, ts_staff):
    meeting = MeetingFactory(name_en="Meeting of the RCGM")
    client = api_as(ts_staff)
    url = f"/api/v1/meetings/{meeting.pk}/"
    body = {**client.get(url).json(), "name_en": "Renamed"}
    response = client.put(url, body, format="json", HTTP_IF_MATCH=" * ")
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    meeting.refresh_from_db()
    assert meeting.name_en == "Meeting of the RCGM"


def test_delete_with_if_match_star_answers_428_and_deletes_nothing(api_as, ts_staff, contact):
    response = api_as(ts_staff).delete(f"/api/v1/focal-points/{contact.pk}/", HTTP_IF_MATCH="*")
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    assert FocalPoint.objects.filter(pk=contact.pk).exists()


def test_a_consultation_correction_with_if_match_star_answers_428(api_as, mexico, focal_point_mx):
    PresidencyFactory(year=timezone.localdate().year, country=mexico)
    client = api_as(focal_point_mx)
    created = client.post(
        "/api/v1/consultations/",
        {"subject": "Joint statement", "text_en": "To issue a joint statement."},
        format="json",
    )
    assert created.status_code == status.HTTP_201_CREATED
    url = f"/api/v1/consultations/{created.json()['id']}/"
    response = client.patch(url, {"subject": "Changed"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    assert client.get(url).json()["subject"] == "Joint statement"


def test_the_etag_read_still_lets_the_change_through(api_as, ts_staff, contact):
    client = api_as(ts_staff)
    url = f"/api/v1/focal-points/{contact.pk}/"
    etag = client.get(url)["ETag"]
    response = client.patch(url, {"email": "new@example.org"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == status.HTTP_200_OK


def test_if_none_match_star_on_a_read_still_answers_304(api, contact):
    response = api.get(f"/api/v1/focal-points/{contact.pk}/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == status.HTTP_304_NOT_MODIFIED
