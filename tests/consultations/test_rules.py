"""The rules of consultations/rules.py, asked directly: who starts, steers and answers."""

import datetime

import pytest

from consultations import rules
from consultations.models import Consultation
from rcm.models import ANONYMOUS, Access, Presidency, Role, access_for
from tests.consultations.factories import at, conference, in_members_round

TS_STAFF = Access(1, True, None, None, None, frozenset({Role.TS_STAFF}))
FOCAL_POINT_MX = Access(2, False, "MX", None, None, frozenset({Role.FOCAL_POINT}))
FOCAL_POINT_GT = Access(3, False, "GT", None, None, frozenset({Role.FOCAL_POINT}))
NETWORK_OFFICER_MX = Access(4, False, "MX", None, None, frozenset({Role.NETWORK_OFFICER}))
OBSERVER_STATE = Access(5, False, None, "ES", None, frozenset({Role.OBSERVER}))
MEXICOS_PRESIDENCY = Presidency(year=2026, country_id="MX")


def test_the_presidencys_focal_point_speaks_for_the_ppt():
    assert rules.speaks_for_ppt(FOCAL_POINT_MX, MEXICOS_PRESIDENCY)


def test_a_network_officer_does_not_speak_for_the_ppt():
    assert not rules.speaks_for_ppt(NETWORK_OFFICER_MX, MEXICOS_PRESIDENCY)


def test_the_ppt_starts_a_consultation():
    assert rules.may_start(FOCAL_POINT_MX, MEXICOS_PRESIDENCY)


def test_another_member_does_not_start_a_consultation():
    assert not rules.may_start(FOCAL_POINT_GT, MEXICOS_PRESIDENCY)


def test_ts_staff_start_a_consultation_without_a_presidency_in_office():
    assert rules.may_start(TS_STAFF, None)


def test_the_proposing_ppt_steers_its_consultation():
    assert rules.may_steer(FOCAL_POINT_MX, Consultation(presidency=MEXICOS_PRESIDENCY))


def test_another_member_steers_nothing_and_has_no_transitions():
    consultation = Consultation(presidency=MEXICOS_PRESIDENCY)
    assert rules.allowed_transitions(FOCAL_POINT_GT, consultation) == []


def test_an_observer_is_told_that_members_answer():
    assert rules.answer_refusal(OBSERVER_STATE) == (
        "Observers do not answer consultations: member countries do."
    )


def test_a_network_officer_is_told_that_a_country_answers_through_its_focal_point():
    assert rules.answer_refusal(NETWORK_OFFICER_MX) == "A country answers through its focal point."


def test_a_member_countrys_focal_point_is_not_refused_answering():
    assert rules.answer_refusal(FOCAL_POINT_GT) is None


def test_ts_staff_and_members_take_part_but_observers_and_the_public_do_not():
    assert [rules.takes_part(a) for a in (TS_STAFF, FOCAL_POINT_GT, OBSERVER_STATE, ANONYMOUS)] == [
        True,
        True,
        False,
        False,
    ]


@pytest.mark.django_db
def test_ts_staff_may_start_today_without_asking_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert rules.may_start_today(TS_STAFF, datetime.date(2026, 12, 16))


@pytest.mark.django_db
def test_the_ppt_in_office_may_start_today():
    setting = conference()
    assert rules.may_start_today(access_for(setting.ppt), datetime.date(2026, 12, 16))


@pytest.mark.django_db
def test_a_country_asked_in_an_open_round_may_answer():
    setting = conference()
    consultation = in_members_round(setting)
    now = at("2026-12-19")
    access = access_for(setting.focal_points["GT"])
    assert rules.may_answer(access, consultation.current_round, now)


@pytest.mark.django_db
def test_nobody_answers_a_round_once_it_has_closed():
    setting = conference()
    consultation = in_members_round(setting)
    long_after = at("2027-02-01")
    access = access_for(setting.focal_points["GT"])
    assert not rules.may_answer(access, consultation.current_round, long_after)
