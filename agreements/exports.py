"""Exports of agreement tables for the TS's reports: CSV and XLSX, written row by row."""

import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from agreements.selectors import responsible_codes
from rcm.renderers import csv_rows

COLUMNS = [
    ("meeting", "Meeting"),
    ("year", "Year"),
    ("section", "Section"),
    ("ref", "Reference"),
    ("text", "Text"),
    ("action", "Action"),
    ("actors", "Actors"),
    ("responsible", "Responsible"),
    ("deadline", "Deadline"),
    ("deadline_text", "Deadline as written"),
    ("status", "Status"),
    ("overdue", "Overdue"),
    ("url", "Link"),
]
CHUNK = 2000


def export_rows(agreements):
    """Each agreement as a flat row; the queryset carries the annotations of the tables."""
    for agreement in agreements.iterator(chunk_size=CHUNK):
        yield {
            "meeting": agreement.meeting.short_name,
            "year": agreement.meeting.year,
            "section": agreement.get_section_display(),
            "ref": agreement.ref,
            "text": agreement.text,
            "action": agreement.get_action_display(),
            "actors": [c["code"] for c in agreement.api_countries]
            + [o["code"] for o in agreement.api_organisations],
            "responsible": responsible_codes(agreement),
            "deadline": agreement.deadline.isoformat() if agreement.deadline else "",
            "deadline_text": agreement.deadline_text,
            "status": agreement.get_status_display(),
            "overdue": agreement.is_overdue,
            "url": agreement.get_absolute_url(),
        }


def _filename(extension: str) -> str:
    return f"rcm-agreements-{timezone.localdate().isoformat()}.{extension}"


def agreements_csv(agreements) -> StreamingHttpResponse:
    header = [key for key, _ in COLUMNS]
    response = StreamingHttpResponse(
        csv_rows(header, export_rows(agreements)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def agreements_xlsx(agreements) -> FileResponse:
    # openpyxl's write-only mode keeps one row in memory at a time; the file goes to disk.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Agreements")
    sheet.append([label for _, label in COLUMNS])
    for row in export_rows(agreements):
        values = []
        for key, _ in COLUMNS:
            value = row[key]
            if isinstance(value, list):
                value = ", ".join(value)
            values.append(value)
        sheet.append(values)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
