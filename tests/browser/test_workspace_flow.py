"""In a real browser: a Guatemalan focal point signs in and lands on her workspace, in Spanish."""

import datetime

import pytest

from agreements.models import FollowUp, Status
from tests.browser.conftest import sign_in
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    focal_point_user,
    member_country,
    ts_staff_user,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_focal_point_signs_in_and_lands_on_her_workspace_in_spanish(
    browser, live_server, screenshot
):
    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    meeting = MeetingFactory(starts_on=datetime.date(2021, 12, 1))
    overdue = AgreementFactory(
        meeting=meeting,
        ref="1.e",
        text_en="To request Guatemala to complete its review.",
        text_es="Solicitar a Guatemala que complete su revisión.",
        deadline=datetime.date(2022, 3, 31),
        responsible=[guatemala],
    )
    focal_point_user(guatemala, username="fp-gt", language="es")
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    sign_in(page, base, "fp-gt")
    page.wait_for_url(f"{base}/my/")

    assert page.locator("html").get_attribute("lang") == "es"
    assert "Mi país" in page.inner_text("nav")
    assert page.locator('[data-count="overdue"]').inner_text() == "1"
    assert "Solicitar a Guatemala" in page.inner_text("#main")
    screenshot(page, "workspace-es")
    page.click(f'a[href="/agreements/{overdue.pk}/"]')
    page.wait_for_url(f"{base}/agreements/{overdue.pk}/")
    assert page.locator("html").get_attribute("lang") == "es"
    context.close()


@pytest.mark.parametrize("width", [375, 1366])
def test_a_note_of_one_endless_word_does_not_widen_the_validation_queue(
    browser, live_server, width
):
    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    agreement = AgreementFactory(responsible=[guatemala])
    author = focal_point_user(guatemala, username="fp-gt", language="es")
    FollowUp.objects.create(
        agreement=agreement, country=guatemala, author=author, status=Status.IN_PROGRESS,
        note="x" * 10_000, link="https://example.org/" + "a" * 400,
    )  # fmt: skip
    ts_staff_user(username="ts")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, "ts")
    page.goto(f"{live_server.url}/follow-up/validation/")

    assert "xxxxxxxx" in page.inner_text("#main")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
