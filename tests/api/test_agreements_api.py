import datetime

import pytest
from rest_framework import status

from agreements.models import FollowUp, Status, Validation
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, OrganisationFactory, member_country

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 3, 31)
FUTURE = datetime.date(2099, 12, 31)


def test_overdue_agreements_for_a_country(api, mexico, guatemala):
    overdue_mx = AgreementFactory(deadline=PAST, responsible=[mexico])
    AgreementFactory(deadline=PAST, responsible=[guatemala])
    AgreementFactory(deadline=FUTURE, responsible=[mexico])
    AgreementFactory(deadline=PAST, responsible=[mexico], status=Status.DONE)
    response = api.get("/api/v1/agreements/?overdue=true&country=MX")
    assert response.status_code == status.HTTP_200_OK
    assert [row["id"] for row in response.json()["results"]] == [overdue_mx.id]
    assert response.json()["results"][0]["overdue"] is True


def test_overdue_for_a_country_ignores_agreements_its_part_of_is_done(
    api, mexico, guatemala, ts_staff
):
    from agreements import services

    shared = AgreementFactory(deadline=PAST, responsible=[mexico, guatemala])
    services.followup_record(agreement=shared, author=ts_staff, status="done", country=mexico)
    assert api.get("/api/v1/agreements/?overdue=true&country=MX").json()["count"] == 0
    assert api.get("/api/v1/agreements/?overdue=true&country=GT").json()["count"] == 1


def test_agreement_carries_actors_responsible_children_and_lineage(api, mexico):
    iom = OrganisationFactory(acronym="IOM")
    parent = AgreementFactory(ref="7", mentions=[iom], responsible=[mexico])
    child = AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a", status="done")
    data = api.get(f"/api/v1/agreements/{parent.pk}/").json()
    assert data["ref"] == "7"
    assert data["actors"] == ["MX", "IOM"]
    assert data["responsible"] == ["MX"]
    assert data["countries"] == [{"code": "MX", "responsible": True, "status": "open"}]
    assert data["children"] == [child.pk]
    assert data["progress"] == 1.0
    assert data["lineage"] == {"earlier": [], "later": []}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("action=urge", {"urge"}),
        ("status=open", {"urge"}),
        ("section=recommendation", {"recommend"}),
        ("body=RCGM", {"urge", "recommend"}),
        ("body=vice_ministerial", set()),
        ("year=2013", {"urge", "recommend"}),
        ("deadline_before=2014-01-31", {"urge"}),
        ("q=budget", {"recommend"}),
    ],
)
def test_agreements_filter(api, query, expected):
    meeting = MeetingFactory()
    AgreementFactory(meeting=meeting, action="urge", deadline=datetime.date(2014, 1, 19))
    AgreementFactory(
        meeting=meeting,
        action="recommend",
        section="recommendation",
        status=Status.DONE,
        text_en="To recommend approval of the 2022 Budget of the Executive Secretariat.",
    )
    rows = api.get(f"/api/v1/agreements/?{query}").json()["results"]
    assert {row["action"] for row in rows} == expected


def test_an_invalid_filter_value_answers_400_as_a_problem(api):
    response = api.get("/api/v1/agreements/?deadline_before=tomorrow")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    assert "deadline_before" in response.json()["errors"]


def test_members_only_agreement_never_reaches_anonymous_users(api):
    hidden = AgreementFactory(
        visibility=Visibility.MEMBERS, text_en="To urge a confidential budget review."
    )
    assert api.get(f"/api/v1/agreements/{hidden.pk}/").status_code == status.HTTP_404_NOT_FOUND
    assert api.get("/api/v1/agreements/").json()["count"] == 0
    assert api.get("/api/v1/agreements/?q=confidential").json()["count"] == 0
    export = api.get("/api/v1/agreements/?format=csv")
    assert "confidential" not in b"".join(export.streaming_content).decode()


def test_members_only_agreement_is_shown_to_a_focal_point(api_as, focal_point_mx):
    hidden = AgreementFactory(visibility=Visibility.MEMBERS)
    response = api_as(focal_point_mx).get(f"/api/v1/agreements/{hidden.pk}/")
    assert response.status_code == status.HTTP_200_OK


