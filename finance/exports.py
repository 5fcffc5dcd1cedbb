"""Exports of the books for the TS's reports, through the one export helper (rcm.exports).

Amounts stay exact: "5000.00" in CSV, decimal numbers with two places in XLSX.
"""

from __future__ import annotations

from collections.abc import Iterable

from rcm import exports

MONEY_FORMAT = "#,##0.00"


def table_response(
    *,
    name: str,
    columns: list[tuple[str, str]],
    rows: Iterable[dict],
    fmt: str,
    sheet: str,
    filters: Iterable[tuple[str, str]] = (),
):
    """A table of the books as a CSV or XLSX download, its amounts shown as money."""
    return exports.table_response(
        name=name,
        columns=columns,
        rows=rows,
        fmt=fmt,
        sheet=sheet,
        number_format=MONEY_FORMAT,
        filters=filters,
    )
