"""Who may change the conference's core records: read by the API's permission classes, the
admin and the services alike, so that each rule is written once.

Every predicate takes the `Access` of `access_for(user)`; none queries the database."""

from __future__ import annotations

from rcm.models import Access, may_keep_focal_points

__all__ = [
    "may_change_records",
    "may_keep_focal_points",
    "may_remove_focal_points",
    "may_use_staff_tools",
]


def may_change_records(access: Access) -> bool:
    """The records are written by the Technical Secretariat: TS staff change them, everyone
    else reads what the visibility rules let them see."""
    return access.is_ts_staff


def may_use_staff_tools(access: Access) -> bool:
    """The TS's own tools (queues, imports, bulk changes) are for TS staff only."""
    return access.is_ts_staff


def may_remove_focal_points(access: Access) -> bool:
    """A country's focal points keep their contacts current, but only TS staff remove one
    (the reminders would stop reaching the country)."""
    return access.is_ts_staff
