"""OpenAPI: describe the error responses every operation can give, as problem details; serve
the schema generated once."""

from typing import ClassVar

from django.http import HttpResponse
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "For 400: the messages per field (non_field_errors for the whole).",
            "additionalProperties": True,
        },
    },
    "required": ["type", "title", "status", "detail"],
}

DESCRIPTIONS = {
    "400": "The request has invalid data; `errors` says what, per field.",
    "401": "Authentication failed (a wrong or revoked token).",
    "403": "You may not do this.",
    "404": "No such record, or not one you may see.",
    "405": "This method is not allowed here.",
    "406": "The requested format is not offered.",
    "409": "Other records depend on this one.",
    "412": "The record changed since you read it (If-Match no longer matches).",
    "415": "The request body's media type is not accepted.",
    "428": (
        "Send If-Match with the ETag of the version you are changing (`If-Match: *`, which "
        "names no version, is refused too)."
    ),
    "429": "Too many requests; retry after the number of seconds in Retry-After.",
}


# Response components whose fields may be null although the model's column is not: contact
# details withheld from readers who may not see them. Filled by @nullable_in_responses.
NULLABLE_IN_RESPONSES: dict[str, tuple[str, ...]] = {}


def nullable_in_responses(*fields: str):
    """Class decorator: the serializer answers null for these fields to some readers."""

    def register(serializer_class):
        component = serializer_class.__name__.removesuffix("Serializer")
        NULLABLE_IN_RESPONSES[component] = fields
        return serializer_class

    return register


def _mark_nullable(schemas: dict) -> None:
    for component, fields in NULLABLE_IN_RESPONSES.items():
        properties = schemas.get(component, {}).get("properties", {})
        for field in fields:
            schema = properties.get(field)
            if schema is None:
                continue
            if "oneOf" in schema or "allOf" in schema or "$ref" in schema:
                properties[field] = {"oneOf": [dict(schema)], "nullable": True}
            else:
                schema["nullable"] = True


def _problem(code: str) -> dict:
    return {
        "description": DESCRIPTIONS[code],
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


# A NUL byte anywhere in the address is refused with a 400 (rcm.middleware): no text parameter
# of the path or the query may hold one.
NO_NUL_BYTE = "^[^\\x00]*$"


def _refuse_nul_bytes(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") in {"path", "query"} and schema.get("type") == "string":
            if "enum" not in schema:
                schema.setdefault("pattern", NO_NUL_BYTE)


def add_problem_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents the errors it may answer."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    _mark_nullable(result["components"]["schemas"])
    for path, operations in result.get("paths", {}).items():
        has_id = "{" in path
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete", "head"}:
                continue
            _refuse_nul_bytes(operation)
            # 400 for every method: a NUL byte in the address (rcm.middleware) is refused first.
            codes = ["400", "401", "403", "405", "406", "429"]
            if method in {"get", "head"}:
                codes += ["404"]  # invalid filter values (400); a page that does not exist
            elif has_id:
                codes.append("404")
            if method in {"post", "put", "patch"}:
                codes += ["400", "415"]
            if method in {"put", "patch", "delete"}:
                codes += ["409", "412", "428"]
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, _problem(code))
            if method == "get" and has_id:
                responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
            # Every read is open to anonymous clients (the visibility rules choose the rows), so
            # authentication is optional there: a client may read without a token.
            security = operation.get("security")
            if method in {"get", "head"} and security and {} not in security:
                security.append({})
    return result


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema, generated and rendered once per language, version and format in each
    process.

    It is the same document for every reader (SERVE_PUBLIC) and changes only when the code does,
    while generating it takes one to two seconds of CPU and rendering it as YAML another half
    second: each visit to the API docs, each client that fetches it, and each test that reads it
    paid that again.
    """

    _generated: ClassVar[dict[tuple, dict]] = {}
    _rendered: ClassVar[dict[tuple, tuple[bytes, str]]] = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version)
        if key not in self._generated:
            generator = self.generator_class(
                urlconf=self.urlconf, api_version=version, patterns=self.patterns
            )
            self._generated[key] = generator.get_schema(request=request, public=self.serve_public)
        rendered_key = (*key, request.accepted_media_type)
        if rendered_key not in self._rendered:
            response = Response(data=self._generated[key])
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            response.render()
            self._rendered[rendered_key] = (response.content, response["Content-Type"])
        content, content_type = self._rendered[rendered_key]
        filename = self._get_filename(request, version)
        return HttpResponse(
            content,
            content_type=content_type,
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )
