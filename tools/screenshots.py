"""Screenshots of the main pages on the loaded records, at 1366 px and 375 px, in English and
Spanish, for anyone to look at: `make screenshots` (after `make setup`).

It starts its own server on a free port of 127.0.0.1 against the database of this checkout
(the embedded PostgreSQL under .data/, or DATABASE_URL), signs in as two accounts it creates
for the purpose (a TS staff member and a focal point of the PPT's country; no password, removed
at the end) and writes PNG files to screenshots/ (ignored by git), one per page, width and
language: screenshots/1366-en-home.png, screenshots/375-es-follow-up.png …

Needs Chromium (Debian's chromium package, or CHROMIUM_PATH) and Playwright's Python package,
both installed by `make install`'s dev extras.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rcm.settings")

WIDTHS = (1366, 375)
LANGUAGES = ("en", "es")
TS_USERNAME = "screenshots-ts-staff"
FOCAL_POINT_USERNAME = "screenshots-focal-point"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or next(
        filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None
    )
    if not path:
        sys.exit("No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.")
    return path


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own server
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"The server did not answer at {url} within {seconds:.0f} s.")


def prepare() -> dict:
    """The accounts to sign in with, their session cookies, and the pages to take."""
    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.test import Client

    from agreements.models import Agreement
    from meetings.models import Meeting
    from rcm.models import Country, Presidency, Role, User

    if not Meeting.objects.exists():
        sys.exit("No records are loaded: run `make setup` first.")
    presidency = Presidency.objects.order_by("-year").select_related("country").first()
    country = presidency.country if presidency else Country.objects.order_by("code").first()
    ts, _ = User.objects.get_or_create(username=TS_USERNAME, defaults={"is_staff": True})
    focal, _ = User.objects.get_or_create(username=FOCAL_POINT_USERNAME)
    focal.country = country
    for user, role in ((ts, Role.TS_STAFF), (focal, Role.FOCAL_POINT)):
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    sessions = {}
    for key, user in (("ts", ts), ("focal", focal)):
        client = Client()
        client.force_login(user)
        sessions[key] = client.cookies["sessionid"].value
    # A meeting and an agreement with something to show: the most agreements, the most text.
    meeting = Meeting.objects.filter(agreements__isnull=False).order_by("-starts_on", "pk").first()
    agreement = Agreement.objects.filter(deadline__isnull=False).order_by("pk").first()
    agreement = agreement or Agreement.objects.order_by("pk").first()
    pages = [
        ("home", "/", None),
        ("follow-up", "/follow-up/", None),
        ("matrix", "/follow-up/matrix/", None),
        ("meeting", meeting.get_absolute_url() if meeting else "/meetings/", None),
        ("agenda", f"/meetings/{meeting.pk}/agenda/" if meeting else "/meetings/", None),
        ("agreement", agreement.get_absolute_url() if agreement else "/follow-up/", None),
        ("country", f"/countries/{country.code}/", None),
        ("calendar", "/calendar/", None),
        ("finance-ts-staff", "/finance/", "ts"),
        ("my-focal-point", "/my/", "focal"),
        ("api-docs", "/api/docs/", None),
        ("not-found", "/no-such-page/", None),
    ]
    return {"sessions": sessions, "pages": pages}


def remove_accounts() -> None:
    from rcm.models import User

    User.objects.filter(username__in=[TS_USERNAME, FOCAL_POINT_USERNAME]).delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(BASE_DIR / "screenshots"))
    parser.add_argument("--only", nargs="*", help="page names to take (default: all)")
    args = parser.parse_args()
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    chromium = chromium_path()
    plan = prepare()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    taken = 0
    try:
        wait_for(f"{base}/health/")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            pages = [p for p in plan["pages"] if not args.only or p[0] in args.only]
            total = len(pages) * len(WIDTHS) * len(LANGUAGES)
            for width in WIDTHS:
                for language in LANGUAGES:
                    for name, path, who in pages:
                        context = browser.new_context(viewport={"width": width, "height": 900})
                        cookies = [{"name": "django_language", "value": language, "url": base}]
                        if who:
                            session = plan["sessions"][who]
                            cookies.append({"name": "sessionid", "value": session, "url": base})
                        context.add_cookies(cookies)
                        page = context.new_page()
                        page.goto(base + path, wait_until="networkidle")
                        target = output / f"{width}-{language}-{name}.png"
                        page.screenshot(path=str(target), full_page=True)
                        context.close()
                        taken += 1
                        print(f"[{taken}/{total}] {target.relative_to(BASE_DIR)}", flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        remove_accounts()
    print(f"{taken} screenshots in {output}.")


if __name__ == "__main__":
    main()
