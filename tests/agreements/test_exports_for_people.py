"""Exports that beat the spreadsheet: an "as of" line, headers people read in their language,
absolute links, a status column per country, and XLSX sheets ready to filter."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 3, 31)


def csv_lines(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def sheet(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).active


def test_the_csv_export_says_when_it_was_made_and_with_which_filters(client, mexico):
    AgreementFactory(responsible=[mexico])
    lines = csv_lines(client.get("/follow-up/export.csv?status=open&country=MX"))
    assert lines[0][0].startswith("As of ")
    assert "Status: Open" in lines[0][0]
    assert "Country: Mexico" in lines[0][0]


def test_an_export_without_filters_says_it_holds_every_record_the_reader_may_see(client):
    AgreementFactory()
    assert "No filters" in csv_lines(client.get("/follow-up/export.csv"))[0][0]


def test_the_csv_header_reads_in_the_readers_language(client):
    AgreementFactory()
    client.cookies["django_language"] = "es"
    header = csv_lines(client.get("/follow-up/export.csv"))[1]
    assert header[:4] == ["Reunión", "Año", "Sección", "Referencia"]


def test_the_exports_links_are_absolute(client):
    agreement = AgreementFactory()
    row = csv_lines(client.get("/follow-up/export.csv"))[2]
    assert row[-1] == f"http://testserver/agreements/{agreement.pk}/"


def test_the_export_has_a_status_column_per_country(client, mexico, guatemala, ts_staff):
    from agreements import services

    agreement = AgreementFactory(responsible=[mexico, guatemala], deadline=PAST)
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    header, row = csv_lines(client.get("/follow-up/export.csv"))[1:3]
    cells = dict(zip(header, row, strict=True))
    assert cells["Status: Mexico (MX)"] == "Done"
    assert cells["Status: Guatemala (GT)"] == "Open, overdue"


def test_the_xlsx_export_freezes_its_header_filters_it_and_sizes_its_columns(client):
    AgreementFactory.create_batch(3)
    worksheet = sheet(client.get("/follow-up/export.xlsx"))
    assert worksheet["A1"].value.startswith("As of ")
    assert (worksheet["A2"].value, worksheet["A2"].font.bold) == ("Meeting", True)
    assert worksheet.freeze_panes == "A3"
    assert worksheet.auto_filter.ref.startswith("A2:") and worksheet.auto_filter.ref.endswith("5")
    assert worksheet.column_dimensions["E"].width == 80  # the text


def test_the_matrix_exports_to_xlsx_with_the_same_filters(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico, guatemala], deadline=PAST, text_en="To urge (late).")
    AgreementFactory(responsible=[mexico, guatemala], text_en="To urge (on time).")
    AgreementFactory(responsible=[mexico], deadline=PAST, text_en="To urge Mexico alone.")
    worksheet = sheet(client.get("/follow-up/matrix/export.xlsx?overdue=true"))
    rows = list(worksheet.iter_rows(min_row=2, values_only=True))
    header = rows[0]
    assert "Status: Mexico (MX)" in header
    assert [row[header.index("Text")] for row in rows[1:]] == ["To urge (late)."]


@pytest.mark.parametrize("count", [1, 30])
def test_the_matrix_export_runs_two_queries(
    client, django_assert_num_queries, mexico, guatemala, count
):
    AgreementFactory.create_batch(count, responsible=[mexico, guatemala])
    # the member countries (the status columns); the agreements with their countries' statuses.
    with django_assert_num_queries(2):
        lines = csv_lines(client.get("/follow-up/matrix/export.csv"))
    assert len(lines) == count + 2


def test_an_unknown_matrix_export_format_is_404(client):
    assert client.get("/follow-up/matrix/export.pdf").status_code == 404


def test_the_finance_export_says_when_and_for_which_year(client, ts_staff):
    client.force_login(ts_staff)
    lines = csv_lines(client.get("/finance/contributions.csv?year=2014"))
    assert lines[0][0].startswith("As of ")
    assert "Year: 2014" in lines[0][0]
    assert lines[1][:2] == ["Country", "Country name"]
