"""The follow-up dashboard on a 375 px phone, in English and Spanish: filters in a drawer,
chips that remove a filter, tables and charts that keep the page from scrolling sideways."""

import datetime

import pytest

from tests.factories import AgreementFactory, MeetingFactory, ThemeFactory, member_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


@pytest.fixture
def records():
    mexico = member_country("MX", name_en="Mexico", name_es="México")
    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    theme = ThemeFactory(code="1", name_en="Migration policy and management")
    for year, city in ((2013, "San José"), (2021, "Mexico City")):
        meeting = MeetingFactory(
            kind="rcgm", city=city, year=year, starts_on=datetime.date(year, 11, 18)
        )
        for n in range(3):
            AgreementFactory(
                meeting=meeting,
                ref=str(n + 1),
                text_en=f"To request Mexico to report on item {n} of the regional mechanism.",
                deadline=datetime.date(2020, 1, 19),
                responsible=[mexico],
            ).themes.add(theme)
            AgreementFactory(
                meeting=meeting,
                ref=str(n + 10),
                text_en=f"To request Guatemala to circulate protocol {n}.",
                responsible=[guatemala],
            )


def phone_page(browser, live_server, language: str):
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    return context.new_page()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(
    ("language", "filters", "country", "guatemala_chip"),
    [
        ("en", "Filters", "Country", "Country: Guatemala"),
        ("es", "Filtros", "País", "País: Guatemala"),
    ],
)
def test_on_a_phone_the_filters_open_from_a_drawer_and_a_chip_removes_one(
    browser, live_server, records, screenshot, language, filters, country, guatemala_chip
):
    page = phone_page(browser, live_server, language)
    page.goto(f"{live_server.url}/follow-up/")
    drawer = page.locator(".filter-drawer")
    assert drawer.locator("summary").inner_text().startswith(filters)
    assert not page.locator("select[name=country]").is_visible()
    drawer.locator("summary").click()
    page.select_option("select[name=country]", "GT")
    page.check("input[name=status][value=open]")
    assert page_width(page) <= 375
    screenshot(page, f"dashboard-drawer-375-{language}")
    page.click(".filter-groups button[type=submit]")
    page.wait_for_load_state()
    assert "country=GT" in page.url and "status=open" in page.url
    assert "Guatemala to circulate" in page.content()
    assert "Mexico to report" not in page.content()
    chips = page.locator(".chips a.chip")
    assert chips.count() == 2
    assert guatemala_chip in page.locator(".chips").inner_text()
    screenshot(page, f"dashboard-chips-375-{language}")

    page.locator(".chips a.chip", has_text=f"{country}:").click()
    page.wait_for_load_state()
    assert "country=" not in page.url and "status=open" in page.url
    assert page.locator(".chips a.chip").count() == 1
    assert "Mexico to report" in page.content()


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_phone_the_dashboard_does_not_scroll_sideways_and_keeps_every_column(
    browser, live_server, records, screenshot, language
):
    page = phone_page(browser, live_server, language)
    page.goto(f"{live_server.url}/follow-up/")
    assert page_width(page) <= 375
    for table in page.locator("table.compact-table").all():
        fits = table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
        assert fits
        if "responsive-table" in table.get_attribute("class"):
            # Stacked on a phone: every count is a labelled cell inside the screen.
            columns = table.locator("thead th").count()
            for row in table.locator("tbody tr").all():
                cells = row.locator("td[data-label]")
                assert cells.count() == columns - 1
                box = cells.last.bounding_box()
                assert cells.last.is_visible() and box["x"] + box["width"] <= 375
            continue
        last_column = table.locator("thead th").last
        assert last_column.is_visible()
        box = last_column.bounding_box()
        assert box["x"] + box["width"] <= 375
    screenshot(page, f"dashboard-375-{language}")


def test_chart_text_is_the_same_size_on_a_phone_and_a_desktop(browser, live_server, records):
    sizes = set()
    for viewport in (PHONE, {"width": 1366, "height": 900}):
        page = browser.new_context(viewport=viewport).new_page()
        page.goto(f"{live_server.url}/follow-up/")
        heights = page.evaluate(
            "[...document.querySelectorAll('svg.chart-svg .chart-tick')]"
            ".map(t => Math.round(t.getBoundingClientRect().height))"
        )
        assert heights
        sizes.update(heights)
        # The caption comes before the chart.
        assert page.evaluate(
            "[...document.querySelectorAll('figure.chart')].every("
            "f => f.firstElementChild.tagName === 'FIGCAPTION')"
        )
    assert len(sizes) == 1 and 12 <= sizes.pop() <= 18
