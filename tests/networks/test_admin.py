"""The networks in the admin: plans and items inline, filters, and updates through the service."""

import pytest

from agreements.models import Status
from tests.factories import ts_staff_user
from tests.networks.factories import (
    NetworkMemberFactory,
    NetworkReportFactory,
    WorkPlanItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(ts_staff_user(username="ts-admin", is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/networks/network/",
        "/admin/networks/networkmember/",
        "/admin/networks/workplan/",
        "/admin/networks/workplanitem/",
        "/admin/networks/workplanitem/?status=open&overdue=yes&country=MX",
        "/admin/networks/networkreport/",
    ],
)
def test_the_admin_lists_the_networks_records(staff_client, mexico, url):
    item = WorkPlanItemFactory(countries=[mexico])
    NetworkMemberFactory(network=item.plan.network, country=mexico)
    NetworkReportFactory(network=item.plan.network)
    assert staff_client.get(url).status_code == 200


def test_a_network_is_edited_with_its_members_and_plans_inline(staff_client):
    item = WorkPlanItemFactory()
    network_page = staff_client.get(f"/admin/networks/network/{item.plan.network_id}/change/")
    plan_page = staff_client.get(f"/admin/networks/workplan/{item.plan_id}/change/")
    assert "members-TOTAL_FORMS" in network_page.text
    assert "plans-TOTAL_FORMS" in network_page.text
    assert "items-TOTAL_FORMS" in plan_page.text


def test_items_are_filtered_by_network(staff_client):
    wanted = WorkPlanItemFactory()
    WorkPlanItemFactory()
    response = staff_client.get(f"/admin/networks/workplanitem/?network={wanted.plan.network_id}")
    assert list(response.context["cl"].result_list) == [wanted]


def test_an_update_recorded_in_the_admin_goes_through_the_service(staff_client):
    item = WorkPlanItemFactory()
    staff_client.post(
        "/admin/networks/workplanitem/",
        {
            "action": "record_update",
            "_selected_action": [item.pk],
            "status": "done",
            "note": "Held in March.",
        },
    )
    item.refresh_from_db()
    assert item.status == Status.DONE
    assert item.updates.get().note == "Held in March."


def change_form_data(response) -> dict:
    """The form as the browser would send it back, from the rendered page's context."""
    data = {}
    forms = [response.context["adminform"].form]
    for formset in response.context["inline_admin_formsets"]:
        forms += [formset.formset.management_form, *formset.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(v) for v in value]
            else:
                data[form.add_prefix(name)] = value
    return data


def test_a_plan_saved_from_the_admin_keeps_its_items(staff_client):
    item = WorkPlanItemFactory(ref="7.h", status=Status.IN_PROGRESS)
    url = f"/admin/networks/workplan/{item.plan_id}/change/"
    data = change_form_data(staff_client.get(url))
    data["summary"] = "Approved by the RCGM."
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.plan.summary, item.status) == ("Approved by the RCGM.", Status.IN_PROGRESS)
