"""OpenAPI for django-filter: a number filter's bounds are part of its schema.

A year filter refuses 70000 with a 400; the schema says so, so that a client (and the schema
fuzzing) knows which values are valid before it asks.
"""

import django_filters
from drf_spectacular.contrib.django_filters import DjangoFilterExtension

BOUNDS = (("minimum", "min_value"), ("maximum", "max_value"))
# Ids and other integers the database keeps in a 4-byte column.
INTEGER = {"minimum": -(2**31), "maximum": 2**31 - 1}
RECORD_ID = {"minimum": 1, "maximum": 2**31 - 1}


class BoundedNumberFilterExtension(DjangoFilterExtension):
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        bounds = {
            keyword: filter_field.extra[option]
            for keyword, option in BOUNDS
            if filter_field.extra.get(option) is not None
        }
        for parameter in parameters:
            schema = parameter["schema"]
            if schema.get("type") not in {"integer", "number"}:
                continue
            if isinstance(filter_field, django_filters.ModelChoiceFilter):
                schema.update(RECORD_ID)
            elif isinstance(filter_field, django_filters.NumberFilter):
                # Every number filter here is an id or a year: a whole number in the column's
                # range, within the filter's own bounds where it has them.
                schema.update({"type": "integer", **INTEGER, **bounds})
        return parameters
