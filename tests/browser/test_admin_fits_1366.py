"""The admin's change pages with inlines fit a 1366 px screen beside the navigation sidebar,
every field still there: a meeting with its agreements (2,275 px wide before), a network with
its members, a work plan with its items."""

import datetime

import pytest

from agreements.models import Section
from meetings.models import MeetingKind
from tests.browser.conftest import sign_in_to_the_admin
from tests.factories import AgreementFactory, MeetingFactory, ts_staff_user
from tests.networks.factories import NetworkMemberFactory, WorkPlanItemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AGREEMENT_FIELDS = ["position", "ref", "parent", "section", "text_en", "action", "deadline"]


@pytest.fixture
def staff_page(browser, live_server):
    ts_staff_user(username="ts-admin-width", is_superuser=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    sign_in_to_the_admin(page, live_server.url, "ts-admin-width")
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_a_meetings_change_page_with_its_agreements_fits_1366_px(
    staff_page, live_server, screenshot
):
    meeting = MeetingFactory(
        kind=MeetingKind.RCGM, city="Mexico City", starts_on=datetime.date(2021, 12, 1)
    )
    parent = AgreementFactory(meeting=meeting, section=Section.CONCLUSION, ref="7", position=1)
    for n, letter in enumerate("abcd", start=2):
        AgreementFactory(
            meeting=meeting,
            parent=parent,
            ref=f"7.{letter}",
            position=n,
            text_en="To follow up on the recommendations of the workshop " * 4,
            deadline=datetime.date(2022, 3, 31),
        )
    staff_page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    screenshot(staff_page, "admin-meeting-change-1366")
    assert width(staff_page) <= 1366
    row = staff_page.locator("#agreements-group tbody tr.has_original").first
    for field in AGREEMENT_FIELDS:
        assert row.locator(f"td.field-{field}").is_visible(), field


def test_a_networks_change_page_with_its_members_fits_1366_px(staff_page, live_server):
    member = NetworkMemberFactory(email="officer@example.org", phone="+52 55 5555 5555")
    NetworkMemberFactory(network=member.network)
    staff_page.goto(f"{live_server.url}/admin/networks/network/{member.network.pk}/change/")
    assert width(staff_page) <= 1366
    assert staff_page.locator("input[name$='-email']").first.is_visible()


def test_a_work_plans_change_page_with_its_items_fits_1366_px(staff_page, live_server):
    item = WorkPlanItemFactory(deadline=datetime.date(2022, 3, 31))
    staff_page.goto(f"{live_server.url}/admin/networks/workplan/{item.plan.pk}/change/")
    assert width(staff_page) <= 1366
