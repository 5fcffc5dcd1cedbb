from django.db import migrations
from django.utils import timezone

from agreements.models.agreements import follow_up_as_written

# At most the history's 100 characters.
REASON = "No follow-up: a decision taken at the meeting that gives no one a task."


def decisions_at_the_meeting(apps, schema_editor):
    """An item whose only act is a decision taken at the meeting asks nothing of anyone: the open
    ones go to "no follow-up", as the loaded records' first status would now be (0006 did the
    same the other way). Left alone: an item TS staff decided on (follow_up_override), one that
    anyone has posted a follow-up update on, or one moved from its first status; a responsible
    country's part only while it is still the untouched "open" it started as."""
    Agreement = apps.get_model("agreements", "Agreement")
    AgreementCountry = apps.get_model("agreements", "AgreementCountry")
    HistoricalAgreement = apps.get_model("agreements", "HistoricalAgreement")
    candidates = Agreement.objects.filter(
        status="open",
        status_changed_at__isnull=True,
        follow_up_override="",
        follow_ups__isnull=True,
    ).exclude(country_links__status_changed_at__isnull=False)
    closed = [
        agreement
        for agreement in candidates.distinct().iterator()
        if not follow_up_as_written(agreement.action, agreement.text_en, agreement.text_es)
    ]
    if not closed:
        return
    pks = [agreement.pk for agreement in closed]
    Agreement.objects.filter(pk__in=pks).update(status="no_follow_up")
    AgreementCountry.objects.filter(
        agreement_id__in=pks, responsible=True, status="open", status_changed_at__isnull=True
    ).update(status="")
    # The audit history says when and why each one changed.
    now = timezone.now()
    names = [
        field.attname
        for field in HistoricalAgreement._meta.concrete_fields
        if not field.name.startswith("history_")
    ]
    for agreement in Agreement.objects.filter(pk__in=pks):
        HistoricalAgreement.objects.create(
            **{name: getattr(agreement, name) for name in names},
            history_date=now,
            history_type="~",
            history_change_reason=REASON,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0016_reported_at_by_statement"),
    ]

    operations = [migrations.RunPython(decisions_at_the_meeting, migrations.RunPython.noop)]
