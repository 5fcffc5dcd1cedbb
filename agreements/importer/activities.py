"""The activities an agreement proposes: planned workshops, seminars and meetings.

An agreement to hold a workshop, seminar or meeting proposes planned activities; those of the
bodies recorded once (RCGM, Vice-Ministerial, RCM–SACM) link to the meeting already on record.
"""

from __future__ import annotations

import re

from django.db.models import Q
from django.utils.translation import gettext as _

from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import Gazetteer
from agreements.models import Action, Agreement, DeadlinePrecision
from agreements.services import actor_code, resolve_actor_codes
from meetings.models import (
    DatePrecision,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MeetingSupport,
    SupportRole,
)
from rcm.models import Country

# What an activity that an agreement proposes is, from the words that name it (first match).
ACTIVITY_KINDS = [
    (r"regional consultation group|\brcgm\b|grupo regional de consulta|\bgrcm\b",
     MeetingKind.RCGM),
    (r"vice-?ministerial|viceministerial|meeting of the rcm\b|reuni[oó]n de la crm\b",
     MeetingKind.VICE_MINISTERIAL),
    (r"plenary meeting between|rcm\s*[–-]\s*sacm|crm\s*[–-]\s*csm", MeetingKind.RCM_SACM),
    (r"\b(workshops?|talleres|taller)\b", MeetingKind.WORKSHOP),
    (r"\b(seminars?|seminarios?)\b", MeetingKind.SEMINAR),
    (r"\b(courses?|cursos?|diploma|diplomados?)\b", MeetingKind.COURSE),
    (r"\b(congress|congreso|forum|foro|meetings?|reuni[oó]n(es)?|technical exchange|"
     r"intercambio t[ée]cnico)\b", MeetingKind.OTHER),
]  # fmt: skip
# Bodies whose meetings are recorded once: a proposal links to the recorded meeting if any.
RECORDED_ONCE = {MeetingKind.RCGM, MeetingKind.VICE_MINISTERIAL, MeetingKind.RCM_SACM}
ROMAN_ORDINAL = re.compile(r"\b([IVXL]{1,7})\s+(?:Vice-?Ministerial|Plenary|RCM\b)")
SUPPORT_WORDS = re.compile(r"support|apoyo|sponsor|auspic|financ|cooperaci", re.IGNORECASE)
# An item that is not itself an agreement to hold something proposes one only in these words.
PROPOSES = re.compile(
    r"\b(to hold|to be held|should be held|to organi[sz]e|propos\w+ to hold|"
    r"realizar|celebrar|llevar a cabo|organizar)\b",
    re.IGNORECASE,
)


# What an activity is, not the sentence that proposes it: the words before "to hold" and after
# the first ", with the support of" go (the supporters are recorded apart).
_BEFORE_ACTIVITY = re.compile(
    r"^.*?\b(?:to hold|to develop|to organi[sz]e|realizar|celebrar|organizar)\s+"
    r"(?:an?\s+|the\s+|un[ao]?\s+|el\s+|la\s+)?",
    re.IGNORECASE,
)
_AFTER_ACTIVITY = re.compile(
    r"(?:[.;][”\"]?\s.*$)|(?:\s*[,.;]?\s*(?:with (?:the )?support|with support|to be held|"
    r"given by|in order to|in the framework|recogni[sz]ing|con (?:el )?apoyo|que se realizar|"
    r"which should).*$)",
    re.IGNORECASE | re.DOTALL,
)


