"""The finance records as the API shows them: amounts as strings with two decimals, in USD."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from finance import services
from finance.api.agreement_links import urged_by_field
from finance.models import (
    CURRENCY,
    Assessment,
    Budget,
    BudgetCategory,
    BudgetLine,
    ContributionScale,
    Expenditure,
    FinancialReport,
    Payment,
    PaymentAllocation,
    PaymentStatus,
    ReserveFundMovement,
    ScaleRow,
)
from finance.models.base import DECIMAL_PLACES, MAX_DIGITS
from finance.selectors import report_figures
from rcm.api.base import ModelRulesSerializer
from rcm.models import Country


@extend_schema_field(
    {
        "type": "string",
        "enum": [CURRENCY],
        "readOnly": True,
        "description": "The currency of every amount: US dollars.",
    }
)
class CurrencyField(serializers.Field):
    """Every amount the API gives is in US dollars; each representation says so."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value) -> str:
        return CURRENCY


def money(**kwargs) -> serializers.DecimalField:
    """An amount in US dollars as a string with two decimals ("5000.00"): never a float."""
    kwargs.setdefault("help_text", "US dollars, as a string with two decimals.")
    return serializers.DecimalField(
        max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, coerce_to_string=True, **kwargs
    )


def percent(**kwargs) -> serializers.DecimalField:
    kwargs.setdefault("help_text", 'Per cent, derived from the amounts, as a string ("50.00").')
    return serializers.DecimalField(
        max_digits=7, decimal_places=2, coerce_to_string=True, read_only=True, **kwargs
    )


class CountryCodeField(serializers.SlugRelatedField):
    """A country by its ISO alpha-2 code, in either case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def use_pk_only_optimization(self):
        # The code is the country's primary key: no query to write it out.
        return True

    def to_representation(self, value):
        return value.pk

    def to_internal_value(self, data):
        return super().to_internal_value(str(data).upper())


class FinanceSerializer(ModelRulesSerializer):
    """The model's own rules, with their messages under the API's field names."""

    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except serializers.ValidationError as error:
            raise serializers.ValidationError(self.api_names(error.detail)) from None

    def api_names(self, detail):
        if not isinstance(detail, dict):
            return detail
        names = {
            field.source: name
            for name, field in self.fields.items()
            if field.source and field.source != "*"
        }
        return {names.get(key, key): value for key, value in detail.items()}


# --- The scale ---------------------------------------------------------------------------------


class ScaleRowSerializer(serializers.ModelSerializer):
    country = CountryCodeField()
    amount = money(source="amount_usd")
    share = percent(help_text="The country's share of the total, derived from the amounts.")

    class Meta:
        model = ScaleRow
        fields = ["country", "amount", "share"]


class ContributionScaleSerializer(FinanceSerializer):
    currency = CurrencyField()
    total = money(source="total_usd", read_only=True)
    rows = ScaleRowSerializer(many=True, help_text="One row per member country.")

    class Meta:
        model = ContributionScale
        fields = [
            "id", "name", "effective_from", "approval_meeting", "approval_agreement", "currency",
            "total", "rows", "note", "source",
        ]  # fmt: skip

    def validate(self, attrs):
        rows = attrs.pop("rows", None)
        attrs = super().validate(attrs)
        if rows is not None:
            attrs["rows"] = [(row["country"], row["amount_usd"]) for row in rows]
        return attrs

    def create(self, validated_data):
        rows = validated_data.pop("rows")
        return services.scale_save(scale=ContributionScale(**validated_data), rows=rows)

    def update(self, instance, validated_data):
        rows = validated_data.pop("rows", None)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        if rows is None:
            rows = [(row.country, row.amount_usd) for row in instance.rows.all()]
        return services.scale_save(scale=instance, rows=rows)


# --- Assessments, balances and payments ----------------------------------------------------------


class AssessmentSerializer(FinanceSerializer):
    country = CountryCodeField()
    amount = money(source="amount_usd")
    currency = CurrencyField()
    paid = money(source="paid_usd", read_only=True)
    balance = money(source="balance_usd", read_only=True)
    payment_status = serializers.ChoiceField(choices=PaymentStatus.choices, read_only=True)
    urged_by = urged_by_field()

    class Meta:
        model = Assessment
        fields = [
            "id", "country", "year", "amount", "currency", "paid", "balance", "payment_status",
            "scale", "note", "source", "created_at", "urged_by",
        ]  # fmt: skip
        read_only_fields = ["created_at"]
        validators = []  # the model's own rules (full_clean) judge uniqueness, with its words


class BalanceSerializer(serializers.ModelSerializer):
    """A country's contribution for a year: what was assessed, what was paid, what is owed."""

    country = serializers.CharField(source="country_id", read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)
    assessed = money(source="amount_usd", read_only=True)
    paid = money(source="paid_usd", read_only=True)
    balance = money(source="balance_usd", read_only=True, help_text="Assessed less paid.")
    payment_status = serializers.ChoiceField(choices=PaymentStatus.choices, read_only=True)
    currency = CurrencyField()
    urged_by = urged_by_field()

    class Meta:
        model = Assessment
        fields = [
            "id", "country", "country_name", "year", "assessed", "paid", "balance",
            "payment_status", "currency", "urged_by",
        ]  # fmt: skip


