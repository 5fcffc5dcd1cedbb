"""The networks' pages: the overview, each network's page and each item's page."""

import datetime

import pytest

from agreements.models import Status
from meetings.models import MeetingKind, MeetingStatus
from networks.models import NetworkKind, WorkPlanItemUpdate
from rcm.glossary import expand
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, member_country
from tests.networks.factories import (
    NetworkFactory,
    NetworkMemberFactory,
    NetworkReportFactory,
    WorkPlanFactory,
    WorkPlanItemFactory,
    network_officer_user,
)

pytestmark = pytest.mark.django_db


def test_the_overview_shows_each_plans_progress(client):
    network = NetworkFactory(name_en="Working Group on Protection")
    plan = WorkPlanFactory(network=network, name_en="Calendar of activities")
    WorkPlanItemFactory(plan=plan, status=Status.DONE)
    WorkPlanItemFactory.create_batch(3, plan=plan)
    response = client.get("/networks/")
    assert response.status_code == 200
    assert "Working Group on Protection" in response.text
    assert "1 of 4 items done" in response.text
    assert '<progress value="1" max="4"' in response.text


def test_the_overview_is_in_the_main_navigation(client):
    assert 'href="/networks/"' in client.get("/").text


def test_the_overview_hides_members_only_networks_from_anonymous_users(client):
    NetworkFactory(visibility=Visibility.MEMBERS, name_en="Confidential group")
    assert "Confidential group" not in client.get("/networks/").text


def test_the_network_page_shows_mandate_plans_items_and_reports(client, mexico):
    rcgm = MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2021, 12, 1))
    agreement = AgreementFactory(meeting=rcgm, ref="7.h")
    network = NetworkFactory(mandate_en="To protect migrants in vulnerable situations.")
    plan = WorkPlanFactory(network=network)
    WorkPlanItemFactory(
        plan=plan, ref="7.h", text_en="Workshop on Reintegration.", agreement=agreement,
        countries=[mexico],
    )  # fmt: skip
    NetworkReportFactory(network=network, meeting=rcgm, name_en="Report of the Working Group")
    response = client.get(f"/networks/{network.pk}/")
    assert response.status_code == 200
    for text in (
        "To protect migrants in vulnerable situations.",
        "Workshop on Reintegration.",
        f'href="/agreements/{agreement.pk}/"',
        "Report of the Working Group",
        expand(rcgm.short_name),  # the acronym written out
    ):
        assert text in response.text


def test_the_network_page_names_the_next_meeting(client):
    network = NetworkFactory()
    held = MeetingFactory(kind=MeetingKind.WORKING_GROUP, name_en="Held meeting")
    planned = MeetingFactory(
        kind=MeetingKind.WORKING_GROUP,
        name_en="Next meeting of the group",
        starts_on=datetime.date(2099, 6, 1),
        status=MeetingStatus.PLANNED,
    )
    network.meetings.set([held, planned])
    response = client.get(f"/networks/{network.pk}/")
    assert response.context["next_meeting"] == planned


def test_officers_contacts_never_reach_anonymous_users_on_the_network_page(client, mexico):
    member = NetworkMemberFactory(
        country=mexico, person_name="Ana Example", email="ana@example.org", phone="+52 55 0000"
    )
    response = client.get(f"/networks/{member.network_id}/")
    assert "Mexico" in response.text
    for secret in ("Ana Example", "ana@example.org", "+52 55 0000"):
        assert secret not in response.text


def test_officers_contacts_never_reach_observers_on_the_network_page(
    client, observer_org_user, mexico
):
    member = NetworkMemberFactory(country=mexico, email="ana@example.org")
    client.force_login(observer_org_user)
    assert "ana@example.org" not in client.get(f"/networks/{member.network_id}/").text


def test_a_focal_point_sees_the_officers_per_country(client, focal_point_gt, mexico):
    member = NetworkMemberFactory(
        country=mexico, person_name="Ana Example", email="ana@example.org"
    )
    client.force_login(focal_point_gt)
    response = client.get(f"/networks/{member.network_id}/")
    assert "Ana Example" in response.text
    assert 'href="mailto:ana@example.org"' in response.text


def test_a_members_only_network_page_answers_404_to_anonymous_users(client):
    network = NetworkFactory(visibility=Visibility.MEMBERS)
    assert client.get(f"/networks/{network.pk}/").status_code == 404


