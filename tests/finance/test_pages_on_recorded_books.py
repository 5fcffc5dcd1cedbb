"""The finance pages on a small set of books: members only, readable, exportable, in Spanish.

The books are built once for the module (the pages only read them); each test is rolled back to
them. Tests that need books of their own are in test_pages.py.
"""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from rcm.testing.shared_rows import built_once
from tests.finance.factories import books

pytestmark = pytest.mark.django_db

PAGES = [
    "/finance/",
    "/finance/budgets/",
    "/finance/budgets/2014/",
    "/finance/reserve-fund/?year=2014",
    "/finance/contributions.csv",
    "/finance/budgets/2014/export.xlsx",
    "/finance/reserve-fund/export.csv?year=2014",
]


@pytest.fixture(scope="module", autouse=True)
def recorded(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, books)


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_asked_to_sign_in(client, recorded, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", PAGES)
def test_observers_get_404(client, observer_org_user, recorded, url):
    assert signed_in(client, observer_org_user).get(url).status_code == 404


def test_a_report_page_answers_404_to_observers(client, observer_org_user, recorded):
    url = f"/finance/reports/{recorded['financial-reports']}/"
    assert signed_in(client, observer_org_user).get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_a_focal_point_reads_every_page(client, focal_point_gt, recorded, url):
    assert signed_in(client, focal_point_gt).get(url).status_code == 200


def test_no_page_carries_an_inline_style_attribute(client, ts_staff, recorded):
    client = signed_in(client, ts_staff)
    for url in ("/finance/", "/finance/budgets/2014/", "/finance/reserve-fund/?year=2014"):
        assert not re.search(r"\sstyle=", client.get(url).text), url


def test_the_budget_export_is_a_spreadsheet_with_exact_amounts(client, ts_staff, recorded):
    response = signed_in(client, ts_staff).get("/finance/budgets/2014/export.xlsx")
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)[1:]  # after the "as of" line
    assert rows[0][:4] == ("Year", "Line (code)", "Line", "Budgeted (US$)")
    assert rows[1][:6] == (2014, "support_staff", "Support staff", 150000, 1234.56, 148765.44)
    assert rows[-1][2] == "Total"


def test_an_unknown_export_format_is_404(client, ts_staff, recorded):
    assert signed_in(client, ts_staff).get("/finance/contributions.pdf").status_code == 404


def test_the_pages_speak_spanish(client, focal_point_mx, recorded):
    client = signed_in(client, focal_point_mx)
    response = client.get("/finance/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Contribuciones de los países miembros" in response.text
    assert (
        "Personal de apoyo" in client.get("/finance/budgets/2014/", HTTP_ACCEPT_LANGUAGE="es").text
    )


def test_the_pages_are_read_only(client, ts_staff, recorded):
    assert signed_in(client, ts_staff).post("/finance/").status_code == 405
