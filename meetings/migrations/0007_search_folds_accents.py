# Search folds accents (rcm/search.py): the generated search columns are rebuilt.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import rcm.search
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0006_activities_year_not_stated_and_short_names'),
    ]

    operations = [
        # A generated column cannot be altered: dropped with its index and added again.
        migrations.RemoveIndex(model_name='meeting', name='meeting_search_gin'),
        migrations.RemoveField(model_name='meeting', name='search_vector'),
        migrations.AddField(
            model_name='meeting',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(rcm.search.Folded('name_en'), config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('name_es'), config='spanish', weight='A'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('city'), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('summary'), config='english', weight='C'), django.contrib.postgres.search.SearchConfig('english')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='meeting_search_gin'),
        ),
    ]
