"""The written consultations' models, moved from the agreements app without losing a row.

Their tables were created by agreements 0003. This migration takes the models over in Django's
state as they are (SeparateDatabaseAndState, nothing created), moves their content types (so that
permissions given to groups and the admin's log follow them), then renames the tables, the
historical ones and the rounds' countries with them, from agreements_* to consultations_*.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


# The models whose content type moves, by their lower-case names.
MODELS = [
    "consultation",
    "consultationround",
    "consultationanswer",
    "consultationtransition",
    "consultationversion",
    "historicalconsultation",
    "historicalconsultationanswer",
    "historicalconsultationround",
    "historicalconsultationround_countries",
    "historicalconsultationtransition",
    "historicalconsultationversion",
]


def move_content_types(source: str, target: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        for model in MODELS:
            moving = content_types.filter(app_label=source, model=model).first()
            if moving is None:
                continue
            # A content type the target app got in the meantime (post_migrate makes one for a new
            # model) holds nothing yet: the moving one keeps its permissions and log entries.
            content_types.filter(app_label=target, model=model).delete()
            moving.app_label = target
            moving.save(update_fields=["app_label"])

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('agreements', '0009_consultations_move_to_their_own_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('meetings', '0005_index_for_the_list_order'),
        ('rcm', '0002_role_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Consultation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('subject', models.CharField(max_length=300, verbose_name='subject')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, verbose_name='state')),
                        ('visibility', models.CharField(choices=[('members', 'Members only'), ('public', 'Public')], default='members', help_text='Public: anyone may read the outcome once the members agreed.', max_length=10, verbose_name='visibility')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='drafted')),
                        ('agreement', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation', to='agreements.agreement', verbose_name='resulting agreement')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultations_created', to=settings.AUTH_USER_MODEL, verbose_name='drafted by')),
                        ('earlier_agreement', models.ForeignKey(blank=True, help_text='An earlier agreement this consultation acts on; the outcome links to it.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultations_following_up', to='agreements.agreement', verbose_name='follows up')),
                        ('meeting', models.OneToOneField(blank=True, help_text='The written consultation as a meeting, once the members agreed.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation', to='meetings.meeting', verbose_name='meeting of record')),
                        ('presidency', models.ForeignKey(help_text='The presidency in office when the consultation was drafted.', on_delete=django.db.models.deletion.PROTECT, related_name='consultations', to='rcm.presidency', verbose_name='proposing Presidency Pro-Tempore')),
                    ],
                    options={
                        'db_table': 'agreements_consultation',
                        'verbose_name': 'written consultation',
                        'verbose_name_plural': 'written consultations',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['state'], name='consultation_state')],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('state__in', ('agreed', 'launched', 'result_reported')), _negated=True), models.Q(('agreement__isnull', False), ('meeting__isnull', False)), _connector='OR'), name='agreed_consultation_has_its_outcome', violation_error_message='An agreed consultation has its meeting and agreement of record.'), models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'troika_review', 'members_round', 'amended', 'agreed', 'launched', 'result_reported', 'withdrawn'])), name='consultation_state_is_known'), models.CheckConstraint(condition=models.Q(('visibility__in', ['members', 'public'])), name='consultation_is_public_or_for_members', violation_error_message='A consultation is public or for members only.')],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('troika', 'Troika review'), ('members', "Members' round")], max_length=10, verbose_name='kind')),
                        ('number', models.PositiveSmallIntegerField(help_text="Members' rounds are numbered 1, 2, … as the text is amended.", verbose_name='round')),
                        ('opened_at', models.DateTimeField(verbose_name='opened')),
                        ('deadline', models.DateField(help_text="The fifth working day counted from the day after opening, in the PPT's country.", verbose_name='deadline')),
                        ('time_zone', models.CharField(help_text="The PPT's, in which the deadline day ends.", max_length=64, verbose_name='time zone')),
                        ('closes_at', models.DateTimeField(help_text='The end of the deadline day.', verbose_name='closes')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rounds', to='consultations.consultation')),
                        ('countries', models.ManyToManyField(help_text='The Troika, or the member countries on the day the round opened.', related_name='consultation_rounds', to='rcm.country', verbose_name='countries asked')),
                        ('opened_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation_rounds_opened', to=settings.AUTH_USER_MODEL, verbose_name='opened by')),
                    ],
                    options={
                        'db_table': 'agreements_consultationround',
                        'verbose_name': 'consultation round',
                        'verbose_name_plural': 'consultation rounds',
                        'ordering': ['consultation', 'opened_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationAnswer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('answer', models.CharField(choices=[('agree', 'Agrees'), ('propose_changes', 'Proposes changes'), ('object', 'Objects'), ('no_answer', 'No answer by the deadline')], max_length=20, verbose_name='answer')),
                        ('text', models.TextField(blank=True, help_text='Required when the country proposes changes.', verbose_name='proposed changes or reasons')),
                        ('answered_at', models.DateTimeField(verbose_name='answered')),
                        ('answered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation_answers', to=settings.AUTH_USER_MODEL, verbose_name='answered by')),
                        ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='consultation_answers', to='rcm.country')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='consultations.consultationround')),
                    ],
                    options={
                        'db_table': 'agreements_consultationanswer',
                        'verbose_name': 'consultation answer',
                        'verbose_name_plural': 'consultation answers',
                        'ordering': ['round', 'country'],
                        'constraints': [models.UniqueConstraint(fields=('round', 'country'), name='one_answer_per_country_and_round', violation_error_message='The country already answered in this round.'), models.CheckConstraint(condition=models.Q(models.Q(('answer', 'propose_changes'), _negated=True), models.Q(('text', ''), _negated=True), _connector='OR'), name='proposed_changes_come_with_text', violation_error_message='Write the changes the country proposes.'), models.CheckConstraint(condition=models.Q(models.Q(('answer', 'no_answer'), ('answered_by__isnull', True)), models.Q(models.Q(('answer', 'no_answer'), _negated=True), ('answered_by__isnull', False)), _connector='OR'), name='a_person_gives_every_answer_but_none', violation_error_message='An answer is given by a person; only a missing answer has nobody.'), models.CheckConstraint(condition=models.Q(('answer__in', ['agree', 'propose_changes', 'object', 'no_answer'])), name='consultation_answer_is_known')],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationTransition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_state', models.CharField(blank=True, choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='from')),
                        ('to_state', models.CharField(choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='to')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation_transitions', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='consultations.consultation')),
                        ('round', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='transitions', to='consultations.consultationround', verbose_name='round opened')),
                    ],
                    options={
                        'db_table': 'agreements_consultationtransition',
                        'verbose_name': 'consultation transition',
                        'verbose_name_plural': 'consultation transitions',
                        'ordering': ['consultation', 'at', 'pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('from_state', models.F('to_state')), _negated=True), name='a_transition_changes_the_state')],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='version')),
                        ('text_en', models.TextField(verbose_name='text (English)')),
                        ('text_es', models.TextField(blank=True, verbose_name='text (Spanish)')),
                        ('note', models.CharField(blank=True, help_text='For an amended text.', max_length=500, verbose_name='what changed')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written')),
                        ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='consultations.consultation')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='consultation_versions', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                    ],
                    options={
                        'db_table': 'agreements_consultationversion',
                        'verbose_name': 'consultation text version',
                        'verbose_name_plural': 'consultation text versions',
                        'ordering': ['consultation', 'number'],
                        'constraints': [models.UniqueConstraint(fields=('consultation', 'number'), name='one_consultation_version_per_number', violation_error_message='The consultation already has a version so numbered.'), models.CheckConstraint(condition=models.Q(('number__gte', 1)), name='consultation_versions_count_from_one'), models.CheckConstraint(condition=models.Q(('text_en', ''), _negated=True), name='consultation_version_has_text', violation_error_message='A version of the text cannot be empty.')],
                    },
                ),
                migrations.AddField(
                    model_name='consultationround',
                    name='version',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rounds', to='consultations.consultationversion', verbose_name='version of the text'),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultation',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('subject', models.CharField(max_length=300, verbose_name='subject')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, verbose_name='state')),
                        ('visibility', models.CharField(choices=[('members', 'Members only'), ('public', 'Public')], default='members', help_text='Public: anyone may read the outcome once the members agreed.', max_length=10, verbose_name='visibility')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='drafted')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('agreement', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement', verbose_name='resulting agreement')),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='drafted by')),
                        ('earlier_agreement', models.ForeignKey(blank=True, db_constraint=False, help_text='An earlier agreement this consultation acts on; the outcome links to it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agreements.agreement', verbose_name='follows up')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('meeting', models.ForeignKey(blank=True, db_constraint=False, help_text='The written consultation as a meeting, once the members agreed.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meetings.meeting', verbose_name='meeting of record')),
                        ('presidency', models.ForeignKey(blank=True, db_constraint=False, help_text='The presidency in office when the consultation was drafted.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rcm.presidency', verbose_name='proposing Presidency Pro-Tempore')),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultation',
                        'verbose_name': 'historical written consultation',
                        'verbose_name_plural': 'historical written consultations',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationAnswer',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('answer', models.CharField(choices=[('agree', 'Agrees'), ('propose_changes', 'Proposes changes'), ('object', 'Objects'), ('no_answer', 'No answer by the deadline')], max_length=20, verbose_name='answer')),
                        ('text', models.TextField(blank=True, help_text='Required when the country proposes changes.', verbose_name='proposed changes or reasons')),
                        ('answered_at', models.DateTimeField(verbose_name='answered')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('answered_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='answered by')),
                        ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rcm.country')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('round', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultationround')),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultationanswer',
                        'verbose_name': 'historical consultation answer',
                        'verbose_name_plural': 'historical consultation answers',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationRound',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('troika', 'Troika review'), ('members', "Members' round")], max_length=10, verbose_name='kind')),
                        ('number', models.PositiveSmallIntegerField(help_text="Members' rounds are numbered 1, 2, … as the text is amended.", verbose_name='round')),
                        ('opened_at', models.DateTimeField(verbose_name='opened')),
                        ('deadline', models.DateField(help_text="The fifth working day counted from the day after opening, in the PPT's country.", verbose_name='deadline')),
                        ('time_zone', models.CharField(help_text="The PPT's, in which the deadline day ends.", max_length=64, verbose_name='time zone')),
                        ('closes_at', models.DateTimeField(help_text='The end of the deadline day.', verbose_name='closes')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('consultation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultation')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('opened_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='opened by')),
                        ('version', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultationversion', verbose_name='version of the text')),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultationround',
                        'verbose_name': 'historical consultation round',
                        'verbose_name_plural': 'historical consultation rounds',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationRound_countries',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('consultationround', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultationround')),
                        ('country', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='rcm.country')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='consultations.historicalconsultationround')),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultationround_countries',
                        'verbose_name': 'HistoricalConsultationRound_countries',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationTransition',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('from_state', models.CharField(blank=True, choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='from')),
                        ('to_state', models.CharField(choices=[('draft', 'Draft'), ('troika_review', 'Troika review'), ('members_round', "Members' round"), ('amended', 'Amended'), ('agreed', 'Agreed'), ('launched', 'Launched'), ('result_reported', 'Result reported'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='to')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('consultation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultation')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('round', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultationround', verbose_name='round opened')),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultationtransition',
                        'verbose_name': 'historical consultation transition',
                        'verbose_name_plural': 'historical consultation transitions',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationVersion',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='version')),
                        ('text_en', models.TextField(verbose_name='text (English)')),
                        ('text_es', models.TextField(blank=True, verbose_name='text (Spanish)')),
                        ('note', models.CharField(blank=True, help_text='For an amended text.', max_length=500, verbose_name='what changed')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('consultation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='consultations.consultation')),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'agreements_historicalconsultationversion',
                        'verbose_name': 'historical consultation text version',
                        'verbose_name_plural': 'historical consultation text versions',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddIndex(
                    model_name='consultationround',
                    index=models.Index(fields=['closed_at', 'closes_at'], name='consultation_round_open'),
                ),
                migrations.AddConstraint(
                    model_name='consultationround',
                    constraint=models.UniqueConstraint(fields=('consultation', 'kind', 'number'), name='one_consultation_round_per_number'),
                ),
                migrations.AddConstraint(
                    model_name='consultationround',
                    constraint=models.UniqueConstraint(condition=models.Q(('closed_at__isnull', True)), fields=('consultation',), name='one_open_round_per_consultation', violation_error_message='The consultation already has an open round.'),
                ),
                migrations.AddConstraint(
                    model_name='consultationround',
                    constraint=models.CheckConstraint(condition=models.Q(('number__gte', 1)), name='consultation_rounds_count_from_one'),
                ),
                migrations.AddConstraint(
                    model_name='consultationround',
                    constraint=models.CheckConstraint(condition=models.Q(('closes_at__gt', models.F('opened_at'))), name='consultation_round_closes_after_it_opens'),
                ),
                migrations.AddConstraint(
                    model_name='consultationround',
                    constraint=models.CheckConstraint(condition=models.Q(('closed_at__isnull', True), ('closed_at__gte', models.F('opened_at')), _connector='OR'), name='consultation_round_is_closed_after_it_opens'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types("agreements", "consultations"),
            move_content_types("consultations", "agreements"),
        ),
        migrations.AlterModelTable(name='consultation', table=None),
        migrations.AlterModelTable(name='consultationround', table=None),
        migrations.AlterModelTable(name='consultationanswer', table=None),
        migrations.AlterModelTable(name='consultationtransition', table=None),
        migrations.AlterModelTable(name='consultationversion', table=None),
        migrations.AlterModelTable(name='historicalconsultation', table=None),
        migrations.AlterModelTable(name='historicalconsultationanswer', table=None),
        migrations.AlterModelTable(name='historicalconsultationround', table=None),
        migrations.AlterModelTable(name='historicalconsultationround_countries', table=None),
        migrations.AlterModelTable(name='historicalconsultationtransition', table=None),
        migrations.AlterModelTable(name='historicalconsultationversion', table=None),
    ]
