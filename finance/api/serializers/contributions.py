"""Contribution scales, assessments, balances, arrears and payments in the API."""

from __future__ import annotations

from rest_framework import serializers

from finance import services
from finance.api.agreement_links import urged_by_field
from finance.api.serializers.fields import (
    CountryCodeField,
    CurrencyField,
    FinanceSerializer,
    money,
    percent,
)
from finance.models import (
    Assessment,
    ContributionScale,
    Payment,
    PaymentAllocation,
    PaymentStatus,
    ScaleRow,
)


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
