"""Full-text search over agreements, instruments and meetings, with the matched words marked."""

from __future__ import annotations

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import (
    F,
)
from django.utils.html import escape
from django.utils.safestring import mark_safe

from agreements.models import (
    Agreement,
)
from agreements.selectors.rows import meeting_from_row, meeting_values, rows_together
from meetings.models import Meeting
from rcm.search import other_language_words, search_query

# PostgreSQL marks the matches with characters no document contains; the text is escaped
# before they become <mark> tags, so a record's text can never inject markup.
MARK_START, MARK_STOP = "\x02", "\x03"


def highlighted(headline: str) -> str:
    if MARK_START not in (headline or ""):
        return ""
    return mark_safe(  # noqa: S308 - escaped just before
        escape(headline).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def _search_query(text: str) -> SearchQuery:
    return search_query(text)


def _headline(field: str, text: str, config: str) -> SearchHeadline:
    return SearchHeadline(
        field,
        SearchQuery(text, config=config, search_type="websearch"),
        config=config,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=40,
        min_words=15,
        highlight_all=False,
    )


def search_records(text: str, access, *, limit: int) -> dict[str, list]:
    """The best matches the user may see, with the matched words marked (two queries).

    Agreements come as models with their headlines; the few instruments and meetings that
    match come together in one more query, as rows made into unsaved models.
    """
    from agreements.models import Instrument

    query = _search_query(text)
    rank = SearchRank(F("search_vector"), query)
    # The best `limit` are chosen among the matches alone, then only they are joined to their
    # meetings and given headlines: joined first, every match was (hundreds at scale 10, with
    # every meeting hashed), and the query took 7 ms there instead of 3 ms at scale 1.
    best = (
        Agreement.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=rank)
        .order_by("-rank", "pk")
        .values("pk")[:limit]
    )
    agreements = (
        Agreement.objects.filter(pk__in=best)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .annotate(
            rank=rank,
            headline_en=_headline("text_en", text, "english"),
            headline_es=_headline("text_es", text, "spanish"),
        )
        .order_by("-rank", "pk")
    )
    instruments = (
        Instrument.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=rank)
        .order_by("-rank", "pk")
        .values("id", "kind", "name_en", "name_es", "rank")[:limit]
    )
    meetings = meeting_values(
        Meeting.objects.visible_to(access)
        .filter(search_vector=query)
        .annotate(rank=rank)
        .order_by("-rank", "pk"),
        "rank",
    )[:limit]
    agreements = list(agreements)
    for agreement in agreements:
        agreement.highlight = highlighted(agreement.headline_es) or highlighted(
            agreement.headline_en
        )
    rows = rows_together(instruments=instruments, meetings=meetings)
    best_first = lambda row: (-row["rank"], row["id"])  # noqa: E731
    return {
        "agreements": agreements,
        "instruments": [
            Instrument(
                id=row["id"], kind=row["kind"], name_en=row["name_en"], name_es=row["name_es"]
            )
            for row in sorted(rows["instruments"], key=best_first)
        ],
        "meetings": [meeting_from_row(row) for row in sorted(rows["meetings"], key=best_first)],
    }


def other_language_hint(text: str, access) -> dict | None:
    """When the words have known equivalents in the other language, how many records the user
    may see match those (one query), so that the page can say "there are English results"
    (or Spanish ones). None when the words have no equivalent or it matches nothing."""
    from agreements.models import Instrument

    other = other_language_words(text)
    if other is None:
        return None
    language, words = other
    query = _search_query(words)
    count = (
        Agreement.objects.visible_to(access)
        .filter(search_vector=query)
        .values("pk")
        .union(
            Meeting.objects.visible_to(access).filter(search_vector=query).values("pk"),
            Instrument.objects.visible_to(access).filter(search_vector=query).values("pk"),
            all=True,
        )
        .count()
    )
    return {"language": language, "words": words, "count": count} if count else None
