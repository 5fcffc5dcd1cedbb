"""Moves each organisation's observer-since year into its observer statuses, which become the one
record of observer status (the field is removed by the next migration)."""

from django.db import migrations
from django.db.models import Q


def move_observer_since(apps, schema_editor):
    Organisation = apps.get_model("rcm", "Organisation")
    ObserverStatus = apps.get_model("rcm", "ObserverStatus")
    for organisation in Organisation.objects.exclude(observer_since=None):
        year = organisation.observer_since
        statuses = ObserverStatus.objects.filter(organisation=organisation)
        # Already recorded: a status covering the year, or one that begins earlier.
        covering = statuses.filter(
            Q(from_year__lte=year) | Q(from_year__isnull=True, recorded_in__lte=year),
            Q(to_year__isnull=True) | Q(to_year__gte=year),
        )
        if covering.exists() or statuses.filter(from_year__lte=year).exists():
            continue
        # The period runs until the year before a later recorded one begins, so none overlap.
        starts = [
            status.from_year or status.recorded_in
            for status in statuses
            if (status.from_year or status.recorded_in or 0) > year
        ]
        to_year = min(starts) - 1 if starts else None
        ObserverStatus.objects.create(
            organisation=organisation,
            from_year=year,
            to_year=to_year,
            source=organisation.source,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rcm", "0003_observer_status_periods"),
    ]

    operations = [
        migrations.RunPython(move_observer_since, migrations.RunPython.noop),
    ]
