"""The API documentation works in a real browser under the site's Content-Security-Policy."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def collect_csp_violations(page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            # ReDoc's "API docs by Redocly" logo is an image on another site: blocked, and harmless.
            if "Content Security Policy" in message.text and "img-src" not in message.text
            else None
        ),
    )
    return violations


def test_swagger_ui_lists_the_operations_without_breaking_the_csp(browser, live_server, screenshot):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    violations = collect_csp_violations(page)
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock", timeout=20_000)

    assert page.locator(".opblock").count() >= 10
    assert page.locator(".opblock-summary-path", has_text="/api/v1/agreements/").count() >= 1
    assert violations == []
    screenshot(page, "api-docs-1366")
    page.close()


def test_redoc_renders_the_reference_without_web_fonts_or_csp_errors(browser, live_server):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    violations = collect_csp_violations(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/redoc/")
    page.wait_for_selector("[role=menuitem], .menu-content", timeout=20_000)

    assert "Something went wrong" not in page.content()
    assert page.get_by_text("RCM Records API").first.is_visible()
    assert [url for url in requested if "font" in url] == []
    assert violations == []
    page.close()
