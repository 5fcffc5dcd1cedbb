"""Who may change the networks' records: read by the services, the API, the pages and the
admin alike, so that each rule is written once. The predicates take the `Access` of
`access_for(user)`; only `may_update_item` queries (which countries carry the item out)."""

from __future__ import annotations

from networks.models import WorkPlanItem
from rcm.models import Access


def may_update_item(access: Access, item: WorkPlanItem) -> bool:
    """TS staff update any item; an officer or focal point, the items their country carries out."""
    if access.is_ts_staff:
        return True
    if not access.is_member_delegate:
        return False
    return item.countries.filter(pk=access.member_country).exists()


def may_record_network_meeting(access: Access) -> bool:
    """TS staff record the meetings of the networks and groups."""
    return access.is_ts_staff


def may_rewrite_item_update() -> bool:
    """A progress update is recorded through the workflow (the item follows it) and then
    stands: nobody adds or rewrites one by hand."""
    return False
