"""The filters' widgets written in Python, for the pages that show every filter on each request.

Django renders a select through a template that includes another template per option, and a
checkbox through three templates per box: the dashboard's and the matrix's filter drawer (a
hundred meetings, the themes, the countries …) spent a quarter of each request there. This
renderer writes those widgets' markup directly, exactly as Django's templates would
(tests/agreements/test_filter_widgets.py compares them), and leaves every other template to Django.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = widget.get("value")
    shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}"'
        f' name="{conditional_escape(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


def _input_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html (a checkbox or radio of a multiple choice)."""
    if not widget.get("wrap_label"):
        return _input(widget)
    target = widget["attrs"].get("id")
    label_for = f' for="{conditional_escape(target)}"' if target else ""
    # input.html ends with a line break, kept inside the label as Django's include keeps it.
    return f"<label{label_for}>{_input(widget)}\n {conditional_escape(widget['label'])}</label>"


def _select(widget: dict) -> str:
    """django/forms/widgets/select.html with select_option.html for each option."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            )  # select_option.html ends with a line break, which its include keeps
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


WRITERS = {
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/checkbox_option.html": _input_option,
    "django/forms/widgets/radio_option.html": _input_option,
    "django/forms/widgets/input.html": _input,
    "django/forms/widgets/text.html": _input,
    "django/forms/widgets/date.html": _input,
    "django/forms/widgets/number.html": _input,
    "django/forms/widgets/search.html": _input,
}


class FilterWidgetRenderer(DjangoTemplates):
    """Django's template renderer, with the widgets of WRITERS written in Python."""

    def render(self, template_name, context, request=None):
        write = WRITERS.get(template_name)
        if write is None:
            return super().render(template_name, context, request=request)
        return write(context["widget"])


RENDERER = FilterWidgetRenderer()
