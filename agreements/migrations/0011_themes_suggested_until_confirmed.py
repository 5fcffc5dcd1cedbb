"""Agreement themes get a through model, AgreementTheme, on the same table, with `suggested`:
themes suggested from the text stay marked until TS staff confirm them. Existing links are
confirmed ones (someone chose them). The audit history's table of theme changes is renamed, not
recreated, so it keeps what it holds."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0010_recommendations_addressed_to_a_body_and_withdrawn_updates"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The plain many-to-many's table is the through model's: no change in the database.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AgreementTheme",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "agreement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="theme_links",
                                to="agreements.agreement",
                            ),
                        ),
                        (
                            "theme",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="agreement_links",
                                to="agreements.theme",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "theme of an agreement",
                        "verbose_name_plural": "themes of agreements",
                        "db_table": "agreements_agreement_themes",
                        "ordering": ["agreement", "theme"],
                        "unique_together": {("agreement", "theme")},
                    },
                ),
                migrations.AlterField(
                    model_name="agreement",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="agreements",
                        through="agreements.AgreementTheme",
                        to="agreements.theme",
                        verbose_name="Plan of Action themes",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="agreementtheme",
            name="suggested",
            field=models.BooleanField(
                default=False,
                help_text="Suggested from the text; TS staff have not confirmed it yet.",
                verbose_name="suggested",
            ),
        ),
        migrations.RenameModel(
            old_name="HistoricalAgreement_themes", new_name="HistoricalAgreementTheme"
        ),
        migrations.AlterModelOptions(
            name="historicalagreementtheme",
            options={"verbose_name": "HistoricalAgreementTheme"},
        ),
        migrations.AddField(
            model_name="historicalagreementtheme",
            name="suggested",
            field=models.BooleanField(
                default=False,
                help_text="Suggested from the text; TS staff have not confirmed it yet.",
                verbose_name="suggested",
            ),
        ),
        migrations.AlterField(
            model_name="historicalagreementtheme",
            name="agreement",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="agreements.agreement",
            ),
        ),
        migrations.AlterField(
            model_name="historicalagreementtheme",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="agreements.theme",
            ),
        ),
    ]
