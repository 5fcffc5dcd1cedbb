"""The admin's agreements list marks the overdue rows in words, and nothing on the others."""

import datetime

import pytest

from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_the_admin_marks_only_overdue_agreements_and_no_row_with_a_red_cross(client, ts_staff):
    AgreementFactory(deadline=datetime.date(2014, 6, 30))
    AgreementFactory(deadline=datetime.date(2099, 6, 30))
    ts_staff.is_staff = True
    ts_staff.save()
    client.force_login(ts_staff)
    html = client.get("/admin/agreements/agreement/").content.decode()
    assert "Past its deadline" in html
    assert html.count('<strong class="status-overdue">Overdue</strong>') == 1
    assert "icon-no.svg" not in html
