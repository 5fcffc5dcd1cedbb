"""Planned activities: a short name, the year the text states or none, a state that says when
a date passed without the activity being recorded as held, and TS staff's confirmation."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from meetings.models import DatePrecision, Meeting, MeetingKind, MeetingState, MeetingStatus
from meetings.services import meeting_confirm_outcome
from tests.factories import AgreementFactory, MeetingFactory, UserFactory, ts_staff_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


def planned(**kwargs) -> Meeting:
    defaults = {
        "kind": MeetingKind.WORKSHOP,
        "name_en": "Workshop on Migration and Health (Costa Rica)",
        "status": MeetingStatus.PLANNED,
        "starts_on": None,
        "year": None,
        "date_precision": DatePrecision.NONE,
    }
    return MeetingFactory(**{**defaults, **kwargs})


def state_in_database(meeting: Meeting, today=TODAY) -> str:
    return Meeting.objects.with_state(today).get(pk=meeting.pk).state


def test_a_planned_activity_whose_year_passed_is_not_confirmed():
    imrf = planned(name_en="International Migration Review Forum (IMRF)", year=2022,
                   date_precision=DatePrecision.YEAR)  # fmt: skip
    assert state_in_database(imrf) == MeetingState.NOT_CONFIRMED


def test_a_planned_activity_whose_month_passed_is_not_confirmed():
    meeting = planned(year=2014, starts_on=datetime.date(2014, 4, 1), date_precision="month")
    assert state_in_database(meeting) == MeetingState.NOT_CONFIRMED


def test_a_planned_activity_in_this_month_is_still_planned():
    meeting = planned(year=2026, starts_on=datetime.date(2026, 12, 1), date_precision="month")
    assert state_in_database(meeting) == MeetingState.PLANNED


def test_a_planned_activity_whose_year_is_not_stated_stays_planned():
    assert state_in_database(planned()) == MeetingState.PLANNED


def vice_ministerial(ordinal: int, **kwargs) -> Meeting:
    return planned(kind=MeetingKind.VICE_MINISTERIAL, ordinal=ordinal,
                   name_en=f"Vice-Ministerial Meeting {ordinal}", **kwargs)  # fmt: skip


def test_a_numbered_meeting_whose_successor_was_held_is_not_confirmed_though_its_year_is_unknown():
    xxvii = vice_ministerial(27)
    MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=28, year=2023)
    assert state_in_database(xxvii) == MeetingState.NOT_CONFIRMED
    assert Meeting.objects.get(pk=xxvii.pk).state == MeetingState.NOT_CONFIRMED


def test_a_numbered_meeting_whose_successor_is_only_planned_stays_planned():
    xxvii = vice_ministerial(27)
    vice_ministerial(28)
    assert state_in_database(xxvii) == MeetingState.PLANNED
    assert Meeting.objects.get(pk=xxvii.pk).state == MeetingState.PLANNED


def test_the_page_of_an_overtaken_meeting_does_not_say_it_has_not_been_held(client):
    xxvii = vice_ministerial(27)
    MeetingFactory(kind=MeetingKind.VICE_MINISTERIAL, ordinal=28, year=2023)
    text = client.get(f"/meetings/{xxvii.pk}/", HTTP_ACCEPT_LANGUAGE="es").text
    assert "No confirmada" in text
    assert "no dicen si se celebró ni cuándo" in text
    assert "aún no se ha celebrado" not in text


def test_a_held_meeting_is_held_whatever_its_date():
    assert state_in_database(MeetingFactory()) == MeetingState.HELD


@pytest.mark.parametrize(
    "fields",
    [
        {"year": 2022, "date_precision": "year"},
        {"year": 2026, "date_precision": "year"},
        {"year": 2014, "starts_on": datetime.date(2014, 4, 1), "date_precision": "month"},
        {"year": 2026, "starts_on": datetime.date(2026, 12, 2), "date_precision": "day"},
        {"year": 2026, "starts_on": datetime.date(2026, 12, 3), "date_precision": "day"},
        {},
    ],
)
def test_the_page_and_the_database_read_the_same_state(fields):
    meeting = planned(**fields)
    today = timezone.localdate()
    assert Meeting.objects.get(pk=meeting.pk).state == state_in_database(meeting, today)


def test_a_meeting_name_longer_than_120_characters_is_refused():
    meeting = MeetingFactory.build(name_en="x" * 121)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "name_en" in error.value.message_dict


def test_the_database_refuses_a_meeting_name_longer_than_120_characters():
    meeting = planned()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(name_en="x" * 121)


def test_the_database_refuses_a_held_meeting_without_a_year():
    meeting = planned()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)


def test_a_meeting_without_a_year_cannot_have_dates():
    meeting = planned()
    meeting.starts_on = datetime.date(2022, 3, 1)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "year" in error.value.message_dict


def test_ts_staff_confirm_a_planned_activity_as_held():
    meeting = planned(year=2022, date_precision="year")
    meeting_confirm_outcome(meeting=meeting, outcome="held", by=ts_staff_user())
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.history.first().history_change_reason.startswith("Confirmed as held")


def test_ts_staff_confirm_a_planned_activity_as_cancelled():
    meeting = planned()
    meeting_confirm_outcome(meeting=meeting, outcome="cancelled", by=ts_staff_user())
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.CANCELLED


def test_someone_who_is_not_ts_staff_cannot_confirm_and_nothing_changes():
    meeting = planned(year=2022, date_precision="year")
    with pytest.raises(PermissionDenied):
        meeting_confirm_outcome(meeting=meeting, outcome="held", by=UserFactory(is_staff=True))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


@pytest.mark.parametrize(
    "fields, outcome",
    [
        ({}, "held"),  # no year: when was it held?
        ({"year": 2099, "date_precision": "year"}, "held"),  # not begun yet
        ({"year": 2022, "date_precision": "year"}, "postponed"),  # not an outcome
    ],
)
def test_a_confirmation_that_cannot_be_true_is_refused(fields, outcome):
    meeting = planned(**fields)
    with pytest.raises(ValidationError):
        meeting_confirm_outcome(meeting=meeting, outcome=outcome, by=ts_staff_user())
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_a_held_meeting_cannot_be_confirmed_again():
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        meeting_confirm_outcome(meeting=meeting, outcome="cancelled", by=ts_staff_user())
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_ts_staff_confirm_from_the_admin_list_in_one_click(client):
    meeting = planned(year=2022, date_precision="year")
    client.force_login(ts_staff_user())
    response = client.post(
        "/admin/meetings/meeting/",
        {"action": "confirm_held", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_the_admin_action_refuses_an_activity_without_a_year_and_says_why(client):
    meeting = planned()
    client.force_login(ts_staff_user())
    response = client.post(
        "/admin/meetings/meeting/",
        {"action": "confirm_held", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert "has no year" in response.text
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_the_activity_page_links_back_to_the_agreement_that_proposed_it(client):
    activity = planned()
    agreement = AgreementFactory(ref="7.l", text_en="Workshop on Migration and Health.")
    agreement.proposed_activities.add(activity)
    text = client.get(f"/meetings/{activity.pk}/").text
    assert agreement.get_absolute_url() in text
    assert "year not stated" in text


def test_the_agreement_page_links_to_its_activity_with_its_state(client):
    activity = planned(year=2022, date_precision="year")
    agreement = AgreementFactory(ref="7.w")
    agreement.proposed_activities.add(activity)
    text = client.get(agreement.get_absolute_url()).text
    assert activity.get_absolute_url() in text
    assert "Not confirmed" in text


def test_the_activity_page_says_not_confirmed_in_spanish(client):
    activity = planned(year=2022, date_precision="year")
    text = client.get(f"/meetings/{activity.pk}/", HTTP_ACCEPT_LANGUAGE="es").text
    assert "No confirmada" in text


def test_the_meetings_list_filters_the_not_confirmed(client):
    gone = planned(name_en="International Migration Review Forum (IMRF)", year=2022,
                   date_precision="year")  # fmt: skip
    planned(name_en="III Plenary Meeting RCM–SACM")
    text = client.get("/meetings/?state=not_confirmed").text
    assert gone.name_en in text
    assert "III Plenary Meeting" not in text


def test_the_meetings_list_answers_an_unknown_state_with_a_form_error_not_a_500(client):
    planned()
    response = client.get("/meetings/?state=bogus")
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_the_api_gives_the_state_beside_the_status(client):
    activity = planned(year=2022, date_precision="year")
    body = client.get(f"/api/v1/meetings/{activity.pk}/").json()
    assert (body["status"], body["state"]) == ("planned", "not_confirmed")


@pytest.mark.parametrize("count", [1, 20])
def test_the_meetings_list_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    for n in range(count):
        planned(name_en=f"Workshop {n}", year=2022, date_precision="year")
    # the count for the paginator, the page of meetings with their host country, the
    # countries of the host filter.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(4):
        assert client.get("/meetings/").status_code == 200


@pytest.mark.parametrize(
    ("kind", "name_en", "spanish"),
    [
        (MeetingKind.RCGM, "Meeting of the Regional Consultation Group on Migration (RCGM)",
         "Reunión del Grupo Regional de Consulta sobre Migración (GRCM)"),
        (MeetingKind.EXTRAORDINARY, "Extraordinary Meeting of the Regional Conference on Migration",
         "Reunión Extraordinaria de la Conferencia Regional sobre Migración"),
    ],
)  # fmt: skip
def test_a_meeting_named_only_by_its_body_reads_in_spanish_on_a_spanish_page(
    kind, name_en, spanish
):
    meeting = MeetingFactory(kind=kind, name_en=name_en, name_es="")
    with translation.override("es"):
        assert (meeting.name, meeting.name_language) == (spanish, "es")
    with translation.override("en"):
        assert (meeting.name, meeting.name_language) == (name_en, "en")


def test_a_meeting_with_a_name_of_its_own_keeps_it_in_english_when_no_spanish_is_recorded():
    meeting = MeetingFactory(kind=MeetingKind.RCGM, name_en="RCGM on labour mobility", name_es="")
    with translation.override("es"):
        assert (meeting.name, meeting.name_language) == ("RCGM on labour mobility", "en")
