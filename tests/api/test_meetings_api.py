import pytest
from rest_framework.test import APIClient

from tests.factories import MeetingFactory, ParticipationFactory, ts_staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 40])
def test_meeting_list_runs_a_fixed_number_of_queries(api, django_assert_num_queries, count):
    for meeting in MeetingFactory.create_batch(count):
        ParticipationFactory.create_batch(3, meeting=meeting)
    # count; the page of meetings with their participants.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(3):
        response = api.get("/api/v1/meetings/?page_size=200")
    assert response.json()["count"] == count
    assert all(len(row["participants"]) == 3 for row in response.json()["results"])


def test_a_meeting_lists_its_parts_the_reader_may_see(api):
    from meetings.models import MeetingKind, MeetingPart
    from rcm.models import Visibility

    rcm = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26)
    plenary = MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL, parent=rcm, part=MeetingPart.PLENARY
    )
    MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL,
        parent=rcm,
        part=MeetingPart.CLOSED_DOOR,
        visibility=Visibility.MEMBERS,
    )
    assert api.get(f"/api/v1/meetings/{rcm.pk}/").json()["parts"] == [plenary.pk]


def test_a_planned_meeting_posted_without_a_year_or_a_precision_is_created_not_a_500():
    client = APIClient()
    client.force_authenticate(ts_staff_user())
    response = client.post(
        "/api/v1/meetings/",
        {"kind": "workshop", "name_en": "Workshop on return", "status": "planned"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["year"], response.json()["date_precision"]) == (None, "none")
