from io import StringIO

import pytest
from django.core.management import call_command

from rcm.models import Role, User

pytestmark = pytest.mark.django_db


def test_local_staff_login_is_created_with_a_password_printed_once():
    first, second = StringIO(), StringIO()
    call_command("ensure_local_staff", stdout=first)
    call_command("ensure_local_staff", stdout=second)
    user = User.objects.get(username="ts-admin")
    password = first.getvalue().split("password ")[1].split()[0]
    assert user.check_password(password)
    assert Role.TS_STAFF in user.roles
    assert password not in second.getvalue()
    assert User.objects.filter(username="ts-admin").count() == 1


def test_each_new_local_staff_login_gets_a_different_password():
    outputs = []
    for username in ("one", "two"):
        out = StringIO()
        call_command("ensure_local_staff", username=username, stdout=out)
        outputs.append(out.getvalue().split("password ")[1].split()[0])
    assert outputs[0] != outputs[1]
