"""The document importer: from a meeting's file to a numbered tree of agreements.

Public API::

    read_document(data, filename) -> str          # .txt / .docx to text (UnreadableDocument)
    parse_record(text, gazetteer=..., meeting_last_day=...) -> ParsedRecord
    resolve_deadline(text, meeting_last_day, language) -> Deadline
    classify_action(text, language) -> str
    responsible(text, actors, action) -> list[str]
    Gazetteer.default() / Gazetteer.from_database() / gazetteer.find(text)
"""

from .actions import ACTIONS, classify_action, opening_is_known
from .deadlines import Deadline, find_date_range, resolve_deadline
from .gazetteer import (
    MEMBER_COUNTRIES,
    OBSERVER_COUNTRIES,
    Alias,
    Entry,
    Gazetteer,
    default_gazetteer,
    detect_language,
)
from .parser import parse_record, section_heading
from .reading import UnreadableDocument, normalise_text, read_document
from .responsible import responsible
from .schema import (
    MEETING_KINDS,
    SECTIONS,
    NoAgreementsFound,
    ParsedAgreement,
    ParsedMeeting,
    ParsedRecord,
)

__all__ = [
    "ACTIONS",
    "MEETING_KINDS",
    "MEMBER_COUNTRIES",
    "OBSERVER_COUNTRIES",
    "SECTIONS",
    "Alias",
    "Deadline",
    "Entry",
    "Gazetteer",
    "NoAgreementsFound",
    "ParsedAgreement",
    "ParsedMeeting",
    "ParsedRecord",
    "UnreadableDocument",
    "classify_action",
    "default_gazetteer",
    "detect_language",
    "find_date_range",
    "normalise_text",
    "opening_is_known",
    "parse_record",
    "read_document",
    "resolve_deadline",
    "responsible",
    "section_heading",
]
