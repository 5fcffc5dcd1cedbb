"""Workflows of the conference core."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from rcm.models import APIToken, User

TOKEN_PREFIX_LENGTH = 8


def hash_token_key(key: str) -> str:
    # Tokens are long random strings, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, expires_at=None) -> tuple[APIToken, str]:
    """Create a token and return it with its key, which is shown once and never stored."""
    prefix = secrets.token_hex(TOKEN_PREFIX_LENGTH // 2)
    key = f"{prefix}.{secrets.token_urlsafe(32)}"
    token = APIToken(
        user=user, name=name, prefix=prefix, key_hash=hash_token_key(key), expires_at=expires_at
    )
    token.full_clean()
    token.save()
    return token, key


def api_token_authenticate(key: str) -> APIToken | None:
    """The active token this key belongs to, or None; records when it was last used."""
    prefix, _, _secret = key.partition(".")
    token = APIToken.objects.active().select_related("user").filter(prefix=prefix).first()
    if token is None or not secrets.compare_digest(token.key_hash, hash_token_key(key)):
        return None
    now = timezone.now()
    # Written at most once a minute: a busy client should not turn every read into a write.
    # last_used_at is left out of the token's history, so this update bypasses nothing.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


@transaction.atomic
def user_deactivate(*, user: User) -> None:
    """Switch a user off: their sessions end and their API tokens stop working."""
    from django.contrib.sessions.models import Session

    user.is_active = False
    user.save(update_fields=["is_active"])
    for token in APIToken.objects.filter(user=user, revoked_at__isnull=True):
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
