"""Assess every member country for a year from the scale in force; safe to run again."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from finance import services


class Command(BaseCommand):
    help = (
        "Generate the member countries' assessments for a year from the contribution scale in "
        "force. Countries already assessed that year are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The year to assess.")

    def handle(self, *args, year: int, **options):
        try:
            result = services.assessments_generate(year=year)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for assessment in result.created:
            if options["verbosity"] >= 2:
                self.stdout.write(f"  {assessment.country_id}: US${assessment.amount_usd}")
        summary = (
            f"{year}: {len(result.created)} assessments created, {result.existing} already "
            f"there, from the scale “{result.scale}”."
        )
        if result.credit_applied:
            summary += f" US${result.credit_applied} of earlier credit applied."
        self.stdout.write(self.style.SUCCESS(summary))
