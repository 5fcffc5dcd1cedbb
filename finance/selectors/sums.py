"""The sums and names every finance read shares."""

from __future__ import annotations

from django.db.models import (
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from finance.models import (
    MONEY,
    ZERO,
)


def in_all(expression, **kwargs):
    """The sum over every row the query returns, on each of them."""
    return Coalesce(Window(Sum(expression, **kwargs)), Value(ZERO), output_field=MONEY)


def total(expression, **kwargs):
    """A money total that is 0.00, not NULL, when nothing is summed."""
    return Coalesce(Sum(expression, **kwargs), Value(ZERO), output_field=MONEY)


def in_spanish() -> bool:
    return (get_language() or "en").startswith("es")


def country_name(row: dict, prefix: str = "country__") -> str:
    return (in_spanish() and row[f"{prefix}name_es"]) or row[f"{prefix}name_en"]
