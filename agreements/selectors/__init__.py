"""Reads the dashboards, pages and exports share: each a fixed number of queries.

One module per topic; every name is also importable from `agreements.selectors`, as before.
"""

from agreements.selectors.api import (
    API_ANNOTATIONS,
    API_DEFERRED,
    CorrelatedSQL,
    agreements_for_table,
    annotate_for_api,
    one_agreement_for_api,
    responsible_codes,
)
from agreements.selectors.country import (
    FOCAL_POINT_FIELDS,
    CountryPage,
    TreeNode,
    agreement_tree,
    country_page,
    pending_for_country_page,
)
from agreements.selectors.dashboard import (
    COUNT_KEYS,
    DashboardSummary,
    FilterChoices,
    actor_names,
    awaiting_validation,
    dashboard_summary,
    filter_choices,
    meetings_to_choose_from,
)
from agreements.selectors.rows import (
    MEETING_ROW_FIELDS,
    MEETING_ROW_RELATED,
    SQLRows,
    meeting_from_row,
    meeting_row,
    meeting_values,
    rows_together,
)
from agreements.selectors.search import (
    MARK_START,
    MARK_STOP,
    highlighted,
    other_language_hint,
    search_records,
)

__all__ = [
    "API_ANNOTATIONS", "API_DEFERRED", "COUNT_KEYS", "FOCAL_POINT_FIELDS", "MARK_START",
    "MARK_STOP", "MEETING_ROW_FIELDS", "MEETING_ROW_RELATED", "CorrelatedSQL", "CountryPage",
    "DashboardSummary", "FilterChoices", "actor_names", "SQLRows", "TreeNode", "agreement_tree",
    "agreements_for_table", "annotate_for_api", "awaiting_validation", "country_page",
    "dashboard_summary", "filter_choices", "highlighted", "meeting_from_row", "meeting_row",
    "meeting_values", "meetings_to_choose_from", "one_agreement_for_api", "other_language_hint",
    "pending_for_country_page", "responsible_codes", "rows_together", "search_records",
]  # fmt: skip
