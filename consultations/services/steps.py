"""What every step of a consultation does: lock it, check the step is allowed to this user now,
record it with who took it and when; and the lookups and messages the workflows share."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

from consultations.models import (
    Consultation,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    ConsultationVersion,
    next_states,
)
from consultations.rules import may_steer
from rcm.models import Country, User, access_for

UNCHANGED = object()  # an argument left out, where None is a value


def _state_label(state: str) -> str:
    return str(ConsultationState(state).label) if state in ConsultationState.values else state


def _closing(round: ConsultationRound) -> str:
    return _("the end of %(date)s (%(zone)s time)") % {
        "date": formats.date_format(round.deadline, "DATE_FORMAT"),
        "zone": round.time_zone,
    }


def _names(codes) -> str:
    countries = Country.objects.filter(code__in=list(codes)).order_by("name_en")
    return ", ".join(country.name for country in countries)


def _lock(consultation: Consultation) -> Consultation:
    """Lock the consultation's row until the end of the transaction, and read it afresh (the
    caller's object is the one updated, so that it never holds a stale state)."""
    Consultation.objects.select_for_update().filter(pk=consultation.pk).values_list("pk").get()
    consultation.refresh_from_db()
    return consultation


def _last_round(consultation: Consultation) -> ConsultationRound | None:
    return consultation.rounds.order_by("-opened_at", "-pk").first()


def _latest_version(consultation: Consultation) -> ConsultationVersion:
    return consultation.versions.order_by("-number").first()


def _asked(round: ConsultationRound) -> set[str]:
    return set(round.countries.values_list("code", flat=True))


def _answers(round: ConsultationRound) -> dict[str, str]:
    return dict(round.answers.values_list("country_id", "answer"))


def _begin(
    consultation: Consultation, to: str, by: User
) -> tuple[Consultation, ConsultationRound | None]:
    """Lock the consultation and check that this user may take it to `to` now."""
    if to not in ConsultationState.values:
        raise ValidationError({"to": _('There is no state "%(state)s".') % {"state": to}})
    consultation = _lock(consultation)
    if not may_steer(access_for(by), consultation):
        raise PermissionDenied(
            _("Only the Presidency Pro-Tempore (%(country)s) or TS staff move this consultation.")
            % {"country": consultation.presidency.country.name}
        )
    last = _last_round(consultation)
    allowed = next_states(consultation.state, last.kind if last else None)
    if to not in allowed:
        if not allowed:
            message = _("The consultation is %(state)s: it goes no further.") % {
                "state": _state_label(consultation.state).lower()
            }
        else:
            message = _(
                'A consultation in "%(state)s" cannot go to "%(to)s"; next it may go to: '
                "%(allowed)s."
            ) % {
                "state": _state_label(consultation.state),
                "to": _state_label(to),
                "allowed": ", ".join(_state_label(s) for s in allowed),
            }
        raise ValidationError({"to": message})
    return consultation, last


def _record(
    consultation: Consultation,
    to: str,
    by: User | None,
    now: datetime.datetime,
    *,
    note: str = "",
    round: ConsultationRound | None = None,
) -> ConsultationTransition:
    transition = ConsultationTransition(
        consultation=consultation,
        from_state=consultation.state,
        to_state=to,
        by=by,
        at=now,
        note=note,
        round=round,
    )
    transition.full_clean()
    consultation.state = to
    consultation.full_clean()
    consultation.save()
    transition.save()
    return transition


def _new_version(
    consultation: Consultation,
    by: User,
    now: datetime.datetime,
    *,
    text_en: str,
    text_es: str = "",
    note: str = "",
) -> ConsultationVersion:
    latest = _latest_version(consultation)
    version = ConsultationVersion(
        consultation=consultation,
        number=(latest.number if latest else 0) + 1,
        text_en=text_en.strip(),
        text_es=text_es.strip(),
        note=note,
        created_by=by,
        created_at=now,
    )
    version.full_clean()
    version.save()
    return version
