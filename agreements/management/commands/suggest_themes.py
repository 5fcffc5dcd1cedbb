"""Suggest Plan of Action themes for the agreements that carry none (agreements/themes_suggest)."""

from django.core.management.base import BaseCommand

from agreements.themes_suggest import agreements_suggest_themes


class Command(BaseCommand):
    help = (
        "Suggest Plan of Action themes from the text (English and Spanish) for every agreement "
        "that carries none; they stay marked as suggested until TS staff confirm them. Agreements "
        "that already carry themes are left as they are, so running it again changes nothing."
    )

    def handle(self, *args, **options):
        count = agreements_suggest_themes()
        self.stdout.write(
            self.style.SUCCESS(f"Plan of Action themes suggested for {count} agreements.")
        )
