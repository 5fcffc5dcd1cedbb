"""The API documentation works in a real browser under the site's Content-Security-Policy."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def collect_console_errors(page) -> list[str]:
    """Every console error and uncaught exception of the page: a blocked request (the CSP's
    refusals among them), a failed script."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def collect_requests_elsewhere(page, live_server) -> list[str]:
    """Every request the page makes to another site (a CDN, web fonts, a logo)."""
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if request.url.startswith("http") and not request.url.startswith(live_server.url)
            else None
        ),
    )
    return elsewhere


def test_swagger_ui_lists_the_operations_without_console_errors_or_requests_elsewhere(
    browser, live_server, screenshot
):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors = collect_console_errors(page)
    elsewhere = collect_requests_elsewhere(page, live_server)
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock", timeout=60_000)
    page.wait_for_load_state("networkidle")

    assert page.locator(".opblock").count() >= 10
    assert page.locator(".opblock-summary-path", has_text="/api/v1/agreements/").count() >= 1
    assert errors == []
    assert elsewhere == []
    screenshot(page, "api-docs-1366")
    page.close()


def test_redoc_renders_the_reference_without_console_errors_or_requests_elsewhere(
    browser, live_server
):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors = collect_console_errors(page)
    elsewhere = collect_requests_elsewhere(page, live_server)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/redoc/")
    page.wait_for_selector("[role=menuitem], .menu-content", timeout=60_000)
    page.wait_for_load_state("networkidle")

    assert "Something went wrong" not in page.content()
    assert page.get_by_text("RCM Records API").first.is_visible()
    # The sidebar's attribution keeps its words, without the logo from Redocly's CDN.
    assert page.get_by_text("API docs by Redocly").is_visible()
    assert [url for url in requested if "font" in url] == []
    assert elsewhere == []
    assert errors == []
    page.close()
