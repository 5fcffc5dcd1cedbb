"""Between transactional tests: empty the tables, and put back the rows the migrations made.

Django's TransactionTestCase empties every table after each test (flush), then sends
post_migrate so that the content types, the permissions and the role groups exist again, built
row by row by each app's handlers: about a tenth of a second of CPU per flush, over a hundred
flushes a run. Here the flush sends nothing; those rows are put back as they were when the
worker's database was ready, one INSERT per table. What post_migrate would rebuild is exactly
that: the flush leaves no other row to rebuild from.

Emptying is also cheaper than Django's flush, which truncates every table of every app (about
125) in one statement: PostgreSQL gives each table and index new files, about half a second a
flush on an idle server, while a test leaves rows in a few tables. Here one query finds the
tables that have rows, and those are emptied with DELETE, triggers and foreign-key checks off for
the transaction (session_replication_role, a superuser's setting: the throwaway server's user is
one), since every table ends empty anyway. On a server where the test user may not do that,
Django's flush runs as before.
"""

from django.core.management import call_command
from django.db import connections, transaction
from django.test import TransactionTestCase

# In the order their foreign keys need (the keys are checked at commit anyway).
MADE_BY_MIGRATIONS = [
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
]

# Database name → table → (columns, rows).
_kept: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}
# Database name → whether the test user is a superuser.
_superuser: dict[str, bool] = {}
_django_teardown = TransactionTestCase._fixture_teardown


def keep_rows_made_by_migrations(alias: str = "default") -> None:
    """Remember the rows of MADE_BY_MIGRATIONS in the database `alias` now uses."""
    connection = connections[alias]
    tables = {}
    with connection.cursor() as cursor:
        for table in MADE_BY_MIGRATIONS:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the list above
            tables[table] = ([column.name for column in cursor.description], cursor.fetchall())
    _kept[connection.settings_dict["NAME"]] = tables


def _put_back(alias: str, tables: dict) -> None:
    from django.contrib.contenttypes.models import ContentType
    from psycopg2.extras import execute_values

    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        for table, (columns, rows) in tables.items():
            if rows:
                names = ", ".join(f'"{column}"' for column in columns)
                execute_values(cursor.cursor, f'INSERT INTO "{table}" ({names}) VALUES %s', rows)
    ContentType.objects.clear_cache()


def _may_turn_triggers_off(alias: str) -> bool:
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    if name not in _superuser:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('is_superuser') = 'on'")
            _superuser[name] = cursor.fetchone()[0]
    return _superuser[name]


def _empty_tables_with_rows(alias: str) -> None:
    connection = connections[alias]
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT FROM {quote(table)})" for table in tables
            ),
            tables,
        )
        for (table,) in cursor.fetchall():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - the apps' own tables


def _fixture_teardown(self):
    if self.available_apps is not None or self.serialized_rollback:
        return _django_teardown(self)
    for alias in self._databases_names(include_mirrors=False):
        tables = _kept.get(connections[alias].settings_dict["NAME"])
        if tables is not None and _may_turn_triggers_off(alias):
            _empty_tables_with_rows(alias)
        else:
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=alias,
                reset_sequences=False,
                inhibit_post_migrate=tables is not None,
            )
        if tables is not None:
            _put_back(alias, tables)
    return None


def put_back_instead_of_post_migrate() -> None:
    TransactionTestCase._fixture_teardown = _fixture_teardown


def post_migrate_as_django_does() -> None:
    TransactionTestCase._fixture_teardown = _django_teardown
