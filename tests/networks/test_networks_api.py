"""The networks' API: filters, permissions, contacts, ETags, errors and query budgets."""

import datetime

import pytest
from rest_framework import status

from agreements.models import Status
from meetings.models import Meeting, MeetingKind, ParticipationRole
from networks.models import (
    MemberRole,
    NetworkKind,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
    WorkPlanItemUpdate,
)
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, OrganisationFactory, member_country
from tests.networks.factories import (
    BodyFactory,
    NetworkFactory,
    NetworkMemberFactory,
    NetworkReportFactory,
    WorkPlanFactory,
    WorkPlanItemFactory,
    network_officer_user,
)

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 3, 31)
FUTURE = datetime.date(2099, 12, 31)


def csv_text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


# --- Filters ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=MX", {"7.h"}),
        ("country=gt", {"7.k"}),
        ("organisation=iom", {"7.h", "7.k"}),
        ("status=done", {"7.l"}),
        ("status=open&status=in_progress", {"7.h", "7.k"}),
        ("deadline_after=2099-01-01&deadline_before=2099-06-30", {"7.k"}),
        ("overdue=true", {"7.h"}),
        ("overdue=false", {"7.k", "7.l"}),
    ],
)
def test_work_plan_items_filter(api, mexico, guatemala, query, expected):
    iom = OrganisationFactory(acronym="IOM")
    WorkPlanItemFactory(ref="7.h", deadline=PAST, countries=[mexico], organisations=[iom])
    WorkPlanItemFactory(
        ref="7.k",
        deadline=datetime.date(2099, 3, 31),
        status=Status.IN_PROGRESS,
        countries=[guatemala],
        organisations=[iom],
    )
    WorkPlanItemFactory(ref="7.l", deadline=PAST, status=Status.DONE)
    rows = api.get(f"/api/v1/work-plan-items/?{query}").json()["results"]
    assert {row["ref"] for row in rows} == expected


def test_work_plan_items_filter_by_plan_and_agreement(api):
    agreement = AgreementFactory(ref="7.h")
    wanted = WorkPlanItemFactory(agreement=agreement)
    WorkPlanItemFactory(plan=wanted.plan)
    WorkPlanItemFactory(agreement=agreement)
    by_plan = api.get(f"/api/v1/work-plan-items/?plan={wanted.plan_id}").json()
    by_agreement = api.get(f"/api/v1/work-plan-items/?agreement={agreement.pk}").json()
    assert by_plan["count"] == 2
    assert by_agreement["count"] == 2
    both = api.get(f"/api/v1/work-plan-items/?plan={wanted.plan_id}&agreement={agreement.pk}")
    assert [row["id"] for row in both.json()["results"]] == [wanted.pk]


def test_an_item_carries_its_responsible_actors_and_meetings_as_codes_and_ids(api, mexico):
    unodc = OrganisationFactory(acronym="UNODC")
    exchange = MeetingFactory(kind=MeetingKind.WORKING_GROUP)
    item = WorkPlanItemFactory(countries=[mexico], organisations=[unodc], meetings=[exchange])
    data = api.get(f"/api/v1/work-plan-items/{item.pk}/").json()
    assert (data["countries"], data["organisations"], data["meetings"]) == (
        ["MX"],
        ["UNODC"],
        [exchange.pk],
    )
    assert data["network"] == item.plan.network_id


def test_an_invalid_filter_value_answers_400_as_a_problem(api):
    response = api.get("/api/v1/work-plan-items/?deadline_before=soon")
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    assert "deadline_before" in response.json()["errors"]


def test_networks_filter_by_kind_and_member(api, mexico):
    network = NetworkFactory(kind=NetworkKind.LIAISON_NETWORK)
    NetworkMemberFactory(network=network, country=mexico)
    NetworkFactory(kind=NetworkKind.WORKING_GROUP)
    by_kind = api.get("/api/v1/networks/?kind=liaison_network").json()
    by_member = api.get("/api/v1/networks/?member=MX").json()
    assert [row["id"] for row in by_kind["results"]] == [network.pk]
    assert [row["id"] for row in by_member["results"]] == [network.pk]


