"""What a meeting must decide, at /meetings/<id>/agenda/: the page, the Word annex and the API."""

import datetime
import io

import docx
import pytest

from agreements.models import Action, AgreementLink, LinkKind, Section, Status
from meetings.models import MeetingKind, MeetingStatus
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, member_country
from tests.networks.factories import NetworkFactory, NetworkReportFactory, WorkPlanItemFactory

pytestmark = pytest.mark.django_db


def rcgm_2021():
    return MeetingFactory(
        kind=MeetingKind.RCGM,
        starts_on=datetime.date(2021, 12, 1),
        ends_on=datetime.date(2021, 12, 1),
        city="Mexico City",
    )


def xxvi_rcm():
    return MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL,
        ordinal=26,
        name_en="XXVI Regional Conference on Migration",
        starts_on=datetime.date(2021, 12, 2),
    )


def recommendation(meeting, ref, **fields):
    return AgreementFactory(
        meeting=meeting,
        section=Section.RECOMMENDATION,
        ref=ref,
        action=Action.RECOMMEND,
        text_en=f"To recommend approval of document {ref}.",
        **fields,
    )


def test_the_vice_ministers_agenda_links_the_rcgm_recommendations_addressed_to_them(client):
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    budget = recommendation(rcgm, "2.b")
    guidelines = recommendation(rcgm, "8.a")
    conclusion = AgreementFactory(meeting=rcgm, ref="1", text_en="To approve the reports.")

    response = client.get(f"/meetings/{rcm.pk}/agenda/")

    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="/agreements/{budget.pk}/"' in page
    assert f'href="/agreements/{guidelines.pk}/"' in page
    assert [a.pk for a in response.context["agenda"].recommendations] == [budget.pk, guidelines.pk]
    assert conclusion.pk not in [a.pk for a in response.context["agenda"].recommendations]


def test_a_recommendation_decided_at_an_earlier_meeting_leaves_the_agenda(client):
    rcgm = rcgm_2021()
    decided = recommendation(rcgm, "2.b")
    waiting = recommendation(rcgm, "8.a")
    rcm_2021 = MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL, starts_on=datetime.date(2021, 12, 1)
    )
    decision = AgreementFactory(meeting=rcm_2021, section=Section.DECISION, action=Action.APPROVE)
    AgreementLink.objects.create(
        later=decision, earlier=decided, kind=LinkKind.DECIDES_RECOMMENDATION
    )
    later_rcm = MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL, starts_on=datetime.date(2022, 6, 1)
    )

    response = client.get(f"/meetings/{later_rcm.pk}/agenda/")

    assert [a.pk for a in response.context["agenda"].recommendations] == [waiting.pk]


def test_ts_staff_may_address_an_item_to_a_body_or_to_none(client):
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    conclusion = AgreementFactory(meeting=rcgm, ref="5", text_en="To take note of the study.")
    conclusion.addressed_to_body = MeetingKind.VICE_MINISTERIAL
    conclusion.save()
    kept_here = recommendation(rcgm, "9", addressed_to_body="none")

    listed = [
        a.pk for a in client.get(f"/meetings/{rcm.pk}/agenda/").context["agenda"].recommendations
    ]

    assert conclusion.pk in listed
    assert kept_here.pk not in listed


def test_a_text_that_submits_to_the_vice_ministers_is_addressed_to_them(client):
    ad_hoc = MeetingFactory(kind=MeetingKind.AD_HOC_GROUP, starts_on=datetime.date(2021, 3, 1))
    submitted = AgreementFactory(
        meeting=ad_hoc,
        action=Action.SUBMIT,
        text_en="To submit the guidelines to the Vice-Ministers for their approval.",
    )
    rcm = xxvi_rcm()

    agenda = client.get(f"/meetings/{rcm.pk}/agenda/").context["agenda"]

    assert [a.pk for a in agenda.recommendations] == [submitted.pk]


def test_the_agenda_lists_only_what_the_reader_may_see(client):
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    public = recommendation(rcgm, "2.b")
    members_only = recommendation(rcgm, "8.a", visibility=Visibility.MEMBERS)

    page = client.get(f"/meetings/{rcm.pk}/agenda/").content.decode()

    assert f"/agreements/{public.pk}/" in page
    assert f"/agreements/{members_only.pk}/" not in page


def test_a_meeting_the_reader_may_not_see_has_no_agenda_anywhere(client):
    hidden = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, visibility=Visibility.MEMBERS)

    assert client.get(f"/meetings/{hidden.pk}/agenda/").status_code == 404
    assert client.get(f"/meetings/{hidden.pk}/agenda.docx").status_code == 404
    assert client.get(f"/api/v1/meetings/{hidden.pk}/agenda/").status_code == 404


def test_a_focal_point_sees_the_agenda_of_a_members_only_meeting(client, focal_point_gt):
    meeting = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, visibility=Visibility.MEMBERS)
    client.force_login(focal_point_gt)

    assert client.get(f"/meetings/{meeting.pk}/agenda/").status_code == 200


