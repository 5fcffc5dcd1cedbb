"""{{ text|abbr }}: the text with the acronyms the records use written out in <abbr> titles."""

from django import template

from rcm.glossary import expand

register = template.Library()


@register.filter
def abbr(text):
    return expand(str(text) if text is not None else "")
