"""The admin's lists say things in words where a tick or a cross would be misread."""

import datetime

import pytest

from rcm.services import api_token_create
from tests.networks.factories import WorkPlanItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, ts_staff):
    ts_staff.is_staff = True
    ts_staff.save()
    client.force_login(ts_staff)
    return client


def test_the_work_plan_items_list_marks_only_overdue_items_in_words(admin_client):
    WorkPlanItemFactory(deadline=datetime.date(2014, 6, 30))
    WorkPlanItemFactory(deadline=datetime.date(2099, 6, 30))
    html = admin_client.get("/admin/networks/workplanitem/").content.decode()
    assert html.count('<strong class="status-overdue">Overdue</strong>') == 1
    assert "icon-no.svg" not in html


def test_the_api_keys_list_says_whether_a_key_is_active_in_words(admin_client, ts_staff):
    api_token_create(user=ts_staff, name="reports")
    html = admin_client.get("/admin/rcm/apitoken/").content.decode()
    assert ">Active<" in html
    assert "icon-yes.svg" not in html
