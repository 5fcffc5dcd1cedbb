"""A member country's answer in the open round, given by its focal point."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.models import (
    ANSWERING_STATES,
    FINAL_STATES,
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
)
from consultations.rules import answer_refusal
from consultations.services.steps import _asked, _closing, _names
from rcm.models import Country, User, access_for


@transaction.atomic
def consultation_answer(
    *,
    consultation: Consultation,
    by: User,
    answer: str,
    text: str = "",
    country: Country | str | None = None,
    now: datetime.datetime | None = None,
) -> ConsultationAnswer:
    """A focal point answers the open round for its own country, once, before the deadline."""
    now = now or timezone.now()
    access = access_for(by)
    refusal = answer_refusal(access)
    if refusal:
        raise PermissionDenied(refusal)
    code = country.pk if isinstance(country, Country) else (country or "").upper()
    if code and code != access.member_country:
        raise PermissionDenied(
            _("You answer for %(yours)s only, not for %(other)s.")
            % {"yours": _names([access.member_country]), "other": _names([code]) or code}
        )
    if answer not in dict(AnswerKind.choices) or answer == AnswerKind.NO_ANSWER:
        raise ValidationError(
            {"answer": _("Answer agree, propose_changes or object.")},
        )
    if answer == AnswerKind.PROPOSE_CHANGES and not text.strip():
        raise ValidationError({"text": _("Write the changes your country proposes.")})
    consultation = Consultation.objects.select_related("presidency__country").get(
        pk=consultation.pk
    )
    round = (
        ConsultationRound.objects.select_for_update(of=("self",))
        .filter(consultation=consultation)
        .order_by("-opened_at", "-pk")
        .first()
    )
    if (
        round is None
        or consultation.state in FINAL_STATES
        or consultation.state != ANSWERING_STATES[round.kind]
    ):
        raise ValidationError(_("No round of this consultation is taking answers."))
    asked = _asked(round)
    if access.member_country not in asked:
        raise PermissionDenied(
            _("%(country)s is not asked in %(round)s; it is for: %(asked)s.")
            % {
                "country": _names([access.member_country]),
                "round": round.label,
                "asked": _names(asked),
            }
        )
    given = round.answers.filter(country_id=access.member_country).first()
    if given is not None:
        raise ValidationError(
            _("%(country)s already answered %(round)s (%(answer)s); one answer per round.")
            % {
                "country": _names([access.member_country]),
                "round": round.label,
                "answer": given.get_answer_display().lower(),
            }
        )
    if round.closed_at is not None and now < round.closes_at:
        raise ValidationError(
            _("%(round)s has closed: every country asked had answered.") % {"round": round.label}
        )
    if round.closed_at is not None or now >= round.closes_at:
        raise ValidationError(
            _("The deadline of %(round)s was %(closing)s; answers are no longer taken.")
            % {"round": round.label, "closing": _closing(round)}
        )
    recorded = ConsultationAnswer(
        round=round,
        country_id=access.member_country,
        answer=answer,
        text=text.strip(),
        answered_by=by,
        answered_at=now,
    )
    recorded.full_clean()
    recorded.save()
    return recorded
