"""Conditional GET: ETags on details and lists, and a 304 that costs one query."""

import pytest
from rest_framework import status

from agreements import services
from tests.factories import AgreementFactory, MeetingFactory, ParticipationFactory, member_country

pytestmark = pytest.mark.django_db


def test_a_304_on_an_agreement_costs_one_query(api, django_assert_num_queries):
    mexico = member_country("MX")
    parent = AgreementFactory(responsible=[mexico])
    AgreementFactory(meeting=parent.meeting, parent=parent, ref=f"{parent.ref}.a")
    url = f"/api/v1/agreements/{parent.pk}/"
    etag = api.get(url)["ETag"]
    # the agreement with everything its representation carries.
    with django_assert_num_queries(1):
        response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == status.HTTP_304_NOT_MODIFIED
    assert response["ETag"] == etag
    assert not response.content


def test_a_304_on_a_meeting_costs_one_query(api, django_assert_num_queries):
    meeting = MeetingFactory()
    ParticipationFactory.create_batch(3, meeting=meeting)
    url = f"/api/v1/meetings/{meeting.pk}/"
    etag = api.get(url)["ETag"]
    # the meeting with its participants and parts.
    with django_assert_num_queries(1):
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == status.HTTP_304_NOT_MODIFIED


def test_the_etag_changes_when_a_responsible_country_reports_progress(api, ts_staff, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    url = f"/api/v1/agreements/{agreement.pk}/"
    etag = api.get(url)["ETag"]
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["countries"][0]["status"] == "done"


def test_a_list_page_carries_an_etag_and_answers_304_when_unchanged(api):
    AgreementFactory.create_batch(3)
    first = api.get("/api/v1/agreements/?page_size=2")
    again = api.get("/api/v1/agreements/?page_size=2", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == status.HTTP_304_NOT_MODIFIED


def test_a_list_page_answers_in_full_once_a_row_on_it_changed(api):
    agreement = AgreementFactory(deadline_text="")
    etag = api.get("/api/v1/agreements/")["ETag"]
    agreement.deadline_text = "by the next meeting"
    agreement.save()
    response = api.get("/api/v1/agreements/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["results"][0]["deadline_text"] == "by the next meeting"
