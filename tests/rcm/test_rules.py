"""The rules of rcm/rules.py, asked directly: who changes the core records and focal points."""

from rcm import rules
from rcm.models import ANONYMOUS, Access, Role

TS_STAFF = Access(1, True, None, None, None, frozenset({Role.TS_STAFF}))
FOCAL_POINT_MX = Access(2, False, "MX", None, None, frozenset({Role.FOCAL_POINT}))
NETWORK_OFFICER_MX = Access(3, False, "MX", None, None, frozenset({Role.NETWORK_OFFICER}))
OBSERVER_ORG = Access(4, False, None, None, 7, frozenset({Role.OBSERVER}))


def test_ts_staff_change_the_records():
    assert rules.may_change_records(TS_STAFF)


def test_a_focal_point_does_not_change_the_records():
    assert not rules.may_change_records(FOCAL_POINT_MX)


def test_the_public_does_not_change_the_records():
    assert not rules.may_change_records(ANONYMOUS)


def test_only_ts_staff_use_the_staff_tools():
    assert [rules.may_use_staff_tools(a) for a in (TS_STAFF, FOCAL_POINT_MX, OBSERVER_ORG)] == [
        True,
        False,
        False,
    ]


def test_a_focal_point_keeps_its_own_countrys_focal_points():
    assert rules.may_keep_focal_points(FOCAL_POINT_MX, "MX")


def test_a_focal_point_does_not_keep_another_countrys_focal_points():
    assert not rules.may_keep_focal_points(FOCAL_POINT_MX, "GT")


def test_a_network_officer_does_not_keep_focal_points():
    assert not rules.may_keep_focal_points(NETWORK_OFFICER_MX, "MX")


def test_ts_staff_keep_any_countrys_focal_points():
    assert rules.may_keep_focal_points(TS_STAFF, "GT")


def test_only_ts_staff_remove_a_focal_point():
    assert rules.may_remove_focal_points(TS_STAFF)
    assert not rules.may_remove_focal_points(FOCAL_POINT_MX)
