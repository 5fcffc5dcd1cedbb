"""Commit a parsed (and reviewed) meeting record: the meeting, its agreements, their activities.

Takes the importer's JSON contract (a dict), so that what the command line prints, what the
admin's preview lets people correct and what gets written are the same thing. All or nothing:
every field is checked first (:mod:`validation`), and one transaction writes everything.

Three cases, decided by what is on record:

* a meeting without agreements (or none at all): the meeting and its agreements are created, in
  the document's language (``text_es`` and ``name_es`` for a Spanish document);
* a meeting whose agreements lack the document's language: the document is their translation,
  paired item by item (:mod:`bilingual`), and only that language is filled;
* a meeting whose agreements are recorded in that language: importing again needs ``replace``;
  agreements whose reference the document keeps are updated in place (:mod:`replace`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.importer.activities import create_activities
from agreements.importer.bilingual import is_translation, record_translation
from agreements.importer.gazetteer import Gazetteer
from agreements.importer.obligations import meeting_deadline
from agreements.importer.replace import ReplacePlan, plan_replace
from agreements.importer.validation import KnownActors, record_problems, split_codes
from agreements.models import Agreement, DeadlinePrecision
from agreements.services import (
    agreement_set_actors,
    resolve_actor_codes,
    status_for_follow_up,
)
from agreements.themes_suggest import agreements_suggest_themes
from meetings.models import (
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participation,
    ParticipationRole,
    participation_problem,
)
from rcm.models import Country, CountryStatus, MembershipStatus, Organisation, Visibility

TITLES = {
    MeetingKind.RCGM: "Meeting of the Regional Consultation Group on Migration (RCGM)",
    MeetingKind.VICE_MINISTERIAL: "Vice-Ministerial Meeting of the Regional Conference",
}
Progress = Callable[[int, int], None]


class ImportRefused(Exception):
    """The record cannot be committed as it is; the message says why and what to do."""


@dataclass
class ImportResult:
    meeting: Meeting
    created_meeting: bool
    agreements: int = 0
    activities: int = 0
    updated: int = 0
    deleted: int = 0
    translated: int = 0
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
    """Hold a fresh parse to the records as they are: an actor the gazetteer found that names no
    recorded country or organisation is taken out of the item, with a warning on it saying so
    (the TS may record the body first, or commit without it). Only for a parse: a reviewed record
    with an unknown code is refused (:func:`record_import`)."""
    countries = set(Country.objects.values_list("code", flat=True))
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


def record_language(record: dict) -> str:
    language = record.get("meeting", {}).get("language") or record.get("language") or "en"
    return language if language in ("en", "es") else "en"


def find_existing_meeting(heading: dict) -> Meeting | None:
    """The recorded meeting this document is the record of: same body and first day."""
    try:
        start = _date(heading.get("start"))
    except ImportRefused:
        return None
    if start is None:
        return None
    candidates = Meeting.objects.filter(kind=heading.get("kind"), starts_on=start, parent=None)
    if heading.get("country"):
        candidates = candidates.filter(country_id=heading["country"]) or candidates
    return candidates.order_by("pk").first()


def _refuse_invalid(instance, label: str) -> None:
    """full_clean, the required text of the other language aside (see _create_meeting)."""
    exclude = [name for name in ("name_en", "text_en") if hasattr(instance, name)]
    exclude = [name for name in exclude if not getattr(instance, name)]
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = (
            [f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items()]
            if hasattr(error, "error_dict")
            else error.messages
        )
        raise ImportRefused(f"{label}: " + "; ".join(messages)) from None


def _create_meeting(heading: dict, source: str, language: str) -> Meeting:
    start, end = _date(heading.get("start")), _date(heading.get("end"))
    if start is None:
        raise ImportRefused(
            _("The document's heading gives no date: choose the meeting it records.")
        )
    kind = heading.get("kind") or MeetingKind.OTHER
    title = (heading.get("title") or "").strip()[:400]
    # A Spanish record's title is its Spanish name; the English one is the body's standard title
    # where there is one, or left for the English version to fill (pages show the Spanish).
    if language == "es":
        name_en, name_es = TITLES.get(kind, ""), title
    else:
        name_en, name_es = title or TITLES.get(kind) or heading.get("body") or "Meeting", ""
    meeting = Meeting(
        kind=kind,
        name_en=name_en,
        name_es=name_es,
        year=start.year,
        starts_on=start,
        ends_on=end or start,
        city=(heading.get("city") or "")[:120],
        country_id=(heading.get("country") or "").upper() or None,
        status=MeetingStatus.HELD if start <= timezone.localdate() else MeetingStatus.PLANNED,
        visibility=Visibility.PUBLIC,
        source=source[:300],
    )
    if not name_en and not name_es:
        meeting.name_en = heading.get("body") or "Meeting"
    _refuse_invalid(meeting, _("The meeting"))
    meeting.save()
    return meeting


def _add_participants(meeting: Meeting, codes: list[str], warnings: list[str]) -> None:
    codes = [code.upper() for code in codes]
    statuses = dict(
        CountryStatus.objects.filter(country_id__in=codes)
        .in_force(meeting.reference_date)
        .values_list("country_id", "status")
    )
    countries = Country.objects.in_bulk(codes)
    present = set(meeting.participations.values_list("country_id", flat=True))
    for code in codes:
        country = countries[code]  # every code was checked against the records already
        if code in present:
            continue
        role = {
            MembershipStatus.MEMBER: ParticipationRole.MEMBER,
            MembershipStatus.OBSERVER: ParticipationRole.OBSERVER,
        }.get(statuses.get(code), ParticipationRole.INVITED_GUEST)
        problem = participation_problem(
            meeting=meeting, country=country, organisation=None, role=role
        )
        if problem:
            warnings.append(str(problem))
            continue
        Participation.objects.create(
            meeting=meeting, country=country, role=role, source=meeting.source
        )


@dataclass
class _Writer:
    """Writes the document's items in order, updating in place those already on record."""

    meeting: Meeting
    language: str
    result: ImportResult
    activities: bool
    kept: dict[tuple[str, str], Agreement]
    total: int
    known: KnownActors
    progress: Progress | None = None
    position: int = 0
    gazetteer: Gazetteer | None = None

    def write(self, items: list[dict], parent: Agreement | None) -> None:
        for item in items:
            self.position += 1
            agreement = self._write(item, parent)
            if self.progress:
                self.progress(self.position, self.total)
            self.write(item.get("children", []), agreement)

    def _write(self, item: dict, parent: Agreement | None) -> Agreement:
        section, ref = item.get("section") or "conclusion", str(item.get("ref") or "").strip()
        action = item["action"]
        agreement = self.kept.get((section, ref))
        updating = agreement is not None
        if agreement is None:
            agreement = Agreement(
                meeting=self.meeting,
                visibility=self.meeting.visibility,
                source=self.meeting.source,
            )
        deadline = _date(item.get("deadline"))
        precision = item.get("deadline_precision") or ""
        agreement.section, agreement.ref, agreement.parent = section, ref, parent
        agreement.group = (item.get("group") or "")[:200]
        agreement.position = self.position
        agreement.action = action
        agreement.deadline = deadline
        agreement.deadline_text = (item.get("deadline_text") or "")[:200]
        # "At the next meeting of the RCGM": dated by that meeting once it is recorded.
        body = None if deadline else meeting_deadline(agreement.deadline_text)
        agreement.deadline_body = body or ""
        agreement.deadline_precision = precision or (DeadlinePrecision.DAY if deadline else "")
        setattr(agreement, "text_es" if self.language == "es" else "text_en", item["text"].strip())
        # Followed up when any clause gives someone a task, whatever the opening verb.
        agreement.status = status_for_follow_up(agreement) or agreement.status
        _refuse_invalid(agreement, f"{section} {ref}")
        agreement.save()
        codes = [self.known.canonical(c) for c in split_codes(item.get("actors", []))]
        responsible = [self.known.canonical(c) for c in split_codes(item.get("responsible", []))]
        # An item's actors are everything it mentions plus those responsible for it.
        actors = resolve_actor_codes(codes + [c for c in responsible if c not in codes])
        agreement_set_actors(agreement=agreement, actors=actors, responsible=set(responsible))
        if updating:
            self.result.updated += 1
        else:
            self.result.agreements += 1
        if self.activities and not (updating and agreement.proposed_activities.exists()):
            self.gazetteer = self.gazetteer or Gazetteer.from_database()
            self.result.activities += create_activities(
                agreement, actors, self.meeting, self.gazetteer
            )
        return agreement


