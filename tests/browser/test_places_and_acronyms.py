"""In a browser, at 375 px, in both languages: a meeting goes by its city's name in the reader's
language, and the networks' pages write the acronyms out."""

import pytest

from meetings.models import MeetingKind
from tests.factories import MeetingFactory
from tests.networks.factories import NetworkFactory, WorkPlanFactory, WorkPlanItemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records():
    meeting = MeetingFactory(
        kind=MeetingKind.RCGM, city="Mexico City", city_es="Ciudad de México", year=2021
    )
    network = NetworkFactory(name_en="Working Group on Protection")
    plan = WorkPlanFactory(network=network)
    WorkPlanItemFactory(plan=plan, text_en="To ask the IOM for a study.", meetings=[meeting])
    return meeting, network


def page_at(browser, live_server, language):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    return context, context.new_page()


@pytest.mark.parametrize(
    ("language", "name", "other"),
    [
        ("en", "RCGM Mexico City 2021", "Ciudad de México"),
        ("es", "GRCM Ciudad de México 2021", "Mexico City"),
    ],
)
def test_a_meeting_goes_by_its_city_in_the_readers_language(
    browser, live_server, records, screenshot, language, name, other
):
    meeting, _network = records
    context, page = page_at(browser, live_server, language)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    text = page.inner_text("main")
    assert name in text
    assert other not in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, f"meeting-city-375-{language}")
    context.close()


@pytest.mark.parametrize(
    ("language", "written_out"),
    [
        ("en", "International Organization for Migration"),
        ("es", "Organización Internacional para las Migraciones"),
    ],
)
def test_the_network_page_writes_out_acronyms(
    browser, live_server, records, screenshot, language, written_out
):
    _meeting, network = records
    context, page = page_at(browser, live_server, language)
    page.goto(f"{live_server.url}/networks/{network.pk}/")
    assert page.get_attribute("abbr:text-is('IOM'), abbr:text-is('OIM')", "title") == written_out
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, f"network-acronyms-375-{language}")
    context.close()
