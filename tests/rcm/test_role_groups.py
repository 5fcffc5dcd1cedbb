"""The role groups and the TS staff's permissions, as migrate and flush leave them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rcm.apps import RECORD_APPS
from rcm.models import Role


def record_permissions() -> set[int]:
    return set(
        Permission.objects.filter(content_type__app_label__in=RECORD_APPS).values_list(
            "pk", flat=True
        )
    )


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_every_role_group_exists_and_ts_staff_hold_every_record_permission():
    call_command("flush", verbosity=0, interactive=False)

    assert set(Group.objects.values_list("name", flat=True)) == {role.value for role in Role}
    ts_staff = Group.objects.get(name=Role.TS_STAFF.value)
    assert set(ts_staff.permissions.values_list("pk", flat=True)) == record_permissions()
    assert record_permissions()


@pytest.mark.django_db(transaction=True)
def test_a_flush_grants_the_ts_staff_permissions_once_not_once_per_app():
    with CaptureQueriesContext(connection) as queries:
        call_command("flush", verbosity=0, interactive=False)

    groups_read = [q for q in queries.captured_queries if 'FROM "auth_group"' in q["sql"]]
    assert 0 < len(groups_read) <= len(Role) + 1


def rows_made_by_migrations() -> dict:
    from rcm.testing.flush import MADE_BY_MIGRATIONS

    tables = {}
    with connection.cursor() as cursor:
        for table in MADE_BY_MIGRATIONS:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608
            tables[table] = cursor.fetchall()
    return tables


@pytest.mark.django_db(transaction=True)
def test_between_transactional_tests_the_rows_the_migrations_made_are_put_back_as_they_were():
    from django.test import TransactionTestCase

    before = rows_made_by_migrations()
    Group.objects.create(name="A group of the test's own")
    Group.objects.get(name=Role.TS_STAFF.value).permissions.clear()
    Permission.objects.filter(codename__startswith="view_").delete()

    TransactionTestCase()._fixture_teardown()

    assert rows_made_by_migrations() == before
    assert before["auth_permission"] and before["auth_group_permissions"]
