"""Taking a consultation to a named next state (the API's and the pages' one entry point)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Action
from consultations.models import Consultation, ConsultationState
from consultations.services.drafting import TEXT_STEPS, consultation_send_text
from consultations.services.outcome import (
    consultation_agree,
    consultation_launch,
    consultation_report_result,
    consultation_withdraw,
)
from consultations.services.steps import _begin
from rcm.models import User


def consultation_transition(
    *,
    consultation: Consultation,
    to: str,
    by: User,
    text: str = "",
    text_es: str = "",
    action: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """Take the consultation to the state `to`; `text` is the amended text (or the result, or
    the note, as the step needs)."""
    s = ConsultationState
    if to in TEXT_STEPS:
        return consultation_send_text(
            consultation=consultation, to=to, by=by, text_en=text, text_es=text_es, now=now
        )
    if to == s.AGREED:
        return consultation_agree(
            consultation=consultation, by=by, action=action or Action.APPROVE, now=now
        )
    if to == s.LAUNCHED:
        return consultation_launch(consultation=consultation, by=by, note=text, now=now)
    if to == s.RESULT_REPORTED:
        return consultation_report_result(consultation=consultation, by=by, result=text, now=now)
    if to == s.WITHDRAWN:
        return consultation_withdraw(consultation=consultation, by=by, reason=text, now=now)
    with transaction.atomic():
        # No step leads back to a draft: this refuses it, saying what may come next.
        _begin(consultation, to, by)
    raise ValidationError({"to": _('There is no state "%(state)s".') % {"state": to}})
