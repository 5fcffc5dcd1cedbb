"""CSV for every list: `?format=csv`, the same filters as the JSON list, streamed."""

import io

from rest_framework import renderers

from rcm.exports import csv_rows


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
