"""Every CSV and XLSX download of the records: the pages' exports and the API's `?format=csv`.

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula, and a formula can fetch addresses or run commands when the file is
opened. Any text of the records could begin so, so every cell passes through `neutralise`: in
CSV such a cell gets a leading apostrophe, the convention spreadsheets show as text; in XLSX it
is written as text with Excel's own quote prefix, never as a formula. Numbers such as "-5.00"
stay as they are: they cannot be formulas.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMATS = {"csv", "xlsx"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(text: str) -> str:
    """The text with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + text if is_formula_like(text) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)


def flatten(value) -> str:
    """A value of a row as the text of one CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        for key in ("code", "acronym", "ref", "id"):
            if key in value:
                return flatten(value[key])
        return "; ".join(f"{k}={flatten(v)}" for k, v in value.items())
    return str(value)


class _Echo:
    def write(self, value):
        return value


def csv_rows(header: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """CSV lines for a header and an iterable of dicts: the body of a streamed export."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)  # the BOM makes spreadsheets read UTF-8
    for row in rows:
        yield writer.writerow([neutralise(flatten(row.get(column))) for column in header])


def csv_response(*, header: list[str], rows: Iterable[dict], filename: str):
    response = StreamingHttpResponse(csv_rows(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    *,
    sheet: str,
    labels: list[str],
    columns: list[str],
    rows: Iterable[dict],
    filename: str,
    number_format: str | None = None,
) -> FileResponse:
    """A workbook of one sheet: a row of labels, then each row's values in `columns` order.

    Lists are joined with commas, decimal numbers keep `number_format`, and text that a
    spreadsheet would take for a formula is a text cell with Excel's quote prefix.
    """
    # openpyxl's write-only mode keeps one row in memory at a time; the file goes to disk.
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append([str(label) for label in labels])
    for row in rows:
        cells = []
        for key in columns:
            value = row.get(key)
            if value is None:
                value = ""
            elif isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            if isinstance(value, str) and is_formula_like(value):
                value = _text_cell(worksheet, value)
            elif isinstance(value, Decimal) and number_format:
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = number_format
                value = cell
            cells.append(value)
        worksheet.append(cells)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def _text_cell(worksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=text)
    # openpyxl makes a formula of any text that begins with "="; this cell is text, whatever it
    # begins with, and the quote prefix keeps it text when someone edits it in Excel.
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def filename(name: str, extension: str) -> str:
    return f"rcm-{name}-{timezone.localdate().isoformat()}.{extension}"


def table_response(
    *,
    name: str,
    columns: list[tuple[str, str]],
    rows: Iterable[dict],
    fmt: str,
    sheet: str,
    number_format: str | None = None,
):
    """A table as a CSV (header: the column keys) or XLSX (header: the labels) download."""
    if fmt not in FORMATS:
        raise Http404
    keys = [key for key, _label in columns]
    if fmt == "csv":
        return csv_response(header=keys, rows=rows, filename=filename(name, "csv"))
    return xlsx_response(
        sheet=sheet,
        labels=[label for _key, label in columns],
        columns=keys,
        rows=rows,
        filename=filename(name, "xlsx"),
        number_format=number_format,
    )