class ArrearsSerializer(serializers.Serializer):
    """A country's unpaid contributions up to a year, by age, and the credit it holds."""

    country = serializers.CharField()
    country_name = serializers.CharField()
    year = serializers.IntegerField(help_text="The year the arrears are counted up to.")
    current_year = money(help_text="Unpaid from that year.")
    one_year = money(help_text="Unpaid from the year before.")
    two_years_or_more = money(help_text="Unpaid from two years before or earlier.")
    total = money(help_text="All unpaid contributions up to that year.")
    assessed = money()
    paid = money()
    credit = money(help_text="Paid beyond its assessments, kept for the next ones.")
    currency = CurrencyField()
    urged_by = urged_by_field()


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1996, max_value=2100)


class GeneratedSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    scale = serializers.IntegerField(source="scale.pk", help_text="The version of the scale used.")
    created = serializers.SerializerMethodField(help_text="Assessments created now.")
    existing = serializers.IntegerField(help_text="Countries already assessed, left unchanged.")
    credit_applied = money(help_text="Earlier overpayments applied to the new assessments.")
    currency = CurrencyField()

    def get_created(self, result) -> int:
        return len(result.created)


class AllocationSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="assessment.year", read_only=True)
    amount = money(source="amount_usd", read_only=True)

    class Meta:
        model = PaymentAllocation
        fields = ["assessment", "year", "amount"]


class PaymentSerializer(FinanceSerializer):
    """Amount, date, country and assignment are set when the payment is applied; afterwards only
    its reference, note and source can be corrected (delete and record it again otherwise)."""

    country = CountryCodeField()
    amount = money(source="amount_usd")
    currency = CurrencyField()
    allocations = AllocationSerializer(many=True, read_only=True)
    allocated = money(source="allocated_usd", read_only=True)
    credit = money(
        source="credit_usd", read_only=True, help_text="The part not applied to assessments."
    )
    urged_by = urged_by_field()

    class Meta:
        model = Payment
        fields = [
            "id", "country", "received_on", "amount", "currency", "reference", "note",
            "assessment", "allocations", "allocated", "credit", "demo", "source", "created_at",
            "urged_by",
        ]  # fmt: skip
        read_only_fields = ["demo", "created_at"]

    FIXED = ("country", "received_on", "amount_usd", "assessment")

    def validate(self, attrs):
        if self.instance is not None:
            changed = [
                name
                for name in self.FIXED
                if name in attrs and attrs[name] != getattr(self.instance, name)
            ]
            if changed:
                raise serializers.ValidationError(
                    self.api_names(
                        {
                            name: [
                                "A payment already applied cannot change its amount, date, "
                                "country or assignment: delete it and record it again."
                            ]
                            for name in changed
                        }
                    )
                )
        return super().validate(attrs)

    def create(self, validated_data):
        return services.payment_apply(**validated_data)

    def update(self, instance, validated_data):
        return services.payment_update(
            payment=instance,
            reference=validated_data.get("reference", instance.reference),
            note=validated_data.get("note", instance.note),
            source=validated_data.get("source", instance.source),
        )


