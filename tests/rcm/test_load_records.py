"""The real records load from fixtures/ (the only tests that use the real fixtures)."""

import datetime
import json
import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from meetings.models import Meeting, Participation
from rcm.apps import RECORD_APPS
from rcm.management.commands.load_records import FIXTURES_DIR
from rcm.models import Country, FocalPoint, Organisation, Presidency
from rcm.testing.shared_rows import built_once

pytestmark = pytest.mark.django_db


def record_counts(*, history: bool) -> dict:
    """Rows of every model of the record apps: the records themselves, or their history."""
    return {
        model._meta.label: model.objects.count()
        for app_label in RECORD_APPS
        for model in apps.get_app_config(app_label).get_models()
        if model._meta.label.split(".")[1].startswith("Historical") == history
    }


def load_again() -> dict:
    first = {"records": record_counts(history=False), "history": record_counts(history=True)}
    call_command("load_records", verbosity=0)
    return first


@pytest.fixture(scope="class")
def loaded_twice(real_records_for_the_class, django_db_blocker):
    """The real records loaded a second time over the worker's first load (one load for every
    app's check: each takes about ten seconds); the counts before it."""
    yield from built_once(django_db_blocker, load_again)


class TestLoadingTheRealRecordsAgain:
    def test_a_second_load_changes_no_record_of_any_app(self, loaded_twice):
        assert record_counts(history=False) == loaded_twice["records"]
        assert loaded_twice["records"]["rcm.Country"] >= 16
        assert loaded_twice["records"]["finance.BudgetCategory"] == 6
        assert loaded_twice["records"]["networks.Network"] == 10

    def test_a_second_load_writes_no_history_entry(self, loaded_twice):
        assert record_counts(history=True) == loaded_twice["history"]
        entries = list(Country.objects.get(code="MX").history.all())
        assert len(entries) == 1
        assert entries[0].history_change_reason == "Loaded from fixtures/countries.json"


@pytest.fixture(scope="class")
def real_records(real_records_for_the_class):
    """The real records, loaded once per worker, for the class's tests (each is rolled back to
    them)."""


@pytest.mark.usefixtures("real_records")
class TestTheLoadedRealRecords:
    # A class, so that the tests below it, which need an empty database, never see these rows.

    def test_the_real_records_hold_eleven_members_and_five_observer_states(self):
        assert Country.objects.members().count() == 11
        assert Country.objects.observers().count() == 5

    def test_the_2009_presidency_is_guatemala_on_migration_and_development(self):
        presidency = Presidency.objects.get(year=2009)
        assert presidency.country.name_en == "Guatemala"
        assert presidency.theme_en == "Migration and Development"

    def test_the_troika_in_june_2013_is_panama_costa_rica_nicaragua(self):
        troika = Presidency.objects.troika(datetime.date(2013, 6, 1))
        assert [p.country.name_en for p in troika] == ["Panama", "Costa Rica", "Nicaragua"]

    def test_every_real_record_names_its_source(self):
        for model in (Country, Organisation, Presidency, FocalPoint, Meeting, Participation):
            assert not model.objects.filter(source="").exists(), model.__name__


def copy_fixtures(tmp_path, names):
    for name in names:
        shutil.copy(FIXTURES_DIR / name, tmp_path / name)


def test_an_unknown_country_code_in_a_fixture_is_refused_and_nothing_is_loaded(tmp_path):
    copy_fixtures(tmp_path, ["countries.json", "organisations.json"])
    meetings = json.loads((FIXTURES_DIR / "meetings.json").read_text())
    meetings = [row for row in meetings if row["model"] == "meetings.meeting"][:3]
    meetings[0]["fields"]["country"] = "XX"
    (tmp_path / "meetings.json").write_text(json.dumps(meetings))
    with pytest.raises(CommandError, match="XX"):
        call_command("load_records", fixtures_dir=tmp_path, verbosity=0)
    assert Country.objects.count() == 0
    assert Meeting.objects.count() == 0


def test_a_fixture_row_that_breaks_a_rule_is_refused_with_its_reason(tmp_path):
    copy_fixtures(tmp_path, ["countries.json", "organisations.json"])
    presidencies = [
        {"model": "rcm.presidency", "pk": 2009, "fields": {"year": 2009, "country": "AR",
         "theme_en": "", "theme_es": "", "starts_on": None, "ends_on": None, "source": "test"}}
    ]  # fmt: skip
    (tmp_path / "presidencies.json").write_text(json.dumps(presidencies))
    with pytest.raises(CommandError, match="Only a member country can hold"):
        call_command("load_records", fixtures_dir=tmp_path, verbosity=0)
    assert Presidency.objects.count() == 0
