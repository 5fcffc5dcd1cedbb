"""The scale of the member countries' annual contributions to the Technical Secretariat."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import DecimalField, ExpressionWrapper, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Round
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from finance.models.base import (
    DECIMAL_PLACES,
    MAX_DIGITS,
    FinanceQuerySet,
    PositiveAmounts,
    decided_at,
    decided_by,
    decision_errors,
    money,
    positive,
)
from rcm.models import FIRST_YEAR, Country, source

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
PERCENT = DecimalField(max_digits=7, decimal_places=2)


def year_field(verbose_name: str, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)], **kwargs
    )


def share_of(amount, total) -> ExpressionWrapper:
    """amount as a percentage of total, rounded to two places by the database."""
    return ExpressionWrapper(Round(amount * Value(Decimal(100)) / total, 2), output_field=PERCENT)


class ContributionScaleQuerySet(FinanceQuerySet):
    def in_force(self, year: int) -> ContributionScale | None:
        """The version of the scale that applies to a year: the latest in force by then."""
        return self.filter(effective_from__lte=year).order_by("-effective_from").first()

    def with_total(self):
        rows = (
            ScaleRow.objects.filter(scale=OuterRef("pk"))
            .order_by()
            .values("scale")
            .annotate(total=Sum("amount_usd"))
            .values("total")
        )
        return self.annotate(
            total_usd=Coalesce(Subquery(rows, output_field=MONEY), Value(ZERO), output_field=MONEY)
        )


class ContributionScale(models.Model):
    """A version of the scale of the member countries' annual contributions, in US dollars."""

    name = models.CharField(_("version"), max_length=150, unique=True)
    effective_from = year_field(
        _("in force from (year)"),
        unique=True,
        help_text=_("The first year whose contributions follow this version."),
        error_messages={"unique": _("Another version of the scale comes into force that year.")},
    )
    approval_meeting = decided_at(_("approved at"), "contribution_scales")
    approval_agreement = decided_by(_("approved by the agreement"), "contribution_scales")
    note = models.TextField(_("note"), blank=True)
    source = source()

    objects = ContributionScaleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("contribution scale")
        verbose_name_plural = _("contribution scales")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if errors := decision_errors(self, "approval"):
            raise ValidationError(errors)


class ScaleRowQuerySet(FinanceQuerySet):
    def with_share(self):
        """Each row's share of its scale's total, in per cent: derived, never stored."""
        total = (
            ScaleRow.objects.filter(scale=OuterRef("scale"))
            .order_by()
            .values("scale")
            .annotate(total=Sum("amount_usd"))
            .values("total")
        )
        return self.annotate(
            scale_total_usd=Subquery(total, output_field=MONEY),
            share=share_of(F("amount_usd"), F("scale_total_usd")),
        )


class ScaleRow(PositiveAmounts, models.Model):
    """One member country's annual contribution on a version of the scale, in US dollars."""

    scale = models.ForeignKey(
        ContributionScale, on_delete=models.CASCADE, related_name="rows", verbose_name=_("scale")
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="scale_rows", verbose_name=_("country")
    )
    amount_usd = money(_("annual contribution (US$)"))
    source = source()

    objects = ScaleRowQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "-amount_usd", "country__name_en"]
        verbose_name = _("row of the scale")
        verbose_name_plural = _("rows of the scale")
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "country"],
                name="one_scale_row_per_country",
                violation_error_message=_("The scale already has a row for this country."),
            ),
            positive(
                "amount_usd",
                "scale_row_amount_is_positive",
                _("A country's contribution must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scale}: {self.country_id} US${self.amount_usd}"
