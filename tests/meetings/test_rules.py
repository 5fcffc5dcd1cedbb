"""The rules of meetings/rules.py, asked directly."""

from meetings import rules
from rcm.models import ANONYMOUS, Access, Role

TS_STAFF = Access(1, True, None, None, None, frozenset({Role.TS_STAFF}))
FOCAL_POINT_MX = Access(2, False, "MX", None, None, frozenset({Role.FOCAL_POINT}))


def test_ts_staff_confirm_that_a_meeting_was_held():
    assert rules.may_confirm_held(TS_STAFF)


def test_a_focal_point_does_not_confirm_that_a_meeting_was_held():
    assert not rules.may_confirm_held(FOCAL_POINT_MX)


def test_the_public_does_not_confirm_that_a_meeting_was_held():
    assert not rules.may_confirm_held(ANONYMOUS)
