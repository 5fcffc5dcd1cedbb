"""Who may change agreements and their follow-up: read by the services, the API, the pages and
the admin alike, so that each rule is written once.

The predicates take the `Access` of `access_for(user)`; only `may_post_follow_up` queries (which
countries the agreement names as responsible)."""

from __future__ import annotations

from agreements.models import Agreement, FollowUp
from rcm.models import Access, Country, Role


def may_post_follow_up(access: Access, agreement: Agreement, country: Country | None) -> bool:
    """TS staff update anything; a focal point updates what its own country is responsible for."""
    if access.is_ts_staff:
        return True
    if not access.is_member_delegate or Role.FOCAL_POINT not in access.roles:
        return False
    if country is not None and country.pk != access.member_country:
        return False
    return agreement.country_links.filter(
        country_id=access.member_country, responsible=True
    ).exists()


def may_validate(access: Access) -> bool:
    """TS staff accept or send back the focal points' updates (the validation queue)."""
    return access.is_ts_staff


def needs_validation(access: Access) -> bool:
    """A focal point's update awaits the TS's validation; TS staff's takes effect at once (and
    speaks for any country, where a focal point speaks for its own)."""
    return not access.is_ts_staff


def may_change_update(user, follow_up: FollowUp) -> bool:
    """Only the author of an update withdraws or changes it (while it awaits the TS)."""
    return follow_up.author_id is not None and follow_up.author_id == getattr(user, "pk", None)


def may_rewrite_follow_up() -> bool:
    """An update is a record of what someone said: nobody rewrites it, it is only reviewed."""
    return False


def may_curate(access: Access) -> bool:
    """TS staff keep the record of the agreements themselves: statuses in bulk, whether an item
    is followed up, lineage and Plan of Action themes."""
    return access.is_ts_staff
