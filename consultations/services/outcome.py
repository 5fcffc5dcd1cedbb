"""The outcome of a consultation the members agreed: its meeting and agreement of record, the
launch and the result as the agreement's follow-up; or its withdrawal."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import OPEN_STATUSES, Action, LinkKind, Section, Status
from agreements.services import agreement_create, agreement_link_create, followup_record
from consultations.models import Consultation, ConsultationRound, ConsultationState
from consultations.services.rounds import _close, _finish, _require_consensus
from consultations.services.steps import _begin, _record
from consultations.working_days import ppt_time_zone
from meetings.models import Meeting, MeetingKind, MeetingStatus, ParticipationRole
from meetings.services import meeting_set_participants
from rcm.models import User


def _outcome(
    consultation: Consultation,
    last: ConsultationRound,
    by: User,
    now: datetime.datetime,
    action: str,
):
    """The meeting and the agreement that record what the members agreed by consultation."""
    ppt = consultation.presidency.country
    day = now.astimezone(ppt_time_zone(ppt.code)).date()
    source = _("Written consultation no. %(id)s, %(round)s") % {
        "id": consultation.pk,
        "round": last.label,
    }
    meeting = Meeting(
        kind=MeetingKind.CONSULTATION,
        name_en=f"Consultation: {consultation.subject}",
        name_es=f"Consulta: {consultation.subject}",
        year=day.year,
        starts_on=day,
        ends_on=day,
        country=ppt,
        virtual=True,
        status=MeetingStatus.HELD,
        visibility=consultation.visibility,
        source=source,
    )
    meeting.full_clean()
    meeting.save()
    meeting_set_participants(
        meeting=meeting,
        participants=[
            {"country": country, "role": ParticipationRole.MEMBER}
            for country in last.countries.all()
        ],
    )
    version = last.version
    agreement = agreement_create(
        author=by,
        meeting=meeting,
        section=Section.CONSULTATION,
        ref="1",
        position=1,
        text_en=version.text_en,
        text_es=version.text_es,
        action=action,
        visibility=consultation.visibility,
        actors=[ppt],
        responsible={ppt.code},
        source=source,
    )
    if consultation.earlier_agreement_id:
        agreement_link_create(
            later=agreement,
            earlier=consultation.earlier_agreement,
            kind=LinkKind.FOLLOWS_UP,
            note=_("Agreed by written consultation."),
            author=by,
        )
    return meeting, agreement


@transaction.atomic
def consultation_agree(
    *,
    consultation: Consultation,
    by: User,
    action: str = Action.APPROVE,
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """The round ended with consensus: record the outcome as a meeting of kind consultation
    and an agreement (section "consultation") that is followed up like any other."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, ConsultationState.AGREED, by)
    if action not in Action.values:
        raise ValidationError(
            {"action": _('There is no action "%(action)s".') % {"action": action}}
        )
    _finish(last, now)
    _require_consensus(last)
    consultation.meeting, consultation.agreement = _outcome(consultation, last, by, now, action)
    _record(consultation, ConsultationState.AGREED, by, now, note=note)
    return consultation


def _follow_up(consultation: Consultation, by: User, status: str, note: str) -> None:
    agreement = consultation.agreement
    if agreement is None or not agreement.needs_follow_up:
        return
    followup_record(agreement=agreement, author=by, status=status, note=note)


@transaction.atomic
def consultation_launch(
    *,
    consultation: Consultation,
    by: User,
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT launches the agreed action: the agreement's follow-up says it is in progress."""
    now = now or timezone.now()
    consultation, _last = _begin(consultation, ConsultationState.LAUNCHED, by)
    _record(consultation, ConsultationState.LAUNCHED, by, now, note=note)
    _follow_up(
        consultation,
        by,
        Status.IN_PROGRESS,
        note or _("Launched by the Presidency Pro-Tempore after the written consultation."),
    )
    return consultation


@transaction.atomic
def consultation_report_result(
    *,
    consultation: Consultation,
    by: User,
    result: str,
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT reports the result: it ends the consultation and marks the agreement done."""
    now = now or timezone.now()
    if not result.strip():
        raise ValidationError({"text": _("Write the result to report.")})
    consultation, _last = _begin(consultation, ConsultationState.RESULT_REPORTED, by)
    _record(consultation, ConsultationState.RESULT_REPORTED, by, now, note=result.strip())
    _follow_up(consultation, by, Status.DONE, result.strip())
    return consultation


@transaction.atomic
def consultation_withdraw(
    *,
    consultation: Consultation,
    by: User,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT withdraws the consultation; an open round closes, an outcome is dropped."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, ConsultationState.WITHDRAWN, by)
    if last is not None and last.closed_at is None:
        # Countries whose time had not run out did not fail to answer: nothing is recorded.
        _close(last, now, record_missing=now >= last.closes_at)
    _record(consultation, ConsultationState.WITHDRAWN, by, now, note=reason.strip())
    if consultation.agreement_id and consultation.agreement.status in OPEN_STATUSES:
        _follow_up(
            consultation,
            by,
            Status.DROPPED,
            reason.strip() or _("The Presidency Pro-Tempore withdrew the consultation."),
        )
    return consultation
