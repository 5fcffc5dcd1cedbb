"""Workflows of the written consultation between meetings: the five-working-day procedure.

Draft → Troika review → members' round 1 → (amended → members' round n)… → agreed → launched →
result reported; or withdrawn before the end. The PPT's users and TS staff move a consultation
along, one step at a time, and every step is recorded with who took it and when. Member countries
answer each round once, through their focal points, until the end of the round's deadline day.
"""

from __future__ import annotations

import datetime
import functools
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from agreements.models import (
    OPEN_STATUSES,
    Action,
    Agreement,
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    ConsultationVersion,
    LinkKind,
    RoundKind,
    Section,
    Status,
)
from agreements.models.consultations import ANSWERING_STATES, FINAL_STATES, next_states
from agreements.services import agreement_create, agreement_link_create, followup_record
from meetings.models import Meeting, MeetingKind, MeetingStatus, ParticipationRole
from meetings.services import meeting_set_participants
from rcm.models import Access, Country, Presidency, Role, User, Visibility, access_for

WORKING_DAYS = 5
UNCHANGED = object()  # an argument left out, where None is a value

# A round closes at the end of its deadline day in the PPT's country, in its capital's time
# zone (Canada and the United States span several; their capitals' are used). A country not
# listed here falls back to the Secretariat's time zone (settings.TIME_ZONE).
PPT_TIME_ZONES = {
    "BZ": "America/Belize",
    "CA": "America/Toronto",
    "CR": "America/Costa_Rica",
    "DO": "America/Santo_Domingo",
    "GT": "America/Guatemala",
    "HN": "America/Tegucigalpa",
    "MX": "America/Mexico_City",
    "NI": "America/Managua",
    "PA": "America/Panama",
    "SV": "America/El_Salvador",
    "US": "America/New_York",
}


# --- The calendar --------------------------------------------------------------------------------


def ppt_time_zone(country_code: str) -> ZoneInfo:
    return ZoneInfo(PPT_TIME_ZONES.get(country_code.upper(), settings.TIME_ZONE))


@functools.cache
def public_holidays(country_code: str) -> holidays.HolidayBase:
    """The country's national public holidays, as the `holidays` package defines them.

    Holidays of the country as a whole (no state or province), category "public", including the
    days on which a holiday that falls on a weekend is observed. The years fill in as they are
    asked about. A country the package does not know has no holidays: only weekends count.
    """
    try:
        return holidays.country_holidays(country_code.upper())
    except NotImplementedError:
        return holidays.HolidayBase()


def is_working_day(day: datetime.date, country_code: str) -> bool:
    return day.weekday() < 5 and day not in public_holidays(country_code)


def working_day_deadline(
    opened_on: datetime.date, country_code: str, days: int = WORKING_DAYS
) -> datetime.date:
    """The last of `days` working days counted from the day after `opened_on`.

    Working days run Monday to Friday and skip the public holidays of the country (ISO alpha-2
    code): a round opened on Thursday 17 December 2026 by Mexico counts the 18th, 21st, 22nd,
    23rd and 24th, and its deadline is 24 December (the 25th is a holiday anyway).
    """
    if days < 1:
        raise ValueError("A period has at least one working day.")
    day, counted = opened_on, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, country_code):
            counted += 1
    return day


def end_of_day(day: datetime.date, zone: ZoneInfo) -> datetime.datetime:
    """The end of a day in a time zone: the first instant of the next day there."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, zone)


# --- Who may do what -----------------------------------------------------------------------------


def speaks_for_ppt(access: Access, presidency: Presidency | None) -> bool:
    """A focal point of the presidency's country: the PPT's users."""
    return (
        presidency is not None
        and Role.FOCAL_POINT in access.roles
        and access.member_country == presidency.country_id
    )


def may_start(access: Access, presidency: Presidency | None) -> bool:
    """The PPT in office (its focal points) and TS staff start consultations."""
    return access.is_ts_staff or speaks_for_ppt(access, presidency)


def may_steer(access: Access, consultation: Consultation) -> bool:
    """The proposing PPT's focal points and TS staff move a consultation along."""
    return access.is_ts_staff or speaks_for_ppt(access, consultation.presidency)


