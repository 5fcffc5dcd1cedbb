"""Each country asked answers a round once, through its focal point, before the deadline ends."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consultations import services
from consultations.models import AnswerKind, ConsultationAnswer, RoundKind
from rcm.models import Role
from tests.consultations.factories import (
    MEXICO_TIME,
    at,
    conference,
    drafted,
    in_members_round,
    in_troika_review,
)
from tests.factories import UserFactory, observer_country, observer_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return conference(members=("MX", "GT", "CR", "HN"))


@pytest.fixture
def consultation(setting):
    return in_members_round(setting)


def answer(consultation, user, value="agree", **kwargs):
    kwargs.setdefault("now", at("2026-12-21"))
    return services.consultation_answer(consultation=consultation, by=user, answer=value, **kwargs)


def test_a_focal_point_answers_for_its_country(setting, consultation):
    given = answer(consultation, setting.focal_points["GT"], "agree")
    assert (given.country_id, given.answer, given.answered_by) == (
        "GT",
        AnswerKind.AGREE,
        setting.focal_points["GT"],
    )
    assert given.answered_at == at("2026-12-21")
    assert given.round == consultation.rounds.get(kind=RoundKind.MEMBERS)


def test_proposed_changes_are_recorded_with_their_text(setting, consultation):
    given = answer(
        consultation, setting.focal_points["HN"], "propose_changes", text="Cite the Guidelines."
    )
    assert (given.answer, given.text) == ("propose_changes", "Cite the Guidelines.")


def test_an_answer_at_the_last_minute_of_the_deadline_day_counts(setting, consultation):
    # The members' round opened on 18 December; its deadline is Monday 28 December.
    last_minute = datetime.datetime(2026, 12, 28, 23, 59, 59, tzinfo=MEXICO_TIME)
    assert answer(consultation, setting.focal_points["GT"], now=last_minute).pk


def test_an_answer_after_the_deadline_is_refused(setting, consultation):
    midnight = datetime.datetime(2026, 12, 29, tzinfo=MEXICO_TIME)
    with pytest.raises(ValidationError, match="deadline of Members' round 1 was the end of"):
        answer(consultation, setting.focal_points["GT"], now=midnight)
    assert not ConsultationAnswer.objects.filter(round__kind=RoundKind.MEMBERS).exists()


def test_a_second_answer_in_one_round_is_refused(setting, consultation):
    answer(consultation, setting.focal_points["GT"], "agree")
    with pytest.raises(ValidationError, match="Guatemala already answered"):
        answer(consultation, setting.focal_points["GT"], "object")
    assert ConsultationAnswer.objects.get(country_id="GT", round__kind="members").answer == "agree"


def test_a_second_focal_point_of_the_same_country_cannot_answer_again(setting, consultation):
    from tests.factories import focal_point_user

    answer(consultation, setting.focal_points["GT"], "agree")
    colleague = focal_point_user(setting.countries["GT"], username="focal-gt-interior")
    with pytest.raises(ValidationError, match="already answered"):
        answer(consultation, colleague, "object")


def test_an_observer_cannot_answer(setting, consultation, observer_org_user):
    observer_state = observer_user(country=observer_country("AR"), username="observer-ar")
    for observer in (observer_org_user, observer_state):
        with pytest.raises(PermissionDenied, match="Observers do not answer"):
            answer(consultation, observer)
    assert not ConsultationAnswer.objects.filter(round__kind=RoundKind.MEMBERS).exists()


def test_a_focal_point_cannot_answer_for_another_country(setting, consultation):
    with pytest.raises(PermissionDenied, match="You answer for Guatemala only, not for Mexico"):
        answer(consultation, setting.focal_points["GT"], country="MX")
    assert not ConsultationAnswer.objects.filter(round__kind=RoundKind.MEMBERS).exists()


def test_a_user_without_a_member_country_cannot_answer(setting, consultation):
    nobody = UserFactory(roles=[Role.FOCAL_POINT], username="no-country")
    for user in (setting.ts, nobody):
        with pytest.raises(PermissionDenied, match="represents no member country"):
            answer(consultation, user)
    assert not ConsultationAnswer.objects.filter(round__kind=RoundKind.MEMBERS).exists()


def test_a_network_officer_is_not_the_countrys_focal_point(setting, consultation):
    officer = UserFactory(
        roles=[Role.NETWORK_OFFICER], country=setting.countries["GT"], username="officer-gt"
    )
    with pytest.raises(PermissionDenied, match="through its focal point"):
        answer(consultation, officer)


def test_a_member_outside_the_troika_does_not_answer_its_review(setting):
    consultation = in_troika_review(setting)
    with pytest.raises(PermissionDenied, match="Honduras is not asked in Troika review 1"):
        answer(consultation, setting.focal_points["HN"], now=at("2026-12-18"))
    assert not ConsultationAnswer.objects.exists()


def test_changes_must_be_written_out(setting, consultation):
    with pytest.raises(ValidationError, match="Write the changes"):
        answer(consultation, setting.focal_points["GT"], "propose_changes", text="  ")
    assert not ConsultationAnswer.objects.filter(round__kind=RoundKind.MEMBERS).exists()


def test_nobody_chooses_no_answer(setting, consultation):
    with pytest.raises(ValidationError, match="agree, propose_changes or object"):
        answer(consultation, setting.focal_points["GT"], "no_answer")


def test_a_draft_takes_no_answers(setting):
    consultation = drafted(setting)
    with pytest.raises(ValidationError, match="No round of this consultation"):
        answer(consultation, setting.focal_points["GT"])


def test_an_amended_consultation_takes_no_answers_until_the_next_round(setting, consultation):
    for code in setting.members:
        answer(consultation, setting.focal_points[code], "agree")
    services.consultation_amend(consultation=consultation, by=setting.ppt, now=at("2026-12-22"))
    with pytest.raises(ValidationError, match="No round of this consultation"):
        answer(consultation, setting.focal_points["GT"], now=at("2026-12-22"))


def test_a_round_everyone_answered_and_closed_early_takes_no_more(setting):
    consultation = in_troika_review(setting)
    for code in setting.troika:
        answer(consultation, setting.focal_points[code], now=at("2026-12-17", 12))
    round = consultation.rounds.get()
    services.consultation_close_round(round=round, now=at("2026-12-17", 13))
    with pytest.raises(ValidationError, match="already answered"):
        answer(consultation, setting.focal_points["GT"], now=at("2026-12-17", 14))
