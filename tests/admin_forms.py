"""Submit an admin change form as a browser would, from the rendered page."""


def change_form_data(response) -> dict:
    """The form as the browser would send it back, from the rendered page's context."""
    data = {}
    for form in [response.context["adminform"].form, *[
        inline_form for formset in response.context["inline_admin_formsets"]
        for inline_form in [formset.formset.management_form, *formset.formset.forms]
    ]]:  # fmt: skip
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(v) for v in value]
            else:
                data[form.add_prefix(name)] = value
    return data
