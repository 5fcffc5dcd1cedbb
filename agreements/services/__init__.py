"""Workflows on agreements: follow-up, validation, status changes and lineage; one module a
topic, imported from here."""

from agreements.services.feed_tokens import (
    FEED_TOKENS_PER_USER,
    feed_token_authenticate,
    feed_token_create,
    feed_token_revoke,
)
from agreements.services.follow_up import (
    agreements_set_status,
    derived_status,
    followup_accept,
    followup_decision_email,
    followup_edit,
    followup_record,
    followup_return,
    followup_withdraw,
)
from agreements.services.records import (
    actor_code,
    agreement_create,
    agreement_decide_follow_up,
    agreement_link_create,
    agreement_set_actors,
    agreement_sync_country_statuses,
    agreement_update,
    progress,
    resolve_actor_codes,
    status_for_follow_up,
)

__all__ = [
    "derived_status",
    "followup_record",
    "followup_decision_email",
    "followup_accept",
    "followup_return",
    "followup_withdraw",
    "followup_edit",
    "agreements_set_status",
    "agreement_link_create",
    "progress",
    "resolve_actor_codes",
    "actor_code",
    "agreement_set_actors",
    "agreement_create",
    "agreement_update",
    "status_for_follow_up",
    "agreement_sync_country_statuses",
    "agreement_decide_follow_up",
    "FEED_TOKENS_PER_USER",
    "feed_token_create",
    "feed_token_revoke",
    "feed_token_authenticate",
]
