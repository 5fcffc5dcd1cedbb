"""Browser tests: Playwright driving the machine's headless Chromium (Debian's package).

Under CI=true they must run; elsewhere they skip with a message when no Chromium is found.
With --screenshots, the pages they look at are saved to test-artifacts/screenshots/ (about a
quarter of a second of CPU each, so not on every run; make screenshots takes every page).
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "chrome"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path() -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = (
            "No Chromium found: install Debian's chromium package (apt-get install chromium) "
            "or set CHROMIUM_PATH to run the browser tests."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def screenshot(request):
    wanted = request.config.getoption("--screenshots")
    if wanted:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path | None:
        if not wanted:
            return None
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# Every test user's password (tests/factories.py).
PASSWORD = "a-long-test-password"


def sign_in(page, base: str, username: str) -> None:
    """Sign in through the site's own login form, as a person would."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form button[type=submit]")


def sign_in_to_the_admin(page, base: str, username: str, next_path: str = "") -> None:
    """Sign in through the admin's login form (then on to `next_path`, if given)."""
    page.goto(f"{base}/admin/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
