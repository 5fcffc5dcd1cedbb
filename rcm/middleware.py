"""Keep hostile input and a database outage from becoming a 500 with a stack trace."""

import contextlib
import logging
from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.db import DatabaseError, DataError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)


class RejectNulBytesMiddleware:
    """Answer 400 to a NUL byte in the path or the query string.

    No record holds one and PostgreSQL refuses text containing it, so such a value reaching a
    filter, a search or a lookup would be a 500. One check here covers every page, export,
    feed and API list, whatever parameters they read. The answer is Django's 400 (problem JSON
    under /api/).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            raise BadRequest("A NUL byte in the address.")
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answer 503 while the database cannot be reached (the next request reconnects), and 400
    to a value the database refuses as out of range.

    Django opens a fresh connection for the next request once this one is closed, so recovery
    needs nothing more than dropping the broken connection here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DataError):
            return self.value_out_of_range(request)
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception.__class__.__name__)
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(DatabaseError):
                connection.close()
        detail = "The records database cannot be reached. Please try again in a minute."
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Service Unavailable",
                    "status": 503,
                    "detail": detail,
                },
                status=503,
                content_type="application/problem+json",
            )
        else:
            response = HttpResponse(detail, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "30"
        return response

    def value_out_of_range(self, request):
        """A value that passed the forms but not PostgreSQL (a date in year 3166 with a +16:00
        offset, a number past its column's range) is the client's mistake, not the server's."""
        detail = "A value in the request is outside what the records can hold."
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": detail},
                status=400,
                content_type="application/problem+json",
            )
        return HttpResponse(detail, status=400, content_type="text/plain; charset=utf-8")
