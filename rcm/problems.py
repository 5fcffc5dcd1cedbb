"""Every API error as RFC 9457 problem details (application/problem+json)."""

import traceback
from http import HTTPStatus
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://rcm-records.example/problems/"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send If-Match with the ETag of the version you are changing."
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it; fetch it again and retry."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the records as they are."
    default_code = "conflict"


def problem(status_code: int, detail, *, code: str | None = None, errors=None) -> dict:
    title = HTTPStatus(status_code).phrase
    body = {
        "type": f"{PROBLEM_BASE}{code}" if code else "about:blank",
        "title": title,
        "status": status_code,
        "detail": str(detail),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def _django_validation_errors(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
    return {"non_field_errors": [str(m) for m in error.messages]}


def _raised_while_parsing(exc: BaseException) -> bool:
    """Whether the error came out of DRF reading the request body, not out of our code."""
    return any(
        frame.name == "_parse"
        and Path(frame.filename).parts[-2:] == ("rest_framework", "request.py")
        for frame in traceback.extract_tb(exc.__traceback__)
    )


def exception_handler(exc, context):
    """DRF's handler, reshaped: one JSON shape for every 4xx the API answers."""
    if isinstance(exc, RecursionError) and _raised_while_parsing(exc):
        # JSON nested deeper than Python's parser goes, whichever parser the view uses.
        exc = exceptions.ParseError("The request body is nested too deeply.")
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_errors(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict("Other records depend on this one; remove or reassign them first.")
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        # The rule's own message says why (a service's "only its author…"), else DRF's default.
        exc = exceptions.PermissionDenied(str(exc) or None)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    if request is not None:
        # Errors are problem documents whatever format the request asked for (CSV, HTML…).
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    code = getattr(exc, "default_code", None)
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        body = problem(
            response.status_code,
            "The request has invalid data; see errors.",
            code="invalid",
            errors=errors,
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        if isinstance(detail, list | dict):
            detail = "; ".join(
                str(item) for item in (detail.values() if isinstance(detail, dict) else detail)
            )
        body = problem(response.status_code, detail, code=code)
    problem_response = Response(body, status=response.status_code, headers=dict(response.items()))
    problem_response.content_type = PROBLEM_CONTENT_TYPE
    return problem_response


def problem_json_response(request, status_code: int, detail: str) -> JsonResponse:
    return JsonResponse(
        problem(status_code, detail), status=status_code, content_type=PROBLEM_CONTENT_TYPE
    )