def _count(items: list[dict]) -> int:
    return sum(1 + _count(item.get("children", [])) for item in items)


def _delete(plan: ReplacePlan) -> int:
    """The agreements the document no longer has, and the activities only they proposed."""
    planned = list(
        Meeting.objects.filter(proposed_by__in=plan.deleted, status=MeetingStatus.PLANNED)
        .exclude(participations__isnull=False)
        .distinct()
    )
    # One by one, deepest first, so that the audit history records each.
    for agreement in sorted(plan.deleted, key=lambda a: -a.position):
        agreement.delete()
    for activity in planned:
        if activity.proposed_by.exists() or activity.agreements.exists():
            continue
        try:
            with transaction.atomic():
                activity.delete()
        except ProtectedError:
            continue  # something else holds on to it: it stays, as a planned activity
    return len(plan.deleted)


@transaction.atomic
def record_import(
    *,
    record: dict,
    meeting: Meeting | None = None,
    replace: bool = False,
    force: bool = False,
    activities: bool = True,
    source: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Write a meeting record: all of it or, with a clear reason, nothing."""
    if record.get("not_a_meeting_record"):
        raise ImportRefused(record["not_a_meeting_record"])
    if not record.get("agreements"):
        raise ImportRefused(_("The record holds no agreements."))
    known = KnownActors.from_database()
    problems = record_problems(record, known)
    if problems:
        raise ImportRefused(
            _("The record cannot be written as it is: %(problems)s")
            % {"problems": "; ".join(problems[:20])}
        )
    warnings = record_warnings(record)
    if warnings and not force:
        raise ImportRefused(
            _("The record has %(count)d warnings; review them and confirm to commit anyway.")
            % {"count": len(warnings)}
        )
    heading = record.get("meeting", {})
    language = record_language(record)
    meeting = meeting or find_existing_meeting(heading)
    created = meeting is None
    plan = None
    if created:
        meeting = _create_meeting(heading, source or "Imported document", language)
    elif is_translation(meeting, language):
        result = ImportResult(meeting=meeting, created_meeting=False, warnings=warnings)
        result.translated = record_translation(
            meeting=meeting, record=record, language=language, progress=progress
        )
        return result
    elif meeting.agreements.exists():
        if not replace:
            raise ImportRefused(
                _(
                    "%(meeting)s (meeting %(id)s) already has %(count)d agreements: this "
                    "document was imported before. Replace them to import it again."
                )
                % {"meeting": meeting, "id": meeting.pk, "count": meeting.agreements.count()}
            )
        plan = plan_replace(meeting, record["agreements"])
        if not plan.possible:
            raise ImportRefused(plan.refusal())
    result = ImportResult(meeting=meeting, created_meeting=created, warnings=warnings)
    _add_participants(meeting, split_codes(heading.get("participants")), result.warnings)
    _Writer(
        meeting=meeting,
        language=language,
        result=result,
        activities=activities,
        kept={(a.section, a.ref): a for a in plan.kept} if plan else {},
        total=_count(record["agreements"]),
        known=known,
        progress=progress,
    ).write(record["agreements"], None)
    if plan:
        result.deleted = _delete(plan)
    # Plan of Action themes suggested from the text, marked so until TS staff confirm them.
    agreements_suggest_themes(agreements=meeting.agreements.all())
    return result
