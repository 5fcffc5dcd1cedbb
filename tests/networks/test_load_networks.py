"""The real networks and groups load from fixtures/networks.json (real fixtures: loading tests)."""

import shutil

import pytest
from django.core.management import call_command

from networks.models import Network, NetworkMember, NetworkReport, WorkPlan, WorkPlanItem
from rcm.management.commands.load_records import FIXTURES_DIR

pytestmark = pytest.mark.django_db

# networks.json and the files whose records it points at.
NEEDED = [
    "countries.json", "organisations.json", "meetings.json", "themes.json", "agreements.json",
    "networks.json",
]  # fmt: skip


@pytest.fixture
def fixtures_dir(tmp_path):
    for name in NEEDED:
        shutil.copy(FIXTURES_DIR / name, tmp_path / name)
    return tmp_path


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Network, NetworkMember, WorkPlan, WorkPlanItem, NetworkReport)
    }


def test_loading_the_networks_twice_changes_nothing(fixtures_dir):
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    first = counts()
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    assert counts() == first
    assert first["Network"] == 10


def test_the_liaison_networks_were_established_at_the_vi_rcm(fixtures_dir):
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    for acronym in ("LN-CP", "LN-SMTP"):
        network = Network.objects.get(organisation__acronym=acronym)
        assert (network.established_at.ordinal, network.active_since) == (6, 2001)


def test_the_protection_calendar_holds_activities_h_to_n_each_from_its_agreement(fixtures_dir):
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    items = WorkPlanItem.objects.of_network(
        Network.objects.get(organisation__acronym="WG-PROT").pk
    ).order_by("position")
    assert [(item.ref, item.agreement.natural_key()) for item in items] == [
        (f"7.{letter}", (2, "conclusion", f"7.{letter}")) for letter in "hijklmn"
    ]


def test_each_working_group_has_its_part_of_the_2021_calendar(fixtures_dir):
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    letters = {
        acronym: "".join(
            item.ref[-1]
            for item in WorkPlanItem.objects.filter(
                plan__network__organisation__acronym=acronym
            ).order_by("position")
        )
        for acronym in ("WG-LM", "WG-IMM", "WG-PROT", "WG-BM")
    }
    assert letters == {"WG-LM": "abcde", "WG-IMM": "fg", "WG-PROT": "hijklmn", "WG-BM": "opqr"}


def test_every_network_record_names_its_source(fixtures_dir):
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    for model in (Network, NetworkMember, WorkPlan, WorkPlanItem, NetworkReport):
        assert not model.objects.filter(source="").exists(), model.__name__
