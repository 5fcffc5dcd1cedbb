from django.core.paginator import Paginator
from django.db.models import F
from django.views.decorators.http import require_safe

from meetings.filters import MeetingFilter
from meetings.models import Meeting
from rcm import records_cache


@require_safe
def meeting_list(request):
    """Every meeting the user may see, newest first, filterable by kind, year and host; kept
    until the records change (rcm.records_cache)."""
    return records_cache.kept_page(
        request,
        "meetings/meeting_list.html",
        "meetings/_meeting_list_content.html",
        lambda: meeting_list_context(request),
    )


def meeting_list_context(request) -> dict:
    # Newest first, and the meetings no source dates (planned, "year not stated") last rather
    # than first, where PostgreSQL puts empty values in a descending order.
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(parent__isnull=True)
        .for_listing()
        .order_by(F("year").desc(nulls_last=True), F("starts_on").desc(nulls_last=True), "pk")
    )
    filterset = MeetingFilter(request.GET, queryset=meetings)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"filter": filterset, "page": page, "query": query.urlencode()}
