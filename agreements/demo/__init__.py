"""Demo meetings, agreements, follow-up and lineage, shaped like the real records (seed_demo).

Rows are written in bulk with their first history entries, so that even demo data keeps the
audit trail complete. Everything created here is marked demo=True (or belongs to a demo row).

The large tables (agreements, the countries and organisations they name, their themes and the
follow-up updates, about 1.3 million rows with their history at scale 10) go in through
PostgreSQL's COPY, and their history rows are copied from them inside the database with
INSERT … SELECT: the ORM's bulk_create builds a Python object per row and takes many minutes at
that size. Primary keys are drawn from each table's sequence first, so that rows can point at
each other before they exist.
"""

from agreements.demo.bulk import (
    AGREEMENT_COLUMNS,
    COPY_ESCAPES,
    FOLLOW_UP_COLUMNS,
    LINK_COLUMNS,
    STATUS_COLUMN,
)
from agreements.demo.generate import create_demo
from agreements.demo.sizes import (
    ACTION_WEIGHTS,
    AGREEMENTS_PER_MEETING,
    BATCH,
    COPY_CHUNK,
    FOLLOW_UP_STATUSES,
    FOLLOW_UP_WEIGHTS,
    FOLLOW_UPS_PER_AGREEMENT,
    HISTORY_REASON,
    KIND_WEIGHTS,
    MEETINGS_PER_SCALE,
    PHRASES,
    SPANISH_TOPICS,
    TOPICS,
    weighted,
)

__all__ = [
    "MEETINGS_PER_SCALE",
    "AGREEMENTS_PER_MEETING",
    "FOLLOW_UPS_PER_AGREEMENT",
    "BATCH",
    "COPY_CHUNK",
    "HISTORY_REASON",
    "KIND_WEIGHTS",
    "ACTION_WEIGHTS",
    "PHRASES",
    "TOPICS",
    "SPANISH_TOPICS",
    "FOLLOW_UP_STATUSES",
    "FOLLOW_UP_WEIGHTS",
    "weighted",
    "COPY_ESCAPES",
    "AGREEMENT_COLUMNS",
    "STATUS_COLUMN",
    "FOLLOW_UP_COLUMNS",
    "LINK_COLUMNS",
    "create_demo",
]