def test_a_work_plan_reports_its_progress(api):
    plan = WorkPlanFactory()
    WorkPlanItemFactory(plan=plan, status=Status.DONE)
    WorkPlanItemFactory(plan=plan, status=Status.IN_PROGRESS)
    WorkPlanItemFactory(plan=plan, status=Status.DROPPED)
    data = api.get(f"/api/v1/work-plans/{plan.pk}/").json()
    assert (data["item_count"], data["items_done"], data["progress"]) == (3, 1, 0.5)


def test_reports_filter_by_meeting_and_presenter(api, mexico):
    rcgm = MeetingFactory()
    report = NetworkReportFactory(meeting=rcgm, presented_by_country=mexico)
    NetworkReportFactory()
    assert [
        r["id"] for r in api.get(f"/api/v1/network-reports/?meeting={rcgm.pk}").json()["results"]
    ] == [report.pk]
    assert api.get("/api/v1/network-reports/?presented_by=mx").json()["count"] == 1


# --- Contacts ---------------------------------------------------------------------------------


@pytest.fixture
def officer_with_contacts(mexico):
    return NetworkMemberFactory(
        country=mexico, person_name="Ana Example", email="ana@example.org", phone="+52 55 0000"
    )


def test_officers_contacts_never_reach_anonymous_users(api, officer_with_contacts):
    listed = api.get("/api/v1/network-members/").json()["results"][0]
    detail = api.get(f"/api/v1/network-members/{officer_with_contacts.pk}/").json()
    export = csv_text(api.get("/api/v1/network-members/?format=csv"))
    for data in (listed, detail):
        assert (data["person_name"], data["email"], data["phone"], data["user"]) == (
            None,
            None,
            None,
            None,
        )
        assert data["country"] == "MX"
    assert "ana@example.org" not in export
    assert "Ana Example" not in export
    assert "+52 55 0000" not in export


def test_officers_contacts_never_reach_observers(api_as, observer_org_user, officer_with_contacts):
    data = api_as(observer_org_user).get(f"/api/v1/network-members/{officer_with_contacts.pk}/")
    assert data.json()["email"] is None


def test_a_focal_point_of_a_member_country_sees_the_officers_contacts(
    api_as, focal_point_gt, officer_with_contacts
):
    data = api_as(focal_point_gt).get(f"/api/v1/network-members/{officer_with_contacts.pk}/")
    assert (data.json()["person_name"], data.json()["email"]) == ("Ana Example", "ana@example.org")


def test_members_cannot_be_ordered_by_their_contacts(api, officer_with_contacts):
    response = api.get("/api/v1/network-members/?ordering=email")
    assert [row["id"] for row in response.json()["results"]] == [officer_with_contacts.pk]
    assert response.json()["results"][0]["email"] is None


# --- Visibility -------------------------------------------------------------------------------


def test_a_members_only_network_answers_404_to_anonymous_users_and_is_not_counted(api):
    hidden = NetworkFactory(visibility=Visibility.MEMBERS, name_en="Confidential network")
    WorkPlanItemFactory(plan=WorkPlanFactory(network=hidden), text_en="Confidential activity.")
    assert api.get(f"/api/v1/networks/{hidden.pk}/").status_code == status.HTTP_404_NOT_FOUND
    assert api.get("/api/v1/networks/").json()["count"] == 0
    assert api.get("/api/v1/work-plans/").json()["count"] == 0
    assert api.get("/api/v1/work-plan-items/").json()["count"] == 0
    assert "Confidential" not in csv_text(api.get("/api/v1/work-plan-items/?format=csv"))


def test_a_members_only_network_is_shown_to_a_focal_point(api_as, focal_point_mx):
    hidden = NetworkFactory(visibility=Visibility.MEMBERS)
    response = api_as(focal_point_mx).get(f"/api/v1/networks/{hidden.pk}/")
    assert response.status_code == status.HTTP_200_OK


def test_a_members_only_network_is_shown_to_an_observer_organisation_that_is_a_member(
    api_as, observer_org, observer_org_user
):
    theirs = NetworkFactory(visibility=Visibility.MEMBERS)
    NetworkMember.objects.create(network=theirs, organisation=observer_org, role=MemberRole.MEMBER)
    other = NetworkFactory(visibility=Visibility.MEMBERS)
    client = api_as(observer_org_user)
    assert client.get(f"/api/v1/networks/{theirs.pk}/").status_code == status.HTTP_200_OK
    assert client.get(f"/api/v1/networks/{other.pk}/").status_code == status.HTTP_404_NOT_FOUND


