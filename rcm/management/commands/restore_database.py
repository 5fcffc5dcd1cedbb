from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rcm.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database, after checking its checksum. "
        "It replaces the records in the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--database-name", help="Restore into another database on the server.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path: Path, database_name: str | None, yes: bool, **options):
        if not yes and not database_name:
            answer = input(f"Replace the records in the database with {path.name}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing was restored.")
        try:
            backup_restore(path=path, database_name=database_name)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {path.name}."))
