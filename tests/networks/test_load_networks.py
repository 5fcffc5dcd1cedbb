"""The real networks and groups load from fixtures/networks.json (real fixtures: loading tests)."""

import pytest

from networks.models import Network, NetworkMember, NetworkReport, WorkPlan, WorkPlanItem

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def real_records(real_records_for_the_module):
    """The real records, loaded once per worker, for the module's tests (each is rolled back to
    them)."""


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
