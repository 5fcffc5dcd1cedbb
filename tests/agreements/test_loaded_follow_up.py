"""The loaded real records tell the truth about follow-up (tests of loading the real fixtures)."""

import datetime

import pytest

from agreements.models import Agreement, Status

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture(scope="module")
def real_records(real_records_for_the_module):
    """The real records, loaded once per worker, for the module's tests, which only read them."""


@pytest.fixture
def records(real_records, db):
    return Agreement.objects


def agreement(meeting: int, ref: str, section: str = "conclusion") -> Agreement:
    return Agreement.objects.get(meeting_id=meeting, section=section, ref=ref)


def responsible(item: Agreement) -> set[str]:
    return set(item.country_links.filter(responsible=True).values_list("country_id", flat=True))


def test_2021_conclusion_1e_is_followed_up_and_overdue_for_belize_and_the_dominican_republic(
    records,
):
    item = agreement(2, "1.e")
    assert item.status == Status.OPEN
    assert item.deadline == datetime.date(2022, 3, 31)
    assert responsible(item) == {"BZ", "DO"}
    assert set(item.country_links.values_list("status", flat=True)) == {Status.OPEN}
    assert records.overdue(TODAY).filter(pk=item.pk).exists()
    assert records.overdue_for_country("BZ", TODAY).filter(pk=item.pk).exists()


@pytest.mark.parametrize("ref", ["3", "4", "5", "16", "19"])
def test_the_2013_notes_and_thanks_that_give_tasks_are_followed_up(records, ref):
    assert agreement(1, ref).status == Status.OPEN


def test_2013_conclusion_16_is_overdue_since_january_2014(records):
    item = agreement(1, "16")
    assert item.deadline == datetime.date(2014, 1, 19)
    assert records.overdue(TODAY).filter(pk=item.pk).exists()


def test_2013_conclusion_19_is_canadas_undated_task_not_the_dominican_meetings_date(records):
    # "should be held on April 2014" dates the Dominican Republic's meeting (a planned activity
    # of its own); Canada's concept note is "in due course", and Guatemala only offered.
    item = agreement(1, "19")
    assert (item.deadline, item.deadline_text) == (None, "in due course")
    assert responsible(item) == {"CA"}
    assert not records.overdue(TODAY).filter(pk=item.pk).exists()
    assert (
        item.proposed_activities.get(starts_on=datetime.date(2014, 4, 1))
        .supports.get(role="host")
        .country_id
        == "DO"
    )


def test_a_thank_without_a_task_stays_without_follow_up(records):
    assert agreement(1, "13").status == Status.NO_FOLLOW_UP
    assert agreement(2, "12").status == Status.NO_FOLLOW_UP


def test_2013_conclusion_12_is_due_at_the_next_rcgm_as_recorded(records):
    item = records.with_states(TODAY).get(meeting_id=1, section="conclusion", ref="12")
    assert item.deadline_body == "rcgm"
    assert item.due_on == datetime.date(2014, 6, 24)
    assert item.overdue


def test_every_open_2013_item_shows_that_nobody_reported_on_it(records):
    open_2013 = records.filter(meeting_id=1, status=Status.OPEN)
    assert open_2013.exists()
    assert open_2013.not_reported().count() == open_2013.count()
    assert open_2013.stale(TODAY).count() == open_2013.count()


@pytest.mark.parametrize(("meeting", "ref"), [(1, "1"), (1, "8"), (2, "1")])
def test_reports_approved_or_accepted_at_the_meeting_need_no_follow_up(records, meeting, ref):
    assert agreement(meeting, ref).status == Status.NO_FOLLOW_UP


@pytest.mark.parametrize("ref", ["2", "2.a", "3", "4.d", "7"])
def test_the_2021_acceptances_and_approvals_that_give_tasks_stay_open(records, ref):
    assert agreement(2, ref).status == Status.OPEN


def test_the_loaded_statuses_are_what_the_rule_says(records):
    for item in records.filter(follow_up_override=""):
        assert (item.status == Status.NO_FOLLOW_UP) == (not item.needs_follow_up), item
