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
