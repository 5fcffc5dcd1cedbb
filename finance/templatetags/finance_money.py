"""Amounts of money on the pages: two decimals, grouped as the interface's language groups them."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def usd(value) -> str:
    """5000 → "5,000.00" in English, "5.000,00" in Spanish; the column says it is US$."""
    if value is None or value == "":
        return "—"
    return number_format(Decimal(value), decimal_pos=2, force_grouping=True)
