"""The calendar page in a browser, in English and Spanish: the last twelve months, every dated
deadline a year link away (earlier years folded), and a feed address built from the address the
site was reached at."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import AgreementFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records():
    today = timezone.localdate()
    MeetingFactory(
        kind="workshop", name_en="Workshop on return", name_es="Taller sobre retorno",
        starts_on=today - datetime.timedelta(days=120),
    )  # fmt: skip
    AgreementFactory(text_en="To report on the mechanism.", deadline=datetime.date(2014, 4, 30))


@pytest.mark.parametrize(
    ("language", "workshop", "deadline"),
    [("en", "Workshop on return", "Deadline"), ("es", "Taller sobre retorno", "Plazo")],
)
def test_the_calendar_shows_the_last_twelve_months_and_every_deadline_by_year(
    browser, live_server, records, screenshot, language, workshop, deadline
):
    for width in (1366, 375):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/calendar/")
        text = page.inner_text("main")
        assert workshop in text
        # The 2014 deadline is not among the last twelve months; still open, it is listed
        # under the deadlines passed and still pending.
        recent = text.split(page.inner_text("#passed-pending-heading"))[0]
        assert "To report on the mechanism." not in recent
        assert "To report on the mechanism." in page.inner_text("#passed-pending")
        assert not page.is_visible("a[href='?year=2014']")  # folded under "Earlier years"
        page.click("#earlier-years summary")
        page.click("a[href='?year=2014']")
        text = page.inner_text("main")
        assert "To report on the mechanism." in text
        assert deadline in text
        assert page.is_visible("a[href='?year=2014'][aria-current='page']")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        feed = page.input_value("#feed-url")
        # A calendar application asks in no language: the Spanish page's address says "es".
        assert feed == f"{live_server.url}/calendar.ics" + ("?lang=es" if language == "es" else "")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.goto(f"{live_server.url}/calendar/")
        screenshot(page, f"calendar-{width}-{language}")
        ics = page.request.get(feed).text()
        assert ics.count("BEGIN:VEVENT") == 2
        context.close()
