"""The keys of the private calendar feeds."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import (
    FeedToken,
)
from rcm.models import User
from rcm.services import TOKEN_PREFIX_LENGTH, hash_token_key

FEED_TOKENS_PER_USER = 20


@transaction.atomic
def feed_token_create(*, user: User, name: str) -> tuple[FeedToken, str]:
    """A feed token for the user and its key, which is shown once and never stored."""
    if FeedToken.objects.filter(user=user, revoked_at__isnull=True).count() >= (
        FEED_TOKENS_PER_USER
    ):
        raise ValidationError(
            _("You have %(count)d calendar feed tokens; revoke one you no longer use first.")
            % {"count": FEED_TOKENS_PER_USER}
        )
    prefix = secrets.token_hex(TOKEN_PREFIX_LENGTH // 2)
    key = f"{prefix}.{secrets.token_urlsafe(24)}"
    token = FeedToken(user=user, name=name.strip(), prefix=prefix, key_hash=hash_token_key(key))
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def feed_token_revoke(*, token: FeedToken) -> None:
    """The token stops opening the feeds at once; revoking it again changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def feed_token_authenticate(key: str) -> FeedToken | None:
    """The active feed token this key belongs to (with its user), or None; records its last use."""
    prefix, _dot, _secret = key.partition(".")
    token = FeedToken.objects.active().select_related("user").filter(prefix=prefix).first()
    if token is None or not secrets.compare_digest(token.key_hash, hash_token_key(key)):
        return None
    now = timezone.now()
    # Written at most once a minute, and kept out of the history: calendars poll all day.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
        token.skip_history_when_saving = True
        token.save(update_fields=["last_used_at"])
        del token.skip_history_when_saving
    return token