def answer_refusal(access: Access) -> str | None:
    """Why this user may not answer consultations at all, or None: a country answers through
    its focal points, and only for itself."""
    if access.member_country is None:
        if access.is_observer:
            return _("Observers do not answer consultations: member countries do.")
        return _(
            "Only a focal point of a member country answers a consultation; "
            "your account represents no member country."
        )
    if Role.FOCAL_POINT not in access.roles:
        return _("A country answers through its focal point.")
    return None


def may_answer(access: Access, round: ConsultationRound | None, now=None) -> bool:
    """A focal point of a country asked in an open round that its country has not answered."""
    if round is None or not round.is_open(now) or answer_refusal(access):
        return False
    if access.member_country not in round.asked_codes():
        return False
    return access.member_country not in round.answers_by_country()


def allowed_transitions(access: Access, consultation: Consultation) -> list[str]:
    """The next states this user may move the consultation to (reads prefetched rounds)."""
    if not may_steer(access, consultation):
        return []
    return consultation.next_states()


# --- Messages ------------------------------------------------------------------------------------


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


# --- Rounds --------------------------------------------------------------------------------------


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


# --- Transitions ---------------------------------------------------------------------------------


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


@transaction.atomic
def consultation_send_to_troika(
    *,
    consultation: Consultation,
    by: User,
    text_en: str = "",
    text_es: str = "",
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """The PPT sends the text to the Troika of the day: five working days to answer."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, ConsultationState.TROIKA_REVIEW, by)
    version = _text_for_next_round(consultation, last, by, now, text_en, text_es, note)
    round = _open_round(consultation, RoundKind.TROIKA, version, by, now)
    _record(consultation, ConsultationState.TROIKA_REVIEW, by, now, note=note, round=round)
    return consultation


@transaction.atomic
def consultation_open_round(
    *,
    consultation: Consultation,
    by: User,
    text_en: str = "",
    text_es: str = "",
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """With the Troika's consensus, or with the amended text, open a members' round."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, ConsultationState.MEMBERS_ROUND, by)
    if consultation.state == ConsultationState.TROIKA_REVIEW:
        _finish(last, now)
        _require_consensus(last)
    version = _text_for_next_round(consultation, last, by, now, text_en, text_es, note)
    round = _open_round(consultation, RoundKind.MEMBERS, version, by, now)
    _record(consultation, ConsultationState.MEMBERS_ROUND, by, now, note=note, round=round)
    return consultation


@transaction.atomic
def consultation_amend(
    *,
    consultation: Consultation,
    by: User,
    text_en: str = "",
    text_es: str = "",
    note: str = "",
    now: datetime.datetime | None = None,
) -> Consultation:
    """When the round has ended, the PPT amends the text (now or with the next round)."""
    now = now or timezone.now()
    consultation, last = _begin(consultation, ConsultationState.AMENDED, by)
    _finish(last, now)
    if text_en.strip():
        _new_version(consultation, by, now, text_en=text_en, text_es=text_es, note=note)
    _record(consultation, ConsultationState.AMENDED, by, now, note=note)
    return consultation


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
    if to == s.TROIKA_REVIEW:
        return consultation_send_to_troika(
            consultation=consultation, by=by, text_en=text, text_es=text_es, now=now
        )
    if to == s.MEMBERS_ROUND:
        return consultation_open_round(
            consultation=consultation, by=by, text_en=text, text_es=text_es, now=now
        )
    if to == s.AMENDED:
        return consultation_amend(
            consultation=consultation, by=by, text_en=text, text_es=text_es, now=now
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


# --- Answers -------------------------------------------------------------------------------------


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
