"""Writing demo rows in bulk: COPY for the large tables, with their first history rows copied
inside the database."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable

from django.db import connection

from agreements.demo.sizes import BATCH, COPY_CHUNK, HISTORY_REASON
from agreements.models import (
    Agreement,
    AgreementCountry,
    AgreementOrganisation,
    FollowUp,
)


def _bulk(model, objects: list, progress: Callable | None = None) -> list:
    """Insert in batches, with each row's first history entry (the audit stays complete)."""
    created = []
    for start in range(0, len(objects), BATCH):
        chunk = model.objects.bulk_create(objects[start : start + BATCH], batch_size=BATCH)
        if hasattr(model, "history"):
            model.history.bulk_history_create(
                chunk, default_change_reason=HISTORY_REASON, batch_size=BATCH
            )
        created.extend(chunk)
    if progress:
        progress(f"{model._meta.verbose_name_plural}: {len(created):,}")
    return created


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# The columns the generator writes, in order; create_demo checks them against the models so that
# a new field fails loudly here rather than shifting every value one column over.
AGREEMENT_COLUMNS = [
    "id", "meeting_id", "section", "group", "ref", "parent_id", "position", "text_en", "text_es",
    "action", "deadline", "deadline_text", "deadline_precision", "deadline_body",
    "addressed_to_body", "status", "status_changed_at", "reported_at", "due_on",
    "follow_up_override", "follow_up_override_reason", "visibility", "demo", "source",
    "created_at", "updated_at",
]  # fmt: skip
STATUS_COLUMN = AGREEMENT_COLUMNS.index("status")
FOLLOW_UP_COLUMNS = [
    "id", "agreement_id", "country_id", "author_id", "created_at", "status", "note", "link",
    "evidence", "validation", "reviewed_by_id", "reviewed_at", "review_note", "demo",
]  # fmt: skip
LINK_COLUMNS = {
    AgreementCountry: ["id", "agreement_id", "country_id", "responsible", "status",
                       "status_changed_at"],
    AgreementOrganisation: ["id", "agreement_id", "organisation_id", "responsible"],
    Agreement.themes.through: ["id", "agreement_id", "theme_id", "suggested"],
}  # fmt: skip


def _columns(model) -> list[str]:
    """The columns a row of the model is written with: all but generated ones."""
    return [f.column for f in model._meta.concrete_fields if not getattr(f, "generated", False)]


def _check_columns() -> None:
    expected = {Agreement: AGREEMENT_COLUMNS, FollowUp: FOLLOW_UP_COLUMNS, **LINK_COLUMNS}
    for model, columns in expected.items():
        if _columns(model) != columns:
            raise RuntimeError(
                f"agreements/demo/bulk.py writes {model._meta.db_table} as {columns}, "
                f"but the model now has {_columns(model)}: update the generator."
            )


def _copy(cursor, model, rows: Iterable[tuple]) -> int:
    """COPY rows (tuples in the order of _columns) into the model's table, in chunks."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _columns(model))
    statement = f"COPY {table} ({columns}) FROM STDIN"
    buffer, pending, total = io.StringIO(), 0, 0
    for row in rows:
        buffer.write("\t".join(map(_copy_value, row)))
        buffer.write("\n")
        pending += 1
        if pending == COPY_CHUNK:
            buffer.seek(0)
            cursor.copy_expert(statement, buffer)
            total += pending
            buffer, pending = io.StringIO(), 0
    if pending:
        buffer.seek(0)
        cursor.copy_expert(statement, buffer)
        total += pending
    return total


def _reserve_ids(cursor, model, count: int) -> list[int]:
    """Primary keys for rows about to be copied, from the table's own sequence."""
    if not count:
        return []
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [model._meta.db_table, count],
    )
    return [row[0] for row in cursor.fetchall()]


def _ids_condition(ids: list[int]) -> tuple[str, list]:
    if ids and ids[-1] - ids[0] + 1 == len(ids):
        # nextval never hands out a value twice: a contiguous range holds only these rows.
        return "id BETWEEN %s AND %s", [ids[0], ids[-1]]
    return "id = ANY(%s)", [ids]


def _copy_history(
    cursor,
    model,
    ids: list[int],
    *,
    when: datetime.datetime,
    history_type: str = "+",
    reason: str = HISTORY_REASON,
    overrides: dict[str, str] | None = None,
) -> None:
    """Each row's history entry, copied from the row itself inside the database.

    `overrides` replaces a column's value by an SQL expression (the status a row was created
    with, before its follow-up changed it).
    """
    if not ids:
        return
    history = model.history.model
    quote = connection.ops.quote_name
    overrides = overrides or {}
    target, source, params = [], [], []
    for field in history._meta.concrete_fields:
        column = field.column
        if column == "history_id":
            continue
        target.append(quote(column))
        if column == "history_date":
            source.append("%s")
            params.append(when)
        elif column == "history_change_reason":
            source.append("%s")
            params.append(reason)
        elif column == "history_type":
            source.append("%s")
            params.append(history_type)
        elif column == "history_user_id":
            source.append("NULL")
        else:
            source.append(overrides.get(column, quote(column)))
    condition, condition_params = _ids_condition(ids)
    cursor.execute(
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(target)}) "
        f"SELECT {', '.join(source)} FROM {quote(model._meta.db_table)} WHERE {condition}",
        params + condition_params,
    )
