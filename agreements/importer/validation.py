"""The rules a reviewed record must meet before it is written, field by field.

The admin's preview forms and :func:`record_problems` (what the commit and the command check)
use the same functions, so that a value the preview refuses is also refused from a JSON record,
and the other way round. Each rule returns the problem on the field it is about; nothing is ever
dropped quietly.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from agreements.models import Action, DeadlinePrecision, Section
from meetings.models import MeetingKind
from rcm.models import FIRST_YEAR, Country, Organisation

LAST_YEAR = 2100
# Below this share of a long document's text in its items, the document is no meeting record
# (a publication, a report) whose few numbered lines were read as agreements: the 2011
# "RCM – 15 years" publication has 2%, the records on file 50–90%, a declaration with a long
# preamble about 60%.
MIN_SHARE_IN_ITEMS = 0.10
MIN_CHARS_FOR_SHARE = 20_000


@dataclass
class KnownActors:
    """The countries and organisations on record, by the codes the importer writes."""

    countries: dict[str, str]
    organisations: dict[str, str]

    @classmethod
    def from_database(cls) -> KnownActors:
        return cls(
            countries=dict(Country.objects.order_by("code").values_list("code", "name_en")),
            organisations={
                acronym.upper(): acronym
                for acronym in Organisation.objects.order_by("acronym").values_list(
                    "acronym", flat=True
                )
            },
        )

    def canonical(self, code: str) -> str | None:
        """The recorded code for what was typed (case aside), or None when nothing has it."""
        typed = code.strip()
        if len(typed) == 2 and typed.upper() in self.countries:
            return typed.upper()
        return self.organisations.get(typed.upper())

    def country(self, code: str) -> str | None:
        typed = code.strip().upper()
        return typed if typed in self.countries else None

    def choices(self) -> list[tuple[str, str]]:
        """For autocompletion: every code with its name."""
        return [*self.countries.items(), *((a, a) for a in self.organisations.values())]


def split_codes(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(code).strip() for code in value if str(code).strip()]
    return [code.strip() for code in (value or "").replace(";", ",").split(",") if code.strip()]


def unknown_codes_message(unknown: list[str]) -> str:
    return _(
        "%(codes)s: not a recorded country or organisation. Choose one from the list, or record "
        "it first."
    ) % {"codes": ", ".join(unknown)}


def parse_date(value) -> datetime.date | None:
    """A date from the record (ISO text) or a form; ValueError when it is not one."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def year_problem(value: datetime.date | None) -> str | None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        return _("%(year)d is outside the conference's years (%(first)d–%(last)d).") % {
            "year": value.year,
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    return None


def heading_problems(heading: dict, known: KnownActors) -> dict[str, list[str]]:
    """The meeting's fields: body, dates, host country, participants."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str | None) -> None:
        if message:
            problems.setdefault(field, []).append(message)

    if heading.get("kind") not in MeetingKind.values:
        add("kind", _("%(value)s is not a kind of meeting.") % {"value": heading.get("kind")})
    dates = {}
    for name in ("start", "end"):
        try:
            dates[name] = parse_date(heading.get(name))
        except ValueError:
            add(name, _("%(value)s is not a date (YYYY-MM-DD).") % {"value": heading.get(name)})
            dates[name] = None
        add(name, year_problem(dates[name]))
    if dates["start"] and dates["end"] and dates["end"] < dates["start"]:
        add("end", _("The last day is before the first day."))
    if dates["end"] and not dates["start"]:
        add("start", _("Give the first day too."))
    country = (heading.get("country") or "").strip()
    if country and known.country(country) is None:
        add("country", unknown_codes_message([country]))
    participants = split_codes(heading.get("participants"))
    unknown = [code for code in participants if known.country(code) is None]
    if unknown:
        add("participants", unknown_codes_message(unknown))
    return problems


def item_problems(item: dict, known: KnownActors) -> dict[str, list[str]]:
    """One agreement's fields, as the model and the records hold them."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str | None) -> None:
        if message:
            problems.setdefault(field, []).append(message)

    if not str(item.get("ref") or "").strip():
        add("ref", _("Give the item's reference."))
    elif len(str(item["ref"]).strip()) > 40:
        add("ref", _("A reference has at most 40 characters."))
    if item.get("section") not in Section.values:
        add("section", _("%(value)s is not a section.") % {"value": item.get("section")})
    if item.get("action") not in Action.values:
        add("action", _("%(value)s is not an action.") % {"value": item.get("action")})
    if not str(item.get("text") or "").strip():
        add("text", _("The item has no text: write it, or remove the item."))
    for field in ("actors", "responsible"):
        unknown = [code for code in split_codes(item.get(field)) if known.canonical(code) is None]
        if unknown:
            add(field, unknown_codes_message(unknown))
    try:
        deadline = parse_date(item.get("deadline"))
    except ValueError:
        add("deadline", _("%(value)s is not a date (YYYY-MM-DD).") % {"value": item["deadline"]})
    else:
        add("deadline", year_problem(deadline))
        precision = item.get("deadline_precision") or ""
        if precision and precision not in DeadlinePrecision.values:
            add("deadline_precision", _("%(value)s is not a precision.") % {"value": precision})
        if deadline and precision == DeadlinePrecision.NONE:
            add("deadline", _("A deadline marked as having no date cannot carry one."))
    if len(item.get("group") or "") > 200:
        add("group", _("A group label has at most 200 characters."))
    if len(item.get("deadline_text") or "") > 200:
        add("deadline_text", _("The deadline as written has at most 200 characters."))
    return problems


