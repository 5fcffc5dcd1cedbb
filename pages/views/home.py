"""The front page."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings.models import Meeting
from rcm.models import Presidency, troika_among


@require_safe
def home(request):
    """The front page: who holds the presidency, the Troika, and the meetings around today."""
    today = timezone.localdate()
    presidencies = list(Presidency.objects.select_related("country").order_by("year"))
    visible = Meeting.objects.visible_to(request.user).filter(parent__isnull=True).for_listing()
    context = {
        "today": today,
        "troika": troika_among(presidencies, today),
        "recent_meetings": list(visible.recent(today)[:8]),
        "upcoming_meetings": list(visible.upcoming(today).order_by("starts_on", "year")[:8]),
    }
    return render(request, "pages/home.html", context)
