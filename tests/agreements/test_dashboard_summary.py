"""The dashboard's one-query summary says what the separate selectors say."""

import datetime

import pytest

from agreements import selectors
from agreements.models import Agreement, AgreementCountry, Status
from meetings.models import Meeting, MeetingKind
from rcm.models import ANONYMOUS, Visibility
from tests.agreements import reference_charts
from tests.factories import AgreementFactory, MeetingFactory, ThemeFactory, member_country

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2020, 6, 1)
PAST = datetime.date(2020, 1, 1)
FUTURE = datetime.date(2021, 1, 1)


@pytest.fixture
def records():
    mexico, guatemala = member_country("MX"), member_country("GT")
    migration, protection = ThemeFactory(code="1"), ThemeFactory(code="2")
    subtopics = [
        ThemeFactory(code="1.1", parent=migration),
        ThemeFactory(code="1.2", parent=migration),
    ]
    rcgm = MeetingFactory(starts_on=datetime.date(2013, 3, 1))
    rcm = MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, starts_on=datetime.date(2015, 6, 1))
    rows = [
        (rcgm, Status.OPEN, PAST, [mexico, guatemala], [migration]),
        (rcgm, Status.IN_PROGRESS, FUTURE, [mexico], subtopics),
        (rcgm, Status.IN_PROGRESS, PAST, [guatemala], [protection, *subtopics]),
        (rcgm, Status.DONE, PAST, [mexico], []),
        (rcm, Status.OPEN, None, [], [protection]),
        (rcm, Status.DROPPED, PAST, [mexico], [migration]),
        (rcm, Status.SUPERSEDED, None, [], []),
        (rcm, Status.NO_FOLLOW_UP, None, [], [protection]),
    ]
    for meeting, status, deadline, responsible, themes in rows:
        agreement = AgreementFactory(
            meeting=meeting, status=status, deadline=deadline, responsible=responsible
        )
        agreement.themes.add(*themes)
    # Mexico has done its part of a shared overdue agreement; Guatemala has not.
    shared = Agreement.objects.filter(country_links__country=guatemala, deadline=PAST).first()
    AgreementCountry.objects.filter(agreement=shared, country=mexico).update(status=Status.DONE)
    AgreementFactory(meeting=rcgm, visibility=Visibility.MEMBERS, deadline=PAST)


@pytest.mark.parametrize("country", [None, "MX"])
def test_the_summary_agrees_with_each_selector_it_replaces(records, country):
    agreements = Agreement.objects.visible_to(ANONYMOUS)
    if country:
        agreements = agreements.concerning_country(country)
    summary = selectors.dashboard_summary(
        agreements, access=ANONYMOUS, today=TODAY, meetings=Meeting.objects.all()
    )
    assert summary.counts == reference_charts.dashboard_counts(agreements, TODAY)
    by_body = reference_charts.counts_by_body(agreements, TODAY)
    assert sorted(summary.by_body, key=str) == sorted(by_body, key=str)
    theme_keys = ("total", "pending", "overdue", "not_reported", "stale")
    assert [(row["theme"].code, *(row[key] for key in theme_keys))
            for row in summary.by_theme] == [
        (row["theme"].code, *(row[key] for key in theme_keys))
        for row in reference_charts.counts_by_theme(agreements, TODAY)
    ]  # fmt: skip
    assert summary.status_by_year == reference_charts.status_by_year(agreements, today=TODAY)
    assert summary.overdue_by_country == reference_charts.overdue_by_country(
        agreements, today=TODAY
    )
    assert summary.themes_over_time == reference_charts.themes_over_time(agreements)


def test_the_meeting_filter_offers_the_latest_meetings_and_the_chosen_one():
    meetings = [MeetingFactory(starts_on=datetime.date(2000 + n, 3, 1)) for n in range(6)]
    for meeting in meetings:
        AgreementFactory(meeting=meeting)
    offered = selectors.meetings_to_choose_from(
        ANONYMOUS, year=None, selected=meetings[0].pk, limit=3
    )
    assert list(offered) == [meetings[5], meetings[4], meetings[3], meetings[0]]
    of_a_year = selectors.meetings_to_choose_from(ANONYMOUS, year=2001, selected=None, limit=3)
    assert list(of_a_year) == [meetings[1]]


def test_the_meeting_filter_offers_no_meeting_without_visible_agreements():
    hidden = MeetingFactory()
    AgreementFactory(meeting=hidden, visibility=Visibility.MEMBERS)
    offered = selectors.meetings_to_choose_from(ANONYMOUS, year=None, selected=None, limit=10)
    assert list(offered) == []


def test_a_country_outside_the_options_finds_nothing_rather_than_failing(client):
    AgreementFactory(responsible=[member_country("MX")])
    response = client.get("/follow-up/?country=ZZ")
    assert response.status_code == 200
    assert response.context["counts"]["total"] == 0
