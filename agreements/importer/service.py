"""Importing a meeting's document: the one orchestration that the admin and import_record share.

    import_read(data=…, filename=…)          -> text        (size limits, then read_document)
    import_parse(text=…, meeting=…)          -> ImportPreview (parse, hold to the records, review)
    import_review(record=…, meeting=…)       -> ImportPreview (what a commit of a record would do)
    record_import(record=…, …)               -> ImportResult (commit.py: all or nothing)

Cost is bounded where the document comes in: a file over ``IMPORT_MAX_UPLOAD_BYTES`` is refused
before it is read, a .docx by what its zip directory says it unpacks to (reading.py), and the
admin previews at most ``MAX_PREVIEW_CHARS`` of text and ``MAX_PREVIEW_ITEMS`` items in the web
request; longer documents go through import_record, which prints its progress.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from agreements.importer.bilingual import Pairing, is_translation, pair_items
from agreements.importer.commit import (
    ImportRefused,
    ImportResult,
    find_existing_meeting,
    prepare_record,
    record_import,
    record_language,
    record_warnings,
)
from agreements.importer.gazetteer import Gazetteer
from agreements.importer.parser import parse_record
from agreements.importer.reading import UnreadableDocument, read_document
from agreements.importer.replace import ReplacePlan, plan_replace
from agreements.importer.schema import NoAgreementsFound
from agreements.importer.validation import not_a_meeting_record

__all__ = [
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "NoAgreementsFound",
    "ReadingTooLong",
    "UnreadableDocument",
    "import_parse",
    "import_read",
    "import_review",
    "record_import",
    "record_warnings",
]

# What the admin parses inside a web request: the longest records on file are about 12,000
# characters and 60 items; ten times that stays a few seconds of parsing.
MAX_PREVIEW_CHARS = 200_000
MAX_PREVIEW_ITEMS = 600


def preview_seconds() -> int:
    """How long the admin's preview may read before it stops (IMPORT_PREVIEW_SECONDS)."""
    return settings.IMPORT_PREVIEW_SECONDS


def max_upload_bytes() -> int:
    return settings.IMPORT_MAX_UPLOAD_BYTES


def size_problem(size: int, name: str) -> str:
    """Why a file of this size is refused, or ""."""
    limit = max_upload_bytes()
    if size <= limit:
        return ""
    return _(
        "%(name)s is %(size).1f MB; the importer reads documents up to %(limit).1f MB. Upload the "
        "meeting's record alone (its Conclusions and Recommendations), or its text."
    ) % {"name": name, "size": size / 1024 / 1024, "limit": limit / 1024 / 1024}


def import_read(*, data: bytes, filename: str) -> str:
    """The text of an uploaded file, within the size limits; UnreadableDocument otherwise."""
    problem = size_problem(len(data), filename)
    if problem:
        raise UnreadableDocument(problem)
    return read_document(data, filename)


@dataclass
class ImportPreview:
    """A parsed record and what committing it would do to the records."""

    record: dict
    existing: object | None = None  # the recorded Meeting it is the record of
    pairing: Pairing | None = None  # when it translates the recorded agreements
    replace_plan: ReplacePlan | None = None  # when it would replace them
    seconds: float = 0.0

    @property
    def not_a_record(self) -> str:
        return self.record.get("not_a_meeting_record", "")

    @property
    def warnings(self) -> list[str]:
        return record_warnings(self.record)

    @property
    def items(self) -> int:
        def count(nodes):
            return sum(1 + count(node.get("children", [])) for node in nodes)

        return count(self.record.get("agreements", []))


class ReadingTooLong(Exception):
    """The parse went past its time budget and was stopped; nothing was read or written."""

    def __init__(self, *, done: int, total: int, seconds: float) -> None:
        self.done, self.total, self.seconds = done, total, seconds
        super().__init__(
            _(
                "Reading stopped after %(seconds)d seconds, at item %(done)s of %(total)s: the "
                "document is too long to preview in the browser. Import the meeting's record "
                "alone, or use the command “manage.py import_record”, which shows its progress."
            )
            % {"seconds": seconds, "done": f"{done:,}", "total": f"{total:,}"}
        )


def import_parse(
    *,
    text: str,
    meeting=None,
    progress: Callable[[int, int], None] | None = None,
    seconds: float | None = None,
) -> ImportPreview:
    """Parse a document's text and review it against the records; NoAgreementsFound when it
    holds no items. ``progress(done, total)`` is told of each item read; past ``seconds`` the
    reading stops with ReadingTooLong (the admin's bounded wait)."""
    started = time.monotonic()

    def checkpoint(done: int, total: int) -> None:
        if seconds is not None and time.monotonic() - started > seconds:
            raise ReadingTooLong(done=done, total=total, seconds=seconds)
        if progress is not None:
            progress(done, total)

    record = parse_record(
        text,
        gazetteer=Gazetteer.from_database(),
        meeting_last_day=meeting.last_day if meeting else None,
        progress=checkpoint,
    ).as_dict()
    prepare_record(record)
    reason = not_a_meeting_record(text, record["agreements"])
    if reason:
        record["not_a_meeting_record"] = reason
    preview = import_review(record=record, meeting=meeting)
    preview.seconds = time.monotonic() - started
    return preview


def import_review(*, record: dict, meeting=None) -> ImportPreview:
    """What committing ``record`` would do: create, translate (pairing) or replace (plan)."""
    existing = meeting or find_existing_meeting(record.get("meeting", {}))
    preview = ImportPreview(record=record, existing=existing)
    if existing is not None and existing.agreements.exists():
        language = record_language(record)
        if is_translation(existing, language):
            preview.pairing = pair_items(existing, record.get("agreements", []), language)
        else:
            preview.replace_plan = plan_replace(existing, record.get("agreements", []))
    return preview
