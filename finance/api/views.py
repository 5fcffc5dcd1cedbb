"""The finance resources of /api/v1/: members-only to read, TS staff to write.

Anonymous users and observers get empty lists and 404 for any record (the querysets'
`visible_to`); every list runs a fixed number of queries whatever its length.
"""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from finance import selectors, services
from finance.api import serializers as s
from finance.api.agreement_links import FinanceAgreementSerializer
from finance.filters import (
    AssessmentFilter,
    BalanceFilter,
    BudgetFilter,
    ContributionScaleFilter,
    ExpenditureFilter,
    PaymentFilter,
    ReserveFundFilter,
)
from finance.models import (
    Assessment,
    BudgetCategory,
    ContributionScale,
    FinanceAgreement,
    FinanceTopic,
    FinancialReport,
    ReserveFundMovement,
    ScaleRow,
    may_see_finance,
)
from rcm.api.base import ReadOnlyRecordViewSet, RecordViewSet


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ContributionScaleViewSet(RecordViewSet):
    """Versions of the scale of the member countries' annual contributions, with one row per
    member country; each country's share is derived from the amounts."""

    serializer_class = s.ContributionScaleSerializer
    filterset_class = ContributionScaleFilter
    ordering_fields = ["effective_from"]
    ordering = ["-effective_from"]

    def base_queryset(self):
        rows = ScaleRow.objects.with_share().order_by("-amount_usd", "country__name_en")
        return (
            ContributionScale.objects.with_total()
            .select_related("approval_meeting")
            .prefetch_related(Prefetch("rows", queryset=rows))
        )


class AssessmentViewSet(RecordViewSet):
    """What each member country owes for a year, with what it has paid and what remains."""

    serializer_class = s.AssessmentSerializer
    filterset_class = AssessmentFilter
    ordering_fields = ["year", "country", "amount_usd", "balance_usd"]
    ordering = ["-year", "country__name_en"]

    def base_queryset(self):
        return Assessment.objects.with_payments().select_related("country")

    @extend_schema(request=s.YearSerializer, responses={201: s.GeneratedSerializer})
    @action(detail=False, methods=["post"])
    def generate(self, request):
        """Assess every member country for a year from the scale in force (TS staff). Safe to
        repeat: countries already assessed that year are left as they are."""
        year = _valid(s.YearSerializer, request.data)["year"]
        result = services.assessments_generate(year=year)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(s.GeneratedSerializer(result).data, status=code)


AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="The books as they stood at the end of that day: payments received by then.",
)
# The years the records may hold (YearQuerySerializer refuses others with a 400).
YEAR = {"type": "integer", "minimum": 1996, "maximum": 2100}
ARREARS_YEAR = OpenApiParameter(
    "year",
    YEAR,
    description="Count the arrears up to this year (this year by default).",
)


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF]), retrieve=extend_schema(parameters=[AS_OF])
)
class BalanceViewSet(ReadOnlyRecordViewSet):
    """Per country and year: assessed, paid and balance (assessed less paid), and the status."""

    serializer_class = s.BalanceSerializer
    filterset_class = BalanceFilter
    ordering_fields = ["year", "country", "balance_usd"]
    ordering = ["-year", "country__name_en"]

    def base_queryset(self):
        as_of = _valid(s.AsOfSerializer, self.request.query_params).get("as_of")
        return selectors.balances(as_of)

    @extend_schema(parameters=[ARREARS_YEAR], responses=s.ArrearsSerializer(many=True))
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def arrears(self, request):
        """Each country's unpaid contributions up to a year, by age (that year, one year, two
        years or more), with the credit it holds from overpayments."""
        year = _valid(s.YearQuerySerializer, request.query_params).get("year")
        if not may_see_finance(self.access):
            return Response([])
        rows = selectors.arrears_by_country(year=year or timezone.localdate().year)
        context = self.get_serializer_context()
        return Response(s.ArrearsSerializer(rows, many=True, context=context).data)


class PaymentViewSet(RecordViewSet):
    """Contributions received from the member countries and how each was applied."""

    serializer_class = s.PaymentSerializer
    filterset_class = PaymentFilter
    ordering_fields = ["received_on", "amount_usd"]
    ordering = ["-received_on", "-id"]

    def base_queryset(self):
        return selectors.payments_for_listing()

    def perform_destroy(self, instance):
        services.payment_delete(payment=instance)


