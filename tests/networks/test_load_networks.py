"""The real networks and groups load from fixtures/networks.json (real fixtures: loading tests)."""

import shutil

import pytest
from django.core.management import call_command

from networks.models import Network, NetworkMember, NetworkReport, WorkPlan, WorkPlanItem
from rcm.management.commands.load_records import FIXTURES_DIR
from rcm.testing.shared_rows import built_once

pytestmark = pytest.mark.django_db

# networks.json and the files whose records it points at.
NEEDED = [
    "countries.json", "organisations.json", "meetings.json", "themes.json", "agreements.json",
    "networks.json",
]  # fmt: skip


@pytest.fixture(scope="module")
def fixtures_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("fixtures")
    for name in NEEDED:
        shutil.copy(FIXTURES_DIR / name, path / name)
    return path


@pytest.fixture(scope="module", autouse=True)
def real_networks(fixtures_dir, django_db_setup, django_db_blocker):
    """The networks' records, loaded once for the module's tests (each is rolled back to them)."""
    yield from built_once(
        django_db_blocker,
        lambda: call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0),
    )


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Network, NetworkMember, WorkPlan, WorkPlanItem, NetworkReport)
    }


def test_loading_the_networks_twice_changes_nothing(fixtures_dir):
    first = counts()
    call_command("load_records", fixtures_dir=fixtures_dir, verbosity=0)
    assert counts() == first
    assert first["Network"] == 10


def test_the_liaison_networks_were_established_at_the_vi_rcm():
    for acronym in ("LN-CP", "LN-SMTP"):
        network = Network.objects.get(organisation__acronym=acronym)
        assert (network.established_at.ordinal, network.active_since) == (6, 2001)


def test_the_protection_calendar_holds_activities_h_to_n_each_from_its_agreement():
    items = WorkPlanItem.objects.of_network(
        Network.objects.get(organisation__acronym="WG-PROT").pk
    ).order_by("position")
    assert [(item.ref, item.agreement.natural_key()) for item in items] == [
        (f"7.{letter}", (2, "conclusion", f"7.{letter}")) for letter in "hijklmn"
    ]


def test_each_working_group_has_its_part_of_the_2021_calendar():
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


def test_every_network_record_names_its_source():
    for model in (Network, NetworkMember, WorkPlan, WorkPlanItem, NetworkReport):
        assert not model.objects.filter(source="").exists(), model.__name__
