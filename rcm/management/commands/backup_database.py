from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rcm.backups import BackupError, backup_create, backup_path_default


class Command(BaseCommand):
    help = "Dump the database (pg_dump, custom format) with a SHA-256 checksum beside it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write (default: BACKUP_DIR/rcm-YYYYmmdd-HHMMSS.dump, "
            "BACKUP_DIR being .data/backups unless set).",
        )

    def handle(self, *args, output: Path | None, **options):
        output = output or backup_path_default()
        try:
            path = backup_create(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({size:,} bytes)."))
