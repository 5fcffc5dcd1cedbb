"""The real records load from fixtures/ (the only tests that use the real fixtures)."""

import datetime
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Meeting, Participation
from rcm.management.commands.load_records import FIXTURES_DIR
from rcm.models import Country, FocalPoint, Organisation, Presidency

pytestmark = pytest.mark.django_db


def record_counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Country, Organisation, Presidency, FocalPoint, Meeting, Participation)
    }


@pytest.fixture(scope="class")
def real_records(real_records_for_the_class):
    """The real records, loaded once per worker, for the class's tests (each is rolled back to
    them)."""


@pytest.mark.usefixtures("real_records")
class TestTheLoadedRealRecords:
    # A class, so that the tests below it, which need an empty database, never see these rows.

    def test_loading_the_real_records_twice_changes_nothing(self):
        first = record_counts()
        call_command("load_records", verbosity=0)
        assert record_counts() == first
        assert first["Country"] >= 16

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