def test_detail_carries_an_etag_and_answers_304_when_unchanged(api):
    agreement = AgreementFactory()
    first = api.get(f"/api/v1/agreements/{agreement.pk}/")
    again = api.get(f"/api/v1/agreements/{agreement.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == status.HTTP_304_NOT_MODIFIED


def test_patch_without_if_match_answers_428(api_as, ts_staff):
    agreement = AgreementFactory()
    response = api_as(ts_staff).patch(
        f"/api/v1/agreements/{agreement.pk}/", {"deadline": "2014-04-30"}, format="json"
    )
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    assert response.json()["status"] == 428


def test_two_editors_with_the_same_etag_one_wins_the_other_gets_412(api_as, ts_staff):
    agreement = AgreementFactory()
    url = f"/api/v1/agreements/{agreement.pk}/"
    first, second = api_as(ts_staff), api_as(ts_staff)
    etag = first.get(url)["ETag"]
    won = first.patch(url, {"deadline_text": "by March 31st"}, format="json", HTTP_IF_MATCH=etag)
    lost = second.patch(url, {"deadline_text": "in due course"}, format="json", HTTP_IF_MATCH=etag)
    assert won.status_code == status.HTTP_200_OK
    assert lost.status_code == status.HTTP_412_PRECONDITION_FAILED
    agreement.refresh_from_db()
    assert agreement.deadline_text == "by March 31st"


def test_a_status_change_through_the_api_is_recorded_as_a_follow_up(api_as, ts_staff):
    agreement = AgreementFactory()
    url = f"/api/v1/agreements/{agreement.pk}/"
    client = api_as(ts_staff)
    response = client.patch(
        url, {"status": "in_progress"}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"]
    )
    assert response.json()["status"] == "in_progress"
    assert agreement.follow_ups.get().status == "in_progress"


def test_actors_are_written_with_codes(api_as, ts_staff, mexico):
    OrganisationFactory(acronym="TS")
    agreement = AgreementFactory()
    url = f"/api/v1/agreements/{agreement.pk}/"
    client = api_as(ts_staff)
    response = client.patch(
        url,
        {"actors": ["MX", "TS"], "responsible": ["TS"]},
        format="json",
        HTTP_IF_MATCH=client.get(url)["ETag"],
    )
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["actors"] == ["MX", "TS"]
    assert response.json()["responsible"] == ["TS"]


def test_an_unknown_actor_code_is_refused_and_nothing_changes(api_as, ts_staff, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    url = f"/api/v1/agreements/{agreement.pk}/"
    client = api_as(ts_staff)
    response = client.patch(
        url, {"actors": ["MX", "XQZ"]}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"]
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "XQZ" in response.json()["errors"]["actors"][0]
    assert list(agreement.country_links.values_list("country_id", flat=True)) == ["MX"]


def test_a_focal_point_cannot_edit_an_agreement(api_as, focal_point_mx):
    agreement = AgreementFactory()
    client = api_as(focal_point_mx)
    url = f"/api/v1/agreements/{agreement.pk}/"
    response = client.patch(
        url, {"ref": "99"}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"]
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN


def test_a_focal_point_posts_a_follow_up_that_awaits_validation(api_as, focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    response = api_as(focal_point_mx).post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/",
        {"status": "in_progress", "note": "Borrador enviado a consulta."},
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED
    assert response.json()["validation"] == Validation.PROPOSED
    assert response.json()["country"] == "MX"


def test_a_focal_point_of_another_country_cannot_post_a_follow_up(api_as, focal_point_gt, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    response = api_as(focal_point_gt).post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/", {"status": "done"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert not FollowUp.objects.exists()


def test_ts_staff_accept_a_proposed_update_through_the_api(
    api_as, focal_point_mx, mexico, ts_staff
):
    agreement = AgreementFactory(responsible=[mexico])
    posted = api_as(focal_point_mx).post(
        f"/api/v1/agreements/{agreement.pk}/follow-ups/", {"status": "done"}, format="json"
    )
    response = api_as(ts_staff).post(f"/api/v1/follow-ups/{posted.json()['id']}/accept/")
    assert response.status_code == status.HTTP_200_OK
    agreement.refresh_from_db()
    assert agreement.status == Status.DONE


def test_csv_export_has_the_same_filters(api, mexico):
    AgreementFactory(ref="4", responsible=[mexico])
    AgreementFactory(ref="5")
    response = api.get("/api/v1/agreements/?format=csv&country=MX")
    assert response.status_code == status.HTTP_200_OK
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,meeting,meeting_name,section")
    assert len(lines) == 2
    assert ",4," in lines[1]


@pytest.mark.parametrize("count", [1, 50])
def test_agreement_list_runs_a_fixed_number_of_queries(api, django_assert_max_num_queries, count):
    meeting = MeetingFactory()
    mexico = member_country("MX")
    for agreement in AgreementFactory.create_batch(count, meeting=meeting, responsible=[mexico]):
        AgreementFactory(meeting=meeting, parent=agreement, ref=f"{agreement.ref}.a")
    # count, the page of agreements with meetings and every array (actors, children, lineage).
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/agreements/?page_size=200")
    assert response.json()["count"] == count * 2
