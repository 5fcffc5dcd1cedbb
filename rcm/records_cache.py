"""Pages kept until the records change.

The dashboard and the matrix take tens of milliseconds to count and draw; read far more often
than the records change, they are kept in the cache under a key made of everything they depend
on: the records' version (which the database raises when a transaction that wrote any record
commits: migration rcm 0006), the day (overdue and stale depend on it), the language, the
reader's access and the address with its filters. A change to any record gives every page a new
key, so nothing kept is ever shown after the records changed; old entries expire on their own.
"""

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from rcm.apps import RECORD_APPS
from rcm.models import Access, access_for

T = TypeVar("T")

# Entries written by another version of the code (a deploy with a shared cache) are never read.
STARTED = time.time_ns()


def watch_record_tables(sender=None, using="default", **kwargs) -> None:
    """Every table of the record apps marks the transactions that write it (post_migrate: new
    tables are watched as soon as they exist)."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if "rcm_records_written" not in existing:
        return  # migrated backwards past rcm 0006
    tables = {
        model._meta.db_table
        for label in RECORD_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.db_table in existing
    }
    with connection.cursor() as cursor:
        # After each flush of the test suite too: only the tables not yet watched.
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'rcm_records_written'"
        )
        watched = {name for (name,) in cursor.fetchall()}
        for table in sorted(set(tables) - watched):
            name = connection.ops.quote_name(table)
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER rcm_records_written AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {name} FOR EACH STATEMENT EXECUTE FUNCTION rcm_records_written()"
            )


def records_version() -> tuple[int, bool]:
    """The records' version, and whether this transaction has written records (its own
    uncommitted rows are in no kept page)."""
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT version, current_setting('rcm.records_written', true) IS NOT DISTINCT FROM '1' "
            "FROM rcm_records_version WHERE id = 1"
        )
        return cursor.fetchone()


def _kept_access(user, version: int, today: str) -> Access:
    """The user's access, kept with the records' version: it is read from the user, their
    roles (rcm_user_groups) and their country's standing, all records."""
    if not getattr(user, "is_authenticated", False) or hasattr(user, "_rcm_access"):
        return access_for(user)
    key = f"rcm:access:{STARTED}:{user.pk}:{version}:{today}"
    access = cache.get(key)
    if access is None:
        access = access_for(user)
        cache.set(key, access, settings.RECORDS_CACHE_SECONDS)
    else:
        # As access_for leaves them for the rest of the request.
        user._rcm_access = access
        user.__dict__["roles"] = access.roles
    return access


def _key(request, name: str, version: int) -> str:
    today = timezone.localdate().isoformat()
    access = _kept_access(request.user, version, today)
    parts = (
        name,
        version,
        STARTED,
        today,
        translation.get_language(),
        access.user_id,
        access.is_ts_staff,
        access.member_country,
        access.observer_country,
        access.observer_organisation,
        tuple(sorted(access.roles)),
        # The scheme and host too: pages and the API's pagination print absolute links.
        request.build_absolute_uri(),
    )
    return "rcm:page:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def kept_value(request, name: str, build: Callable[[], T]) -> T:
    """What `build` gives for this request, from the cache while the records, the day, the
    language, the reader's access and the address are the same."""
    if not settings.RECORDS_CACHE_SECONDS:
        return build()
    version, written_here = records_version()
    if written_here:
        return build()
    key = _key(request, name, version)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.RECORDS_CACHE_SECONDS)
    return value


# A kept page's forms carry this in place of the CSRF token, and each response its reader's own:
# a token is bound to the browser's CSRF cookie, not to the account the page is kept for.
CSRF_PLACEHOLDER = "rcm-kept-csrf-token"


def _render_content(request, content_template: str, context: dict) -> str:
    return render_to_string(
        content_template, {**context, "csrf_token": CSRF_PLACEHOLDER}, request=request
    )


def _with_csrf_token(request, content: str) -> SafeString:
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    # The content was rendered by the templates, kept or not.
    return mark_safe(content)


def kept_page(
    request,
    template: str,
    content_template: str,
    context_of: Callable[[], dict],
    context: dict | None = None,
):
    """`template` around `content_template`, whose rendering is kept until the records change;
    `template` gets it as `content`, with `context` (what is not kept: a title that names no
    record)."""
    content = kept_value(
        request, content_template, lambda: _render_content(request, content_template, context_of())
    )
    return render(
        request, template, {**(context or {}), "content": _with_csrf_token(request, content)}
    )


def kept_titled_page(
    request,
    template: str,
    content_template: str,
    context_of: Callable[[], dict],
    title_of: Callable[[dict], str],
):
    """As kept_page, for a page whose title comes from its records too (a country's name, a
    meeting's): the title is kept with the content; `template` gets both."""

    def parts() -> tuple[str, str]:
        context = context_of()
        return title_of(context), _render_content(request, content_template, context)

    title, content = kept_value(request, content_template, parts)
    return render(
        request, template, {"title": title, "content": _with_csrf_token(request, content)}
    )
