"""The flows that matter most, in a real browser: a focal point follows up, the TS validates."""

import datetime

import pytest

from rcm.models import Visibility
from tests.browser.conftest import sign_in as sign_in_to_the_site
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    focal_point_user,
    member_country,
    ts_staff_user,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records():
    mexico = member_country("MX", name_en="Mexico", name_es="México")
    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    meeting = MeetingFactory(name_en="Meeting of the RCGM", city="San José")
    overdue = AgreementFactory(
        meeting=meeting,
        ref="16",
        text_en="To request Mexico to submit the outline of the regional mechanism.",
        deadline=datetime.date(2020, 1, 19),
        responsible=[mexico],
    )
    AgreementFactory(
        meeting=meeting,
        ref="17",
        text_en="To request Guatemala to circulate its protocol.",
        deadline=datetime.date(2020, 1, 19),
        responsible=[guatemala],
    )
    AgreementFactory(
        meeting=meeting,
        ref="18",
        text_en="To urge a confidential review of the arrears.",
        visibility=Visibility.MEMBERS,
        responsible=[mexico],
    )
    return {
        "focal_point": focal_point_user(mexico, username="fp-mx"),
        "ts_staff": ts_staff_user(username="ts-staff"),
        "overdue": overdue,
    }


def sign_in(page, base, username, lands_on="/"):
    sign_in_to_the_site(page, base, username)
    page.wait_for_url(f"{base}{lands_on}")


def count(page, key) -> int:
    return int(page.locator(f'strong[data-count="{key}"]').inner_text())


def test_a_focal_point_follows_up_an_overdue_agreement_in_spanish(
    browser, live_server, records, screenshot
):
    base = live_server.url
    focal = browser.new_context(viewport={"width": 1280, "height": 900})
    page = focal.new_page()
    sign_in(page, base, "fp-mx", lands_on="/my/")

    # Switch to Spanish.
    page.select_option("#language-select", "es")
    page.click(".lang-switch button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Seguimiento" in page.inner_text("nav")
    screenshot(page, "home-es")

    # The dashboard, filtered to Mexico's overdue agreements.
    page.goto(f"{base}/follow-up/")
    page.click(".filter-drawer summary")
    page.select_option("select[name=country]", "MX")
    page.select_option("select[name=overdue]", "true")
    page.click(".filter-groups button[type=submit]")
    page.wait_for_load_state()
    assert "country=MX" in page.url and "overdue=true" in page.url
    assert count(page, "overdue") == 1
    assert "Vencidos" in page.inner_text(".counts")
    assert "outline of the regional mechanism" in page.content()
    assert "Guatemala to circulate" not in page.content()
    screenshot(page, "dashboard-filtered-es")

    # Open the agreement and post an update.
    page.click(f'a[href="/agreements/{records["overdue"].pk}/"]')
    page.wait_for_load_state()
    page.select_option("#follow-up-form select[name=status]", "done")
    page.fill("#follow-up-form textarea[name=note]", "Documento enviado a la ST el 10 de enero.")
    page.click("#follow-up-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#agreement-status .badge").count() >= 2  # status + awaiting validation
    screenshot(page, "agreement-update-posted-es")

    # TS staff accept it.
    ts = browser.new_context().new_page()
    sign_in(ts, base, "ts-staff", lands_on="/follow-up/validation/")
    ts.goto(f"{base}/follow-up/validation/")
    screenshot(ts, "validation-queue")
    ts.click(".validation-item form.inline-form button[type=submit]")
    ts.wait_for_load_state()

    # The focal point sees the new status and the counts change.
    page.goto(f"{base}/agreements/{records['overdue'].pk}/")
    assert "status-done" in page.locator("#agreement-status").inner_html()
    page.goto(f"{base}/follow-up/?country=MX")
    assert count(page, "overdue") == 0
    assert count(page, "done") == 1
    screenshot(page, "dashboard-after-es")


def test_anonymous_visitors_see_no_members_only_record(browser, live_server, records, screenshot):
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/follow-up/")
    assert "confidential review" not in page.content()
    page.goto(f"{live_server.url}/search/?q=confidential")
    assert "confidential review" not in page.content()
    screenshot(page, "dashboard-anonymous")


def test_the_dashboard_is_usable_on_a_phone(browser, live_server, records, screenshot):
    page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
    page.goto(f"{live_server.url}/follow-up/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1
    screenshot(page, "dashboard-375")
