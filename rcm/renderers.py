"""CSV for every list: `?format=csv`, the same filters as the JSON list, streamed."""

import csv
import io

from rest_framework import renderers


def flatten(value) -> str:
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


def csv_rows(header: list[str], rows):
    """Yield CSV lines for a header and an iterable of dicts: the body of a streamed export."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)  # the BOM makes spreadsheets read UTF-8
    for row in rows:
        yield writer.writerow([flatten(row.get(column)) for column in header])


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            data = [data]
        rows = list(data)
        header = list(rows[0].keys()) if rows else []
        buffer = io.StringIO()
        for line in csv_rows(header, rows):
            buffer.write(line)
        return buffer.getvalue().encode("utf-8")
