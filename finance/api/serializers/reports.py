"""Financial reports, the Reserve Fund and the query serializers of the finance API."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from finance import services
from finance.api.serializers.fields import (
    CountryCodeField,
    CurrencyField,
    FinanceSerializer,
    money,
)
from finance.models import (
    FinancialReport,
    ReserveFundMovement,
)
from finance.selectors import report_figures


class AmountByCountrySerializer(serializers.Serializer):
    country = serializers.CharField()
    country_name = serializers.CharField()
    amount = money()
    payments = serializers.IntegerField()


class AmountByLineSerializer(serializers.Serializer):
    category = serializers.CharField()
    name = serializers.CharField()
    amount = money()


class FundInPeriodSerializer(serializers.Serializer):
    opening = money(help_text="The fund's balance when the period began.")
    contributions = money()
    disbursements = money()
    migrants_assisted = serializers.IntegerField()
    closing = money(
        allow_null=True,
        help_text="The fund's balance when the period ended; null when no movement is recorded.",
    )


class FiguresSerializer(serializers.Serializer):
    """A report's figures, derived from the records of its period."""

    currency = CurrencyField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    contributions_received = money()
    contributions_by_country = AmountByCountrySerializer(many=True)
    expenditures = money()
    expenditures_by_line = AmountByLineSerializer(many=True)
    outstanding_at_end = money(
        allow_null=True,
        help_text="Contributions still unpaid when the period ended; null when none was assessed.",
    )
    reserve_fund = FundInPeriodSerializer()


class FinancialReportListSerializer(FinanceSerializer):
    class Meta:
        model = FinancialReport
        fields = [
            "id", "title", "period_start", "period_end", "meeting", "agreement", "note", "source",
        ]  # fmt: skip
        validators = []


class FinancialReportSerializer(FinancialReportListSerializer):
    figures = serializers.SerializerMethodField()

    class Meta(FinancialReportListSerializer.Meta):
        fields = [*FinancialReportListSerializer.Meta.fields, "figures"]

    @extend_schema_field(FiguresSerializer)
    def get_figures(self, report) -> dict:
        return FiguresSerializer(report_figures(report)).data


# --- The Reserve Fund --------------------------------------------------------------------------


class ReserveFundMovementSerializer(FinanceSerializer):
    amount = money(source="amount_usd")
    currency = CurrencyField()
    country = CountryCodeField(
        required=False, allow_null=True, help_text="The contributing country (contributions)."
    )
    nationality = CountryCodeField(required=False, allow_null=True)
    destination = CountryCodeField(required=False, allow_null=True)

    class Meta:
        model = ReserveFundMovement
        fields = [
            "id", "kind", "date", "amount", "currency", "country", "migrants_assisted",
            "nationality", "destination", "description", "demo", "source", "created_at",
        ]  # fmt: skip
        read_only_fields = ["demo", "created_at"]

    def create(self, validated_data):
        return services.reserve_fund_record(movement=ReserveFundMovement(**validated_data))

    def update(self, instance, validated_data):
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return services.reserve_fund_record(movement=instance)


class MigrantsByNationalitySerializer(serializers.Serializer):
    country = serializers.CharField()
    country_name = serializers.CharField()
    migrants_assisted = serializers.IntegerField()
    amount = money()


class QuarterSerializer(serializers.Serializer):
    quarter = serializers.IntegerField()
    start = serializers.DateField()
    end = serializers.DateField()
    opening_balance = money()
    contributions = money()
    disbursements = money()
    disbursement_count = serializers.IntegerField()
    migrants_assisted = serializers.IntegerField()
    closing_balance = money()
    by_nationality = MigrantsByNationalitySerializer(many=True)


class QuarterlyReportSerializer(serializers.Serializer):
    """The Reserve Fund's execution in a year, quarter by quarter, derived from its movements."""

    year = serializers.IntegerField()
    currency = CurrencyField()
    opening_balance = money()
    contributions = money()
    disbursements = money()
    migrants_assisted = serializers.IntegerField()
    closing_balance = money()
    quarters = QuarterSerializer(many=True)


class FundBalanceSerializer(serializers.Serializer):
    on = serializers.DateField()
    balance = money()
    currency = CurrencyField()


class OnDateSerializer(serializers.Serializer):
    on = serializers.DateField(required=False)


class AsOfSerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False)


class YearQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=1996, max_value=2100)
