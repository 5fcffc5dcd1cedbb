"""{{ record.source|citation }}: the source as a reader can follow it (rcm/citations.py)."""

from django import template

from rcm.citations import readable

register = template.Library()


@register.filter
def citation(source) -> str:
    return readable(str(source) if source else "")
