"""Drafting a consultation and sending its text: to the Troika, to all members, amended."""

from __future__ import annotations

import datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement
from consultations.models import (
    Consultation,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    ConsultationVersion,
    RoundKind,
)
from consultations.rules import may_start, may_steer
from consultations.services.rounds import _finish, _open_round, _require_consensus
from consultations.services.steps import (
    UNCHANGED,
    _begin,
    _latest_version,
    _lock,
    _new_version,
    _record,
)
from rcm.models import Presidency, User, Visibility, access_for


def _text_for_next_round(
    consultation: Consultation,
    last: ConsultationRound | None,
    by: User,
    now: datetime.datetime,
    text_en: str,
    text_es: str,
    note: str,
) -> ConsultationVersion:
    """The version a new round asks about: the draft, the text the Troika agreed, or the
    amended text (given now, or when the consultation was amended)."""
    if consultation.state == ConsultationState.DRAFT:
        version = _latest_version(consultation)
        if text_en.strip():
            version.text_en, version.text_es = text_en.strip(), text_es.strip()
            version.full_clean()
            version.save()
        return version
    if consultation.state == ConsultationState.AMENDED:
        if text_en.strip():
            return _new_version(consultation, by, now, text_en=text_en, text_es=text_es, note=note)
        version = _latest_version(consultation)
        if last is not None and version.pk == last.version_id:
            raise ValidationError({"text": _("Give the amended text to send.")})
        return version
    if text_en.strip():
        raise ValidationError(
            {"text": _("The members receive the text the Troika agreed; amend it to change it.")}
        )
    return last.version


def _check_earlier_agreement(agreement: Agreement | None, by: User) -> None:
    """A consultation follows up only an agreement its author may see: one outside the author's
    reach is refused as one that does not exist, so that the answer tells nothing about it."""
    if agreement is None:
        return
    if not Agreement.objects.visible_to(access_for(by)).filter(pk=agreement.pk).exists():
        raise ValidationError(
            {"earlier_agreement": _("There is no agreement %(id)s.") % {"id": agreement.pk}}
        )


@transaction.atomic
def consultation_create(
    *,
    by: User,
    subject: str,
    text_en: str,
    text_es: str = "",
    visibility: str = Visibility.MEMBERS,
    earlier_agreement=None,
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT in office (or the TS) drafts a consultation: version 1 of its text."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    presidency = Presidency.objects.select_related("country").in_office(today)
    if presidency is None:
        raise ValidationError(
            {
                "presidency": _(
                    "No Presidency Pro-Tempore is in office on %(date)s; record it first."
                )
                % {"date": today.isoformat()}
            }
        )
    consultation = Consultation(
        subject=subject.strip(),
        presidency=presidency,
        visibility=visibility,
        earlier_agreement=earlier_agreement,
        created_by=by,
        created_at=now,
    )
    if not may_start(access_for(by), presidency):
        raise PermissionDenied(
            _("Only the Presidency Pro-Tempore (%(country)s) or TS staff start a consultation.")
            % {"country": presidency.country.name}
        )
    _check_earlier_agreement(earlier_agreement, by)
    consultation.full_clean()
    consultation.save()
    _new_version(consultation, by, now, text_en=text_en, text_es=text_es)
    transition = ConsultationTransition(
        consultation=consultation, from_state="", to_state=ConsultationState.DRAFT, by=by, at=now
    )
    transition.full_clean()
    transition.save()
    return consultation


@transaction.atomic
def consultation_update(
    *,
    consultation: Consultation,
    by: User,
    subject: str | None = None,
    visibility: str | None = None,
    text_en: str | None = None,
    text_es: str | None = None,
    earlier_agreement=UNCHANGED,
) -> Consultation:
    """Correct the subject, the visibility or the agreement it follows up before the members
    agree; the text only in draft."""
    consultation = _lock(consultation)
    if not may_steer(access_for(by), consultation):
        raise PermissionDenied(_("Only the Presidency Pro-Tempore or TS staff edit it."))
    if consultation.is_final or consultation.agreement_id:
        raise ValidationError(_("The consultation has ended or has its outcome: it stays as is."))
    if text_en is not None or text_es is not None:
        if consultation.state != ConsultationState.DRAFT:
            raise ValidationError({"text_en": _("Once sent, the text changes only by amendment.")})
        version = _latest_version(consultation)
        version.text_en = (text_en if text_en is not None else version.text_en).strip()
        version.text_es = (text_es if text_es is not None else version.text_es).strip()
        version.full_clean()
        version.save()
    if subject is not None:
        consultation.subject = subject.strip()
    if visibility is not None:
        consultation.visibility = visibility
    if earlier_agreement is not UNCHANGED:
        _check_earlier_agreement(earlier_agreement, by)
        consultation.earlier_agreement = earlier_agreement
    consultation.full_clean()
    consultation.save()
    return consultation


# The states the PPT sends the text to, with the round each opens (amending opens none).
TEXT_STEPS = {
    ConsultationState.TROIKA_REVIEW: RoundKind.TROIKA,
    ConsultationState.MEMBERS_ROUND: RoundKind.MEMBERS,
    ConsultationState.AMENDED: None,
}


@transaction.atomic
def consultation_send_text(
    *,
    consultation: Consultation,
    to: str,
    by: User,
    text_en: str = "",
    text_es: str = "",
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT sends the text on, to a state of TEXT_STEPS: to the Troika of the day (five
    working days to answer); to the members, with the Troika's consensus or the amended text;
    or, when the round has ended, back to amend it (the text now or with the next round)."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, to, by)
    if to == ConsultationState.AMENDED:
        _finish(last, now)
        if text_en.strip():
            _new_version(consultation, by, now, text_en=text_en, text_es=text_es, note=note)
        _record(consultation, to, by, now, note=note)
        return consultation
    if (
        to == ConsultationState.MEMBERS_ROUND
        and consultation.state == ConsultationState.TROIKA_REVIEW
    ):
        _finish(last, now)
        _require_consensus(last)
    version = _text_for_next_round(consultation, last, by, now, text_en, text_es, note)
    round = _open_round(consultation, TEXT_STEPS[to], version, by, now)
    _record(consultation, to, by, now, note=note, round=round)
    return consultation


# Each step by its name, as the services read elsewhere.
consultation_send_to_troika = partial(consultation_send_text, to=ConsultationState.TROIKA_REVIEW)
consultation_open_round = partial(consultation_send_text, to=ConsultationState.MEMBERS_ROUND)
consultation_amend = partial(consultation_send_text, to=ConsultationState.AMENDED)
