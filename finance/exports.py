"""Exports of the books for the TS's reports: CSV streamed, XLSX written row by row.

Amounts stay exact: "5000.00" in CSV, decimal numbers with two places in XLSX.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from decimal import Decimal

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from rcm.renderers import csv_rows

MONEY_FORMAT = "#,##0.00"
FORMATS = {"csv", "xlsx"}


def _filename(name: str, extension: str) -> str:
    return f"rcm-{name}-{timezone.localdate().isoformat()}.{extension}"


def table_response(
    *, name: str, columns: list[tuple[str, str]], rows: Iterable[dict], fmt: str, sheet: str
):
    """A table as a CSV (header: the column keys) or XLSX (header: the labels) download."""
    if fmt not in FORMATS:
        raise Http404
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_rows([key for key, _label in columns], rows),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{_filename(name, "csv")}"'
        return response
    # openpyxl's write-only mode keeps one row in memory at a time; the file goes to disk.
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append([str(label) for _key, label in columns])
    for row in rows:
        cells = []
        for key, _label in columns:
            value = row.get(key)
            if isinstance(value, Decimal):
                cell = WriteOnlyCell(worksheet, value=value)
                cell.number_format = MONEY_FORMAT
                value = cell
            elif value is None:
                value = ""
            cells.append(value)
        worksheet.append(cells)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(name, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
