"""Rounds: opening one for the Troika or all members, closing it when its deadline passed or
every country asked answered (recording those that did not), and the consensus a step needs."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.models import (
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationVersion,
    RoundKind,
)
from consultations.rules import may_steer
from consultations.services.steps import _answers, _asked, _closing, _names
from consultations.working_days import end_of_day, ppt_time_zone, working_day_deadline
from rcm.models import Country, Presidency, User, access_for


def _closable(round: ConsultationRound, now: datetime.datetime) -> bool:
    """A round may close once its deadline has passed, or once every country asked answered."""
    return now >= round.closes_at or _asked(round) <= set(_answers(round))


def _close(round: ConsultationRound, now: datetime.datetime, *, record_missing: bool) -> None:
    missing = _asked(round) - set(_answers(round)) if record_missing else set()
    for code in sorted(missing):
        ConsultationAnswer.objects.create(
            round=round,
            country_id=code,
            answer=AnswerKind.NO_ANSWER,
            answered_at=min(now, round.closes_at),
        )
    round.closed_at = max(now, round.opened_at)
    round.save(update_fields=["closed_at"])


def _finish(round: ConsultationRound, now: datetime.datetime) -> None:
    """Close the round a transition ends; refuse while countries may still answer."""
    if round.closed_at is not None:
        return
    if not _closable(round, now):
        waiting = _asked(round) - set(_answers(round))
        raise ValidationError(
            {
                "to": _("%(round)s is open until %(closing)s; still waiting for: %(countries)s.")
                % {"round": round.label, "closing": _closing(round), "countries": _names(waiting)}
            }
        )
    _close(round, now, record_missing=True)


def _require_consensus(round: ConsultationRound) -> None:
    answers = _answers(round)
    dissent = {code: answers.get(code) for code in _asked(round)}
    dissent = {code: answer for code, answer in dissent.items() if answer != AnswerKind.AGREE}
    if dissent:
        labels = dict(AnswerKind.choices)
        names = {country.code: country.name for country in Country.objects.filter(code__in=dissent)}
        detail = "; ".join(
            f"{names.get(code, code)}: {labels.get(answer, labels[AnswerKind.NO_ANSWER]).lower()}"
            for code, answer in sorted(dissent.items())
        )
        raise ValidationError(
            {
                "to": _("%(round)s ended without consensus (%(detail)s).")
                % {"round": round.label, "detail": detail}
            }
        )


def _open_round(
    consultation: Consultation,
    kind: str,
    version: ConsultationVersion,
    by: User | None,
    now: datetime.datetime,
) -> ConsultationRound:
    code = consultation.presidency.country_id
    zone = ppt_time_zone(code)
    opened_on = now.astimezone(zone).date()
    deadline = working_day_deadline(opened_on, code)
    if kind == RoundKind.TROIKA:
        troika = Presidency.objects.troika(opened_on)
        countries = list(Country.objects.filter(code__in={p.country_id for p in troika if p}))
    else:
        countries = list(Country.objects.members(opened_on))
    if not countries:
        raise ValidationError(
            {"to": _("Nobody to consult on %(date)s.") % {"date": opened_on.isoformat()}}
        )
    round = ConsultationRound(
        consultation=consultation,
        kind=kind,
        number=consultation.rounds.filter(kind=kind).count() + 1,
        version=version,
        opened_at=now,
        opened_by=by,
        deadline=deadline,
        time_zone=zone.key,
        closes_at=end_of_day(deadline, zone),
    )
    round.full_clean()
    round.save()
    round.countries.set(countries)
    return round


@transaction.atomic
def consultation_close_round(
    *,
    round: ConsultationRound,
    by: User | None = None,
    now: datetime.datetime | None = None,
) -> ConsultationRound:
    """Close a round whose deadline has passed (or that every country answered): the countries
    that did not answer are recorded as giving no answer by the deadline."""
    now = now or timezone.now()
    round = (
        ConsultationRound.objects.select_for_update(of=("self",))
        .select_related("consultation__presidency__country")
        .get(pk=round.pk)
    )
    if by is not None and not may_steer(access_for(by), round.consultation):
        raise PermissionDenied(_("Only the Presidency Pro-Tempore or TS staff close a round."))
    if round.closed_at is not None:
        raise ValidationError(_("%(round)s is already closed.") % {"round": round.label})
    _finish(round, now)
    return round


def consultation_close_due_rounds(*, now: datetime.datetime | None = None) -> int:
    """Close every round whose deadline has passed; how many were closed."""
    now = now or timezone.now()
    due = ConsultationRound.objects.filter(closed_at__isnull=True, closes_at__lte=now)
    closed = 0
    for round in due.order_by("closes_at", "pk"):
        consultation_close_round(round=round, now=now)
        closed += 1
    return closed
