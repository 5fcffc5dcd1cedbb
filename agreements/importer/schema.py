"""What the importer produces: plain dataclasses, free of Django models.

``ParsedRecord.as_dict()`` is the JSON contract the rest of the application relies on::

    {"meeting": {"body", "kind", "title", "city", "country", "start", "end",
                 "participants": [alpha-2 codes], "language"},
     "agreements": [{"ref", "section", "group", "text", "action", "actors", "responsible",
                     "deadline": "YYYY-MM-DD" | None, "deadline_text", "deadline_precision",
                     "warnings", "ref_assigned": bool, "children": [...]}],
     "warnings": [...], "preamble": [paragraphs]}

``ref_assigned`` marks an item the document does not number: its reference was given in
document order by the importer, to be shown as such (not as a printed number).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "MEETING_KINDS",
    "SECTIONS",
    "NoAgreementsFound",
    "ParsedAgreement",
    "ParsedMeeting",
    "ParsedRecord",
]

MEETING_KINDS = (
    "vice_ministerial", "rcgm", "liaison_network", "joint_networks", "working_group",
    "ad_hoc_group", "rcm_sacm", "extraordinary", "seminar", "workshop", "course", "other",
)  # fmt: skip
SECTIONS = (
    "conclusion", "recommendation", "decision", "declaration", "working_group", "consultation",
)  # fmt: skip


class NoAgreementsFound(ValueError):
    """The text has no numbered items: nothing to import."""


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class ParsedMeeting:
    body: str = ""
    kind: str = "other"
    title: str = ""
    city: str = ""
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    participants: list[str] = field(default_factory=list)
    language: str = "en"

    def as_dict(self) -> dict:
        return {
            "body": self.body,
            "kind": self.kind,
            "title": self.title,
            "city": self.city,
            "country": self.country,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "participants": list(self.participants),
            "language": self.language,
        }


@dataclass
class ParsedAgreement:
    ref: str
    label: str = ""
    section: str = "conclusion"
    group: str = ""
    text: str = ""
    action: str = "other"
    actors: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadline: dt.date | None = None
    deadline_text: str = ""
    deadline_precision: str = ""
    warnings: list[str] = field(default_factory=list)
    children: list[ParsedAgreement] = field(default_factory=list)
    # True when the document does not number the item and the importer gave it its reference.
    ref_assigned: bool = False

    def as_dict(self) -> dict:
        return {
            "ref": self.ref,
            "section": self.section,
            "group": self.group,
            "text": self.text,
            "action": self.action,
            "actors": list(self.actors),
            "responsible": list(self.responsible),
            "deadline": _iso(self.deadline),
            "deadline_text": self.deadline_text,
            "deadline_precision": self.deadline_precision,
            "warnings": list(self.warnings),
            "ref_assigned": self.ref_assigned,
            "children": [child.as_dict() for child in self.children],
        }

    def walk(self) -> Iterator[ParsedAgreement]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedRecord:
    meeting: ParsedMeeting
    agreements: list[ParsedAgreement]
    warnings: list[str] = field(default_factory=list)
    language: str = "en"
    # What the document says around its agreements: a declaration's recitals ("Considering…"),
    # narrative paragraphs between unnumbered agreements. Kept for the reader, never items.
    preamble: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "meeting": self.meeting.as_dict(),
            "agreements": [agreement.as_dict() for agreement in self.agreements],
            "warnings": list(self.warnings),
            "preamble": list(self.preamble),
        }

    def walk(self) -> Iterator[ParsedAgreement]:
        """Every agreement, depth first, in document order."""
        for agreement in self.agreements:
            yield from agreement.walk()

    def by_ref(self, section: str | None = None) -> dict[str, ParsedAgreement]:
        """Items by ref; refs repeat across sections, so name one when the record has several."""
        return {
            agreement.ref: agreement
            for agreement in self.walk()
            if section is None or agreement.section == section
        }
