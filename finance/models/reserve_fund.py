"""The Reserve Fund for the Assistance to Intra-Regional Migrants in Highly Vulnerable Situations.

Created in 2004 and permanent since the XI RCM (2006), managed by IOM with the PPT and the TS,
funded by the member countries. Its records are the money that came in and the assistance paid
out; balances and the quarterly execution reports are derived from them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from finance.models.base import FinanceQuerySet, money, positive, positive_errors
from finance.models.scale import MONEY, ZERO
from rcm.models import Country, source


class MovementKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution into the fund")
    DISBURSEMENT = "disbursement", _("Disbursement (assistance to migrants)")


class ReserveFundQuerySet(FinanceQuerySet):
    def signed(self):
        """Annotate each movement's effect on the balance: + in, − out."""
        return self.annotate(
            signed_usd=Case(
                When(kind=MovementKind.DISBURSEMENT, then=-F("amount_usd")),
                default=F("amount_usd"),
                output_field=MONEY,
            )
        )

    def balance(self, on: datetime.date | None = None) -> Decimal:
        """What the fund holds at the end of a day (today by default), in one query."""
        on = on or timezone.localdate()
        total = self.filter(date__lte=on).signed().aggregate(total=Sum("signed_usd"))["total"]
        return total if total is not None else ZERO


class ReserveFundMovement(models.Model):
    """Money paid into the Reserve Fund, or paid out of it to assist migrants."""

    kind = models.CharField(_("kind"), max_length=12, choices=MovementKind.choices)
    date = models.DateField(_("date"))
    amount_usd = money(_("amount (US$)"))
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reserve_fund_contributions",
        verbose_name=_("contributing country"),
    )
    migrants_assisted = models.PositiveIntegerField(
        _("migrants assisted"), null=True, blank=True, help_text=_("Where recorded.")
    )
    nationality = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nationality of the migrants"),
        help_text=_("Where recorded."),
    )
    destination = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("destination (country of return)"),
        help_text=_("Where recorded."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ReserveFundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Reserve Fund movement")
        verbose_name_plural = _("Reserve Fund movements")
        constraints = [
            positive(
                "amount_usd",
                "reserve_fund_amount_is_positive",
                _("An amount must be more than zero."),
            ),
            models.CheckConstraint(
                condition=Q(kind=MovementKind.DISBURSEMENT)
                | Q(
                    migrants_assisted__isnull=True,
                    nationality__isnull=True,
                    destination__isnull=True,
                ),
                name="only_disbursements_assist_migrants",
                violation_error_message=_("Only a disbursement assists migrants."),
            ),
            models.CheckConstraint(
                condition=Q(kind=MovementKind.CONTRIBUTION) | Q(country__isnull=True),
                name="only_contributions_have_a_contributor",
                violation_error_message=_("Only a contribution names a contributing country."),
            ),
            models.CheckConstraint(
                condition=Q(migrants_assisted__isnull=True) | Q(migrants_assisted__gt=0),
                name="assisted_migrants_are_counted_from_one",
                violation_error_message=_("Leave the number of migrants empty when not recorded."),
            ),
        ]
        indexes = [models.Index(fields=["date"], name="reserve_fund_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}: US${self.amount_usd}"

    @property
    def signed_amount(self) -> Decimal:
        if self.kind == MovementKind.DISBURSEMENT:
            return -self.amount_usd
        return self.amount_usd

    def clean(self):
        errors = positive_errors(self)
        today = timezone.localdate()
        if self.date and self.date > today:
            errors["date"] = _(
                "A movement cannot be dated in the future: %(date)s is after today."
            ) % {"date": self.date.isoformat()}
        if self.kind == MovementKind.CONTRIBUTION:
            assisted = {
                "migrants_assisted": self.migrants_assisted,
                "nationality": self.nationality_id,
                "destination": self.destination_id,
            }
            for field, value in assisted.items():
                if value:
                    errors[field] = _("Only a disbursement assists migrants.")
        elif self.country_id:
            errors["country"] = _("Only a contribution names a contributing country.")
        if self.migrants_assisted == 0:
            errors["migrants_assisted"] = _("Leave the number of migrants empty when not recorded.")
        if not errors and self.kind and self.date and self.amount_usd:
            lowest = self.lowest_balance_with_this()
            if lowest is not None and lowest[1] < 0:
                errors["amount_usd"] = _(
                    "The fund cannot pay out more than it holds: with this movement its balance "
                    "would be US$%(balance)s on %(date)s."
                ) % {"balance": lowest[1], "date": lowest[0].isoformat()}
        if errors:
            raise ValidationError(errors)

    def lowest_balance_with_this(self) -> tuple[datetime.date, Decimal] | None:
        """The lowest end-of-day balance the fund would reach with this movement as it stands
        (a change of an existing one included): two aggregate queries."""
        others = ReserveFundMovement.objects.exclude(pk=self.pk)
        before = (
            others.filter(date__lte=OuterRef("date"))
            .signed()
            .order_by()
            .annotate(one=Value(1))
            .values("one")
            .annotate(total=Sum("signed_usd"))
            .values("total")
        )
        mine = self.signed_amount
        # The end-of-day balances on every day a movement happens from this one's date on.
        days = (
            others.filter(date__gte=self.date)
            .annotate(
                balance_then=Coalesce(Subquery(before, output_field=MONEY), Value(ZERO))
                + Value(mine, output_field=MONEY)
            )
            .order_by("balance_then", "date")
            .values_list("date", "balance_then")
            .first()
        )
        today_balance = others.balance(self.date) + mine
        candidates = [(self.date, today_balance)]
        if days is not None:
            candidates.append(days)
        return min(candidates, key=lambda candidate: candidate[1])