# --- Budgets -----------------------------------------------------------------------------------


class BudgetCategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="In the language of the request.")

    class Meta:
        model = BudgetCategory
        fields = ["code", "name", "name_en", "position", "source"]


class BudgetLineSerializer(serializers.ModelSerializer):
    category = serializers.CharField(
        source="category_id", help_text="The code of one of the six lines (budget-categories)."
    )
    category_name = serializers.CharField(source="category.name", read_only=True)
    amount = money(source="amount_usd")
    spent = money(source="spent_usd", read_only=True)
    remaining = money(source="remaining_usd", read_only=True)
    execution = percent(allow_null=True, help_text="Spent as a share of the amount budgeted.")

    class Meta:
        model = BudgetLine
        fields = [
            "id", "category", "category_name", "amount", "spent", "remaining", "execution",
            "note", "source",
        ]  # fmt: skip
        read_only_fields = ["id"]

    def validate_category_id(self, value):
        try:
            return services.budget_category(value).pk
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None


class BudgetSerializer(FinanceSerializer):
    currency = CurrencyField()
    lines = BudgetLineSerializer(many=True, required=False)
    budgeted = money(source="budgeted_usd", read_only=True)
    spent = money(source="spent_usd", read_only=True)
    remaining = money(source="remaining_usd", read_only=True)
    execution = percent(
        allow_null=True, help_text="Spent as a share of the budget, all lines together."
    )

    class Meta:
        model = Budget
        fields = [
            "id", "year", "status", "recommendation_meeting", "recommendation_agreement",
            "approval_meeting", "approval_agreement", "currency", "budgeted", "spent",
            "remaining", "execution", "lines", "note", "demo", "source",
        ]  # fmt: skip
        read_only_fields = ["demo"]

    def validate(self, attrs):
        lines = attrs.pop("lines", None)
        attrs = super().validate(attrs)
        if lines is not None:
            attrs["lines"] = [
                services.LineInput(
                    line["category_id"],
                    line["amount_usd"],
                    line.get("note", ""),
                    line.get("source", ""),
                )
                for line in lines
            ]
        return attrs

    def create(self, validated_data):
        lines = validated_data.pop("lines", None)
        return services.budget_save(budget=Budget(**validated_data), lines=lines)

    def update(self, instance, validated_data):
        lines = validated_data.pop("lines", None)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return services.budget_save(budget=instance, lines=lines)


class ExpenditureSerializer(FinanceSerializer):
    """Written with the budget's year and the line's category; the line is found from them."""

    year = serializers.IntegerField(source="line.budget.year", help_text="The budget's year.")
    category = serializers.CharField(source="line.category_id", help_text="The line's code.")
    amount = money(source="amount_usd")
    currency = CurrencyField()

    class Meta:
        model = Expenditure
        fields = [
            "id", "year", "category", "line", "spent_on", "amount", "currency", "description",
            "demo", "source", "created_at",
        ]  # fmt: skip
        read_only_fields = ["line", "demo", "created_at"]

    def validate(self, attrs):
        given = attrs.pop("line", None)
        if given is not None or self.instance is None:
            given = given or {}
            year = given.get("budget", {}).get("year")
            category = given.get("category_id")
            if self.instance is not None:
                year = year or self.instance.line.budget.year
                category = category or self.instance.line.category_id
            attrs["line"] = self.find_line(year, category)
        return super().validate(attrs)

    def find_line(self, year, category) -> BudgetLine:
        errors = {}
        if year is None:
            errors["year"] = ["Give the budget's year."]
        if category is None:
            errors["category"] = ["Give the budget line's category."]
        if errors:
            raise serializers.ValidationError(errors)
        try:
            services.budget_category(category)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"category": error.messages}) from None
        budget = Budget.objects.filter(year=year).first()
        if budget is None:
            raise serializers.ValidationError({"year": [f"There is no budget for {year}."]})
        line = budget.lines.filter(category_id=category).first()
        if line is None:
            raise serializers.ValidationError(
                {"category": [f"The {year} budget has no line “{category}”."]}
            )
        return line

    def create(self, validated_data):
        return services.expenditure_record(**validated_data)


# --- Activity and Financial Reports ------------------------------------------------------------


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
