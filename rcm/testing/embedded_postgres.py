"""pytest plugin: give the test run a throwaway PostgreSQL of its own.

Loaded with `-p` so that it runs before pytest-django reads the settings. When DATABASE_URL is
set, the tests use that server (pytest-django creates and drops its own test database there).
Otherwise a fresh server starts in a temporary directory and is deleted when the run ends;
xdist workers inherit its URL from the controller through the environment.
"""

import os
import secrets
import tempfile
from pathlib import Path

from rcm.embedded_postgres import database_url


def _without_durability(url: str) -> None:
    """The throwaway server need not survive a crash: no waiting for the disk on each commit,
    migration and flush (the test run's many CREATE and TRUNCATE statements)."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True  # ALTER SYSTEM runs outside a transaction
    try:
        with connection.cursor() as cursor:
            for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                cursor.execute(f"ALTER SYSTEM SET {setting} = off")
            cursor.execute("SELECT pg_reload_conf()")
    finally:
        connection.close()


if not os.environ.get("DATABASE_URL") and not os.environ.get("PYTEST_XDIST_WORKER"):
    _pgdata = Path(tempfile.mkdtemp(prefix="rcm-test-pg-"))
    os.environ["DATABASE_URL"] = database_url(_pgdata, cleanup_mode="delete")
    _without_durability(os.environ["DATABASE_URL"])

# A test run never uses a real deployment's key, and talks plain HTTP to its own servers.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
