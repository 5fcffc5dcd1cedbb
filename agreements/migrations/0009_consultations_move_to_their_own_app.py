"""The written consultations move to their own app (consultations): this app forgets their
models, while their tables, rows and history stay in the database for consultations 0001 to take
over (it renames the tables). Nothing in the database changes here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0008_calendar_feed_tokens'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # Deleting the models alone is enough: their fields go with them, and removing
            # each field first re-rendered every related model (most of a fresh migrate's time).
            state_operations=[
                migrations.DeleteModel(
                    name='HistoricalConsultation',
                ),
                migrations.DeleteModel(
                    name='HistoricalConsultationAnswer',
                ),
                migrations.DeleteModel(
                    name='HistoricalConsultationRound',
                ),
                migrations.DeleteModel(
                    name='HistoricalConsultationRound_countries',
                ),
                migrations.DeleteModel(
                    name='HistoricalConsultationTransition',
                ),
                migrations.DeleteModel(
                    name='HistoricalConsultationVersion',
                ),
                migrations.DeleteModel(
                    name='ConsultationAnswer',
                ),
                migrations.DeleteModel(
                    name='ConsultationTransition',
                ),
                migrations.DeleteModel(
                    name='ConsultationRound',
                ),
                migrations.DeleteModel(
                    name='ConsultationVersion',
                ),
                migrations.DeleteModel(
                    name='Consultation',
                ),
            ],
            database_operations=[],
        ),
    ]