def test_overdue_items_are_grouped_by_each_responsible_country_still_to_act(client):
    mexico, guatemala = (
        member_country("MX", name_en="Mexico"),
        member_country("GT", name_en="Guatemala"),
    )
    earlier = MeetingFactory(starts_on=datetime.date(2013, 11, 18))
    both = AgreementFactory(
        meeting=earlier, deadline=datetime.date(2014, 1, 19), responsible=[mexico, guatemala]
    )
    both.country_links.filter(country=guatemala).update(status=Status.DONE)
    rcm = xxvi_rcm()

    agenda = client.get(f"/meetings/{rcm.pk}/agenda/").context["agenda"]

    assert [(g.code, [a.pk for a in g.agreements]) for g in agenda.overdue_by_country] == [
        ("MX", [both.pk])
    ]


def test_items_due_at_the_meeting_are_due_not_overdue(client):
    rcgm = rcgm_2021()
    due_at_rcm = AgreementFactory(
        meeting=rcgm, deadline_body=MeetingKind.VICE_MINISTERIAL, deadline_precision="meeting"
    )
    rcm = xxvi_rcm()

    agenda = client.get(f"/meetings/{rcm.pk}/agenda/").context["agenda"]

    assert [a.pk for a in agenda.due] == [due_at_rcm.pk]
    assert agenda.overdue_by_country == []


def test_an_rcgm_agenda_asks_for_the_reports_the_networks_owe(client):
    earlier = MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2020, 6, 1))
    rcgm = rcgm_2021()
    reported = NetworkFactory(name_en="Working Group on Protection")
    owing = NetworkFactory(name_en="Working Group on Labour Migration")
    NetworkReportFactory(network=reported, meeting=rcgm)
    NetworkReportFactory(network=owing, meeting=earlier)
    item = WorkPlanItemFactory(plan__network=owing, deadline=datetime.date(2021, 11, 30))

    agenda = client.get(f"/meetings/{rcgm.pk}/agenda/").context["agenda"]

    assert [(n.pk, n.last_report_year) for n in agenda.reports_owed] == [(owing.pk, 2020)]
    assert [i.pk for i in agenda.plan_items_due] == [item.pk]


def test_the_word_annex_is_in_the_language_asked_for(client, settings):
    settings.SITE_URL = "http://testserver"
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    budget = recommendation(rcgm, "2.b", text_es="Recomendar la aprobación del presupuesto 2022.")

    response = client.get(f"/meetings/{rcm.pk}/agenda.docx?lang=es")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Recomendaciones" in text
    assert "Recomendar la aprobación del presupuesto 2022." in cells
    links = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert f"http://testserver/agreements/{budget.pk}/" in links


def test_the_word_annex_refuses_a_language_it_does_not_speak(client):
    rcm = xxvi_rcm()

    assert client.get(f"/meetings/{rcm.pk}/agenda.docx?lang=fr").status_code == 400


def test_the_api_gives_the_agenda_the_page_shows(client):
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    budget = recommendation(rcgm, "2.b")

    response = client.get(f"/api/v1/meetings/{rcm.pk}/agenda/")

    assert response.status_code == 200
    data = response.json()
    assert data["meeting"] == rcm.pk
    assert [(r["id"], r["ref"], r["url"]) for r in data["recommendations"]] == [
        (budget.pk, "2.b", f"/agreements/{budget.pk}/")
    ]
    assert data["open_consultations"] == []


def test_the_agenda_is_documented_in_the_api_schema(client):
    schema = client.get("/api/schema/?format=json").json()

    assert "/api/v1/meetings/{id}/agenda/" in schema["paths"]


def test_a_cancelled_meeting_still_has_an_agenda(client):
    rcm = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, status=MeetingStatus.CANCELLED)

    assert client.get(f"/meetings/{rcm.pk}/agenda/").status_code == 200


def test_a_planned_meeting_with_no_date_stated_has_todays_agenda_everywhere(client):
    meeting = MeetingFactory(
        kind=MeetingKind.WORKSHOP,
        status=MeetingStatus.PLANNED,
        year=None,
        starts_on=None,
        ends_on=None,
        date_precision="none",
    )
    assert client.get(f"/meetings/{meeting.pk}/agenda/").status_code == 200
    assert client.get(f"/meetings/{meeting.pk}/agenda.docx").status_code == 200
    answer = client.get(f"/api/v1/meetings/{meeting.pk}/agenda/")
    assert answer.status_code == 200
    assert answer.json()["overdue_as_of"] == datetime.date.today().isoformat()


def test_a_task_to_submit_reports_is_not_a_recommendation_to_the_vice_ministers(client):
    rcgm = rcgm_2021()
    AgreementFactory(
        meeting=rcgm,
        action=Action.SUBMIT,
        text_en="The TS will submit quarterly reports on execution of the Fund.",
    )
    rcm = xxvi_rcm()

    agenda = client.get(f"/meetings/{rcm.pk}/agenda/").context["agenda"]

    assert agenda.recommendations == []


def test_the_word_annex_says_overdue_and_not_stated(client):
    rcgm, rcm = rcgm_2021(), xxvi_rcm()
    AgreementFactory(
        meeting=rcgm,
        deadline=datetime.date(2021, 6, 1),
        responsible=[member_country("GT")],
        text_en="Guatemala will report.",
    )
    recommendation(rcgm, "2.b")

    response = client.get(f"/meetings/{rcm.pk}/agenda.docx?lang=en")

    rows = [
        [cell.text for cell in row.cells]
        for table in docx.Document(io.BytesIO(response.content)).tables
        for row in table.rows[1:]
    ]
    statuses = {row[1]: row for row in rows}
    assert "overdue" in statuses["Guatemala will report."][3]
    assert statuses["To recommend approval of document 2.b."][2] == "not stated"
