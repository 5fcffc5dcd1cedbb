"""The states of a written consultation, the kinds of rounds and of answers, and the order of
the procedure's steps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from rcm.models import Visibility


class ConsultationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    TROIKA_REVIEW = "troika_review", _("Troika review")
    MEMBERS_ROUND = "members_round", _("Members' round")
    AMENDED = "amended", _("Amended")
    AGREED = "agreed", _("Agreed")
    LAUNCHED = "launched", _("Launched")
    RESULT_REPORTED = "result_reported", _("Result reported")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RoundKind(models.TextChoices):
    TROIKA = "troika", _("Troika review")
    MEMBERS = "members", _("Members' round")


class AnswerKind(models.TextChoices):
    AGREE = "agree", _("Agrees")
    PROPOSE_CHANGES = "propose_changes", _("Proposes changes")
    OBJECT = "object", _("Objects")
    NO_ANSWER = "no_answer", _("No answer by the deadline")


FINAL_STATES = frozenset({ConsultationState.RESULT_REPORTED, ConsultationState.WITHDRAWN})
# Once the members agreed, the consultation has an outcome: a meeting and an agreement.
OUTCOME_STATES = (
    ConsultationState.AGREED,
    ConsultationState.LAUNCHED,
    ConsultationState.RESULT_REPORTED,
)
ANSWERING_STATES = {
    RoundKind.TROIKA: ConsultationState.TROIKA_REVIEW,
    RoundKind.MEMBERS: ConsultationState.MEMBERS_ROUND,
}
# What a user may choose; "no answer" is recorded by the system when a round closes.
GIVEN_ANSWERS = [c for c in AnswerKind.choices if c[0] != AnswerKind.NO_ANSWER]
CONSULTATION_VISIBILITIES = [
    (Visibility.MEMBERS, Visibility.MEMBERS.label),
    (Visibility.PUBLIC, Visibility.PUBLIC.label),
]


def next_states(state: str, last_round_kind: str | None = None) -> list[str]:
    """The states a consultation may move to next, in the order of the procedure.

    An amended text goes back to whoever was consulted on the text it amends: the Troika when
    the Troika proposed changes, all members when they did.
    """
    s = ConsultationState
    forward = {
        s.DRAFT: [s.TROIKA_REVIEW],
        s.TROIKA_REVIEW: [s.MEMBERS_ROUND, s.AMENDED],
        s.MEMBERS_ROUND: [s.AGREED, s.AMENDED],
        s.AMENDED: [s.TROIKA_REVIEW if last_round_kind == RoundKind.TROIKA else s.MEMBERS_ROUND],
        s.AGREED: [s.LAUNCHED],
        s.LAUNCHED: [s.RESULT_REPORTED],
    }.get(state, [])
    return [*forward, s.WITHDRAWN] if state not in FINAL_STATES else []
