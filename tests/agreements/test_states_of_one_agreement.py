"""An agreement's detail decides its states from its own row (AgreementQuerySet.states_of), a list
in its query (with_states): the two give the same answers."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from agreements.models import Agreement, FollowUp, Status, Validation
from agreements.models.querysets import months_before
from meetings.models import MeetingKind, MeetingStatus
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db

STATES = ("overdue", "not_reported", "stale", "due_on")


def meeting_on(day: datetime.date, **fields):
    return MeetingFactory(starts_on=day, ends_on=day, year=day.year, **fields)


def reported(agreement, at: datetime.datetime):
    """An accepted update posted at `at`: the database sets the agreement's reported_at."""
    follow_up = FollowUp.objects.create(
        agreement=agreement, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
    )
    FollowUp.objects.filter(pk=follow_up.pk).update(created_at=at)


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def agreements():
    """Agreements in every state the rules tell apart, relative to today."""
    today = timezone.localdate()
    cutoff = months_before(today, 12)
    old = meeting_on(datetime.date(2013, 11, 19))
    last_month = meeting_on(today - datetime.timedelta(days=30))
    meeting_on(today + datetime.timedelta(days=60), status=MeetingStatus.PLANNED)
    meeting_on(
        today - datetime.timedelta(days=10),
        kind=MeetingKind.VICE_MINISTERIAL,
        status=MeetingStatus.CANCELLED,
    )
    undated = MeetingFactory(starts_on=None, ends_on=None, year=2014, status=MeetingStatus.PLANNED)
    rows = [
        # Its date passed: overdue; nobody reported, adopted long ago: not reported and stale.
        AgreementFactory(meeting=old, deadline=today - datetime.timedelta(days=10)),
        # Due at the next RCGM, held last month: overdue.
        AgreementFactory(meeting=old, deadline_body=MeetingKind.RCGM),
        # Due at the next RCGM, planned in two months: not yet.
        AgreementFactory(meeting=last_month, deadline_body=MeetingKind.RCGM),
        # Due at the next Vice-Ministerial Meeting, whose only one was cancelled: no day yet.
        AgreementFactory(meeting=old, deadline_body=MeetingKind.VICE_MINISTERIAL),
        # Done: none of the states.
        AgreementFactory(
            meeting=old, deadline=today - datetime.timedelta(days=10), status=Status.DONE
        ),
        # A meeting known by its year only, long ago: stale.
        AgreementFactory(meeting=undated),
    ]
    recent, long_ago, evening_before_cutoff, morning_of_cutoff = (
        AgreementFactory(meeting=old) for _ in range(4)
    )
    reported(recent, local(today - datetime.timedelta(days=5), 12))
    reported(long_ago, local(today - datetime.timedelta(days=800), 12))
    # Late in the evening here is the next day in UTC: the day counted is the day here.
    reported(evening_before_cutoff, local(cutoff - datetime.timedelta(days=1), 23, 30))
    reported(morning_of_cutoff, local(cutoff, 0, 30))
    return [*rows, recent, long_ago, evening_before_cutoff, morning_of_cutoff]


def test_an_agreements_detail_gives_the_states_its_row_in_the_list_gives(agreements):
    api = APIClient()
    listed = {
        row["id"]: {name: row[name] for name in STATES}
        for row in api.get("/api/v1/agreements/?page_size=200").json()["results"]
    }
    detailed = {}
    for agreement in agreements:
        row = api.get(f"/api/v1/agreements/{agreement.pk}/").json()
        detailed[row["id"]] = {name: row[name] for name in STATES}
    assert detailed == {agreement.pk: listed[agreement.pk] for agreement in agreements}
    # Every state is seen both ways, so that the comparison compares something.
    for name in ("overdue", "not_reported", "stale"):
        assert {row[name] for row in detailed.values()} == {True, False}


def test_states_of_one_agreement_are_those_with_states_gives_on_any_day(agreements):
    for today in (timezone.localdate(), datetime.date(2014, 1, 1), datetime.date(2040, 6, 30)):
        annotated = Agreement.objects.with_states(today).order_by("pk")
        in_sql = {a.pk: (a.overdue, a.not_reported, a.stale) for a in annotated}
        rows = Agreement.objects.select_related("meeting").order_by("pk")
        decided = {a.pk: tuple(Agreement.objects.states_of(a, today).values()) for a in rows}
        assert decided == in_sql
