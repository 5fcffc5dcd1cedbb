"""Synthetic records for trying the pages and for the benchmarks, all marked as demo."""

import importlib
import random
import time

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rcm.apps import RECORD_APPS
from rcm.management.commands.load_records import FIXTURES_DIR

# The real reference data the demo records point at (countries, organisations, themes…).
REFERENCE_FIXTURES = ["countries.json", "organisations.json", "presidencies.json", "themes.json"]


def holds_real_records() -> bool:
    # Through the app registry: rcm sits below the apps whose records it asks about.
    return any(
        apps.get_model(label).objects.filter(demo=False).exists()
        for label in ("meetings.Meeting", "agreements.Agreement")
    )


class Command(BaseCommand):
    help = (
        "Create a synthetic, deterministic data set marked as demo: scale 1 is 200 meetings, "
        "10,000 agreements and 100,000 follow-up updates; scale 10 is ten times that."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1, help="1 (M) or 10 (L); fractions make small sets"
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--force", action="store_true", help="Run even on a database holding real records."
        )

    def handle(self, *args, scale: float, seed: int, force: bool, **options):
        if scale <= 0:
            raise CommandError("--scale must be more than 0.")
        if holds_real_records() and not force:
            raise CommandError(
                "This database holds real records; demo data would mix with them. "
                "Use a database of its own, or --force if you really mean it."
            )
        started = time.monotonic()
        self.stdout.write("Loading the reference data (countries, organisations, themes)…")
        reference = [FIXTURES_DIR / name for name in REFERENCE_FIXTURES]
        call_command("loaddata", *[str(p) for p in reference if p.exists()], verbosity=0)
        rng = random.Random(seed)
        with transaction.atomic():
            for app_label in RECORD_APPS:
                try:
                    demo = importlib.import_module(f"{app_label}.demo")
                except ModuleNotFoundError:
                    continue
                create_demo = getattr(demo, "create_demo", None)
                if create_demo is None:
                    # An app whose demo generator is still being written must not stop the rest.
                    self.stderr.write(
                        f"  {app_label}/demo.py has no create_demo(*, scale, rng, progress): "
                        "skipped."
                    )
                    continue
                created = create_demo(scale=scale, rng=rng, progress=self.progress)
                for name, count in created.items():
                    self.stdout.write(f"  {name}: {count:,}")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Demo data at scale {scale} created in {elapsed:.0f} s.")
        )

    def progress(self, message: str) -> None:
        self.stdout.write(f"  … {message}")
        self.stdout.flush()
