from consultations.models.consultations import (
    Consultation,
    ConsultationQuerySet,
    ConsultationTransition,
    ConsultationTransitionQuerySet,
    ConsultationVersion,
    ConsultationVersionQuerySet,
)
from consultations.models.rounds import (
    ConsultationAnswer,
    ConsultationRound,
    ConsultationRoundQuerySet,
)
from consultations.models.states import (
    ANSWERING_STATES,
    CONSULTATION_VISIBILITIES,
    FINAL_STATES,
    GIVEN_ANSWERS,
    OUTCOME_STATES,
    AnswerKind,
    ConsultationState,
    RoundKind,
    next_states,
)

__all__ = [
    "ANSWERING_STATES",
    "CONSULTATION_VISIBILITIES",
    "FINAL_STATES",
    "GIVEN_ANSWERS",
    "OUTCOME_STATES",
    "AnswerKind",
    "Consultation",
    "ConsultationAnswer",
    "ConsultationQuerySet",
    "ConsultationRound",
    "ConsultationRoundQuerySet",
    "ConsultationState",
    "ConsultationTransition",
    "ConsultationTransitionQuerySet",
    "ConsultationVersion",
    "ConsultationVersionQuerySet",
    "RoundKind",
    "next_states",
]