def activity_short_name(sentence: str) -> str:
    """ "To develop the III Diploma Course on Labour Migration, with the support of RNCOM and
    IOM." → "III Diploma Course on Labour Migration" (at most the meetings' 120 characters)."""
    from meetings.models import NAME_MAX_LENGTH

    name = " ".join(sentence.replace("“", "").replace("”", "").split())
    name = _AFTER_ACTIVITY.sub("", _BEFORE_ACTIVITY.sub("", name, count=1)).strip(' .;,:“”"')
    name = (name[:1].upper() + name[1:]) or " ".join(sentence.split())
    if len(name) > NAME_MAX_LENGTH:
        name = name[: NAME_MAX_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    return name


def _activity_kind(text: str) -> str | None:
    lowered = text.lower()
    for pattern, kind in ACTIVITY_KINDS:
        if re.search(pattern, lowered):
            return kind
    return None


def _ordinal(passage: str) -> int | None:
    from meetings.models import ROMAN

    match = ROMAN_ORDINAL.search(passage)
    if not match:
        return None
    values = dict((letters, value) for value, letters in ROMAN)
    numeral, total, index = match.group(1), 0, 0
    while index < len(numeral):
        pair = numeral[index : index + 2]
        if pair in values:
            total, index = total + values[pair], index + 2
        else:
            total, index = total + values.get(numeral[index], 0), index + 1
    return total or None


def _recorded_meeting(kind: str, year: int, ordinal: int | None, *, exclude: Meeting):
    """The meeting already on record that a proposal to hold one of the bodies' meetings means."""
    if kind not in RECORDED_ONCE:
        return None
    candidates = Meeting.objects.filter(kind=kind, parent=None).exclude(pk=exclude.pk)
    if ordinal:
        return candidates.filter(ordinal=ordinal).first()
    after = exclude.last_day or exclude.reference_date
    return (
        candidates.filter(year=year)
        .filter(Q(starts_on__gt=after) | Q(starts_on__isnull=True))
        .order_by("pk")
        .first()
    )


def resolve_known_codes(codes: list[str]) -> list:
    """The recorded countries and organisations among codes the gazetteer found."""
    known = []
    for code in codes:
        try:
            known.extend(resolve_actor_codes([code]))
        except LookupError:
            continue
    return known


def _activity_candidates(agreement: Agreement) -> list[str]:
    """The passages of an item that each propose one activity: its bullets, or its text."""
    text = agreement.text_en or agreement.text_es
    bullets = [line[1:].strip() for line in text.splitlines() if line.startswith("·")]
    passages = bullets or [text]
    if agreement.action == Action.HOLD:
        return passages
    return [passage for passage in passages if PROPOSES.search(passage)]


def create_activities(
    agreement: Agreement, actors: list, meeting: Meeting, gazetteer: Gazetteer
) -> int:
    """An agreement to hold a workshop, seminar or meeting proposes planned activities.

    Each bullet that names one is an activity of its own, with the hosts, supporters and
    period that bullet gives; an item without bullets is one activity with the item's actors.
    """
    created = 0
    passages = _activity_candidates(agreement)
    for passage in passages:
        kind = _activity_kind(passage)
        if kind is None:
            continue
        deadline = resolve_deadline(passage, meeting.last_day, "es" if agreement.text_es else "en")
        if len(passages) > 1:
            by_code = {actor_code(a): a for a in resolve_known_codes(gazetteer.find(passage))}
            mentioned = list(by_code.values())
        else:
            mentioned = actors
        first_sentence = re.split(r"(?<=[.;])\s", passage.strip())[0]
        if deadline.date and deadline.precision == DeadlinePrecision.MONTH:
            starts_on, precision = deadline.date.replace(day=1), DatePrecision.MONTH
        elif deadline.date:
            starts_on, precision = None, DatePrecision.YEAR
        else:
            # No year stated: none recorded (never the proposing meeting's by default).
            starts_on, precision = None, DatePrecision.NONE
        hosts = [a for a in mentioned if isinstance(a, Country)]
        year = max(deadline.date.year, meeting.year) if deadline.date else None
        ordinal = _ordinal(passage)
        existing = _recorded_meeting(kind, year or meeting.year, ordinal, exclude=meeting)
        if existing is not None:
            agreement.proposed_activities.add(existing)
            created += 1
            continue
        activity = Meeting(
            kind=kind,
            name_en=activity_short_name(first_sentence),
            ordinal=ordinal
            if kind in {MeetingKind.VICE_MINISTERIAL, MeetingKind.RCM_SACM}
            else None,
            year=year,
            starts_on=starts_on,
            date_precision=precision,
            country=hosts[0] if len(hosts) == 1 else None,
            status=MeetingStatus.PLANNED,
            visibility=agreement.visibility,
            source=(_("Proposed by %(agreement)s") % {"agreement": agreement})[:300],
        )
        activity.full_clean()
        activity.save()
        if SUPPORT_WORDS.search(passage):
            for actor in mentioned:
                if not isinstance(actor, Country) and actor.kind != "body":
                    MeetingSupport.objects.create(
                        meeting=activity, organisation=actor, role=SupportRole.SUPPORT
                    )
        agreement.proposed_activities.add(activity)
        created += 1
    return created