def test_an_officer_of_a_responsible_country_records_an_update_on_the_item_page(client, mexico):
    officer = network_officer_user(mexico)
    item = WorkPlanItemFactory(countries=[mexico])
    client.force_login(officer)
    assert 'id="item-update-form"' in client.get(f"/networks/items/{item.pk}/").text
    response = client.post(
        f"/networks/items/{item.pk}/", {"status": "in_progress", "note": "Fecha acordada."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS


def test_the_update_form_is_not_offered_to_another_country(client, guatemala, mexico):
    officer = network_officer_user(guatemala)
    item = WorkPlanItemFactory(countries=[mexico])
    client.force_login(officer)
    assert 'id="item-update-form"' not in client.get(f"/networks/items/{item.pk}/").text
    assert client.post(f"/networks/items/{item.pk}/", {"status": "done"}).status_code == 403
    assert not WorkPlanItemUpdate.objects.exists()


def test_a_bad_update_on_the_item_page_shows_the_reason_and_saves_nothing(client, ts_staff):
    item = WorkPlanItemFactory()
    client.force_login(ts_staff)
    response = client.post(f"/networks/items/{item.pk}/", {"status": "dropped", "note": ""})
    assert response.status_code == 200
    assert "Say why the item is dropped." in response.text
    assert not WorkPlanItemUpdate.objects.exists()


def test_the_item_page_does_not_name_who_posted_to_anonymous_users(client, ts_staff):
    from networks import services

    ts_staff.first_name, ts_staff.last_name = "Tomás", "Secretario"
    ts_staff.save()
    item = WorkPlanItemFactory()
    services.work_plan_item_record_update(item=item, author=ts_staff, status="in_progress")
    response = client.get(f"/networks/items/{item.pk}/")
    assert "In progress" in response.text
    assert "Secretario" not in response.text


@pytest.mark.parametrize("count", [1, 20])
def test_the_overview_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    for network in NetworkFactory.create_batch(count, kind=NetworkKind.LIAISON_NETWORK):
        WorkPlanItemFactory(plan=WorkPlanFactory(network=network))
    # networks with bodies and leading countries; their plans with progress.
    with django_assert_max_num_queries(2):
        assert client.get("/networks/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_network_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    rcgm = MeetingFactory()
    network = NetworkFactory(established_at=rcgm, established_by=AgreementFactory(meeting=rcgm))
    plan = WorkPlanFactory(network=network, approved_at=rcgm)
    for _ in range(count):
        country = member_country()
        NetworkMemberFactory(network=network, country=country)
        WorkPlanItemFactory(
            plan=plan,
            countries=[country],
            agreement=AgreementFactory(meeting=rcgm),
            meetings=[MeetingFactory(kind=MeetingKind.WORKING_GROUP)],
        )
        NetworkReportFactory(network=network, meeting=rcgm)
        network.meetings.add(MeetingFactory(kind=MeetingKind.WORKING_GROUP))
    # the network with its arrays; its plans; their items; its reports; the meetings named;
    # its members.
    with django_assert_max_num_queries(6):
        assert client.get(f"/networks/{network.pk}/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_the_item_page_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_max_num_queries, count
):
    from networks import services

    item = WorkPlanItemFactory(
        countries=[member_country("MX")], meetings=[MeetingFactory()], agreement=AgreementFactory()
    )
    for n in range(count):
        services.work_plan_item_record_update(
            item=item, author=ts_staff, status="in_progress", note=f"Step {n}"
        )
    # the item with its arrays; the meetings named; its updates.
    with django_assert_max_num_queries(3):
        assert client.get(f"/networks/items/{item.pk}/").status_code == 200


def test_a_reports_document_downloads_only_for_those_who_may_see_the_report(
    client, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    public = NetworkReportFactory(document=SimpleUploadedFile("report.pdf", b"%PDF public"))
    hidden = NetworkReportFactory(
        visibility=Visibility.MEMBERS, document=SimpleUploadedFile("secret.pdf", b"%PDF secret")
    )
    response = client.get(f"/networks/reports/{public.pk}/document")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF public"
    assert client.get(f"/networks/reports/{hidden.pk}/document").status_code == 404


@pytest.mark.parametrize("url", ["/networks/", "/networks/{network}/"])
def test_read_only_pages_answer_405_to_other_methods(client, url):
    network = NetworkFactory()
    assert client.post(url.format(network=network.pk)).status_code == 405


def test_the_network_pages_write_out_acronyms(client):
    rcgm = MeetingFactory(kind=MeetingKind.RCGM, city="San José", year=2013)
    network = NetworkFactory(mandate_en="To report to the RCGM.")
    plan = WorkPlanFactory(network=network, name_en="Work plan of the TS")
    item = WorkPlanItemFactory(plan=plan, text_en="To ask the IOM for a study.", meetings=[rcgm])
    written_out = '<abbr title="{}">{}</abbr>'.format
    overview = client.get("/networks/").text
    assert written_out("Technical Secretariat", "TS") in overview
    page = client.get(f"/networks/{network.pk}/").text
    assert written_out("Regional Consultation Group on Migration", "RCGM") in page
    assert written_out("International Organization for Migration", "IOM") in page
    item_page = client.get(item.get_absolute_url()).text
    assert written_out("International Organization for Migration", "IOM") in item_page
