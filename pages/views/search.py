"""Full-text search over the records of every app."""

from django.views.decorators.http import require_safe

from agreements import selectors
from rcm import records_cache
from rcm.models import access_for

SEARCH_LIMIT = 30


@require_safe
def search(request):
    """Full-text search over agreements, instruments and meetings, English and Spanish; each
    query's results kept until the records change (rcm.records_cache)."""
    return records_cache.kept_page(
        request, "pages/search.html", "pages/_search_content.html", lambda: results(request)
    )


def results(request) -> dict:
    query_text = request.GET.get("q", "").strip()[:200]
    access = access_for(request.user)
    results = {"agreements": [], "instruments": [], "meetings": []}
    hint = None
    if query_text:
        results = selectors.search_records(query_text, access, limit=SEARCH_LIMIT)
        hint = selectors.other_language_hint(query_text, access)
    return {"q": query_text, "results": results, "limit": SEARCH_LIMIT, "hint": hint}
