"""{{ text|abbr }}: the text with the acronyms the records use written out in <abbr> titles;
{% abbr_text text %}: in plain text (an e-mail), written out in brackets where each first
appears in the template."""

from django import template

from rcm.glossary import expand, expand_text

register = template.Library()


@register.filter
def abbr(text):
    return expand(str(text) if text is not None else "")


@register.simple_tag(takes_context=True)
def abbr_text(context, text):
    # One set per rendering of the template: an acronym is written out once per e-mail.
    seen = context.render_context.setdefault("glossary_written_out", set())
    return expand_text(str(text) if text is not None else "", seen)
