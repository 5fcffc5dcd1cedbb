"""Every CSV and XLSX download of the records: the pages' exports and the API's `?format=csv`.

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula, and a formula can fetch addresses or run commands when the file is
opened. Any text of the records could begin so, so every cell passes through `neutralise`: in
CSV such a cell gets a leading apostrophe, the convention spreadsheets show as text; in XLSX it
is written as text with Excel's own quote prefix, never as a formula. Numbers such as "-5.00"
stay as they are: they cannot be formulas.

An export is read by people first: its first line says when it was made and with which filters
("as of"), its header row carries the columns' names in the reader's language, its links are
absolute (built from the request, so they work wherever the file travels), and an XLSX sheet
keeps that header frozen, with an autofilter and widths that fit.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = {"csv", "xlsx"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Widths (in characters) of the columns that hold long text; others fit their header.
WIDE_COLUMNS = {"text": 80, "url": 45, "link": 45, "meeting": 28, "deadline_text": 28}
MIN_WIDTH, MAX_WIDTH = 10, 40
# Dates are date cells, so a spreadsheet sorts, filters and computes with them; shown in the
# ISO form the CSV writes. A year is a plain number, without a thousands separator.
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
YEAR_FORMAT = "0"
YEAR_COLUMNS = {"year"}
# Columns of addresses: an XLSX cell of one is a link a reader can click.
LINK_COLUMNS = {"url", "link"}
WEB = ("https://", "http://")


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


def csv_rows(
    header: list[str],
    rows: Iterable[dict],
    *,
    labels: list[str] | None = None,
    as_of: str | None = None,
) -> Iterator[str]:
    """CSV lines for a header and an iterable of dicts: the body of a streamed export.

    `header` names the rows' keys; `labels`, when given, is the header row people read instead
    (the API's CSV keeps its field names: programs read it). `as_of` is a first line of its own.
    """
    writer = csv.writer(_Echo())
    first = [as_of] if as_of else labels or header
    yield "\ufeff" + writer.writerow([neutralise(str(cell)) for cell in first])  # BOM: UTF-8
    if as_of:
        yield writer.writerow([neutralise(str(label)) for label in labels or header])
    for row in rows:
        yield writer.writerow([neutralise(flatten(row.get(column))) for column in header])


def csv_response(
    *,
    header: list[str],
    rows: Iterable[dict],
    filename: str,
    labels: list[str] | None = None,
    as_of: str | None = None,
):
    response = StreamingHttpResponse(
        csv_rows(header, rows, labels=labels, as_of=as_of), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def as_of_line(filters: Iterable[tuple[str, str]] = ()) -> str:
    """The first line of an export: when it was made, and the filters that chose its rows."""
    now = timezone.localtime()
    when = f"{formats.date_format(now, 'DATE_FORMAT')} {now:%H:%M} {now.tzname()}"
    described = "; ".join(f"{label}: {value}" for label, value in filters)
    if described:
        return _("As of %(when)s. Filters: %(filters)s.") % {"when": when, "filters": described}
    return _("As of %(when)s. No filters: every record you may see.") % {"when": when}


def described_filters(form) -> list[tuple[str, str]]:
    """A bound form's filled-in fields as (label, value) pairs, choices by their labels."""
    described = []
    if form is None or not form.is_bound:
        return described
    form.is_valid()  # a field with an error filtered nothing: it is not described
    for name, field in form.fields.items():
        if name in form.errors:
            continue
        values = [value for value in form.data.getlist(name) if value not in ("", None)]
        if not values:
            continue
        choices = {str(key): str(label) for key, label in getattr(field, "choices", ()) or ()}
        shown = ", ".join(choices.get(str(value), str(value)) for value in values)
        described.append((str(field.label or name), shown))
    return described


def absolute_base(request) -> str:
    """The site's address as the request reached it, without the trailing slash."""
    if request is None:
        return ""
    return request.build_absolute_uri("/").rstrip("/")


def column_width(key: str, label: str) -> int:
    if key in WIDE_COLUMNS:
        return WIDE_COLUMNS[key]
    return max(MIN_WIDTH, min(MAX_WIDTH, len(label) + 4))


def xlsx_response(
    *,
    sheet: str,
    labels: list[str],
    columns: list[str],
    rows: Iterable[dict],
    filename: str,
    number_format: str | None = None,
    as_of: str | None = None,
) -> FileResponse:
    """A workbook of one sheet: the "as of" line, a row of labels, then each row's values in
    `columns` order; the labels stay in view (frozen), carry an autofilter, and each column is
    as wide as its content needs.

    Lists are joined with commas, decimal numbers keep `number_format`, dates are date cells
    (DATE_FORMAT), years numbers, web addresses links, and text that a spreadsheet would take for
    a formula is a text cell with Excel's quote prefix.
    """
    # openpyxl's write-only mode keeps one row in memory at a time; the file goes to disk.
    # Widths and panes are written before the rows, the autofilter after them.
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    labels = [str(label) for label in labels]
    for index, (key, label) in enumerate(zip(columns, labels, strict=True), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = column_width(key, label)
    header_row = 2 if as_of else 1
    worksheet.freeze_panes = f"A{header_row + 1}"
    if as_of:
        worksheet.append([_text_cell(worksheet, as_of)])
    bold = Font(bold=True)
    header = []
    for label in labels:
        cell = _text_cell(worksheet, label)
        cell.font = bold
        header.append(cell)
    worksheet.append(header)
    last_row = header_row
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
            elif key in LINK_COLUMNS and isinstance(value, str) and value.startswith(WEB):
                value = _link_cell(worksheet, value)
            elif isinstance(value, datetime.date):
                value = _date_cell(worksheet, value)
            elif key in YEAR_COLUMNS and isinstance(value, int) and not isinstance(value, bool):
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = YEAR_FORMAT
                value = cell
            elif isinstance(value, Decimal) and number_format:
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = number_format
                value = cell
            cells.append(value)
        worksheet.append(cells)
        last_row += 1
    if columns:
        worksheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{last_row}"
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def _date_cell(worksheet, day: datetime.date) -> WriteOnlyCell:
    """A date (or a moment, in the site's time zone: a spreadsheet knows no zones) as a date
    cell."""
    if isinstance(day, datetime.datetime):
        if timezone.is_aware(day):
            day = timezone.make_naive(day)
        cell = WriteOnlyCell(worksheet, value=day)
        cell.number_format = DATETIME_FORMAT
        return cell
    cell = WriteOnlyCell(worksheet, value=day)
    cell.number_format = DATE_FORMAT
    return cell


def _link_cell(worksheet, address: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=address)
    cell.hyperlink = address
    cell.style = "Hyperlink"
    return cell


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
    sheet: str,
    fmt: str,
    number_format: str | None = None,
    filters: Iterable[tuple[str, str]] = (),
):
    """A table as a CSV or XLSX download for people: an "as of" line naming the `filters`,
    then a header of the columns' labels in the reader's language."""
    if fmt not in FORMATS:
        raise Http404
    keys = [key for key, _label in columns]
    labels = [str(label) for _key, label in columns]
    as_of = as_of_line(filters)
    if fmt == "csv":
        return csv_response(
            header=keys, rows=rows, filename=filename(name, "csv"), labels=labels, as_of=as_of
        )
    return xlsx_response(
        sheet=sheet,
        labels=labels,
        columns=keys,
        rows=rows,
        filename=filename(name, "xlsx"),
        number_format=number_format,
        as_of=as_of,
    )
