"""Not reported and stale, beside the status, on every surface that prints a status: the
dashboard's table by body and its chart (adding up to the headline counts), the matrix's export,
the country page, a focal point's workspace, the follow-ups API and the agenda's API."""

import csv
import datetime
import io

import docx
import pytest
from rest_framework.test import APIClient

from agreements import services
from agreements.models import FollowUp, Status
from meetings.models import MeetingKind
from tests.factories import AgreementFactory, MeetingFactory, ThemeFactory

pytestmark = pytest.mark.django_db

OLD = datetime.date(2013, 11, 19)


@pytest.fixture
def agreements(ts_staff, mexico, guatemala):
    """Three open agreements of a 2013 RCGM for Mexico and Guatemala: one reported on this
    year, two that nobody reported on since (so not reported and stale)."""
    old = MeetingFactory(kind=MeetingKind.RCGM, starts_on=OLD, ends_on=OLD, year=2013)
    reported = AgreementFactory(meeting=old, ref="1", responsible=[mexico, guatemala])
    services.followup_record(agreement=reported, author=ts_staff, status=Status.IN_PROGRESS)
    silent = [
        AgreementFactory(meeting=old, ref=ref, responsible=[mexico, guatemala])
        for ref in ("2", "3")
    ]
    return reported, silent


def test_the_dashboards_table_by_body_counts_not_reported_and_stale(client, agreements):
    response = client.get("/follow-up/")
    [rcgm] = response.context["by_body"]
    assert (rcgm["not_reported"], rcgm["stale"]) == (2, 2)
    assert response.context["counts"]["not_reported"] == 2


def test_the_dashboards_table_by_theme_counts_not_reported_and_stale(client, agreements):
    reported, silent = agreements
    theme = ThemeFactory(code="1", name_en="Migration policy and management")
    for agreement in (reported, *silent):
        agreement.themes.add(theme)
    response = client.get("/follow-up/")
    [row] = response.context["by_theme"]
    [body] = response.context["by_body"]
    # The same three agreements, counted by theme as by body.
    assert (row["total"], row["not_reported"], row["stale"]) == (3, 2, 2)
    assert (row["not_reported"], row["stale"]) == (body["not_reported"], body["stale"])
    table_by_theme = response.text.split('id="by-theme"')[1].split("</table>")[0]
    assert '"Not reported" data-count="not_reported">2<' in table_by_theme
    assert '"Stale" data-count="stale">2<' in table_by_theme


def test_the_dashboards_chart_of_not_reported_and_stale_adds_up_to_the_headline(client, agreements):
    response = client.get("/follow-up/")
    counts = response.context["counts"]
    [chart] = [c for c in response.context["charts"] if "Not reported" in c.title]
    [(year, [not_reported, stale])] = chart.rows
    assert year == "2013"
    assert (not_reported, stale) == (counts["not_reported"], counts["stale"]) == (2, 2)


def test_the_dashboards_chart_follows_the_filters(client, agreements):
    reported, _silent = agreements
    response = client.get(f"/follow-up/?q={reported.text_en.split()[0]}&not_reported=false")
    chart = [c for c in response.context["charts"] if "Not reported" in c.title][0]
    assert chart.rows == []


def test_the_matrix_export_says_which_agreements_are_not_reported_and_stale(client, agreements):
    response = client.get("/follow-up/matrix/export.csv")
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))  # after the "as of" line
    assert sorted((row["Reference"], row["Not reported"], row["Stale"]) for row in rows) == [
        ("Conclusion 1", "no", "no"),
        ("Conclusion 2", "yes", "yes"),
        ("Conclusion 3", "yes", "yes"),
    ]


def test_the_country_page_counts_its_agreements_nobody_reported_on(client, agreements):
    response = client.get("/countries/GT/")
    page = response.content.decode()
    assert (response.context["not_reported_count"], response.context["stale_count"]) == (2, 2)
    assert "2 not reported since adopted" in page
    assert "2 stale (no update for a year)" in page


def test_the_country_page_says_nothing_of_them_when_all_are_reported(client, mexico):
    AgreementFactory(responsible=[mexico], status=Status.DONE)
    assert "not reported since adopted" not in client.get("/countries/MX/").content.decode()


