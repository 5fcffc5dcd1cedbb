import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from agreements.models import Status
from meetings.models import MeetingSupport
from pages.calendar import calendar_events
from rcm.models import ANONYMOUS, Visibility, access_for
from tests.factories import AgreementFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def events_by_uid(**kwargs):
    kwargs.setdefault("user_or_access", AnonymousUser())
    return {event.uid: event for event in calendar_events(**kwargs)}


def test_a_held_meeting_is_an_event_over_its_days():
    meeting = MeetingFactory(kind="rcgm", city="San José", starts_on=datetime.date(2013, 11, 18))
    event = events_by_uid()[f"meeting-{meeting.pk}@rcm-records"]
    assert event.kind == "meeting"
    assert event.title == "RCGM San José 2013"
    assert (event.start, event.end) == (datetime.date(2013, 11, 18), datetime.date(2013, 11, 19))
    assert event.url == f"/meetings/{meeting.pk}/"
    assert event.ical_status == "CONFIRMED"


def test_a_planned_seminar_is_an_activity():
    seminar = MeetingFactory(
        kind="seminar", name_en="Seminar on labour migration", status="planned", year=2030,
        starts_on=datetime.date(2030, 3, 4),
    )  # fmt: skip
    event = events_by_uid()[f"meeting-{seminar.pk}@rcm-records"]
    assert event.kind == "activity"
    assert event.title == "Seminar on labour migration"
    assert event.ical_status == "TENTATIVE"


def test_a_planned_meeting_that_an_agreement_proposes_is_an_activity():
    proposed = MeetingFactory(kind="other", status="planned", starts_on=datetime.date(2030, 5, 6))
    agreement = AgreementFactory()
    agreement.proposed_activities.add(proposed)
    assert events_by_uid()[f"meeting-{proposed.pk}@rcm-records"].kind == "activity"


def test_a_workshop_already_held_is_a_meeting_not_an_activity():
    workshop = MeetingFactory(kind="workshop", status="held")
    assert events_by_uid()[f"meeting-{workshop.pk}@rcm-records"].kind == "meeting"


def test_an_open_agreement_with_a_deadline_is_a_deadline_event():
    meeting = MeetingFactory(kind="rcgm", city="San José", starts_on=datetime.date(2013, 11, 18))
    agreement = AgreementFactory(
        meeting=meeting, ref="16", text_en="To hold a workshop on consular protection.",
        deadline=datetime.date(2014, 6, 30), status=Status.IN_PROGRESS,
    )  # fmt: skip
    event = events_by_uid()[f"deadline-{agreement.pk}@rcm-records"]
    assert event.kind == "deadline"
    assert event.title == (
        "Deadline: RCGM San José 2013 Conclusion 16 – To hold a workshop on consular protection."
    )
    assert event.start == event.end == datetime.date(2014, 6, 30)
    assert event.url == f"/agreements/{agreement.pk}/"


def test_a_done_agreements_deadline_is_in_the_calendar_with_its_status():
    agreement = AgreementFactory(deadline=datetime.date(2014, 6, 30), status=Status.DONE)
    event = events_by_uid()[f"deadline-{agreement.pk}@rcm-records"]
    assert (event.kind, event.status_label) == ("deadline", "Done")


def test_every_pending_deadline_comes_whatever_the_start_when_asked():
    agreement = AgreementFactory(deadline=datetime.date(2013, 3, 31), status=Status.OPEN)
    uid = f"deadline-{agreement.pk}@rcm-records"
    start = datetime.date(2025, 1, 1)
    assert uid not in events_by_uid(start=start)
    events = events_by_uid(start=start, every_pending_deadline=True)
    assert events[uid].start == datetime.date(2013, 3, 31)


def test_a_deadline_done_before_the_start_stays_out_even_when_every_pending_one_is_asked():
    agreement = AgreementFactory(deadline=datetime.date(2013, 3, 31), status=Status.DONE)
    events = events_by_uid(start=datetime.date(2025, 1, 1), every_pending_deadline=True)
    assert f"deadline-{agreement.pk}@rcm-records" not in events


def test_an_agreement_without_a_deadline_is_not_in_the_calendar():
    AgreementFactory(deadline=None, status=Status.OPEN)
    assert not [e for e in calendar_events(user_or_access=ANONYMOUS) if e.kind == "deadline"]


def test_a_meeting_known_to_the_month_spans_the_month():
    meeting = MeetingFactory(
        status="planned", date_precision="month", starts_on=datetime.date(2030, 2, 1), ends_on=None
    )
    event = events_by_uid()[f"meeting-{meeting.pk}@rcm-records"]
    assert (event.start, event.end) == (datetime.date(2030, 2, 1), datetime.date(2030, 2, 28))
    assert event.whole_month


def test_a_meeting_known_only_by_its_year_is_left_out():
    MeetingFactory(status="planned", date_precision="year", starts_on=None, year=2030)
    MeetingFactory(status="planned", starts_on=None, year=2031)
    assert calendar_events(user_or_access=ANONYMOUS) == []


def test_the_parts_of_a_meeting_are_not_events_of_their_own():
    meeting = MeetingFactory(kind="vice_ministerial", ordinal=26)
    MeetingFactory(kind="vice_ministerial", parent=meeting, part="plenary")
    assert list(events_by_uid()) == [f"meeting-{meeting.pk}@rcm-records"]


