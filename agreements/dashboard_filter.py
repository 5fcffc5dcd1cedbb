"""The dashboard's filter form: the agreements filter with choices a person picks from (ticked
boxes, selects filled with what the page reads anyway) rather than values typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django import forms
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements import widgets
from agreements.filters import AgreementFilter
from meetings.models import MeetingKind
from rcm.filters import StrictBooleanFilter

if TYPE_CHECKING:
    from agreements import selectors


class OpenChoiceField(django_filters.fields.ChoiceField):
    """A select whose options come after validation: any value is accepted, and one that is not
    among the options simply matches nothing (the rows stay limited to what the user may see).

    The dashboard reads its options in the same query as its counts, which need the validated
    filters first.
    """

    def valid_value(self, value) -> bool:
        return True


class OpenTypedChoiceField(forms.TypedChoiceField):
    def valid_value(self, value) -> bool:
        return True


class OpenChoiceFilter(django_filters.ChoiceFilter):
    field_class = OpenChoiceField


class OpenTypedChoiceFilter(django_filters.TypedChoiceFilter):
    field_class = OpenTypedChoiceField


class DashboardFilter(AgreementFilter):
    """The agreements filter, with the choices a person picks from rather than types."""

    # On the dashboard the country sits under "Who must act": its counts are that country's
    # obligations, the same as its workspace and country page; one that only mentions it is not
    # pending for it (the API's ?country= keeps "responsible or mentioned", and ?responsible=).
    country = OpenChoiceFilter(
        method="filter_country", label=gettext_lazy("Country"), empty_label=gettext_lazy("All")
    )
    body = django_filters.ChoiceFilter(
        method="filter_body",
        label=gettext_lazy("Body"),
        choices=MeetingKind.choices,
        empty_label=gettext_lazy("All"),
    )
    meeting = OpenTypedChoiceFilter(
        field_name="meeting_id",
        label=gettext_lazy("Meeting"),
        coerce=int,
        empty_value=None,
        choices=[("", gettext_lazy("All"))],
    )
    theme = OpenChoiceFilter(
        method="filter_theme", label=gettext_lazy("Theme"), empty_label=gettext_lazy("All")
    )
    organisation = OpenChoiceFilter(
        method="filter_responsible",
        label=gettext_lazy("Responsible organisation"),
        empty_label=gettext_lazy("All"),
    )
    overdue = StrictBooleanFilter(
        method="filter_overdue",
        label=gettext_lazy("Overdue"),
        widget=forms.Select(
            choices=[("", gettext_lazy("All")), ("true", gettext_lazy("Overdue only"))]
        ),
    )
    deadline_after = django_filters.DateFilter(
        field_name="deadline",
        lookup_expr="gte",
        label=gettext_lazy("Deadline from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    deadline_before = django_filters.DateFilter(
        field_name="deadline",
        lookup_expr="lte",
        label=gettext_lazy("Deadline until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    parent = None  # the API's; the dashboard does not offer it

    def of_country(self, queryset, code: str):
        return queryset.responsible_country(code)

    class Meta(AgreementFilter.Meta):
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ticked boxes instead of Ctrl-click list boxes, which a phone cannot use.
        for name in ("section", "action", "status"):
            field = self.form.fields[name]
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        for name in ("not_reported", "stale"):
            self.form.fields[name].widget = forms.Select(
                choices=[("", _("All")), ("true", _("Only these"))]
            )
        self.form.renderer = widgets.RENDERER

    def offer(self, choices: selectors.FilterChoices) -> None:
        """Fill the selects with the options read along with the page's other data."""
        fields = self.form.fields
        fields["country"].choices = [(c.code, c.name) for c in choices.countries]
        fields["meeting"].choices = [("", _("All"))] + [
            (m.pk, m.short_name) for m in choices.meetings
        ]
        fields["theme"].choices = [(t.code, f"{t.code} {t.name}") for t in choices.themes]
        # The filter's value stays the acronym the records use; a page in Spanish reads OIM.
        spanish = (translation.get_language() or "en").startswith("es")
        labels = choices.organisations_es if spanish else {}
        fields["organisation"].choices = sorted(
            ((a, labels.get(a, a)) for a in choices.organisations), key=lambda choice: choice[1]
        )
