"""A meeting's agenda on a 375 px phone, in English and Spanish: each agreement is a card whose
lines are labelled, the status in view without scrolling sideways, and a meeting known only by a
long name is named briefly, its full name on hover."""

import datetime

import pytest

from meetings.models import MeetingKind
from tests.factories import AgreementFactory, MeetingFactory, member_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
AD_HOC_NAME = (
    "Meeting of the Ad-Hoc RCM – RNCOM Working Group for the definition of a common agenda "
    "and its coordination mechanisms"
)


@pytest.fixture
def agenda_url(live_server):
    mexico = member_country("MX", name_en="Mexico", name_es="México")
    ad_hoc = MeetingFactory(
        kind=MeetingKind.AD_HOC_GROUP,
        name_en=AD_HOC_NAME,
        city="San Salvador",
        starts_on=datetime.date(2013, 2, 20),
    )
    AgreementFactory(
        meeting=ad_hoc,
        section="working_group",
        ref="1.a-3",
        text_en="The RNCOM will send to the RCM Technical Secretariat a proposed protocol.",
        deadline=datetime.date(2013, 3, 31),
        responsible=[mexico],
    )
    rcm = MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL, ordinal=26, starts_on=datetime.date(2021, 12, 2)
    )
    return f"{live_server.url}/meetings/{rcm.pk}/agenda/"


@pytest.mark.parametrize(
    ("language", "status_label", "brief"),
    [
        ("en", "Status: ", "Ad-hoc group meeting, San Salvador 2013"),
        ("es", "Estado: ", "Reunión de grupo ad hoc, San Salvador 2013"),
    ],
)
def test_on_a_phone_each_agenda_item_is_a_labelled_card_with_its_status_in_view(
    browser, live_server, agenda_url, screenshot, language, status_label, brief
):
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.goto(agenda_url)
    table = page.locator("table.agenda-table").first
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    status = table.locator("tbody td").nth(2)
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    before = status.evaluate("td => getComputedStyle(td, '::before').content")
    assert before == f'"{status_label}"'
    link = table.locator("tbody th a").first
    assert link.inner_text().startswith(brief)
    assert link.get_attribute("title") == AD_HOC_NAME
    screenshot(page, f"agenda-375-{language}")
    context.close()
