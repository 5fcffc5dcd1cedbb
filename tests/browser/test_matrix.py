"""The follow-up matrix in a real browser, in English and Spanish, on a desktop and a phone."""

import pytest

from tests.factories import AgreementFactory, member_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", [1366, 375])
def test_the_matrix_scrolls_in_its_own_box_keeps_its_header_and_its_cells_link(
    browser, live_server, screenshot, language, width
):
    countries = [member_country(code) for code in ("BZ", "CR", "GT", "HN", "MX", "PA", "SV")]
    for n in range(40):
        AgreementFactory(responsible=countries[n % 3 : n % 3 + 4], text_en=f"To urge ({n}).")
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/follow-up/matrix/")

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator(".matrix-scroll")
    box.scroll_into_view_if_needed()
    box.evaluate("element => { element.scrollTop = 400; element.scrollLeft = 200; }")
    header = page.locator(".matrix thead th").nth(1)
    assert header.evaluate("element => getComputedStyle(element).position") == "sticky"
    box_top = box.bounding_box()["y"]
    assert abs(header.bounding_box()["y"] - box_top) <= 2  # still at the top of the box
    screenshot(page, f"matrix-{language}-{width}")

    cell = page.locator(".matrix td a").first
    href = cell.get_attribute("href")
    cell.click()
    page.wait_for_url(f"**{href}")
    code = href.rsplit("#country-", 1)[1]
    assert page.locator(f"#country-{code}").is_visible()
    context.close()
