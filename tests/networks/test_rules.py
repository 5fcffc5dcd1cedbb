"""The rules of networks/rules.py, asked directly: who updates items and records meetings."""

import pytest

from networks import rules
from rcm.models import ANONYMOUS, Access, Role
from tests.networks.factories import WorkPlanItemFactory

TS_STAFF = Access(1, True, None, None, None, frozenset({Role.TS_STAFF}))
NETWORK_OFFICER_MX = Access(3, False, "MX", None, None, frozenset({Role.NETWORK_OFFICER}))
OBSERVER_ORG = Access(4, False, None, None, 7, frozenset({Role.OBSERVER}))


@pytest.mark.django_db
def test_an_officer_updates_an_item_its_country_carries_out(mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    assert rules.may_update_item(NETWORK_OFFICER_MX, item)


@pytest.mark.django_db
def test_an_officer_does_not_update_another_countrys_item(guatemala):
    item = WorkPlanItemFactory(countries=[guatemala])
    assert not rules.may_update_item(NETWORK_OFFICER_MX, item)


@pytest.mark.django_db
def test_an_observer_does_not_update_an_item(mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    assert not rules.may_update_item(OBSERVER_ORG, item)


@pytest.mark.django_db
def test_ts_staff_update_any_item():
    assert rules.may_update_item(TS_STAFF, WorkPlanItemFactory())


def test_only_ts_staff_record_the_networks_meetings():
    assert [rules.may_record_network_meeting(a) for a in (TS_STAFF, NETWORK_OFFICER_MX)] == [
        True,
        False,
    ]


def test_the_public_does_not_record_the_networks_meetings():
    assert not rules.may_record_network_meeting(ANONYMOUS)


def test_nobody_adds_or_rewrites_a_progress_update_by_hand():
    assert not rules.may_rewrite_item_update()
