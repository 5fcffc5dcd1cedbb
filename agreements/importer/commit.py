"""Commit a parsed (and reviewed) meeting record: the meeting, its agreements, their activities.

Takes the importer's JSON contract (a dict), so that what the command line prints, what the
admin's preview lets people correct and what gets written are the same thing. All or nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import Gazetteer
from agreements.models import NO_FOLLOW_UP_ACTIONS, Action, Agreement, DeadlinePrecision, Status
from agreements.services import actor_code, agreement_set_actors, resolve_actor_codes
from meetings.models import (
    DatePrecision,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MeetingSupport,
    Participation,
    ParticipationRole,
    SupportRole,
    participation_problem,
)
from rcm.models import Country, CountryStatus, MembershipStatus, Visibility

TITLES = {
    MeetingKind.RCGM: "Meeting of the Regional Consultation Group on Migration (RCGM)",
    MeetingKind.VICE_MINISTERIAL: "Vice-Ministerial Meeting of the Regional Conference",
}
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


class ImportRefused(Exception):
    """The record cannot be committed as it is; the message says why and what to do."""


@dataclass
class ImportResult:
    meeting: Meeting
    created_meeting: bool
    agreements: int = 0
    activities: int = 0
    warnings: list[str] = field(default_factory=list)


def record_warnings(record: dict) -> list[str]:
    """Every warning of the parse, each naming the item it is about."""
    found = list(record.get("warnings", []))

    def walk(items):
        for item in items:
            found.extend(f"{item['section']} {item['ref']}: {w}" for w in item.get("warnings", []))
            walk(item.get("children", []))

    walk(record.get("agreements", []))
    return found


def prepare_record(record: dict) -> dict:
    """Hold a parse to the records as they are: an actor code that names no recorded country or
    organisation is dropped from the item, with a warning on it (the TS may record the body
    first, or commit without it)."""
    countries = set(Country.objects.values_list("code", flat=True))
    from rcm.models import Organisation

    organisations = set(Organisation.objects.values_list("acronym", flat=True))

    def walk(items):
        for item in items:
            unknown = [
                code
                for code in item.get("actors", [])
                if code not in countries and code not in organisations
            ]
            for code in unknown:
                message = _("%(code)s is not a recorded country or organisation.") % {"code": code}
                if message not in item.setdefault("warnings", []):
                    item["warnings"].append(message)
            item["actors"] = [c for c in item.get("actors", []) if c not in unknown]
            item["responsible"] = [c for c in item.get("responsible", []) if c not in unknown]
            walk(item.get("children", []))

    walk(record.get("agreements", []))
    return record


def _date(value) -> datetime.date | None:
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ImportRefused(_("%(value)s is not a date (YYYY-MM-DD).") % {"value": value}) from None


def find_existing_meeting(heading: dict) -> Meeting | None:
    """The recorded meeting this document is the record of: same body and first day."""
    start = _date(heading.get("start"))
    if start is None:
        return None
    candidates = Meeting.objects.filter(kind=heading.get("kind"), starts_on=start, parent=None)
    if heading.get("country"):
        candidates = candidates.filter(country_id=heading["country"]) or candidates
    return candidates.order_by("pk").first()


def _create_meeting(heading: dict, source: str) -> Meeting:
    start, end = _date(heading.get("start")), _date(heading.get("end"))
    if start is None:
        raise ImportRefused(
            _("The document's heading gives no date: choose the meeting it records.")
        )
    kind = heading.get("kind") or MeetingKind.OTHER
    if kind not in MeetingKind.values:
        kind = MeetingKind.OTHER
    country = heading.get("country")
    if country and not Country.objects.filter(pk=country).exists():
        country = None
    meeting = Meeting(
        kind=kind,
        name_en=heading.get("title") or TITLES.get(kind) or heading.get("body") or "Meeting",
        year=start.year,
        starts_on=start,
        ends_on=end or start,
        city=heading.get("city", "")[:120],
        country_id=country,
        status=MeetingStatus.HELD if start <= timezone.localdate() else MeetingStatus.PLANNED,
        visibility=Visibility.PUBLIC,
        source=source[:300],
    )
    meeting.full_clean()
    meeting.save()
    return meeting


def _add_participants(meeting: Meeting, codes: list[str], warnings: list[str]) -> None:
    statuses = dict(
        CountryStatus.objects.filter(country_id__in=codes)
        .in_force(meeting.reference_date)
        .values_list("country_id", "status")
    )
    countries = Country.objects.in_bulk(codes)
    for code in codes:
        country = countries.get(code)
        if country is None:
            warnings.append(_("Participant %(code)s is not a recorded country.") % {"code": code})
            continue
        if meeting.participations.filter(country=country).exists():
            continue
        status = statuses.get(code)
        role = {
            MembershipStatus.MEMBER: ParticipationRole.MEMBER,
            MembershipStatus.OBSERVER: ParticipationRole.OBSERVER,
        }.get(status, ParticipationRole.INVITED_GUEST)
        problem = participation_problem(
            meeting=meeting, country=country, organisation=None, role=role
        )
        if problem:
            warnings.append(str(problem))
            continue
        Participation.objects.create(
            meeting=meeting, country=country, role=role, source=meeting.source
        )


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


def _create_activities(
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
        else:
            starts_on, precision = None, DatePrecision.YEAR
        hosts = [a for a in mentioned if isinstance(a, Country)]
        year = max(deadline.date.year if deadline.date else meeting.year, meeting.year)
        ordinal = _ordinal(passage)
        existing = _recorded_meeting(kind, year, ordinal, exclude=meeting)
        if existing is not None:
            agreement.proposed_activities.add(existing)
            created += 1
            continue
        activity = Meeting(
            kind=kind,
            name_en=first_sentence[:400],
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


def _create_items(
    items: list[dict],
    *,
    meeting: Meeting,
    parent: Agreement | None,
    counter: list[int],
    result: ImportResult,
    language: str,
    activities: bool,
    gazetteer: Gazetteer,
) -> None:
    for item in items:
        counter[0] += 1
        action = item.get("action") if item.get("action") in Action.values else Action.OTHER
        text = (item.get("text") or "").strip()
        if not text:
            raise ImportRefused(_("Item %(ref)s has no text.") % {"ref": item.get("ref")})
        precision = item.get("deadline_precision") or ""
        deadline = _date(item.get("deadline"))
        if precision not in DeadlinePrecision.values:
            precision = DeadlinePrecision.DAY if deadline else ""
        agreement = Agreement(
            meeting=meeting,
            section=item.get("section") or "conclusion",
            group=(item.get("group") or "")[:200],
            ref=str(item.get("ref") or "").strip(),
            parent=parent,
            position=counter[0],
            text_en=text if language == "en" else "",
            text_es=text if language == "es" else "",
            action=action,
            deadline=deadline,
            deadline_text=(item.get("deadline_text") or "")[:200],
            deadline_precision=precision,
            status=Status.NO_FOLLOW_UP if action in NO_FOLLOW_UP_ACTIONS else Status.OPEN,
            visibility=meeting.visibility,
            source=meeting.source,
        )
        if not agreement.text_en:
            # The record's text lives in text_en; the Spanish is kept too so pages can show it.
            agreement.text_en = text
        try:
            agreement.full_clean()
        except ValidationError as error:
            raise ImportRefused(
                f"{agreement.section} {agreement.ref}: " + " ".join(error.messages)
            ) from None
        agreement.save()
        try:
            actors = resolve_actor_codes(item.get("actors", []))
        except LookupError as error:
            raise ImportRefused(f"{agreement.section} {agreement.ref}: {error}") from None
        responsible = set(item.get("responsible", [])) & {actor_code(a) for a in actors}
        agreement_set_actors(agreement=agreement, actors=actors, responsible=responsible)
        result.agreements += 1
        if activities:
            result.activities += _create_activities(agreement, actors, meeting, gazetteer)
        _create_items(
            item.get("children", []),
            meeting=meeting,
            parent=agreement,
            counter=counter,
            result=result,
            language=language,
            activities=activities,
            gazetteer=gazetteer,
        )


@transaction.atomic
def record_import(
    *,
    record: dict,
    meeting: Meeting | None = None,
    replace: bool = False,
    force: bool = False,
    activities: bool = True,
    source: str = "",
) -> ImportResult:
    """Write a meeting record: all of it or, with a clear reason, nothing."""
    prepare_record(record)
    warnings = record_warnings(record)
    if warnings and not force:
        raise ImportRefused(
            _("The record has %(count)d warnings; review them and confirm to commit anyway.")
            % {"count": len(warnings)}
        )
    if not record.get("agreements"):
        raise ImportRefused(_("The record holds no agreements."))
    heading = record.get("meeting", {})
    meeting = meeting or find_existing_meeting(heading)
    created = meeting is None
    if created:
        meeting = _create_meeting(heading, source or "Imported document")
    else:
        existing = meeting.agreements.count()
        if existing and not replace:
            raise ImportRefused(
                _(
                    "%(meeting)s (meeting %(id)s) already has %(count)d agreements: this "
                    "document was imported before. Replace them to import it again."
                )
                % {"meeting": meeting, "id": meeting.pk, "count": existing}
            )
        # Deleted one by one, deepest first, so that the audit history records each; the
        # activities the earlier import planned go too unless something else holds on to them.
        planned = list(
            Meeting.objects.filter(proposed_by__meeting=meeting, status=MeetingStatus.PLANNED)
            .exclude(participations__isnull=False)
            .distinct()
        )
        for agreement in meeting.agreements.order_by("-position"):
            agreement.delete()
        for activity in planned:
            if not activity.proposed_by.exists() and not activity.agreements.exists():
                activity.delete()
    result = ImportResult(meeting=meeting, created_meeting=created, warnings=warnings)
    _add_participants(meeting, heading.get("participants", []), result.warnings)
    _create_items(
        record["agreements"],
        meeting=meeting,
        parent=None,
        counter=[0],
        result=result,
        language=heading.get("language") or record.get("language") or "en",
        activities=activities,
        gazetteer=Gazetteer.from_database(),
    )
    return result
