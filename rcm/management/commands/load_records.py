"""Load the conference's real records from fixtures/, validating every row; safe to run again."""

import json
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, transaction

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# In dependency order. Each file holds one kind of record; every row names its source.
FIXTURE_FILES = [
    "countries.json",
    "organisations.json",
    "presidencies.json",
    "focal_points.json",
    "meetings.json",
    "themes.json",
    "agreements.json",
    "instruments.json",
    "networks.json",
    "finance.json",
]


def fixture_paths(directory: Path = FIXTURES_DIR) -> list[Path]:
    return [directory / name for name in FIXTURE_FILES if (directory / name).exists()]


def validate_rows(paths: list[Path]) -> list[str]:
    """Run each loaded row through the model's own validation and return what it says.

    A row loaded for the first time also gets its first history entry: loaddata saves "raw",
    which the audit history does not see.
    """
    problems = []
    for path in paths:
        loaded: dict = {}
        for row in serializers.deserialize("json", path.read_text(), ignorenonexistent=True):
            model = type(row.object)
            instance = model._default_manager.get(pk=row.object.pk)
            loaded.setdefault(model, []).append(instance)
            try:
                instance.full_clean(validate_unique=True)
            except ValidationError as error:
                messages = (
                    "; ".join(f"{field}: {' '.join(m)}" for field, m in error.message_dict.items())
                    if hasattr(error, "error_dict")
                    else " ".join(error.messages)
                )
                problems.append(f"{path.name}: {model._meta.label} {instance}: {messages}")
        record_first_history(loaded, reason=f"Loaded from fixtures/{path.name}")
    return problems


def record_first_history(loaded: dict, *, reason: str) -> None:
    for model, instances in loaded.items():
        history = getattr(model, "history", None)
        if history is None:
            continue
        known = set(
            history.filter(
                **{f"{model._meta.pk.attname}__in": [i.pk for i in instances]}
            ).values_list(model._meta.pk.attname, flat=True)
        )
        new = [instance for instance in instances if instance.pk not in known]
        if new:
            history.bulk_history_create(new, default_change_reason=reason)


class Command(BaseCommand):
    help = (
        "Load the real records (countries, organisations, presidencies, focal points, meetings, "
        "agreements, …) from fixtures/. All or nothing; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures-dir", type=Path, default=FIXTURES_DIR)

    def handle(self, *args, fixtures_dir: Path, **options):
        paths = fixture_paths(fixtures_dir)
        if not paths:
            raise CommandError(f"No fixture files found in {fixtures_dir}.")
        try:
            with transaction.atomic():
                for path in paths:
                    call_command("loaddata", str(path), verbosity=0)
                    if options["verbosity"] >= 1:
                        count = len(json.loads(path.read_text()))
                        self.stdout.write(f"  {path.name}: {count} records")
                problems = validate_rows(paths)
                if problems:
                    raise CommandError(
                        "The fixtures hold invalid records; nothing was loaded:\n  "
                        + "\n  ".join(problems)
                    )
                # Themes suggested from the text for the agreements that carry none, marked so
                # until TS staff confirm them (agreements/themes_suggest.py).
                call_command("suggest_themes", verbosity=0, stdout=StringIO())
        except (IntegrityError, DatabaseError, DeserializationError) as error:
            raise CommandError(
                f"The fixtures could not be loaded, nothing was changed: {error}"
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Loaded the real records from {len(paths)} files."))
