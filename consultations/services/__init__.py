"""Workflows of the written consultation between meetings: the five-working-day procedure.

Draft → Troika review → members' round 1 → (amended → members' round n)… → agreed → launched →
result reported; or withdrawn before the end. The PPT's users and TS staff move a consultation
along, one step at a time, and every step is recorded with who took it and when. Member countries
answer each round once, through their focal points, until the end of the round's deadline day.

By topic: drafting and sending the text (`drafting`), rounds (`rounds`), the outcome (`outcome`),
answers (`answers`), the step by name (`transitions`); who may do what is `consultations.rules`,
the calendar `consultations.working_days`.
"""

from consultations.rules import (
    allowed_transitions,
    answer_refusal,
    may_answer,
    may_start,
    may_steer,
    speaks_for_ppt,
)
from consultations.services.answers import consultation_answer
from consultations.services.drafting import (
    consultation_amend,
    consultation_create,
    consultation_open_round,
    consultation_send_text,
    consultation_send_to_troika,
    consultation_update,
)
from consultations.services.outcome import (
    consultation_agree,
    consultation_launch,
    consultation_report_result,
    consultation_withdraw,
)
from consultations.services.rounds import consultation_close_due_rounds, consultation_close_round
from consultations.services.transitions import consultation_transition

__all__ = [
    "allowed_transitions",
    "answer_refusal",
    "consultation_agree",
    "consultation_amend",
    "consultation_answer",
    "consultation_close_due_rounds",
    "consultation_close_round",
    "consultation_create",
    "consultation_launch",
    "consultation_open_round",
    "consultation_report_result",
    "consultation_send_text",
    "consultation_send_to_troika",
    "consultation_transition",
    "consultation_update",
    "consultation_withdraw",
    "may_answer",
    "may_start",
    "may_steer",
    "speaks_for_ppt",
]
