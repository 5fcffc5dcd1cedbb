"""The fields every finance serializer shares: amounts in USD, percentages, country codes."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from finance.models import (
    CURRENCY,
)
from finance.models.base import DECIMAL_PLACES, MAX_DIGITS
from rcm.api.base import ModelRulesSerializer
from rcm.models import Country


@extend_schema_field(
    {
        "type": "string",
        "enum": [CURRENCY],
        "readOnly": True,
        "description": "The currency of every amount: US dollars.",
    }
)
class CurrencyField(serializers.Field):
    """Every amount the API gives is in US dollars; each representation says so."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value) -> str:
        return CURRENCY


def money(**kwargs) -> serializers.DecimalField:
    """An amount in US dollars as a string with two decimals ("5000.00"): never a float."""
    kwargs.setdefault("help_text", "US dollars, as a string with two decimals.")
    return serializers.DecimalField(
        max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, coerce_to_string=True, **kwargs
    )


def percent(**kwargs) -> serializers.DecimalField:
    kwargs.setdefault("help_text", 'Per cent, derived from the amounts, as a string ("50.00").')
    return serializers.DecimalField(
        max_digits=7, decimal_places=2, coerce_to_string=True, read_only=True, **kwargs
    )


class CountryCodeField(serializers.SlugRelatedField):
    """A country by its ISO alpha-2 code, in either case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def use_pk_only_optimization(self):
        # The code is the country's primary key: no query to write it out.
        return True

    def to_representation(self, value):
        return value.pk

    def to_internal_value(self, data):
        return super().to_internal_value(str(data).upper())


class FinanceSerializer(ModelRulesSerializer):
    """The model's own rules, with their messages under the API's field names."""

    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except serializers.ValidationError as error:
            raise serializers.ValidationError(self.api_names(error.detail)) from None

    def api_names(self, detail):
        if not isinstance(detail, dict):
            return detail
        names = {
            field.source: name
            for name, field in self.fields.items()
            if field.source and field.source != "*"
        }
        return {names.get(key, key): value for key, value in detail.items()}
