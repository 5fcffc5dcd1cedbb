"""A members-only or restricted record never reaches those who may not see it: not in lists,
counts, search, exports, feeds or error messages."""

import datetime

import pytest
from rest_framework.test import APIClient

from rcm.models import Visibility
from rcm.testing.shared_rows import built_once
from tests.factories import AgreementFactory, MeetingFactory, member_country, observer_user

pytestmark = pytest.mark.django_db

SECRET = "Xylophone arrears review"


@pytest.fixture(scope="module", autouse=True)
def hidden_records(django_db_setup, django_db_blocker):
    # Built once: the tests only read them (what one writes is rolled back after it).
    yield from built_once(django_db_blocker, build_hidden_records)


def build_hidden_records():
    mexico = member_country("MX")
    public_meeting = MeetingFactory(name_en="Public RCGM")
    AgreementFactory(
        meeting=public_meeting,
        text_en=f"To urge the {SECRET} before the deadline.",
        visibility=Visibility.MEMBERS,
        responsible=[mexico],
        deadline=datetime.date(2020, 1, 1),
    )
    restricted = MeetingFactory(
        name_en=f"Closed-door session on the {SECRET}",
        visibility=Visibility.RESTRICTED,
        starts_on=datetime.date(2030, 6, 1),
        status="planned",
    )
    AgreementFactory(
        meeting=restricted, text_en=f"Decision on the {SECRET}.", visibility=Visibility.RESTRICTED
    )
    return public_meeting


PATHS = [
    "/", "/meetings/", "/follow-up/", "/follow-up/?overdue=true", "/follow-up/matrix/",
    "/search/?q=xylophone", "/countries/MX/", "/calendar/", "/calendar.ics",
    "/countries/MX/calendar.ics", "/api/v1/agreements/", "/api/v1/agreements/?q=xylophone",
    "/api/v1/agreements/?format=csv", "/api/v1/meetings/", "/api/v1/meetings/?q=xylophone",
    "/api/v1/follow-ups/", "/follow-up/export.csv", "/follow-up/export.xlsx",
    "/follow-up/matrix/export.csv",
]  # fmt: skip


def body(response) -> str:
    if response.streaming:
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_users_never_see_members_only_or_restricted_records(client, hidden_records, path):
    response = client.get(path)
    assert response.status_code == 200
    assert SECRET.lower() not in body(response).lower()


@pytest.mark.parametrize("path", PATHS)
def test_observers_never_see_records_of_meetings_they_did_not_attend(
    client, hidden_records, observer_org_user, path
):
    client.force_login(observer_org_user)
    assert SECRET.lower() not in body(client.get(path)).lower()


def test_counts_leave_out_what_anonymous_users_may_not_see(client, hidden_records):
    assert client.get("/follow-up/").context["counts"]["total"] == 0
    assert APIClient().get("/api/v1/agreements/").json()["count"] == 0


def test_an_observer_sees_members_records_of_a_meeting_it_attended(client, hidden_records):
    from meetings.models import Participation
    from tests.factories import OrganisationFactory

    iom = OrganisationFactory(acronym="IOM")
    Participation.objects.create(meeting=hidden_records, organisation=iom, role="observer")
    client.force_login(observer_user(organisation=iom))
    assert SECRET in client.get("/follow-up/").text


def test_a_hidden_record_answers_404_with_nothing_of_it_in_the_body(client, hidden_records):
    from agreements.models import Agreement

    hidden = Agreement.objects.get(visibility=Visibility.RESTRICTED)
    for path in (f"/agreements/{hidden.pk}/", f"/api/v1/agreements/{hidden.pk}/"):
        response = client.get(path)
        assert response.status_code == 404
        assert SECRET.lower() not in body(response).lower()


def test_restricted_records_reach_the_people_named_for_them(client, hidden_records):
    from meetings.models import Meeting
    from tests.factories import focal_point_user

    person = focal_point_user(member_country("MX"))
    meeting = Meeting.objects.get(visibility=Visibility.RESTRICTED)
    meeting.named_users.add(person)
    client.force_login(person)
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 200
