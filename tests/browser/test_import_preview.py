"""The admin's import preview in a real browser: it fits a 1366 px screen and records."""

from pathlib import Path

import pytest

from agreements.models import Agreement
from agreements.services import followup_record
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401
from tests.browser.conftest import sign_in_to_the_admin
from tests.factories import ts_staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HELDOUT_ES = (
    Path(__file__).resolve().parents[1] / "importer/heldout/grcm-2021-11-conclusiones-paginas.txt"
)


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
    sign_in_to_the_admin(page, live_server.url, "ts-import", "/admin/meetings/meeting/import/")
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


@pytest.mark.parametrize(
    "language, document",
    [("en", DOCUMENT), ("es", HELDOUT_ES.read_text(encoding="utf-8"))],
)
def test_the_import_preview_fits_a_375_phone_without_sideways_scrolling(
    browser, live_server, screenshot, language, document
):
    ts_staff_user(username="ts-phone", is_superuser=True)
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    sign_in_to_the_admin(page, live_server.url, "ts-phone", "/admin/meetings/meeting/import/")
    page.wait_for_url("**/admin/meetings/meeting/import/")
    page.fill("textarea[name=text]", document)
    page.click("#import-form input[type=submit]")
    page.wait_for_selector("table.import-items")
    screenshot(page, f"admin-import-preview-375-{language}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the preview is {width} px wide"
    # Each cell says what it holds, the table's header being hidden on a phone.
    caption = page.locator("table.import-items td[data-label]").first
    assert caption.evaluate("cell => getComputedStyle(cell, '::before').content") != "none"