def test_a_restricted_plan_reaches_only_ts_staff_and_the_networks_named_officers(
    api_as, mexico, focal_point_mx, ts_staff
):
    plan = WorkPlanFactory(visibility=Visibility.RESTRICTED)
    officer = network_officer_user(mexico, username="officer-mx")
    NetworkMemberFactory(network=plan.network, country=mexico, user=officer)
    url = f"/api/v1/work-plans/{plan.pk}/"
    assert api_as(officer).get(url).status_code == status.HTTP_200_OK
    assert api_as(ts_staff).get(url).status_code == status.HTTP_200_OK
    assert api_as(focal_point_mx).get(url).status_code == status.HTTP_404_NOT_FOUND


def test_a_network_does_not_reveal_its_members_only_meetings_to_anonymous_users(api):
    network = NetworkFactory()
    public = MeetingFactory(kind=MeetingKind.WORKING_GROUP)
    hidden = MeetingFactory(kind=MeetingKind.WORKING_GROUP, visibility=Visibility.MEMBERS)
    network.meetings.set([public, hidden])
    assert api.get(f"/api/v1/networks/{network.pk}/").json()["meetings"] == [public.pk]
    listed = api.get(f"/api/v1/networks/{network.pk}/meetings/").json()
    assert [meeting["id"] for meeting in listed] == [public.pk]


# --- Writes -----------------------------------------------------------------------------------


