"""Beside its status, an agreement says whether anyone reported on it, and when it is due."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from agreements import selectors, services
from agreements.models import Agreement, FollowUp, Section, Status, Validation
from meetings.models import Meeting, MeetingKind, MeetingStatus
from rcm.models import access_for
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    OrganisationFactory,
    member_country,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def api_client():
    return APIClient()


def meeting_on(day: datetime.date, **fields):
    return MeetingFactory(starts_on=day, ends_on=day, year=day.year, **fields)


def update(agreement, *, on: datetime.date, validation=Validation.ACCEPTED):
    follow_up = FollowUp.objects.create(
        agreement=agreement, status=Status.IN_PROGRESS, validation=validation
    )
    posted = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    FollowUp.objects.filter(pk=follow_up.pk).update(created_at=posted)
    return follow_up


def states(agreement) -> tuple[bool, bool, bool]:
    row = Agreement.objects.with_states(TODAY).get(pk=agreement.pk)
    return row.overdue, row.not_reported, row.stale


def test_an_open_agreement_nobody_reported_on_is_not_reported_and_after_a_year_stale():
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2013, 11, 19)))
    assert states(agreement) == (False, True, True)


def test_an_accepted_update_this_year_makes_it_neither_not_reported_nor_stale():
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2013, 11, 19)))
    update(agreement, on=datetime.date(2026, 6, 1))
    assert states(agreement) == (False, False, False)


def test_an_update_more_than_a_year_old_leaves_it_stale_but_reported():
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2013, 11, 19)))
    update(agreement, on=datetime.date(2025, 10, 1))
    assert states(agreement) == (False, False, True)


def test_an_update_awaiting_validation_is_no_report_yet():
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2013, 11, 19)))
    update(agreement, on=datetime.date(2026, 6, 1), validation=Validation.PROPOSED)
    assert states(agreement) == (False, True, True)


def test_a_recent_agreement_is_not_reported_but_not_yet_stale():
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2026, 6, 1)))
    assert states(agreement) == (False, True, False)


def test_the_months_before_stale_are_a_setting(settings):
    settings.FOLLOW_UP_STALE_MONTHS = 3
    agreement = AgreementFactory(meeting=meeting_on(datetime.date(2026, 6, 1)))
    assert states(agreement)[2] is True


def test_a_closed_agreement_is_neither_not_reported_nor_stale():
    agreement = AgreementFactory(
        meeting=meeting_on(datetime.date(2013, 11, 19)), status=Status.NO_FOLLOW_UP
    )
    assert states(agreement) == (False, False, False)


# --- Deadlines tied to a body's next meeting ----------------------------------------------------


def due_at_next_rcgm():
    rcgm = meeting_on(datetime.date(2013, 11, 19), kind=MeetingKind.RCGM)
    return AgreementFactory(
        meeting=rcgm,
        deadline_body=MeetingKind.RCGM,
        deadline_text="at the next meeting of the RCGM",
    )


def test_a_deadline_at_the_next_rcgm_waits_until_that_meeting_is_recorded():
    agreement = due_at_next_rcgm()
    row = Agreement.objects.with_states(TODAY).get(pk=agreement.pk)
    assert (row.due_on, row.overdue) == (None, False)


def test_a_deadline_at_the_next_rcgm_is_that_meetings_day_and_passes_with_it():
    agreement = due_at_next_rcgm()
    meeting_on(datetime.date(2014, 6, 24), kind=MeetingKind.RCGM)
    row = Agreement.objects.with_states(TODAY).get(pk=agreement.pk)
    assert row.due_on == datetime.date(2014, 6, 24)
    assert row.overdue
    assert Agreement.objects.overdue(TODAY).filter(pk=agreement.pk).exists()


def test_a_deadline_at_the_next_rcgm_moves_when_the_meeting_moves():
    agreement = due_at_next_rcgm()
    next_rcgm = meeting_on(
        datetime.date(2027, 3, 1), kind=MeetingKind.RCGM, status=MeetingStatus.PLANNED
    )
    assert Agreement.objects.with_states(TODAY).get(pk=agreement.pk).due_on == next_rcgm.starts_on
    next_rcgm.starts_on = next_rcgm.ends_on = datetime.date(2027, 5, 10)
    next_rcgm.save()
    row = Agreement.objects.with_states(TODAY).get(pk=agreement.pk)
    assert (row.due_on, row.overdue) == (datetime.date(2027, 5, 10), False)


def test_a_cancelled_meeting_is_not_the_one_an_agreement_is_due_at():
    agreement = due_at_next_rcgm()
    meeting_on(datetime.date(2014, 6, 24), kind=MeetingKind.RCGM, status=MeetingStatus.CANCELLED)
    assert Agreement.objects.with_states(TODAY).get(pk=agreement.pk).due_on is None


def test_the_page_says_the_next_rcgm_is_not_yet_scheduled(client):
    agreement = due_at_next_rcgm()
    response = client.get(f"/agreements/{agreement.pk}/")
    assert "at the next RCGM (not yet scheduled)" in response.content.decode()


def test_a_deadline_at_a_meeting_carries_no_date_of_its_own():
    agreement = AgreementFactory.build(
        meeting=MeetingFactory(), deadline_body=MeetingKind.RCGM, deadline=TODAY
    )
    with pytest.raises(Exception, match="leave the deadline empty"):
        agreement.full_clean()


# --- Every list, count and export reads the same states -----------------------------------------


@pytest.fixture
def three_agreements(ts_staff):
    old = meeting_on(datetime.date(2013, 11, 19), kind=MeetingKind.RCGM)
    mexico = member_country("MX")
    reported = AgreementFactory(meeting=old, ref="1", responsible=[mexico])
    services.followup_record(agreement=reported, author=ts_staff, status=Status.IN_PROGRESS)
    silent = AgreementFactory(meeting=old, ref="2", deadline=datetime.date(2014, 1, 19))
    silent.organisation_links.create(
        organisation=OrganisationFactory(acronym="TS"), responsible=True
    )
    nobody = AgreementFactory(meeting=old, ref="3", deadline=datetime.date(2014, 1, 19))
    return reported, silent, nobody


def test_the_api_filters_and_shows_not_reported_and_stale(api_client, three_agreements):
    reported, silent, nobody = three_agreements
    rows = api_client.get("/api/v1/agreements/?not_reported=true").json()["results"]
    assert {row["id"] for row in rows} == {silent.pk, nobody.pk}
    assert all(row["not_reported"] and row["stale"] for row in rows)
    rows = api_client.get("/api/v1/agreements/?not_reported=false").json()["results"]
    assert [(row["id"], row["not_reported"]) for row in rows] == [(reported.pk, False)]
    rows = api_client.get("/api/v1/agreements/?stale=true").json()["results"]
    assert {row["id"] for row in rows} == {silent.pk, nobody.pk}


def test_the_dashboards_headline_counts_add_up_like_its_chart(three_agreements):
    summary = selectors.dashboard_summary(
        Agreement.objects.all(),
        access=access_for(None),
        today=TODAY,
        meetings=Meeting.objects.all(),
    )
    counts = summary.counts
    assert (counts["not_reported"], counts["stale"], counts["overdue"]) == (2, 2, 2)
    [year] = summary.status_by_year
    assert year["open"] + year["in_progress"] + year["overdue"] == counts["total"] == 3
    assert (counts["open_on_time"], counts["in_progress_on_time"]) == (0, 1)


def test_the_overdue_chart_counts_the_ts_and_those_that_name_no_one(three_agreements):
    summary = selectors.dashboard_summary(
        Agreement.objects.all(),
        access=access_for(None),
        today=TODAY,
        meetings=Meeting.objects.all(),
    )
    bars = {row["code"]: row["count"] for row in summary.overdue_by_country}
    assert bars == {"TS": 1, "": 1}
    assert sum(bars.values()) == summary.counts["overdue"]


def test_the_export_says_which_agreements_are_not_reported(client, three_agreements):
    response = client.get("/follow-up/export.csv")
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))  # after the "as of" line
    assert sorted((row["Reference"], row["Not reported"], row["Stale"]) for row in rows) == [
        ("Conclusion 1", "no", "no"),
        ("Conclusion 2", "yes", "yes"),
        ("Conclusion 3", "yes", "yes"),
    ]


def test_the_dashboard_links_to_the_agreements_nobody_reported_on(client, three_agreements):
    response = client.get("/follow-up/?not_reported=true")
    assert response.context["counts"]["total"] == 2
    assert "not reported" in response.content.decode()


@pytest.mark.parametrize("count", [1, 30])
def test_the_api_list_with_states_runs_a_fixed_number_of_queries(
    api_client, django_assert_max_num_queries, count
):
    meeting = meeting_on(datetime.date(2013, 11, 19), kind=MeetingKind.RCGM)
    AgreementFactory.create_batch(count, meeting=meeting, section=Section.CONCLUSION)
    # count, then the page of agreements with their meetings, arrays and states.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(3):
        response = api_client.get("/api/v1/agreements/?stale=true&page_size=200")
    assert response.json()["count"] == count
