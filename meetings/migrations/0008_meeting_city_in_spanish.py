# Meetings get their city's Spanish name (city_es) for the Spanish short name and pages, filled
# for the cities the records name whose Spanish name differs: the importer's gazetteer pairs
# (agreements/importer/gazetteer_names.py, PLACES) and the usual Spanish exonyms.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import rcm.search
from django.db import migrations, models

SPANISH_CITIES = {
    "Mexico City": "Ciudad de México",
    "Guatemala City": "Ciudad de Guatemala",
    "Panama City": "Ciudad de Panamá",
    "Belize City": "Ciudad de Belice",
    "Darién and Panama City": "Darién y Ciudad de Panamá",
    "Omoa and San Pedro Sula": "Omoa y San Pedro Sula",
    "New Orleans": "Nueva Orleans",
}


def fill_spanish_cities(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    for english, spanish in SPANISH_CITIES.items():
        Meeting.objects.filter(city=english, city_es="").update(city_es=spanish)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0007_search_folds_accents'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalmeeting',
            name='city_es',
            field=models.CharField(blank=True, help_text='Its Spanish name where it differs: "Ciudad de México" for Mexico City.', max_length=120, verbose_name='city (Spanish)'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='city_es',
            field=models.CharField(blank=True, help_text='Its Spanish name where it differs: "Ciudad de México" for Mexico City.', max_length=120, verbose_name='city (Spanish)'),
        ),
        # A generated column cannot be altered: dropped with its index and added again.
        migrations.RemoveIndex(model_name='meeting', name='meeting_search_gin'),
        migrations.RemoveField(model_name='meeting', name='search_vector'),
        migrations.AddField(
            model_name='meeting',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(rcm.search.Folded('name_en'), config='english', weight='A'), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('name_es'), config='spanish', weight='A'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('city'), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('city_es'), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('english')), '||', django.contrib.postgres.search.SearchVector(rcm.search.Folded('summary'), config='english', weight='C'), django.contrib.postgres.search.SearchConfig('english')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='meeting_search_gin'),
        ),
        migrations.RunPython(fill_spanish_cities, migrations.RunPython.noop),
    ]
