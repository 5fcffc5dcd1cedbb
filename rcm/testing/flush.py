"""Between transactional tests: empty the tables, and put back the rows the migrations made.

Django's TransactionTestCase empties every table after each test (flush), then sends
post_migrate so that the content types, the permissions and the role groups exist again, built
row by row by each app's handlers: about a tenth of a second of CPU per flush, over a hundred
flushes a run. Here the flush sends nothing; those rows are put back as they were when the
worker's database was ready, one INSERT per table. What post_migrate would rebuild is exactly
that: the flush leaves no other row to rebuild from.
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


def _fixture_teardown(self):
    if self.available_apps is not None or self.serialized_rollback:
        return _django_teardown(self)
    for alias in self._databases_names(include_mirrors=False):
        tables = _kept.get(connections[alias].settings_dict["NAME"])
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
