import datetime

from django import forms
from django.db import connection
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.http import require_safe

from rcm.models import FIRST_YEAR, Country, ObserverStatus, Organisation, Presidency, troika_among
from rcm.problems import problem_json_response


@require_safe
def health(request):
    """For load balancers and docker: the app answers and its database does too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_safe
def presidencies(request):
    """The rotation of the Presidency Pro-Tempore with its central themes, and the Troika now."""
    today = timezone.localdate()
    rotation = list(Presidency.objects.select_related("country").order_by("year"))
    return render(
        request,
        "rcm/presidencies.html",
        {"presidencies": rotation, "troika": troika_among(rotation, today), "today": today},
    )


class ObserversForm(forms.Form):
    year = forms.IntegerField(
        label=_("Observers in the year"), min_value=FIRST_YEAR, max_value=2100, required=False
    )


@require_safe
def observers(request):
    """The observer states and organisations today, or in a year (?year=2011) by the years the
    sources state: an organisation whose status has no year stated counts for today only."""
    form = ObserversForm(request.GET or None)
    year = None
    if form.is_bound:
        if not form.is_valid():
            return render(request, "rcm/observers.html", {"form": form}, status=400)
        year = form.cleaned_data["year"]
    today = timezone.localdate()
    on = min(datetime.date(year, 12, 31), today) if year else today
    organisations = (
        Organisation.objects.observers(year)
        .prefetch_related(Prefetch("observer_statuses", queryset=ObserverStatus.objects.all()))
        .order_by("acronym")
    )
    context = {
        "form": form,
        "year": year,
        "organisations": list(organisations),
        "states": list(Country.objects.observers(on).order_by("name_en")),
    }
    return render(request, "rcm/observers.html", context)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception=None):
    if _is_api(request):
        return problem_json_response(request, 400, "The request could not be understood.")
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if _is_api(request):
        return problem_json_response(request, 403, "You may not do this.")
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    if _is_api(request):
        return problem_json_response(request, 404, "No such resource.")
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return problem_json_response(request, 500, "Something went wrong on our side.")
    return defaults.server_error(request)