def test_ts_staff_create_a_work_plan_item_with_actor_codes(api_as, ts_staff, mexico):
    plan = WorkPlanFactory()
    OrganisationFactory(acronym="IOM")
    response = api_as(ts_staff).post(
        "/api/v1/work-plan-items/",
        {
            "plan": plan.pk,
            "ref": "7.h",
            "text_en": "Workshop on Reintegration, in México, with the support of IOM.",
            "countries": ["MX"],
            "organisations": ["IOM"],
        },
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED, response.json()
    assert (response.json()["countries"], response.json()["organisations"]) == (["MX"], ["IOM"])
    assert response["ETag"]


def test_a_focal_point_cannot_create_a_work_plan(api_as, focal_point_mx):
    network = NetworkFactory()
    response = api_as(focal_point_mx).post(
        "/api/v1/work-plans/", {"network": network.pk, "name_en": "Our plan"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert not WorkPlan.objects.exists()


def test_anonymous_users_cannot_create_a_network(api):
    response = api.post("/api/v1/networks/", {"name_en": "A network"}, format="json")
    assert response.status_code in (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)
    assert response["Content-Type"] == "application/problem+json"


def test_a_network_must_stand_for_a_conference_body(api_as, ts_staff):
    OrganisationFactory(acronym="IOM")
    response = api_as(ts_staff).post(
        "/api/v1/networks/",
        {"acronym": "IOM", "kind": "working_group", "name_en": "Working Group on Protection"},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "acronym" in response.json()["errors"]


def test_ts_staff_create_a_network_for_a_body(api_as, ts_staff, mexico):
    BodyFactory(acronym="WG-LM")
    response = api_as(ts_staff).post(
        "/api/v1/networks/",
        {
            "acronym": "WG-LM",
            "kind": "working_group",
            "name_en": "Working Group on Labour Migration",
            "leading_country": "MX",
        },
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED, response.json()
    assert (response.json()["acronym"], response.json()["leading_country"]) == ("WG-LM", "MX")


def test_a_deadline_marked_as_having_no_date_cannot_carry_one_and_nothing_is_saved(
    api_as, ts_staff
):
    plan = WorkPlanFactory()
    response = api_as(ts_staff).post(
        "/api/v1/work-plan-items/",
        {
            "plan": plan.pk,
            "ref": "1.a",
            "text_en": "As soon as possible.",
            "deadline": "2013-03-31",
            "deadline_precision": "none",
        },
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["errors"]["deadline"]
    assert not WorkPlanItem.objects.exists()


def test_a_report_goes_to_an_rcgm_not_to_a_workshop(api_as, ts_staff):
    network = NetworkFactory()
    workshop = MeetingFactory(kind=MeetingKind.WORKSHOP)
    response = api_as(ts_staff).post(
        "/api/v1/network-reports/",
        {"network": network.pk, "meeting": workshop.pk, "name_en": "Report"},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "RCGM" in response.json()["errors"]["meeting"][0]
    assert not NetworkReport.objects.exists()


def test_a_plan_cannot_end_before_it_begins(api_as, ts_staff):
    network = NetworkFactory()
    response = api_as(ts_staff).post(
        "/api/v1/work-plans/",
        {"network": network.pk, "name_en": "Work plan", "start_year": 2022, "end_year": 2017},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["errors"]["end_year"]


def test_patch_without_if_match_answers_428(api_as, ts_staff):
    network = NetworkFactory()
    response = api_as(ts_staff).patch(
        f"/api/v1/networks/{network.pk}/", {"mandate_en": "New"}, format="json"
    )
    assert response.status_code == status.HTTP_428_PRECONDITION_REQUIRED


def test_two_editors_of_a_plan_with_the_same_etag_one_wins_the_other_gets_412(api_as, ts_staff):
    plan = WorkPlanFactory()
    url = f"/api/v1/work-plans/{plan.pk}/"
    first, second = api_as(ts_staff), api_as(ts_staff)
    etag = first.get(url)["ETag"]
    won = first.patch(url, {"summary": "Approved."}, format="json", HTTP_IF_MATCH=etag)
    lost = second.patch(url, {"summary": "Pending."}, format="json", HTTP_IF_MATCH=etag)
    assert won.status_code == status.HTTP_200_OK
    assert lost.status_code == status.HTTP_412_PRECONDITION_FAILED
    plan.refresh_from_db()
    assert plan.summary == "Approved."


def test_a_status_change_through_the_api_is_recorded_as_an_update(api_as, ts_staff):
    item = WorkPlanItemFactory()
    url = f"/api/v1/work-plan-items/{item.pk}/"
    client = api_as(ts_staff)
    response = client.patch(
        url, {"status": "in_progress"}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"]
    )
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["status"] == "in_progress"
    assert item.updates.get().status == Status.IN_PROGRESS


def test_ts_staff_delete_an_item_with_if_match(api_as, ts_staff):
    item = WorkPlanItemFactory()
    url = f"/api/v1/work-plan-items/{item.pk}/"
    client = api_as(ts_staff)
    response = client.delete(url, HTTP_IF_MATCH=client.get(url)["ETag"])
    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert not WorkPlanItem.objects.exists()


# --- Progress updates on items ----------------------------------------------------------------


def test_an_officer_of_a_responsible_country_posts_an_update(api_as, mexico):
    officer = network_officer_user(mexico)
    item = WorkPlanItemFactory(countries=[mexico])
    response = api_as(officer).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/",
        {"status": "in_progress", "note": "Taller programado para marzo."},
        format="json",
    )
    assert response.status_code == status.HTTP_201_CREATED
    assert (response.json()["status"], response.json()["country"]) == ("in_progress", "MX")
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS


def test_an_officer_of_another_country_cannot_post_an_update(api_as, mexico, guatemala):
    officer = network_officer_user(guatemala)
    item = WorkPlanItemFactory(countries=[mexico])
    response = api_as(officer).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", {"status": "done"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert response["Content-Type"] == "application/problem+json"
    assert not WorkPlanItemUpdate.objects.exists()


def test_an_observer_cannot_post_an_update(api_as, observer_org_user, mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    response = api_as(observer_org_user).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", {"status": "done"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN


def test_anonymous_users_cannot_post_an_update(api, mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    response = api.post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", {"status": "done"}, format="json"
    )
    assert response.status_code in (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)
    assert not WorkPlanItemUpdate.objects.exists()


def test_an_update_on_an_item_the_user_may_not_see_answers_404(api_as, mexico):
    officer = network_officer_user(mexico)
    hidden = WorkPlanFactory(visibility=Visibility.RESTRICTED)
    item = WorkPlanItemFactory(plan=hidden, countries=[mexico])
    response = api_as(officer).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", {"status": "done"}, format="json"
    )
    assert response.status_code == status.HTTP_404_NOT_FOUND


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "finished"}, "status"),
        ({"status": "dropped"}, "note"),
        ({"status": "no_follow_up"}, "status"),
        ({"status": "open"}, "note"),
    ],
)
def test_a_bad_update_is_refused_with_a_clear_error_and_nothing_is_saved(
    api_as, ts_staff, body, field
):
    item = WorkPlanItemFactory()
    response = api_as(ts_staff).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", body, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][field]
    assert not WorkPlanItemUpdate.objects.exists()
    item.refresh_from_db()
    assert item.status == Status.OPEN


def test_an_items_updates_are_listed_without_their_authors_for_anonymous_users(api, ts_staff):
    from networks import services

    item = WorkPlanItemFactory()
    services.work_plan_item_record_update(item=item, author=ts_staff, status="in_progress")
    updates = api.get(f"/api/v1/work-plan-items/{item.pk}/updates/").json()
    assert [(u["status"], u["author"]) for u in updates] == [("in_progress", None)]


# --- Meetings of a network ----------------------------------------------------------------------


def network_meeting(participants):
    return {
        "name_en": "Meeting of the Liaison Officers Network for Consular Protection",
        "year": 2024,
        "starts_on": "2024-07-15",
        "city": "Belmopan",
        "participants": participants,
    }


def test_an_observer_organisation_is_refused_at_a_network_meeting_unless_invited(
    api_as, ts_staff, mexico, observer_org
):
    network = NetworkFactory(kind=NetworkKind.LIAISON_NETWORK)
    client = api_as(ts_staff)
    url = f"/api/v1/networks/{network.pk}/meetings/"
    participants = [
        {"country": "MX", "role": ParticipationRole.MEMBER},
        {"organisation": "IOM", "role": ParticipationRole.OBSERVER},
    ]

    refused = client.post(url, network_meeting(participants), format="json")

    assert refused.status_code == status.HTTP_400_BAD_REQUEST
    assert "only when invited" in " ".join(refused.json()["errors"]["participants"])
    assert not Meeting.objects.exists()

    participants[1]["role"] = ParticipationRole.INVITED_GUEST
    accepted = client.post(url, network_meeting(participants), format="json")

    assert accepted.status_code == status.HTTP_201_CREATED, accepted.json()
    assert accepted.json()["kind"] == MeetingKind.LIAISON_NETWORK
    assert {"country": None, "organisation": "IOM", "role": "invited_guest", "note": ""} in (
        accepted.json()["participants"]
    )
    assert list(network.meetings.values_list("pk", flat=True)) == [accepted.json()["id"]]


def test_a_working_group_cannot_hold_a_liaison_network_meeting(api_as, ts_staff):
    network = NetworkFactory(kind=NetworkKind.WORKING_GROUP)
    response = api_as(ts_staff).post(
        f"/api/v1/networks/{network.pk}/meetings/",
        {**network_meeting([]), "kind": MeetingKind.LIAISON_NETWORK},
        format="json",
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response.json()["errors"]["kind"]
    assert not Meeting.objects.exists()


def test_a_focal_point_cannot_record_a_network_meeting(api_as, focal_point_mx):
    network = NetworkFactory()
    response = api_as(focal_point_mx).post(
        f"/api/v1/networks/{network.pk}/meetings/", network_meeting([]), format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert not Meeting.objects.exists()


# --- Query budgets ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 50])
def test_network_list_runs_a_fixed_number_of_queries(api, django_assert_max_num_queries, count):
    for network in NetworkFactory.create_batch(count, leading_country=member_country("MX")):
        WorkPlanFactory(network=network)
        network.meetings.add(MeetingFactory(kind=MeetingKind.WORKING_GROUP))
    # count; the page of networks with bodies, leading countries, meetings and plans as arrays.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/networks/?page_size=200")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 50])
def test_network_member_list_runs_a_fixed_number_of_queries(
    api_as, focal_point_mx, django_assert_max_num_queries, count
):
    network = NetworkFactory()
    for _ in range(count):
        NetworkMemberFactory(network=network, country=member_country())
    client = api_as(focal_point_mx)
    # the user's roles; the country's membership today; count; the page of members with
    # networks, bodies, countries and organisations.
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/network-members/?page_size=200")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 50])
def test_work_plan_list_runs_a_fixed_number_of_queries(api, django_assert_max_num_queries, count):
    approved_at = MeetingFactory()
    for plan in WorkPlanFactory.create_batch(count, approved_at=approved_at):
        WorkPlanItemFactory(plan=plan, status=Status.DONE)
    # count; the page of plans with networks, progress and approving meeting and agreement.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/work-plans/?page_size=200")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 50])
def test_work_plan_item_list_runs_a_fixed_number_of_queries(
    api, django_assert_max_num_queries, count
):
    mexico = member_country("MX")
    iom = OrganisationFactory(acronym="IOM")
    agreement = AgreementFactory()
    meeting = MeetingFactory(kind=MeetingKind.WORKING_GROUP)
    plan = WorkPlanFactory()
    WorkPlanItemFactory.create_batch(
        count,
        plan=plan,
        agreement=agreement,
        countries=[mexico],
        organisations=[iom],
        meetings=[meeting],
    )
    # count; the page of items with plans, networks, bodies, actors, meetings and agreement.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/work-plan-items/?page_size=200")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 50])
def test_network_report_list_runs_a_fixed_number_of_queries(
    api, django_assert_max_num_queries, count
):
    mexico = member_country("MX")
    meeting = MeetingFactory()
    network = NetworkFactory()
    for _ in range(count):
        NetworkReportFactory(network=network, meeting=meeting, presented_by_country=mexico)
    # count; the page of reports with networks, bodies, presenters, meeting and agreement.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/network-reports/?page_size=200")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 30])
def test_a_networks_meeting_list_runs_a_fixed_number_of_queries(
    api, django_assert_max_num_queries, count
):
    network = NetworkFactory()
    mexico = member_country("MX")
    for _ in range(count):
        meeting = MeetingFactory(kind=MeetingKind.WORKING_GROUP)
        meeting.participations.create(country=mexico, role=ParticipationRole.MEMBER)
        network.meetings.add(meeting)
    # the network (with its arrays); its meetings; their participants.
    with django_assert_max_num_queries(3):
        response = api.get(f"/api/v1/networks/{network.pk}/meetings/")
    assert len(response.json()) == count


@pytest.mark.parametrize("count", [1, 30])
def test_an_items_update_list_runs_a_fixed_number_of_queries(
    api, ts_staff, django_assert_max_num_queries, count
):
    from networks import services

    item = WorkPlanItemFactory()
    for n in range(count):
        services.work_plan_item_record_update(
            item=item, author=ts_staff, status="in_progress", note=f"Step {n}"
        )
    # the item (with its arrays); its updates with authors and countries.
    with django_assert_max_num_queries(2):
        response = api.get(f"/api/v1/work-plan-items/{item.pk}/updates/")
    assert len(response.json()) == count


def test_csv_export_of_items_has_the_same_filters(api, mexico):
    WorkPlanItemFactory(ref="7.h", countries=[mexico])
    WorkPlanItemFactory(ref="7.i")
    response = api.get("/api/v1/work-plan-items/?format=csv&country=MX")
    lines = csv_text(response).splitlines()
    assert lines[0].startswith("id,plan,network,network_acronym,ref")
    assert len(lines) == 2
    assert ",7.h," in lines[1]


def test_a_network_answers_with_its_etag_and_304_when_unchanged(api):
    network = NetworkFactory(organisation=BodyFactory(acronym="LN-CP"))
    first = api.get(f"/api/v1/networks/{network.pk}/")
    assert first.json()["acronym"] == "LN-CP"
    again = api.get(f"/api/v1/networks/{network.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == status.HTTP_304_NOT_MODIFIED


def test_a_reports_document_is_offered_through_its_checked_download(api, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    report = NetworkReportFactory(document=SimpleUploadedFile("report.pdf", b"%PDF"))
    data = api.get(f"/api/v1/network-reports/{report.pk}/").json()
    assert data["document"] == f"http://testserver/networks/reports/{report.pk}/document"


def test_who_may_post_is_checked_before_what_is_posted(api_as, mexico, guatemala):
    officer = network_officer_user(guatemala)
    item = WorkPlanItemFactory(countries=[mexico])
    response = api_as(officer).post(
        f"/api/v1/work-plan-items/{item.pk}/updates/", {"status": "finished"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