class BudgetCategoryViewSet(ReadOnlyRecordViewSet):
    """The six lines of the Technical Secretariat's budget."""

    serializer_class = s.BudgetCategorySerializer
    lookup_field = "code"
    lookup_value_regex = r"[a-z_]+"
    ordering = ["position"]
    ordering_fields = ["position", "code"]
    pagination_class = None

    def base_queryset(self):
        return BudgetCategory.objects.all()


class BudgetViewSet(RecordViewSet):
    """Each year's budget of the Technical Secretariat, its lines and their execution."""

    serializer_class = s.BudgetSerializer
    filterset_class = BudgetFilter
    ordering_fields = ["year"]
    ordering = ["-year"]

    def base_queryset(self):
        return selectors.budgets_for_listing()


class ExpenditureViewSet(RecordViewSet):
    """What the Technical Secretariat spent, line by line, on its approved budgets."""

    serializer_class = s.ExpenditureSerializer
    filterset_class = ExpenditureFilter
    ordering_fields = ["spent_on", "amount_usd"]
    ordering = ["-spent_on", "-id"]

    def base_queryset(self):
        return selectors.expenditures_for_listing()


class FinancialReportViewSet(RecordViewSet):
    """The TS's Activity and Financial Reports; a report's figures come from the records of its
    period (on the detail only, so that the list stays a fixed number of queries)."""

    serializer_class = s.FinancialReportSerializer
    list_serializer_class = s.FinancialReportListSerializer
    write_serializer_class = s.FinancialReportListSerializer
    ordering_fields = ["period_end"]
    ordering = ["-period_end", "-id"]
    filterset_fields = ["meeting"]

    def base_queryset(self):
        return FinancialReport.objects.all()


QUARTERLY_YEAR = OpenApiParameter(
    "year", YEAR, description="The year of the report (this year by default)."
)
ON_DATE = OpenApiParameter(
    "on", OpenApiTypes.DATE, description="The balance at the end of that day (today by default)."
)


class ReserveFundViewSet(RecordViewSet):
    """Money into and out of the Reserve Fund for the Assistance to Intra-Regional Migrants in
    Highly Vulnerable Situations; the fund never pays out more than it holds."""

    serializer_class = s.ReserveFundMovementSerializer
    filterset_class = ReserveFundFilter
    ordering_fields = ["date", "amount_usd"]
    ordering = ["-date", "-id"]

    def base_queryset(self):
        return ReserveFundMovement.objects.select_related("country", "nationality", "destination")

    def perform_destroy(self, instance):
        services.reserve_fund_delete(movement=instance)

    @extend_schema(parameters=[QUARTERLY_YEAR], responses=s.QuarterlyReportSerializer)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def quarterly(self, request):
        """The fund's execution in a year, quarter by quarter, derived from its movements."""
        year = _valid(s.YearQuerySerializer, request.query_params).get("year")
        if not may_see_finance(self.access):
            raise NotFound
        report = selectors.reserve_fund_quarters(year=year or timezone.localdate().year)
        return Response(s.QuarterlyReportSerializer(report).data)

    @extend_schema(parameters=[ON_DATE], responses=s.FundBalanceSerializer)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def balance(self, request):
        """What the fund holds at the end of a day."""
        on = _valid(s.OnDateSerializer, request.query_params).get("on") or timezone.localdate()
        if not may_see_finance(self.access):
            raise NotFound
        balance = ReserveFundMovement.objects.balance(on)
        return Response(s.FundBalanceSerializer({"on": on, "balance": balance}).data)


class FinanceAgreementFilter(django_filters.FilterSet):
    agreement = django_filters.NumberFilter(field_name="agreement_id", min_value=1)
    topic = django_filters.ChoiceFilter(choices=FinanceTopic.choices)

    class Meta:
        model = FinanceAgreement
        fields = ["agreement", "topic"]


class FinanceAgreementViewSet(RecordViewSet):
    """The agreements that urge the countries' payments, by topic: members read those of the
    agreements they may see; TS staff link and unlink them."""

    serializer_class = FinanceAgreementSerializer
    filterset_class = FinanceAgreementFilter
    ordering_fields = ["id"]

    def base_queryset(self):
        return FinanceAgreement.objects.for_listing()