def test_the_workspace_marks_and_counts_the_agreements_nobody_reported_on(
    client, agreements, focal_point_gt
):
    client.force_login(focal_point_gt)
    response = client.get("/my/")
    workspace = response.context["workspace"]
    assert (workspace.not_reported_count, workspace.stale_count) == (2, 2)
    assert response.content.decode().count('class="badge state-not-reported" title=') == 2


def test_the_workspace_in_spanish_names_them(client, agreements, focal_point_gt):
    focal_point_gt.language = "es"
    focal_point_gt.save()
    client.force_login(focal_point_gt)
    page = client.get("/my/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Sin informes desde su adopción" in page


def test_the_follow_ups_api_filters_and_shows_the_agreements_states(agreements, ts_staff):
    reported, silent = agreements
    services.followup_record(agreement=silent[0], author=ts_staff, status=Status.IN_PROGRESS)
    FollowUp.objects.filter(agreement=silent[0]).update(validation="proposed")
    api = APIClient()
    api.force_authenticate(ts_staff)
    rows = api.get("/api/v1/follow-ups/?agreement_not_reported=true").json()["results"]
    assert [(row["agreement"], row["agreement_not_reported"]) for row in rows] == [
        (silent[0].pk, True)
    ]
    rows = api.get("/api/v1/follow-ups/?agreement_stale=false").json()["results"]
    assert [(row["agreement"], row["agreement_stale"]) for row in rows] == [(reported.pk, False)]


@pytest.mark.parametrize("count", [1, 10])
def test_the_follow_ups_api_with_states_runs_a_fixed_number_of_queries(
    ts_staff, django_assert_num_queries, count
):
    meeting = MeetingFactory(starts_on=OLD, ends_on=OLD, year=2013)
    for _ in range(count):
        services.followup_record(
            agreement=AgreementFactory(meeting=meeting), author=ts_staff, status=Status.DONE
        )
    api = APIClient()
    api.force_authenticate(ts_staff)
    api.get("/api/v1/follow-ups/")
    # the count; the page of updates with their authors, countries and their agreements'
    # states (the reader's access is cached on the user by the first request).
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(3):
        assert api.get("/api/v1/follow-ups/?agreement_stale=false").status_code == 200


def test_the_agendas_api_says_which_items_are_not_reported_and_stale(agreements):
    reported, silent = agreements
    for agreement in (reported, *silent):
        agreement.deadline = datetime.date(2014, 1, 19)
        agreement.save()
    later = MeetingFactory(
        kind=MeetingKind.RCGM,
        starts_on=datetime.date(2014, 6, 24),
        ends_on=datetime.date(2014, 6, 24),
        year=2014,
    )
    data = APIClient().get(f"/api/v1/meetings/{later.pk}/agenda/").json()
    items = [item for group in data["overdue_by_country"] for item in group["agreements"]]
    states = {(item["ref"], item["not_reported"], item["stale"]) for item in items}
    # Counted on the meeting's day, as overdue is: seven months after adoption, not yet stale.
    assert states == {("1", False, False), ("2", True, False), ("3", True, False)}


def test_the_agendas_word_annex_says_which_items_are_not_reported(client, agreements):
    reported, silent = agreements
    for agreement in (reported, *silent):
        agreement.deadline = datetime.date(2014, 1, 19)
        agreement.save()
    later = MeetingFactory(
        kind=MeetingKind.RCGM,
        starts_on=datetime.date(2014, 6, 24),
        ends_on=datetime.date(2014, 6, 24),
        year=2014,
    )
    response = client.get(f"/meetings/{later.pk}/agenda.docx?lang=en")
    document = docx.Document(io.BytesIO(response.content))
    statuses = [row.cells[3].text for table in document.tables for row in table.rows[1:]]
    # Each item is listed under each responsible country (Mexico, Guatemala).
    assert sorted(set(statuses)) == ["Open · overdue", "Open · overdue · not reported"]
    assert statuses.count("Open · overdue · not reported") == 2 * statuses.count("Open · overdue")
