"""While the admin reads a long document, its page says what it reads and for how long it may
wait; back from the answer, the form can be sent again."""

import pytest

from tests.browser.conftest import sign_in_to_the_admin
from tests.factories import ts_staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASTE = "CONCLUSIONS\n\n" + "".join(f"{n}. To request the TS to circulate report {n}.\n\n"
                                    for n in range(1, 1201))  # fmt: skip


def test_a_long_paste_shows_what_is_read_while_the_request_runs(browser, live_server, settings):
    settings.IMPORT_PREVIEW_SECONDS = 45
    ts_staff_user(username="ts-import", is_superuser=True)
    page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
    sign_in_to_the_admin(page, live_server.url, "ts-import", "/admin/meetings/meeting/import/")
    page.wait_for_url("**/admin/meetings/meeting/import/")
    assert not page.is_visible("#import-status")
    page.evaluate("t => { document.querySelector('textarea[name=text]').value = t; }", PASTE)
    # Held at the browser, the request stays running: the notice is what the user sees.
    page.evaluate(
        "document.getElementById('import-form').addEventListener('submit', e => e.preventDefault())"
    )
    page.click("#import-form input[type=submit]")
    page.wait_for_selector("#import-status:not([hidden])")
    assert page.inner_text("#import-status .import-status-what") == "Reading 1,201 paragraphs…"
    assert "the preview stops reading after 45 s" in page.inner_text("#import-status")
    assert page.is_disabled("#import-form input[type=submit]")
