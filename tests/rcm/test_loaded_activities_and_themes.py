"""The loaded real records: planned activities with short names, the year their text states and
an honest state; Plan of Action themes on (nearly) every agreement (tests of loading)."""

import datetime

import pytest

from agreements.models import Agreement, AgreementLink, AgreementTheme
from meetings.models import NAME_MAX_LENGTH, Meeting, MeetingState, MeetingStatus, SupportRole
from tests.agreements.reference_charts import counts_by_theme

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(scope="module")
def real_records(real_records_for_the_module):
    """The real records, loaded once per worker, for the module's tests, which only read them."""


@pytest.fixture
def records(real_records, db):
    return Meeting.objects


def proposed_by(meeting: int, ref: str) -> list[Meeting]:
    agreement = Agreement.objects.get(meeting_id=meeting, ref=ref)
    return list(agreement.proposed_activities.order_by("pk"))


def test_no_meeting_name_is_longer_than_120_characters(records):
    longest = max(
        len(name) for pair in Meeting.objects.values_list("name_en", "name_es") for name in pair
    )
    assert longest <= NAME_MAX_LENGTH


def test_no_meeting_is_still_planned_after_its_date(records):
    planned = Meeting.objects.with_state(TODAY).filter(state=MeetingState.PLANNED)
    assert not planned.filter(Meeting.objects.date_passed_q(TODAY)).exists()
    gone = set(
        Meeting.objects.with_state(TODAY)
        .filter(state=MeetingState.NOT_CONFIRMED)
        .values_list("pk", flat=True)
    )
    # The April 2014 meeting in the Dominican Republic and the IMRF of 2022.
    assert {501, 521} <= gone


def test_the_costa_rica_health_workshop_has_its_host_and_four_supporters(records):
    (workshop,) = proposed_by(2, "7.l")
    assert workshop.name_en == "Workshop on Migration and Health (Costa Rica)"
    assert workshop.country_id == "CR"
    supporters = {
        support.country_id or support.organisation.acronym
        for support in workshop.supports.filter(role=SupportRole.SUPPORT)
    }
    assert supporters == {"CA", "US", "CR", "IOM"}
    assert "7.l" in workshop.source and "with the support of Canada" in workshop.source


def test_the_xxvii_rcm_and_the_third_rcm_sacm_plenary_state_no_year(records):
    (xxvii,) = proposed_by(2, "7.t")
    (plenary,) = proposed_by(2, "7.u")
    assert (xxvii.ordinal, xxvii.year) == (27, None)
    assert (plenary.ordinal, plenary.year) == (3, None)
    assert plenary.state == MeetingStatus.PLANNED
    # The XXVIII RCM (December 2023) is recorded as held: the XXVII is no longer ahead.
    assert xxvii.state == MeetingState.NOT_CONFIRMED


def test_the_imrf_is_2022_as_item_6_says(records):
    (imrf,) = proposed_by(2, "7.w")
    assert imrf.year == 2022
    assert "IMRF) 2022 Update" in imrf.source


def test_no_activity_takes_its_proposing_meetings_year_by_default(records):
    activities = Meeting.objects.filter(pk__range=(501, 521))
    assert set(activities.values_list("year", flat=True)) == {None, 2014, 2022}


def test_the_activity_page_links_to_the_agreement_that_proposed_it(client, records):
    (workshop,) = proposed_by(2, "7.l")
    agreement = Agreement.objects.get(meeting_id=2, ref="7.l")
    assert agreement.get_absolute_url() in client.get(workshop.get_absolute_url()).text


def test_nine_in_ten_loaded_agreements_carry_a_plan_of_action_theme(records):
    total = Agreement.objects.count()
    themed = Agreement.objects.filter(theme_links__isnull=False).distinct().count()
    assert total >= 100
    assert themed / total >= 0.9


def test_the_loaded_themes_are_marked_as_suggested(records):
    assert AgreementTheme.objects.exists()
    assert not AgreementTheme.objects.filter(suggested=False).exists()


def test_the_dashboards_theme_table_counts_them(records):
    rows = counts_by_theme(Agreement.objects.all(), TODAY)
    assert all(row["total"] > 0 for row in rows)


def test_the_known_lineage_of_the_guidelines_would_have_been_suggested(records):
    from agreements.lineage import suggest_earlier

    update = Agreement.objects.get(meeting_id=2, section="recommendation", ref="8.a")
    request = Agreement.objects.get(meeting_id=3, ref="3")
    assert request not in [s.earlier for s in suggest_earlier(update)]  # linked: not offered
    AgreementLink.objects.filter(later=update, earlier=request).delete()  # rolled back
    assert suggest_earlier(update)[0].earlier == request
