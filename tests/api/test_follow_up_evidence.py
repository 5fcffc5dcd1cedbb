"""The API gives an update's evidence as its access-checked download address (F17)."""

import pytest
from django.core.files.base import ContentFile
from rest_framework import status
from rest_framework.test import APIClient

from agreements import services
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_directory(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def update_with_evidence(agreement, author):
    return services.followup_record(
        agreement=agreement,
        author=author,
        status="in_progress",
        evidence=ContentFile(b"%PDF-1.4 decree", name="decree.pdf"),
    )


def test_the_evidence_field_is_the_absolute_access_checked_download_address(ts_staff, mexico):
    update = update_with_evidence(AgreementFactory(responsible=[mexico]), ts_staff)
    response = APIClient().get(f"/api/v1/follow-ups/{update.pk}/")
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["evidence"] == f"http://testserver/follow-ups/{update.pk}/evidence"


def test_the_evidence_address_downloads_the_file_for_those_who_may_see_it(ts_staff, mexico):
    update = update_with_evidence(AgreementFactory(responsible=[mexico]), ts_staff)
    client = APIClient()
    address = client.get(f"/api/v1/follow-ups/{update.pk}/").json()["evidence"]
    download = client.get(address)
    assert download.status_code == status.HTTP_200_OK
    assert b"".join(download.streaming_content) == b"%PDF-1.4 decree"


def test_no_media_address_reaches_the_api(ts_staff, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    update_with_evidence(agreement, ts_staff)
    client = APIClient()
    client.force_authenticate(ts_staff)
    for url in (
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        "/api/v1/follow-ups/",
        "/api/v1/follow-ups/?format=csv",
    ):
        response = client.get(url)
        body = response.content if not response.streaming else b"".join(response.streaming_content)
        assert b"/media/" not in body
        assert b"/evidence" in body


def test_an_update_without_evidence_has_none(ts_staff, mexico):
    update = services.followup_record(
        agreement=AgreementFactory(responsible=[mexico]), author=ts_staff, status="in_progress"
    )
    assert APIClient().get(f"/api/v1/follow-ups/{update.pk}/").json()["evidence"] is None


def test_a_members_only_updates_evidence_address_is_a_404_for_the_public(ts_staff, mexico):
    meeting = MeetingFactory(visibility=Visibility.MEMBERS)
    agreement = AgreementFactory(
        meeting=meeting, responsible=[mexico], visibility=Visibility.MEMBERS
    )
    update = update_with_evidence(agreement, ts_staff)
    staff = APIClient()
    staff.force_authenticate(ts_staff)
    address = staff.get(f"/api/v1/follow-ups/{update.pk}/").json()["evidence"]
    assert address.endswith(f"/follow-ups/{update.pk}/evidence")
    assert APIClient().get(address).status_code == status.HTTP_404_NOT_FOUND


def test_posting_evidence_through_the_api_still_takes_a_file(client, focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    api = APIClient()
    api.force_authenticate(focal_point_mx)
    response = api.post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        {"status": "in_progress", "evidence": ContentFile(b"report", name="report.txt")},
        format="multipart",
    )
    assert response.status_code == status.HTTP_201_CREATED
    update_id = response.json()["id"]
    assert response.json()["evidence"] == f"http://testserver/follow-ups/{update_id}/evidence"


def test_evidence_of_a_kind_not_allowed_is_a_field_error(focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    api = APIClient()
    api.force_authenticate(focal_point_mx)
    response = api.post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        {"status": "in_progress", "evidence": ContentFile(b"MZ", name="tool.exe")},
        format="multipart",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "evidence" in str(response.json())
    assert not agreement.follow_ups.exists()
