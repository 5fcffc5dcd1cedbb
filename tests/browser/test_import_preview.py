"""The admin's import preview in a real browser: it fits a 1366 px screen and records."""

import pytest

from agreements.models import Agreement
from agreements.services import followup_record
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401
from tests.factories import ts_staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_the_import_preview_fits_a_1366_screen_and_shows_what_replace_does(
    browser,
    live_server,
    conference,  # noqa: F811
    screenshot,
):
    from agreements.importer import parse_record
    from agreements.importer.commit import record_import

    staff = ts_staff_user(username="ts-import", is_superuser=True)
    meeting = record_import(record=parse_record(DOCUMENT).as_dict(), force=True).meeting
    followup_record(
        agreement=meeting.agreements.get(section="conclusion", ref="2"),
        author=staff,
        status="in_progress",
    )
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/meetings/meeting/import/")
    page.fill("#id_username", "ts-import")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/meetings/meeting/import/")
    page.fill("textarea[name=text]", DOCUMENT.replace("To urge", "To strongly urge"))
    page.click("#import-form input[type=submit]")
    page.wait_for_selector("table.import-items")
    assert "What Replace will do" in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "admin-import-preview-1366")
    assert width <= 1366, f"the preview is {width} px wide"

    page.check("input[name=replace]")
    if page.locator("input[name=confirm_warnings]").count():
        page.check("input[name=confirm_warnings]")
    page.click("#import-preview input[type=submit]")
    page.wait_for_url("**/admin/meetings/meeting/*/change/")
    updated = Agreement.objects.get(meeting=meeting, section="conclusion", ref="2")
    assert updated.text_en.startswith("To strongly urge")
    assert updated.follow_ups.count() == 1
