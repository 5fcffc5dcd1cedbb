"""E-mail each focal point one digest of what its country has due (run daily from cron)."""

import argparse
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from pages import reminders


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Give the date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "E-mail each focal point, in its language, one digest: agreements its country must act "
        "on whose deadline is within 14 days or past, consultation rounds awaiting its answer, "
        "and meetings in the next 30 days. A second run the same day sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say who would receive a digest; send, record and close nothing.",
        )
        parser.add_argument(
            "--date",
            type=iso_date,
            help="Build the digests as of the start of this day (YYYY-MM-DD); default today.",
        )

    def handle(self, *args, **options):
        # The operator reads the progress in the site's language, whatever a digest was written in
        # (and whatever language the process was left in).
        with translation.override(settings.LANGUAGE_CODE):
            self.send(**options)

    def send(self, *, dry_run: bool, date: datetime.date | None, **options):
        today = date or timezone.localdate()
        now = timezone.now()
        if date is not None:
            now = timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))
        closed = 0
        if not dry_run:
            # Rounds close at the real time, whatever day the digests are built for.
            closed = reminders.close_due_rounds(timezone.now())
        verbose = options["verbosity"] >= 1

        def progress(index, total, recipient, outcome):
            if verbose:
                self.stdout.write(f"{index}/{total} {recipient.email}: {outcome}")

        summary = reminders.send_reminders(today=today, now=now, dry_run=dry_run, progress=progress)
        summary.rounds_closed = closed
        self.stdout.write(summary.line())
        if summary.failed:
            raise CommandError(
                f"{summary.failed} digests could not be sent; see the log, fix the e-mail "
                "settings or addresses, and run the command again (sent ones are not repeated)."
            )
