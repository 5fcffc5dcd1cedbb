"""XLSX exports write dates as date cells and years as numbers, so that a spreadsheet sorts,
filters and computes with them; the CSV keeps the ISO text."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2014, 3, 31)


def sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


@pytest.fixture
def agreement_due_in_2014():
    return AgreementFactory(
        meeting=MeetingFactory(starts_on=datetime.date(2013, 11, 18)), deadline=DEADLINE
    )


def cells_of_the_first_row(worksheet) -> dict:
    header = [cell.value for cell in worksheet[2]]
    return dict(zip(header, worksheet[3], strict=True))


def test_the_xlsx_export_writes_the_deadline_as_a_date_cell(client, agreement_due_in_2014):
    cell = cells_of_the_first_row(sheet(client.get("/follow-up/export.xlsx")))["Deadline"]
    assert (cell.value, cell.is_date, cell.number_format) == (
        datetime.datetime(2014, 3, 31),
        True,
        "yyyy-mm-dd",
    )


def test_the_xlsx_export_writes_the_year_as_a_number(client, agreement_due_in_2014):
    cell = cells_of_the_first_row(sheet(client.get("/follow-up/export.xlsx")))["Year"]
    assert (cell.value, cell.data_type, cell.number_format) == (2013, "n", "0")


def test_the_xlsx_export_keeps_its_as_of_line_frozen_header_and_filter(
    client, agreement_due_in_2014
):
    worksheet = sheet(client.get("/follow-up/export.xlsx"))
    assert worksheet["A1"].value.startswith("As of ")
    assert worksheet.freeze_panes == "A3"
    assert worksheet.auto_filter.ref.startswith("A2:")


def test_the_csv_export_keeps_the_deadline_as_iso_text(client, agreement_due_in_2014):
    text = b"".join(client.get("/follow-up/export.csv").streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text)))[1:3]
    assert dict(zip(header, row, strict=True))["Deadline"] == "2014-03-31"


def test_an_agreement_without_a_deadline_has_an_empty_deadline_cell(client):
    AgreementFactory(deadline=None)
    cell = cells_of_the_first_row(sheet(client.get("/follow-up/export.xlsx")))["Deadline"]
    assert cell.value in (None, "")


def test_the_reserve_fund_xlsx_writes_its_quarters_as_date_cells(client, ts_staff):
    client.force_login(ts_staff)
    worksheet = sheet(client.get("/finance/reserve-fund/export.xlsx?year=2014"))
    header = [cell.value for cell in worksheet[2]]
    start = worksheet.cell(row=3, column=header.index("From") + 1)
    assert (start.value, start.number_format) == (datetime.datetime(2014, 1, 1), "yyyy-mm-dd")


def test_the_xlsx_export_makes_each_link_a_link_a_reader_can_click(client, agreement_due_in_2014):
    cell = cells_of_the_first_row(sheet(client.get("/follow-up/export.xlsx")))["Link"]
    assert cell.value == f"http://testserver/agreements/{agreement_due_in_2014.pk}/"
    assert cell.hyperlink.target == cell.value
