from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from meetings.filters import MeetingFilter
from meetings.models import Meeting, Participation
from rcm.models import Presidency


def meeting_list(request):
    """Every meeting the user may see, newest first, filterable by kind, year and host."""
    meetings = Meeting.objects.visible_to(request.user).filter(parent__isnull=True).for_listing()
    filterset = MeetingFilter(request.GET, queryset=meetings)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


def meeting_detail(request, pk: int):
    """A meeting's heading, its parts and who took part, by role."""
    participations = Participation.objects.select_related("country", "organisation")
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user)
        .select_related("country", "parent")
        .prefetch_related(Prefetch("participations", queryset=participations)),
        pk=pk,
    )
    parts = list(meeting.parts.visible_to(request.user).order_by("part"))
    presidencies = list(Presidency.objects.select_related("country").order_by("year"))
    by_role: dict[str, list] = {}
    for participation in meeting.participations.all():
        by_role.setdefault(participation.get_role_display(), []).append(participation)
    context = {
        "meeting": meeting,
        "parts": parts,
        "participants_by_role": by_role,
        "presidency": meeting.presidency_in_office(presidencies),
    }
    return render(request, "meetings/meeting_detail.html", context)
