"""Filters of the agreements, shared by the API, the dashboards and the exports."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Action, Agreement, Section, Status
from meetings.models import MeetingKind
from rcm.filters import StrictBooleanFilter
from rcm.models import FIRST_YEAR

# The conference's own names of its bodies, accepted wherever a body is asked for.
BODY_ALIASES = {
    "RCM": MeetingKind.VICE_MINISTERIAL,
    "VMM": MeetingKind.VICE_MINISTERIAL,
    "RCGM": MeetingKind.RCGM,
    "GRCM": MeetingKind.RCGM,
}


class AgreementFilter(django_filters.FilterSet):
    meeting = django_filters.NumberFilter(field_name="meeting_id", label=_("Meeting (id)"))
    body = django_filters.CharFilter(
        method="filter_body",
        label=_("Body"),
        help_text="Meeting kind (rcgm, vice_ministerial, …) or RCGM / RCM.",
    )
    # A meeting's years: anything else is a form error, never a lookup PostgreSQL cannot run.
    year = django_filters.NumberFilter(
        field_name="meeting__year", label=_("Year"), min_value=FIRST_YEAR, max_value=2100
    )
    # These filter the agreement's own columns: no join, so no DISTINCT (django-filter's default
    # for multiple choices), which would make every page and count compare whole rows.
    section = django_filters.MultipleChoiceFilter(
        choices=Section.choices, label=_("Section"), distinct=False
    )
    action = django_filters.MultipleChoiceFilter(
        choices=Action.choices, label=_("Action"), distinct=False
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), distinct=False
    )
    overdue = StrictBooleanFilter(method="filter_overdue", label=_("Overdue"))
    not_reported = StrictBooleanFilter(
        method="filter_not_reported",
        label=_("Not reported"),
        help_text="Open or in progress, with no accepted update since it was adopted.",
    )
    stale = StrictBooleanFilter(
        method="filter_stale",
        label=_("Stale"),
        help_text="Open or in progress, with no accepted update for FOLLOW_UP_STALE_MONTHS.",
    )
    country = django_filters.CharFilter(
        method="filter_country",
        label=_("Country"),
        help_text="Alpha-2 code of a country that is responsible or mentioned.",
    )
    responsible = django_filters.CharFilter(
        method="filter_responsible",
        label=_("Responsible"),
        help_text="Alpha-2 code or acronym of an actor that must act.",
    )
    organisation = django_filters.CharFilter(
        method="filter_organisation",
        label=_("Organisation"),
        help_text="Acronym of an organisation or body that is responsible or mentioned.",
    )
    theme = django_filters.CharFilter(
        method="filter_theme", label=_("Theme"), help_text="Theme code; includes its subtopics."
    )
    deadline_after = django_filters.DateFilter(
        field_name="deadline", lookup_expr="gte", label=_("Deadline from")
    )
    deadline_before = django_filters.DateFilter(
        field_name="deadline", lookup_expr="lte", label=_("Deadline until")
    )
    q = django_filters.CharFilter(
        method="filter_q", label=_("Search"), help_text="Full text, English and Spanish."
    )
    parent = django_filters.NumberFilter(
        method="filter_parent",
        label=_("Part of (id)"),
        help_text="The id of the item whose sub-items to list.",
    )

    class Meta:
        model = Agreement
        fields = ["meeting", "parent"]

    def filter_body(self, queryset, name, value):
        kind = BODY_ALIASES.get(value.upper(), value.lower())
        return queryset.filter(meeting__kind=kind)

    def filter_overdue(self, queryset, name, value):
        # Combined with a country, "overdue" is about that country's own part: see filter_queryset.
        if self.form.cleaned_data.get("country"):
            return queryset
        if value:
            return queryset.overdue()
        return queryset.exclude(Agreement.objects.overdue_q())

    def filter_not_reported(self, queryset, name, value):
        condition = Agreement.objects.not_reported_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_stale(self, queryset, name, value):
        condition = Agreement.objects.stale_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_country(self, queryset, name, value):
        code = value.upper()
        if self.form.cleaned_data.get("overdue") is True:
            return queryset.overdue_for_country(code, timezone.localdate())
        if self.form.cleaned_data.get("overdue") is False:
            queryset = queryset.exclude(
                pk__in=Agreement.objects.overdue_for_country(code).values("pk")
            )
        return self.of_country(queryset, code)

    def of_country(self, queryset, code: str):
        """What ?country= selects: here, the agreements that make it responsible or mention it."""
        return queryset.concerning_country(code)

    def filter_responsible(self, queryset, name, value):
        return queryset.responsible_actor(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.concerning_organisation(value)

    def filter_theme(self, queryset, name, value):
        return queryset.in_theme(value)

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_parent(self, queryset, name, value):
        # An item the reader may not see answers as a missing one does: no sub-items (a choice
        # field would call one "not a valid choice" and the other not).
        visible = self.queryset.order_by().values("pk")
        return queryset.filter(parent_id=value, parent_id__in=visible)


# --- The dashboard's filter drawer ---------------------------------------------------------------

# The filters in groups a reader recognises, in the order they are asked for; a field a form does
# not have is skipped, so the groups serve any form made from AgreementFilter.
FILTER_GROUPS = (
    (_("Words and status"), ("q", "status", "overdue", "not_reported", "stale")),
    (_("Who must act"), ("country", "organisation", "responsible")),
    (_("Where it was adopted"), ("body", "year", "meeting")),
    (_("What it is about"), ("theme", "section", "action")),
    (_("Deadline"), ("deadline_after", "deadline_before")),
)


def filter_groups(form) -> list[tuple[str, list]]:
    """The form's bound fields by group; fields no group names come last, in a group of their
    own, so that none is lost."""
    named = {name for _legend, names in FILTER_GROUPS for name in names}
    groups = [
        (legend, [form[name] for name in names if name in form.fields])
        for legend, names in FILTER_GROUPS
    ]
    others = [form[name] for name in form.fields if name not in named]
    if others:
        groups.append((_("Other"), others))
    return [(legend, fields) for legend, fields in groups if fields]


def _choice_label(field, value: str) -> str:
    choices = getattr(field, "choices", None) or getattr(field.widget, "choices", ())
    for option, label in choices:
        if isinstance(label, list | tuple):  # an option group
            for sub_option, sub_label in label:
                if str(sub_option) == value:
                    return str(sub_label)
        elif str(option) == value:
            return str(label)
    return value


def active_filter_chips(form, query) -> list[dict]:
    """One chip per value the reader filtered by: its words, and the address of the same page
    without that one value (and on its first page)."""
    chips = []
    for name, field in form.fields.items():
        for value in query.getlist(name):
            if not value.strip():
                continue
            rest = query.copy()
            rest.pop("page", None)
            rest.setlist(name, [other for other in query.getlist(name) if other != value])
            remaining = rest.urlencode()
            chips.append(
                {
                    "name": name,
                    "label": f"{field.label}: {_choice_label(field, value)}",
                    "url": f"?{remaining}" if remaining else "?",
                }
            )
    return chips
