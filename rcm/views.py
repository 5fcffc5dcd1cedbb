from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from meetings.models import Meeting
from rcm.models import Presidency, troika_among


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
    return render(request, "rcm/home.html", context)


def health(request):
    """For load balancers and docker: the app answers and its database does too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def presidencies(request):
    """The rotation of the Presidency Pro-Tempore with its central themes, and the Troika now."""
    today = timezone.localdate()
    rotation = list(Presidency.objects.select_related("country").order_by("year"))
    return render(
        request,
        "rcm/presidencies.html",
        {"presidencies": rotation, "troika": troika_among(rotation, today), "today": today},
    )