def test_members_only_and_restricted_records_are_hidden_from_anonymous_users():
    MeetingFactory(visibility=Visibility.MEMBERS)
    MeetingFactory(visibility=Visibility.RESTRICTED)
    AgreementFactory(
        meeting=MeetingFactory(visibility=Visibility.MEMBERS),
        visibility=Visibility.MEMBERS,
        deadline=datetime.date(2030, 1, 1),
    )
    assert calendar_events(user_or_access=AnonymousUser()) == []


def test_a_focal_point_sees_members_only_records_but_not_restricted_ones(focal_point_mx):
    members = MeetingFactory(visibility=Visibility.MEMBERS)
    MeetingFactory(visibility=Visibility.RESTRICTED)
    named = MeetingFactory(visibility=Visibility.RESTRICTED)
    named.named_users.add(focal_point_mx)
    uids = set(events_by_uid(user_or_access=focal_point_mx))
    assert uids == {f"meeting-{members.pk}@rcm-records", f"meeting-{named.pk}@rcm-records"}


def test_a_country_sees_the_meetings_it_hosts_or_attends_and_the_deadlines_it_must_meet(
    mexico, guatemala
):
    hosted = MeetingFactory(country=mexico)
    attended = MeetingFactory(country=guatemala)
    ParticipationFactory(meeting=attended, country=mexico)
    co_hosted = MeetingFactory(country=guatemala)
    MeetingSupport.objects.create(meeting=co_hosted, country=mexico, role="host")
    MeetingFactory(country=guatemala)
    ours = AgreementFactory(deadline=datetime.date(2030, 1, 1), responsible=[mexico])
    AgreementFactory(deadline=datetime.date(2030, 1, 1), responsible=[guatemala])
    AgreementFactory(deadline=datetime.date(2030, 1, 1), mentions=[mexico])
    uids = set(events_by_uid(country="MX"))
    assert uids == {
        f"meeting-{hosted.pk}@rcm-records",
        f"meeting-{attended.pk}@rcm-records",
        f"meeting-{co_hosted.pk}@rcm-records",
        f"deadline-{ours.pk}@rcm-records",
    }


def test_events_outside_the_dates_asked_for_are_left_out():
    MeetingFactory(starts_on=datetime.date(2013, 11, 18))
    inside = MeetingFactory(starts_on=datetime.date(2014, 12, 31))
    month = MeetingFactory(
        status="planned", date_precision="month", starts_on=datetime.date(2014, 1, 20), ends_on=None
    )
    AgreementFactory(deadline=datetime.date(2015, 1, 1))
    uids = set(events_by_uid(start=datetime.date(2014, 1, 1), end=datetime.date(2014, 12, 31)))
    assert uids == {f"meeting-{inside.pk}@rcm-records", f"meeting-{month.pk}@rcm-records"}


def test_a_meeting_that_began_before_the_range_and_ends_in_it_is_kept():
    meeting = MeetingFactory(
        starts_on=datetime.date(2013, 12, 30), ends_on=datetime.date(2014, 1, 2)
    )
    uids = set(events_by_uid(start=datetime.date(2014, 1, 1), end=datetime.date(2014, 1, 31)))
    assert uids == {f"meeting-{meeting.pk}@rcm-records"}


def test_events_come_in_date_order():
    late = MeetingFactory(starts_on=datetime.date(2014, 5, 1))
    early = MeetingFactory(starts_on=datetime.date(2013, 5, 1))
    deadline = AgreementFactory(meeting=early, deadline=datetime.date(2013, 9, 1))
    assert [event.uid for event in calendar_events(user_or_access=ANONYMOUS)] == [
        f"meeting-{early.pk}@rcm-records",
        f"deadline-{deadline.pk}@rcm-records",
        f"meeting-{late.pk}@rcm-records",
    ]


@pytest.mark.parametrize("count", [1, 25])
def test_the_calendar_runs_a_fixed_number_of_queries(
    focal_point_mx, django_assert_max_num_queries, count
):
    access = access_for(focal_point_mx)
    for _ in range(count):
        meeting = MeetingFactory(kind="rcgm", visibility=Visibility.MEMBERS)
        other = MeetingFactory(kind="vice_ministerial")
        AgreementFactory(meeting=meeting, deadline=datetime.date(2030, 1, 1))
        AgreementFactory(meeting=other, deadline=datetime.date(2030, 1, 1)).proposed_activities.add(
            MeetingFactory(kind="seminar", status="planned", starts_on=datetime.date(2030, 2, 2))
        )
    # meetings with host countries and whether an agreement proposes them,
    # agreements with deadlines and their meetings.
    with django_assert_max_num_queries(2):
        events = calendar_events(user_or_access=access, country=None)
    assert len(events) == 5 * count


def test_a_deadline_at_the_next_rcgm_is_on_the_calendar_on_that_meetings_day():
    from meetings.models import MeetingKind

    adopted = MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2013, 11, 18))
    agreement = AgreementFactory(
        meeting=adopted,
        deadline_body=MeetingKind.RCGM,
        deadline_text="at the next meeting of the RCGM",
    )
    MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2014, 6, 24))

    event = events_by_uid(every_pending_deadline=True)[f"deadline-{agreement.pk}@rcm-records"]

    assert event.start == datetime.date(2014, 6, 24)


def test_a_planned_meeting_whose_date_passed_is_not_confirmed_on_the_calendar():
    workshop = MeetingFactory(
        kind="workshop", status="planned", year=2014, starts_on=datetime.date(2014, 4, 30)
    )
    event = events_by_uid()[f"meeting-{workshop.pk}@rcm-records"]
    assert (event.status, event.status_label) == ("not_confirmed", "Not confirmed")
    assert event.ical_status == "TENTATIVE"
