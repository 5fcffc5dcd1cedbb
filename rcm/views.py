from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import defaults
from django.views.decorators.http import require_safe

from rcm.models import Presidency, troika_among
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