def tree_problems(items: list[dict]) -> list[str]:
    """References unique within their section; a sub-item's starts with its parent's."""
    problems, seen = [], set()

    def walk(nodes, parent_ref):
        for node in nodes:
            key = (node.get("section"), str(node.get("ref") or "").strip())
            if key in seen:
                problems.append(
                    _("%(section)s %(ref)s appears twice: references are unique in a section.")
                    % {"section": key[0], "ref": key[1]}
                )
            seen.add(key)
            if parent_ref and not key[1].startswith(f"{parent_ref}."):
                problems.append(
                    _("%(ref)s is a sub-item of %(parent)s: its reference starts with %(prefix)s.")
                    % {"ref": key[1], "parent": parent_ref, "prefix": f"{parent_ref}."}
                )
            walk(node.get("children", []), key[1])

    walk(items, "")
    return problems


def record_problems(record: dict, known: KnownActors | None = None) -> list[str]:
    """Every problem of a record, each naming its field: empty when it may be written."""
    known = known or KnownActors.from_database()
    found = [
        f"{field}: {message}"
        for field, messages in heading_problems(record.get("meeting", {}), known).items()
        for message in messages
    ]

    def walk(items):
        for item in items:
            for field, messages in item_problems(item, known).items():
                found.extend(
                    f"{item.get('section')} {item.get('ref')} {field}: {m}" for m in messages
                )
            walk(item.get("children", []))

    walk(record.get("agreements", []))
    found.extend(tree_problems(record.get("agreements", [])))
    return found


def not_a_meeting_record(text: str, items: list[dict]) -> str:
    """Why a parsed document is no meeting record, or "" when it may be one.

    A long document is none when its items hold little of its text, or when most of it comes
    before its first item: a record opens with a heading of a page or two, a publication has
    chapters of prose before the one numbered list the parser found.
    """
    if len(text) < MIN_CHARS_FOR_SHARE or not items:
        return ""

    def size(nodes):
        return sum(len(node.get("text") or "") + size(node.get("children", [])) for node in nodes)

    share = size(items) / len(text)
    first = (items[0].get("text") or "").strip()[:60]
    before = text.find(first) if first else -1
    if share >= MIN_SHARE_IN_ITEMS and before < len(text) / 2:
        return ""
    return _(
        "This document does not look like a meeting record: it has %(chars)s characters of text "
        "around %(count)d numbered items (a record is mostly its agreements). It may be a "
        "publication or a report; import the meeting's Conclusions and Recommendations instead."
    ) % {"chars": f"{len(text):,}", "count": _count(items)}


def _count(items: list[dict]) -> int:
    return sum(1 + _count(item.get("children", [])) for item in items)
