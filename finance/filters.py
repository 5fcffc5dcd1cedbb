"""Filters of the finance records, shared by the API and the pages."""

import django_filters
from django.utils.translation import gettext_lazy as _

from finance.models import (
    Assessment,
    Budget,
    BudgetStatus,
    Category,
    ContributionScale,
    Expenditure,
    MovementKind,
    Payment,
    PaymentStatus,
    ReserveFundMovement,
)
from rcm.filters import RecordFilterSet, StrictBooleanFilter


class YearFilter(django_filters.NumberFilter):
    """A calendar year; out-of-range years are a 400, not a date the database cannot build."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


class CountryCodeFilter(django_filters.CharFilter):
    def __init__(self, field_name="country__code", **kwargs):
        kwargs.setdefault("label", _("Country (alpha-2 code)"))
        super().__init__(field_name=field_name, lookup_expr="iexact", **kwargs)


class ContributionScaleFilter(RecordFilterSet):
    in_force = YearFilter(method="filter_in_force", label=_("The version in force in this year"))

    class Meta:
        model = ContributionScale
        fields = ["in_force", "effective_from"]

    def filter_in_force(self, queryset, name, value):
        scale = ContributionScale.objects.in_force(int(value))
        return queryset.filter(pk=scale.pk if scale else None)


class AssessmentFilter(RecordFilterSet):
    country = CountryCodeFilter()
    year = YearFilter(label=_("Year"))
    year_from = YearFilter(field_name="year", lookup_expr="gte")
    year_to = YearFilter(field_name="year", lookup_expr="lte")
    status = django_filters.ChoiceFilter(
        field_name="payment_status",
        choices=PaymentStatus.choices,
        label=_("Paid, partly paid or outstanding"),
    )
    in_arrears = StrictBooleanFilter(method="filter_in_arrears", label=_("Not paid in full"))

    class Meta:
        model = Assessment
        fields = ["country", "year", "year_from", "year_to", "status", "in_arrears", "scale"]

    def filter_in_arrears(self, queryset, name, value):
        if value:
            return queryset.filter(balance_usd__gt=0)
        return queryset.filter(balance_usd__lte=0)


class BalanceFilter(AssessmentFilter):
    class Meta(AssessmentFilter.Meta):
        fields = ["country", "year", "year_from", "year_to", "status", "in_arrears"]


class PaymentFilter(RecordFilterSet):
    country = CountryCodeFilter()
    year = YearFilter(field_name="received_on", lookup_expr="year")
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    demo = StrictBooleanFilter()

    class Meta:
        model = Payment
        fields = ["country", "year", "received_after", "received_before", "assessment", "demo"]


class BudgetFilter(RecordFilterSet):
    status = django_filters.ChoiceFilter(choices=BudgetStatus.choices)

    class Meta:
        model = Budget
        fields = ["year", "status"]


class ExpenditureFilter(RecordFilterSet):
    year = YearFilter(field_name="line__budget__year", label=_("Budget year"))
    category = django_filters.ChoiceFilter(field_name="line__category_id", choices=Category.choices)
    spent_after = django_filters.DateFilter(field_name="spent_on", lookup_expr="gte")
    spent_before = django_filters.DateFilter(field_name="spent_on", lookup_expr="lte")
    demo = StrictBooleanFilter()

    class Meta:
        model = Expenditure
        fields = ["year", "category", "line", "spent_after", "spent_before", "demo"]


class ReserveFundFilter(RecordFilterSet):
    kind = django_filters.ChoiceFilter(choices=MovementKind.choices)
    year = YearFilter(field_name="date", lookup_expr="year")
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte")
    country = CountryCodeFilter(label=_("Contributing country (alpha-2 code)"))
    nationality = CountryCodeFilter(
        field_name="nationality__code", label=_("Nationality of the migrants (alpha-2 code)")
    )
    demo = StrictBooleanFilter()

    class Meta:
        model = ReserveFundMovement
        fields = [
            "kind", "year", "date_after", "date_before", "country", "nationality", "demo",
        ]  # fmt: skip
