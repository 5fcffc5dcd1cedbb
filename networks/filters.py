"""Filters of the networks' records, shared by the API and the exports."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import (
    ITEM_STATUSES,
    MemberRole,
    Network,
    NetworkKind,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
)
from rcm.filters import StrictBooleanFilter
from rcm.models import Visibility


class NetworkFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=NetworkKind.choices, label=_("Kind"))
    acronym = django_filters.CharFilter(
        field_name="organisation__acronym", lookup_expr="iexact", label=_("Acronym")
    )
    member = django_filters.CharFilter(
        method="filter_member",
        label=_("Member"),
        help_text="Alpha-2 code of a member country or acronym of a member organisation.",
    )
    leading_country = django_filters.CharFilter(
        method="filter_leading_country", label=_("Leading country"), help_text="Alpha-2 code."
    )
    active_in = django_filters.NumberFilter(method="filter_active_in", label=_("Active in year"))
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices, label=_("Visibility"))
    q = django_filters.CharFilter(
        method="filter_q", label=_("Search"), help_text="Name or mandate contains."
    )

    class Meta:
        model = Network
        fields = ["kind", "acronym", "led_by_ppt", "visibility"]

    def filter_member(self, queryset, name, value):
        return queryset.with_member(value)

    def filter_leading_country(self, queryset, name, value):
        return queryset.led_by(value)

    def filter_active_in(self, queryset, name, value):
        return queryset.active(int(value))

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_es__icontains=value)
            | Q(mandate_en__icontains=value)
            | Q(mandate_es__icontains=value)
            | Q(organisation__acronym__icontains=value)
        )


class NetworkMemberFilter(django_filters.FilterSet):
    """No filter reads a person's name or contacts: they would answer for those who may not
    see them."""

    network = django_filters.NumberFilter(field_name="network_id", label=_("Network (id)"))
    country = django_filters.CharFilter(
        method="filter_country", label=_("Country"), help_text="Alpha-2 code."
    )
    organisation = django_filters.CharFilter(
        method="filter_organisation", label=_("Organisation"), help_text="Acronym."
    )
    role = django_filters.MultipleChoiceFilter(choices=MemberRole.choices, label=_("Role"))
    active = StrictBooleanFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = NetworkMember
        fields = ["network", "country", "organisation", "role", "active"]

    def filter_country(self, queryset, name, value):
        return queryset.of_country(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.of_organisation(value)

    def filter_active(self, queryset, name, value):
        active = queryset.active()
        return active if value else queryset.exclude(pk__in=active.values("pk"))


class WorkPlanFilter(django_filters.FilterSet):
    network = django_filters.NumberFilter(field_name="network_id", label=_("Network (id)"))
    year = django_filters.NumberFilter(method="filter_year", label=_("Covers year"))
    approved_at = django_filters.NumberFilter(
        field_name="approved_at_id", label=_("Approved at meeting (id)")
    )
    approved_by = django_filters.NumberFilter(
        field_name="approved_by_id", label=_("Approved by agreement (id)")
    )

    class Meta:
        model = WorkPlan
        fields = ["network", "year", "approved_at", "approved_by", "visibility"]

    def filter_year(self, queryset, name, value):
        return queryset.covering(int(value))


class WorkPlanItemFilter(django_filters.FilterSet):
    network = django_filters.NumberFilter(method="filter_network", label=_("Network (id)"))
    plan = django_filters.NumberFilter(field_name="plan_id", label=_("Work plan (id)"))
    country = django_filters.CharFilter(
        method="filter_country",
        label=_("Country"),
        help_text="Alpha-2 code of a responsible country.",
    )
    organisation = django_filters.CharFilter(
        method="filter_organisation",
        label=_("Organisation"),
        help_text="Acronym of a responsible organisation or body.",
    )
    status = django_filters.MultipleChoiceFilter(choices=ITEM_STATUSES, label=_("Status"))
    agreement = django_filters.NumberFilter(
        field_name="agreement_id", label=_("Agreement it comes from (id)")
    )
    meeting = django_filters.NumberFilter(
        field_name="meetings", label=_("Carried out at meeting (id)")
    )
    deadline_after = django_filters.DateFilter(
        field_name="deadline", lookup_expr="gte", label=_("Deadline from")
    )
    deadline_before = django_filters.DateFilter(
        field_name="deadline", lookup_expr="lte", label=_("Deadline until")
    )
    overdue = StrictBooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = WorkPlanItem
        fields = [
            "network", "plan", "country", "organisation", "status", "agreement",
            "meeting", "deadline_after", "deadline_before", "overdue",
        ]  # fmt: skip

    def filter_network(self, queryset, name, value):
        return queryset.of_network(int(value))

    def filter_country(self, queryset, name, value):
        return queryset.responsible_country(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.responsible_organisation(value)

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.overdue()
        return queryset.exclude(WorkPlanItem.objects.overdue_q())


class NetworkReportFilter(django_filters.FilterSet):
    network = django_filters.NumberFilter(field_name="network_id", label=_("Network (id)"))
    meeting = django_filters.NumberFilter(field_name="meeting_id", label=_("Meeting (id)"))
    year = django_filters.NumberFilter(field_name="meeting__year", label=_("Year"))
    agreement = django_filters.NumberFilter(field_name="agreement_id", label=_("Agreement (id)"))
    presented_by = django_filters.CharFilter(
        method="filter_presented_by",
        label=_("Presented by"),
        help_text="Alpha-2 code of a country or acronym of an organisation.",
    )

    class Meta:
        model = NetworkReport
        fields = ["network", "meeting", "year", "agreement", "presented_by", "visibility"]

    def filter_presented_by(self, queryset, name, value):
        return queryset.filter(
            Q(presented_by_country_id=value.upper())
            | Q(presented_by_organisation__acronym__iexact=value)
        )
