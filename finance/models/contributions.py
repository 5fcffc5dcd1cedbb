"""What each member country owes for a year, what it has paid, and how payments were applied."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, ExpressionWrapper, F, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from finance.models.base import FinanceQuerySet, money, positive, positive_errors
from finance.models.scale import MONEY, ZERO, ContributionScale, year_field
from rcm.models import Country, CountryStatus, MembershipStatus, source


class PaymentStatus(models.TextChoices):
    """Where a country's contribution for a year stands."""

    PAID = "paid", _("Paid")
    PARTIAL = "partial", _("Partly paid")
    OUTSTANDING = "outstanding", _("Outstanding")


def _sum_of_allocations(per: str, **filters) -> Coalesce:
    """The total of the allocations of one assessment or one payment (`per`), zero if none."""
    allocations = (
        PaymentAllocation.objects.filter(**filters)
        .order_by()
        .values(per)
        .annotate(total=Sum("amount_usd"))
        .values("total")
    )
    return Coalesce(Subquery(allocations, output_field=MONEY), Value(ZERO), output_field=MONEY)


class AssessmentQuerySet(FinanceQuerySet):
    def with_payments(self, as_of: datetime.date | None = None):
        """Annotate what has been paid on each assessment, its balance and its status.

        With `as_of`, only payments received by that day count: the books as they stood then.
        """
        filters = {"assessment": OuterRef("pk")}
        if as_of is not None:
            filters["payment__received_on__lte"] = as_of
        return self.annotate(
            paid_usd=_sum_of_allocations("assessment", **filters),
            balance_usd=ExpressionWrapper(F("amount_usd") - F("paid_usd"), output_field=MONEY),
            payment_status=Case(
                When(paid_usd__gte=F("amount_usd"), then=Value(PaymentStatus.PAID)),
                When(paid_usd__gt=0, then=Value(PaymentStatus.PARTIAL)),
                default=Value(PaymentStatus.OUTSTANDING),
                output_field=models.CharField(),
            ),
        )

    def open(self):
        """Assessments not yet paid in full, oldest first: where a payment goes."""
        return self.with_payments().filter(balance_usd__gt=0).order_by("year", "pk")


class Assessment(models.Model):
    """What a member country owes the Technical Secretariat for a year, from the scale in force."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("country")
    )
    year = year_field(_("year"))
    amount_usd = money(_("amount assessed (US$)"))
    scale = models.ForeignKey(
        ContributionScale,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("from the scale"),
    )
    note = models.TextField(_("note"), blank=True)
    source = source()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "country__name_en"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "year"],
                name="one_assessment_per_country_and_year",
                violation_error_message=_("The country already has an assessment for this year."),
            ),
            positive(
                "amount_usd",
                "assessment_amount_is_positive",
                _("An assessment must be more than zero."),
            ),
        ]
        indexes = [models.Index(fields=["year", "country"], name="assessment_year_country")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.year}: US${self.amount_usd}"

    def clean(self):
        errors = positive_errors(self)
        if self.country_id and self.year:
            member = (
                CountryStatus.objects.filter(
                    country_id=self.country_id, status=MembershipStatus.MEMBER
                )
                .overlapping(datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31))
                .exists()
            )
            if not member:
                errors["country"] = _(
                    "Only member countries are assessed: %(country)s was not a member in %(year)s."
                ) % {"country": self.country_id, "year": self.year}
        if self.pk and self.amount_usd is not None:
            paid = self.allocations.aggregate(total=Sum("amount_usd"))["total"] or ZERO
            if self.amount_usd < paid:
                errors["amount_usd"] = _(
                    "US$%(paid)s has already been paid on this assessment; it cannot be less."
                ) % {"paid": paid}
        if errors:
            raise ValidationError(errors)


class PaymentQuerySet(FinanceQuerySet):
    def with_allocation(self):
        """Annotate how much of each payment went to assessments and how much is still credit."""
        allocated = _sum_of_allocations("payment", payment=OuterRef("pk"))
        return self.annotate(
            allocated_usd=allocated,
            credit_usd=ExpressionWrapper(F("amount_usd") - allocated, output_field=MONEY),
        )


class Payment(models.Model):
    """A contribution a member country paid to the Technical Secretariat, as received."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="payments", verbose_name=_("country")
    )
    received_on = models.DateField(_("received on"))
    amount_usd = money(_("amount received (US$)"))
    reference = models.CharField(
        _("reference"), max_length=100, blank=True, help_text=_("The bank or transfer reference.")
    )
    note = models.TextField(_("note"), blank=True)
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_payments",
        verbose_name=_("assigned to the assessment"),
        help_text=_(
            "The year the country says it pays for. Empty: the payment goes to the oldest open "
            "assessment first."
        ),
    )
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = PaymentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            positive(
                "amount_usd", "payment_amount_is_positive", _("A payment must be more than zero.")
            ),
        ]
        indexes = [models.Index(fields=["country", "received_on"], name="payment_country_date")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.received_on}: US${self.amount_usd}"

    def clean(self):
        errors = {}
        if self.amount_usd is not None and self.amount_usd <= 0:
            errors["amount_usd"] = _(
                "A payment must be more than zero: US$%(amount)s cannot be recorded."
            ) % {"amount": self.amount_usd}
        today = timezone.localdate()
        if self.received_on and self.received_on > today:
            errors["received_on"] = _(
                "A payment cannot be dated in the future: %(date)s is after today (%(today)s)."
            ) % {"date": self.received_on.isoformat(), "today": today.isoformat()}
        if self.assessment_id and self.country_id and self.assessment.country_id != self.country_id:
            errors["assessment"] = _("The assessment is %(other)s's, not %(country)s's.") % {
                "other": self.assessment.country_id,
                "country": self.country_id,
            }
        if self.country_id and self.received_on and "received_on" not in errors:
            member = CountryStatus.objects.filter(
                country_id=self.country_id, status=MembershipStatus.MEMBER
            ).in_force(self.received_on)
            if not member.exists():
                errors["country"] = _(
                    "Only member countries pay contributions: %(country)s was not a member on "
                    "%(date)s."
                ) % {"country": self.country_id, "date": self.received_on.isoformat()}
        if errors:
            raise ValidationError(errors)


class PaymentAllocation(models.Model):
    """The part of a payment applied to one assessment."""

    payment = models.ForeignKey(
        Payment, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("payment")
    )
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("assessment"),
    )
    amount_usd = money(_("amount applied (US$)"))

    objects = FinanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["payment", "assessment__year"]
        verbose_name = _("part of a payment applied to an assessment")
        verbose_name_plural = _("parts of payments applied to assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["payment", "assessment"], name="one_allocation_per_payment_and_assessment"
            ),
            positive(
                "amount_usd",
                "allocation_amount_is_positive",
                _("The part applied must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payment} → {self.assessment.year}: US${self.amount_usd}"

    def clean(self):
        if (
            self.payment_id
            and self.assessment_id
            and self.payment.country_id != self.assessment.country_id
        ):
            raise ValidationError(_("A payment is applied only to its own country's assessments."))
