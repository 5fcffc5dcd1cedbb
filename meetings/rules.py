"""Who may change meetings: read by the services and the admin alike, so that each rule is
written once. The predicates take the `Access` of `access_for(user)` and do not query."""

from __future__ import annotations

from rcm.models import Access


def may_confirm_held(access: Access) -> bool:
    """TS staff record whether a planned (or postponed) meeting was held or cancelled."""
    return access.is_ts_staff
