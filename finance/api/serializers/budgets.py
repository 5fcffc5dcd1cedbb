"""Budgets and expenditures in the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from finance import services
from finance.api.serializers.fields import (
    CurrencyField,
    FinanceSerializer,
    money,
    percent,
)
from finance.models import (
    Budget,
    BudgetCategory,
    BudgetLine,
    Expenditure,
)


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
