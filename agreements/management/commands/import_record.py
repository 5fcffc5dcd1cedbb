"""Turn a meeting's conclusions document into agreement records: import_record PATH."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreements.importer.service import (
    ImportRefused,
    NoAgreementsFound,
    UnreadableDocument,
    import_parse,
    import_read,
    record_import,
    record_warnings,
)
from agreements.importer.service import size_problem as file_size_problem
from agreements.importer.validation import record_problems
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Read a meeting's Conclusions and Recommendations (.txt or .docx, English or Spanish), "
        "show the numbered tree it holds, and record it: the meeting, its agreements, their "
        "actors, deadlines and proposed activities. The other language's version of a recorded "
        "document fills that language. All or nothing."
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
        self.started = time.monotonic()
        target = None
        if meeting is not None:
            target = Meeting.objects.filter(pk=meeting).first()
            if target is None:
                raise CommandError(f"There is no meeting {meeting}.")
        try:
            size = path.stat().st_size
            problem = file_size_problem(size, path.name)
            if problem:
                raise CommandError(problem)
            self.progress(f"Reading {path.name} ({size / 1024:.0f} KB)…")
            text = import_read(data=path.read_bytes(), filename=path.name)
            self.progress(f"Parsing {len(text):,} characters…")
            preview = import_parse(text=text, meeting=target, progress=self.parsed())
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except (UnreadableDocument, NoAgreementsFound) as error:
            raise CommandError(str(error)) from None
        record = preview.record
        self.progress(f"Read {preview.items} items.")
        if dry_run:
            if preview.existing is not None:
                record["existing_meeting"] = preview.existing.pk
            self.print_record(record, format)
            self.print_review(preview)
            problems = record_problems(record)
            if preview.not_a_record:
                problems.insert(0, preview.not_a_record)
            if problems:
                raise CommandError(
                    "The record could not be written as it is:\n  " + "\n  ".join(problems)
                )
            return
        total = max(preview.items, 1)
        step = max(total // 10, 1)

        def recorded(done: int, of: int) -> None:
            if done % step == 0 or done == of:
                self.progress(f"Recording: {done}/{of} items")

        try:
            result = record_import(
                record=record,
                meeting=target,
                replace=opts["replace"],
                force=opts["force"],
                source=f"Imported from {path.name}",
                progress=recorded,
            )
        except ImportRefused as error:
            if record_warnings(record) and not opts["force"]:
                self.print_warnings(record)
            raise CommandError(str(error)) from None
        if format == "json":
            record["meeting_id"] = result.meeting.pk
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=2))
        if result.translated:
            summary = f"{result.translated} agreements translated"
        else:
            summary = (
                f"{result.agreements} agreements, {result.activities} proposed activities"
                + (f", {result.updated} updated in place" if result.updated else "")
                + (f", {result.deleted} deleted" if result.deleted else "")
            )
        verb = "Created" if result.created_meeting else "Recorded into"
        self.stderr.write(
            self.style.SUCCESS(
                f"{verb} {result.meeting} (meeting {result.meeting.pk}): {summary} "
                f"in {time.monotonic() - self.started:.1f} s."
            )
        )

    def parsed(self):
        """A progress callback that prints every tenth of the items read (and the last)."""

        def report(done: int, total: int) -> None:
            step = max(total // 10, 1)
            if done and (done % step == 0 or done == total):
                self.progress(f"Parsing: {done}/{total} items")

        return report

    def progress(self, message: str) -> None:
        self.stderr.write(f"[{time.monotonic() - self.started:5.1f} s] {message}")

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
                first_line = (item["text"] or "").strip().split("\n")[0][:100] or "(no text)"
                self.stdout.write(
                    f"{'  ' * depth}{item['ref']} {item['action']}{actors}{deadline}: {first_line}"
                )
                show(item["children"], depth + 1)

        show(record["agreements"], 0)
        self.print_warnings(record)

    def print_review(self, preview) -> None:
        if preview.pairing is not None:
            how = "by order" if preview.pairing.by_order else "by reference"
            self.stderr.write(
                f"Translation of the recorded agreements, paired {how}: "
                f"{len(preview.pairing.pairs) - len(preview.pairing.unpaired_items)} paired, "
                f"{len(preview.pairing.unpaired_items)} without a counterpart."
            )
        plan = preview.replace_plan
        if plan is not None:
            self.stderr.write(
                f"--replace would update {len(plan.kept)} agreements in place, create "
                f"{plan.created} and delete {len(plan.deleted)}"
                + (f"; {len(plan.blocked)} cannot be deleted" if plan.blocked else "")
                + "."
            )
            if plan.blocked:
                self.stderr.write(plan.refusal())

    def print_warnings(self, record: dict) -> None:
        for warning in record_warnings(record):
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
