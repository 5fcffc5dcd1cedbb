"""Turn a meeting's conclusions document into agreement records: import_record PATH."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreements.importer import (
    Gazetteer,
    NoAgreementsFound,
    UnreadableDocument,
    parse_record,
    read_document,
)
from agreements.importer.commit import (
    ImportRefused,
    find_existing_meeting,
    prepare_record,
    record_import,
    record_warnings,
)
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Read a meeting's Conclusions and Recommendations (.txt or .docx, English or Spanish), "
        "show the numbered tree it holds, and record it: the meeting, its agreements, their "
        "actors, deadlines and proposed activities. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--meeting", type=int, help="The recorded meeting it belongs to (id).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the parse; write nothing."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--replace", action="store_true", help="Replace an earlier import.")
        parser.add_argument("--force", action="store_true", help="Commit despite warnings.")

    def handle(self, *args, path: Path, meeting: int | None, dry_run: bool, format: str, **opts):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        target = None
        if meeting is not None:
            target = Meeting.objects.filter(pk=meeting).first()
            if target is None:
                raise CommandError(f"There is no meeting {meeting}.")
        try:
            text = read_document(data, path.name)
            record = parse_record(
                text,
                gazetteer=Gazetteer.from_database(),
                meeting_last_day=target.last_day if target else None,
            ).as_dict()
            prepare_record(record)
        except (UnreadableDocument, NoAgreementsFound) as error:
            raise CommandError(str(error)) from None

        existing = target or find_existing_meeting(record["meeting"])
        if dry_run:
            if existing is not None:
                record["existing_meeting"] = existing.pk
            self.print_record(record, format)
            return
        try:
            result = record_import(
                record=record,
                meeting=target,
                replace=opts["replace"],
                force=opts["force"],
                source=f"Imported from {path.name}",
            )
        except ImportRefused as error:
            if record_warnings(record) and not opts["force"]:
                self.print_warnings(record)
            raise CommandError(str(error)) from None
        if format == "json":
            record["meeting_id"] = result.meeting.pk
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=2))
        verb = "Created" if result.created_meeting else "Recorded into"
        self.stderr.write(
            self.style.SUCCESS(
                f"{verb} {result.meeting} (meeting {result.meeting.pk}): "
                f"{result.agreements} agreements, {result.activities} proposed activities."
            )
        )

    def print_record(self, record: dict, format: str) -> None:
        if format == "json":
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=2))
            return
        heading = record["meeting"]
        self.stdout.write(
            f"{heading['body']} · {heading['city']} {heading['country'] or ''} · "
            f"{heading['start']} – {heading['end']} · participants: "
            f"{', '.join(heading['participants']) or '—'}"
        )
        if "existing_meeting" in record:
            self.stdout.write(f"Already recorded as meeting {record['existing_meeting']}.")

        def show(items, depth):
            for item in items:
                deadline = f" [by {item['deadline']}]" if item["deadline"] else ""
                actors = f" ({', '.join(item['actors'])})" if item["actors"] else ""
                first_line = item["text"].splitlines()[0][:100]
                self.stdout.write(
                    f"{'  ' * depth}{item['ref']} {item['action']}{actors}{deadline}: {first_line}"
                )
                show(item["children"], depth + 1)

        show(record["agreements"], 0)
        self.print_warnings(record)

    def print_warnings(self, record: dict) -> None:
        for warning in record_warnings(record):
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
