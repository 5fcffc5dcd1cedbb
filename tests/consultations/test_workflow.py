"""The consultation's steps: in order, by the PPT or the TS, each recorded with who and when."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements.models import AgreementLink, FollowUp, Section, Status, Validation
from consultations import services
from consultations.models import (
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    RoundKind,
)
from meetings.models import MeetingKind, MeetingStatus
from rcm.models import Visibility
from tests.consultations.factories import (
    MEXICO_TIME,
    agreed,
    answer_all,
    at,
    conference,
    country,
    drafted,
    in_members_round,
    in_troika_review,
)
from tests.factories import (
    AgreementFactory,
    PresidencyFactory,
    focal_point_user,
    observer_country,
    observer_user,
)

pytestmark = pytest.mark.django_db

S = ConsultationState


@pytest.fixture
def setting():
    return conference(members=("MX", "GT", "CR", "HN"))


def snapshot(consultation):
    """What a refused step must leave as it was."""
    consultation = Consultation.objects.get(pk=consultation.pk)
    return (
        consultation.state,
        consultation.versions.count(),
        consultation.rounds.count(),
        ConsultationRound.objects.filter(consultation=consultation, closed_at__isnull=True).count(),
        ConsultationAnswer.objects.filter(round__consultation=consultation).count(),
        consultation.transitions.count(),
        consultation.agreement_id,
    )


# --- Drafting ----------------------------------------------------------------------------------


def test_the_ppt_in_office_drafts_a_consultation_as_version_one(setting):
    consultation = drafted(setting)
    assert consultation.state == S.DRAFT
    assert consultation.presidency.year == 2026
    assert consultation.presidency.country_id == "MX"
    assert list(consultation.versions.values_list("number", flat=True)) == [1]
    first = consultation.transitions.get()
    assert (first.from_state, first.to_state, first.by) == ("", S.DRAFT, setting.ppt)


def test_ts_staff_draft_a_consultation_for_the_ppt(setting):
    consultation = services.consultation_create(
        by=setting.ts, subject="Budget", text_en="To approve the budget.", now=at("2026-12-16")
    )
    assert consultation.presidency.country_id == "MX"


def test_a_focal_point_of_another_country_cannot_draft_a_consultation(setting):
    with pytest.raises(PermissionDenied, match="Mexico"):
        drafted_by(setting.focal_points["GT"])
    assert not Consultation.objects.exists()


def drafted_by(user):
    return services.consultation_create(
        by=user, subject="S", text_en="To do it.", now=at("2026-12-16")
    )


def test_no_consultation_without_a_presidency_in_office(db):
    mexico = country("MX")
    PresidencyFactory(year=2030, country=mexico)
    with pytest.raises(ValidationError, match="No Presidency Pro-Tempore"):
        drafted_by(focal_point_user(mexico, username="early"))


def test_the_draft_text_can_be_replaced_before_it_is_sent(setting):
    consultation = drafted(setting)
    services.consultation_update(consultation=consultation, by=setting.ppt, text_en="New text.")
    assert consultation.versions.get().text_en == "New text."


def test_once_sent_the_text_changes_only_by_amendment(setting):
    consultation = in_troika_review(setting)
    with pytest.raises(ValidationError, match="amendment"):
        services.consultation_update(consultation=consultation, by=setting.ppt, text_en="Other.")
    assert consultation.versions.get().text_en.startswith("To issue")


# --- Troika review -----------------------------------------------------------------------------


def test_the_troika_of_the_day_gets_five_working_days(setting):
    consultation = in_troika_review(setting, now=at("2026-12-17"))
    round = consultation.rounds.get()
    assert consultation.state == S.TROIKA_REVIEW
    assert (round.kind, round.number, round.version.number) == (RoundKind.TROIKA, 1, 1)
    assert round.asked_codes() == ["CR", "GT", "MX"]  # not Honduras, a member outside it
    assert round.deadline == datetime.date(2026, 12, 24)
    assert round.closes_at == datetime.datetime(2026, 12, 25, tzinfo=MEXICO_TIME)
    assert round.time_zone == "America/Mexico_City"


def test_the_step_records_who_took_it_when_and_the_round_it_opened(setting):
    consultation = in_troika_review(setting, now=at("2026-12-17"))
    step = consultation.transitions.get(to_state=S.TROIKA_REVIEW)
    assert (step.from_state, step.by, step.at) == (S.DRAFT, setting.ppt, at("2026-12-17"))
    assert step.round == consultation.rounds.get()


def test_the_members_round_opens_with_the_troikas_consensus(setting):
    consultation = in_members_round(setting, now=at("2026-12-18"))
    troika_round, members_round = consultation.rounds.order_by("opened_at")
    assert troika_round.closed_at == at("2026-12-18")
    assert consultation.state == S.MEMBERS_ROUND
    assert (members_round.kind, members_round.number) == (RoundKind.MEMBERS, 1)
    assert members_round.asked_codes() == ["CR", "GT", "HN", "MX"]
    assert members_round.deadline == datetime.date(2026, 12, 28)


def test_without_the_troikas_consensus_no_members_round_opens(setting):
    consultation = in_troika_review(setting)
    answer_all(setting, consultation, ["MX", "CR"], now=at("2026-12-17", 12))
    answer_all(setting, consultation, ["GT"], "object", now=at("2026-12-17", 12))
    before = snapshot(consultation)
    with pytest.raises(ValidationError, match="without consensus.*Guatemala: objects"):
        services.consultation_open_round(
            consultation=consultation, by=setting.ppt, now=at("2026-12-18")
        )
    assert snapshot(consultation) == before


def test_the_members_round_waits_while_the_troika_may_still_answer(setting):
    consultation = in_troika_review(setting)
    answer_all(setting, consultation, ["MX", "CR"], now=at("2026-12-17", 12))
    with pytest.raises(ValidationError, match="still waiting for: Guatemala"):
        services.consultation_open_round(
            consultation=consultation, by=setting.ppt, now=at("2026-12-24", 23)
        )


def test_the_troika_can_ask_for_changes_and_the_amended_text_goes_back_to_it(setting):
    consultation = in_troika_review(setting)
    answer_all(setting, consultation, ["MX", "CR"], now=at("2026-12-17", 12))
    answer_all(setting, consultation, ["GT"], "propose_changes", now=at("2026-12-17", 12))
    services.consultation_amend(
        consultation=consultation, by=setting.ppt, text_en="Amended.", now=at("2026-12-18")
    )
    assert consultation.next_states() == [S.TROIKA_REVIEW, S.WITHDRAWN]
    services.consultation_send_to_troika(
        consultation=consultation, by=setting.ppt, now=at("2026-12-18")
    )
    second = consultation.rounds.order_by("-opened_at").first()
    assert (second.kind, second.number, second.version.text_en) == ("troika", 2, "Amended.")


# --- Closing rounds and "no answer" ----------------------------------------------------------


def test_a_round_closed_after_its_deadline_records_no_answer_for_the_silent(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["MX", "GT", "CR"], now=at("2026-12-21"))
    round = consultation.rounds.get(kind=RoundKind.MEMBERS)
    services.consultation_close_round(round=round, by=setting.ppt, now=at("2026-12-29"))
    silent = round.answers.get(country_id="HN")
    assert silent.answer == AnswerKind.NO_ANSWER
    assert silent.answered_by is None
    assert silent.answered_at == round.closes_at
    round.refresh_from_db()
    assert round.closed_at == at("2026-12-29")


def test_a_round_does_not_close_before_its_deadline_while_countries_may_answer(setting):
    consultation = in_members_round(setting)
    round = consultation.rounds.get(kind=RoundKind.MEMBERS)
    with pytest.raises(ValidationError, match="open until"):
        services.consultation_close_round(round=round, now=at("2026-12-28", 23))
    assert not round.answers.exists()


def test_due_rounds_close_by_themselves(setting):
    consultation = in_members_round(setting)
    assert services.consultation_close_due_rounds(now=at("2026-12-28", 23)) == 0
    assert services.consultation_close_due_rounds(now=at("2026-12-29", 0)) == 1
    round = consultation.rounds.get(kind=RoundKind.MEMBERS)
    assert round.answers.filter(answer=AnswerKind.NO_ANSWER).count() == 4


def test_a_silent_country_breaks_the_consensus(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["MX", "GT", "CR"], now=at("2026-12-21"))
    with pytest.raises(ValidationError, match="Honduras: no answer"):
        services.consultation_agree(consultation=consultation, by=setting.ppt, now=at("2026-12-29"))
    assert not ConsultationAnswer.objects.filter(answer=AnswerKind.NO_ANSWER).exists()


# --- Members' rounds, amendments and consensus -----------------------------------------------


def test_an_objection_breaks_the_consensus(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["MX", "GT", "CR"], now=at("2026-12-21"))
    answer_all(setting, consultation, ["HN"], "object", now=at("2026-12-21"))
    before = snapshot(consultation)
    with pytest.raises(ValidationError, match="Honduras: objects"):
        services.consultation_agree(consultation=consultation, by=setting.ppt, now=at("2026-12-22"))
    assert snapshot(consultation) == before


def test_an_amended_text_is_a_new_version_and_opens_round_two(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["MX", "GT", "CR"], now=at("2026-12-21"))
    answer_all(setting, consultation, ["HN"], "propose_changes", now=at("2026-12-21"))
    services.consultation_amend(consultation=consultation, by=setting.ppt, now=at("2026-12-22"))
    services.consultation_open_round(
        consultation=consultation,
        by=setting.ppt,
        text_en="To issue a joint statement referring to the Regional Guidelines.",
        now=at("2026-12-22"),
    )
    second = consultation.rounds.order_by("-opened_at").first()
    assert (second.kind, second.number, second.version.number) == ("members", 2, 2)
    assert second.deadline == datetime.date(2026, 12, 30)  # 23, 24, 28, 29, 30
    assert consultation.versions.count() == 2


def test_the_next_round_needs_the_amended_text(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, setting.members, now=at("2026-12-21"))
    services.consultation_amend(consultation=consultation, by=setting.ppt, now=at("2026-12-22"))
    before = snapshot(consultation)
    with pytest.raises(ValidationError, match="amended text"):
        services.consultation_open_round(
            consultation=consultation, by=setting.ppt, now=at("2026-12-22")
        )
    assert snapshot(consultation) == before


def test_the_members_receive_the_text_the_troika_agreed(setting):
    consultation = in_troika_review(setting)
    answer_all(setting, consultation, setting.troika, now=at("2026-12-17", 12))
    with pytest.raises(ValidationError, match="the Troika agreed"):
        services.consultation_open_round(
            consultation=consultation, by=setting.ppt, text_en="Else.", now=at("2026-12-18")
        )


# --- Order and permission ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "to"),
    [
        (drafted, S.MEMBERS_ROUND),
        (drafted, S.AGREED),
        (drafted, S.AMENDED),
        (in_troika_review, S.AGREED),
        (in_troika_review, S.LAUNCHED),
        (in_members_round, S.TROIKA_REVIEW),
        (in_members_round, S.LAUNCHED),
        (agreed, S.MEMBERS_ROUND),
        (agreed, S.RESULT_REPORTED),
        (agreed, S.AMENDED),
    ],
)
def test_a_step_out_of_order_is_refused_and_changes_nothing(setting, build, to):
    consultation = build(setting)
    before = snapshot(consultation)
    with pytest.raises(ValidationError, match="cannot go to") as refused:
        services.consultation_transition(
            consultation=consultation, to=to, by=setting.ppt, text="Text.", now=at("2026-12-29")
        )
    assert "to" in refused.value.message_dict
    assert snapshot(consultation) == before


def test_a_withdrawn_consultation_goes_no_further(setting):
    consultation = drafted(setting)
    services.consultation_withdraw(consultation=consultation, by=setting.ppt, now=at("2026-12-17"))
    with pytest.raises(ValidationError, match="withdrawn: it goes no further"):
        services.consultation_send_to_troika(consultation=consultation, by=setting.ppt)


def test_an_unknown_state_is_refused(setting):
    with pytest.raises(ValidationError, match='no state "approved"'):
        services.consultation_transition(
            consultation=drafted(setting), to="approved", by=setting.ppt
        )


def test_only_the_ppt_or_ts_staff_move_a_consultation(setting):
    consultation = drafted(setting)
    before = snapshot(consultation)
    for outsider in (
        setting.focal_points["GT"],
        observer_user(country=observer_country("AR"), username="observer-ar"),
    ):
        with pytest.raises(PermissionDenied, match="Only the Presidency Pro-Tempore"):
            services.consultation_send_to_troika(consultation=consultation, by=outsider)
    assert snapshot(consultation) == before
    services.consultation_send_to_troika(
        consultation=consultation, by=setting.ts, now=at("2026-12-17")
    )
    assert consultation.transitions.last().by == setting.ts


def test_every_step_is_recorded_in_order(setting):
    consultation = agreed(setting)
    services.consultation_launch(consultation=consultation, by=setting.ts, now=at("2026-12-23"))
    services.consultation_report_result(
        consultation=consultation, by=setting.ts, result="Statement issued.", now=at("2027-01-08")
    )
    steps = list(ConsultationTransition.objects.filter(consultation=consultation))
    assert [(s.from_state, s.to_state) for s in steps] == [
        ("", S.DRAFT),
        (S.DRAFT, S.TROIKA_REVIEW),
        (S.TROIKA_REVIEW, S.MEMBERS_ROUND),
        (S.MEMBERS_ROUND, S.AGREED),
        (S.AGREED, S.LAUNCHED),
        (S.LAUNCHED, S.RESULT_REPORTED),
    ]
    assert [s.by for s in steps] == [setting.ppt] * 4 + [setting.ts] * 2
    assert steps[-1].note == "Statement issued."


# --- The outcome -------------------------------------------------------------------------------


def test_agreeing_records_a_consultation_meeting_and_an_agreement(setting):
    consultation = agreed(setting, now=at("2026-12-22"))
    meeting, agreement = consultation.meeting, consultation.agreement
    assert consultation.state == S.AGREED
    assert (meeting.kind, meeting.status, meeting.virtual) == (
        MeetingKind.CONSULTATION,
        MeetingStatus.HELD,
        True,
    )
    assert (meeting.starts_on, meeting.country_id) == (datetime.date(2026, 12, 22), "MX")
    assert meeting.name_en == "Consultation: Joint statement on the migrant caravan"
    assert sorted(meeting.participations.values_list("country_id", flat=True)) == [
        "CR",
        "GT",
        "HN",
        "MX",
    ]
    assert agreement.meeting == meeting
    assert (agreement.section, agreement.action, agreement.status) == (
        Section.CONSULTATION,
        "approve",
        Status.OPEN,
    )
    assert agreement.text_es.startswith("Emitir una declaración conjunta")
    assert list(agreement.country_links.values_list("country_id", "responsible")) == [("MX", True)]


def test_the_outcome_is_as_visible_as_the_consultation(setting):
    consultation = agreed(setting, visibility=Visibility.PUBLIC)
    assert consultation.meeting.visibility == consultation.agreement.visibility == "public"


def test_the_outcome_links_to_the_agreement_the_consultation_follows_up(setting):
    earlier = AgreementFactory(responsible=[setting.countries["MX"]])
    consultation = agreed(setting, earlier_agreement=earlier)
    link = AgreementLink.objects.get(later=consultation.agreement)
    assert (link.earlier, link.kind) == (earlier, "follows_up")


def test_the_outcome_action_can_be_chosen(setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, setting.members, now=at("2026-12-21"))
    services.consultation_agree(
        consultation=consultation, by=setting.ppt, action="request", now=at("2026-12-22")
    )
    assert consultation.agreement.action == "request"


def test_launching_and_reporting_follow_the_agreement_up(setting):
    consultation = agreed(setting)
    services.consultation_launch(consultation=consultation, by=setting.ts, now=at("2026-12-23"))
    consultation.agreement.refresh_from_db()
    assert consultation.agreement.status == Status.IN_PROGRESS
    services.consultation_report_result(
        consultation=consultation, by=setting.ts, result="Statement issued on 5 January."
    )
    consultation.agreement.refresh_from_db()
    assert consultation.state == S.RESULT_REPORTED
    assert consultation.agreement.status == Status.DONE
    assert consultation.agreement.follow_ups.last().note == "Statement issued on 5 January."


def test_the_ppt_result_report_awaits_the_ts_validation_like_any_update(setting):
    consultation = agreed(setting)
    services.consultation_launch(consultation=consultation, by=setting.ppt, now=at("2026-12-23"))
    update = FollowUp.objects.get(agreement=consultation.agreement)
    assert (update.validation, update.country_id) == (Validation.PROPOSED, "MX")


def test_reporting_needs_the_result(setting):
    consultation = agreed(setting)
    services.consultation_launch(consultation=consultation, by=setting.ts)
    with pytest.raises(ValidationError, match="result"):
        services.consultation_report_result(consultation=consultation, by=setting.ts, result=" ")
    assert Consultation.objects.get(pk=consultation.pk).state == S.LAUNCHED


# --- Withdrawal --------------------------------------------------------------------------------


def test_withdrawing_closes_the_open_round_without_blaming_anyone(setting):
    consultation = in_members_round(setting)
    services.consultation_withdraw(
        consultation=consultation, by=setting.ppt, reason="Overtaken.", now=at("2026-12-21")
    )
    round = consultation.rounds.get(kind=RoundKind.MEMBERS)
    assert round.closed_at == at("2026-12-21")
    assert not round.answers.exists()
    assert consultation.state == S.WITHDRAWN
    assert consultation.transitions.last().note == "Overtaken."


def test_withdrawing_after_the_agreement_drops_it(setting):
    consultation = agreed(setting)
    services.consultation_withdraw(consultation=consultation, by=setting.ts, now=at("2026-12-23"))
    consultation.agreement.refresh_from_db()
    assert consultation.agreement.status == Status.DROPPED


def test_no_step_leads_back_to_a_draft(setting):
    consultation = in_troika_review(setting)
    with pytest.raises(ValidationError, match='cannot go to "Draft"'):
        services.consultation_transition(consultation=consultation, to=S.DRAFT, by=setting.ppt)
