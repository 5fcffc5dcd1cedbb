"""The Technical Secretariat's annual budget, its six lines, and what was spent on them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from finance.models.base import (
    FinanceQuerySet,
    PositiveAmounts,
    decided_at,
    decided_by,
    decision_errors,
    money,
    positive,
    positive_errors,
)
from finance.models.scale import MONEY, ZERO, share_of, year_field
from rcm.models import source


class Category(models.TextChoices):
    """The six lines into which the publication disaggregates the TS's annual budget."""

    SUPPORT_STAFF = "support_staff", _("Support staff")
    SEMINARS_AND_MEETINGS = "seminars_and_meetings", _("Support for seminars and meetings")
    EQUIPMENT_AND_NETWORKS = (
        "equipment_and_networks",
        _("Equipment and access to computer networks"),
    )
    STUDIES_AND_RESEARCH = "studies_and_research", _("Studies and research")
    DOCUMENTS_AND_TRANSLATION = (
        "documents_and_translation",
        _("Document development and translation"),
    )
    OTHER_EXPENSES = "other_expenses", _("Other operative and unforeseen expenses")


class BudgetCategory(models.Model):
    """One of the six lines of the Technical Secretariat's budget, as the publication lists them."""

    code = models.CharField(_("code"), max_length=30, primary_key=True, choices=Category.choices)
    name_en = models.CharField(_("name as published (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    source = source()

    objects = FinanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("budget line category")
        verbose_name_plural = _("budget line categories")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__in=Category.values),
                name="budget_category_is_one_of_the_six_lines",
                violation_error_message=_("The budget has exactly six lines."),
            )
        ]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        """The line's name in the language of the interface."""
        return Category(self.code).label


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    RECOMMENDED = "recommended", _("Recommended by the RCGM")
    APPROVED = "approved", _("Approved by the vice-ministers")


def _spent(per: str, **filters) -> Coalesce:
    """The total spent on one line or one budget (`per`), zero if nothing."""
    spent = (
        Expenditure.objects.filter(**filters)
        .order_by()
        .values(per)
        .annotate(total=Sum("amount_usd"))
        .values("total")
    )
    return Coalesce(Subquery(spent, output_field=MONEY), Value(ZERO), output_field=MONEY)


class BudgetQuerySet(FinanceQuerySet):
    def with_execution(self):
        """Annotate each budget's total, what was spent, what remains and the share spent."""
        lines = (
            BudgetLine.objects.filter(budget=OuterRef("pk"))
            .order_by()
            .values("budget")
            .annotate(total=Sum("amount_usd"))
            .values("total")
        )
        budgeted = Coalesce(Subquery(lines, output_field=MONEY), Value(ZERO), output_field=MONEY)
        return self.annotate(
            budgeted_usd=budgeted,
            spent_usd=_spent("line__budget", line__budget=OuterRef("pk")),
            remaining_usd=ExpressionWrapper(F("budgeted_usd") - F("spent_usd"), output_field=MONEY),
            execution=share_of(
                F("spent_usd"), NullIf(F("budgeted_usd"), Value(ZERO), output_field=MONEY)
            ),
        )


class Budget(models.Model):
    """The Technical Secretariat's budget for a year, and how far the conference has decided it."""

    year = year_field(
        _("year"),
        unique=True,
        error_messages={"unique": _("There is already a budget for this year.")},
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    recommendation_meeting = decided_at(_("recommended at (RCGM)"), "budgets_recommended")
    recommendation_agreement = decided_by(_("recommended by the agreement"), "budgets_recommended")
    approval_meeting = decided_at(_("approved at"), "budgets_approved")
    approval_agreement = decided_by(_("approved by the agreement"), "budgets_approved")
    note = models.TextField(_("note"), blank=True)
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()

    objects = BudgetQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=BudgetStatus.RECOMMENDED)
                | Q(recommendation_meeting__isnull=False),
                name="recommended_budget_names_its_rcgm",
                violation_error_message=_("Say at which RCGM meeting the budget was recommended."),
            ),
            models.CheckConstraint(
                condition=~Q(status=BudgetStatus.APPROVED) | Q(approval_meeting__isnull=False),
                name="approved_budget_names_its_meeting",
                violation_error_message=_("Say at which meeting the vice-ministers approved it."),
            ),
        ]

    def __str__(self) -> str:
        return _("Budget %(year)s") % {"year": self.year}

    @property
    def is_approved(self) -> bool:
        return self.status == BudgetStatus.APPROVED

    def clean(self):
        from meetings.models import MeetingKind

        errors = {**decision_errors(self, "recommendation"), **decision_errors(self, "approval")}
        if self.recommendation_meeting_id and self.recommendation_meeting.kind != MeetingKind.RCGM:
            errors["recommendation_meeting"] = _("The RCGM recommends the budget: pick an RCGM.")
        approving = {
            MeetingKind.VICE_MINISTERIAL,
            MeetingKind.EXTRAORDINARY,
            MeetingKind.CONSULTATION,
        }
        if self.approval_meeting_id and self.approval_meeting.kind not in approving:
            errors["approval_meeting"] = _(
                "The vice-ministers approve the budget: pick a Vice-Ministerial meeting, an "
                "extraordinary meeting or a written consultation."
            )
        if self.status == BudgetStatus.RECOMMENDED and not self.recommendation_meeting_id:
            errors["recommendation_meeting"] = _(
                "Say at which RCGM meeting the budget was recommended."
            )
        if self.status == BudgetStatus.APPROVED and not self.approval_meeting_id:
            errors["approval_meeting"] = _("Say at which meeting the vice-ministers approved it.")
        if (
            self.pk
            and self.status != BudgetStatus.APPROVED
            and Expenditure.objects.filter(line__budget_id=self.pk).exists()
        ):
            errors["status"] = _("Expenditures are recorded on this budget: it stays approved.")
        if errors:
            raise ValidationError(errors)


class BudgetLineQuerySet(FinanceQuerySet):
    def with_execution(self):
        """Annotate each line with what was spent, what remains and the share spent."""
        return self.annotate(
            spent_usd=_spent("line", line=OuterRef("pk")),
            remaining_usd=ExpressionWrapper(F("amount_usd") - F("spent_usd"), output_field=MONEY),
            execution=share_of(F("spent_usd"), F("amount_usd")),
        )


class BudgetLine(PositiveAmounts, models.Model):
    """The amount a year's budget sets aside for one of its six lines."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("budget")
    )
    category = models.ForeignKey(
        BudgetCategory,
        on_delete=models.PROTECT,
        related_name="lines",
        verbose_name=_("line"),
    )
    amount_usd = money(_("amount budgeted (US$)"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = source()

    objects = BudgetLineQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "category__position"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "category"],
                name="one_budget_line_per_category",
                violation_error_message=_("The budget already has this line."),
            ),
            positive(
                "amount_usd",
                "budget_line_amount_is_positive",
                _("A budget line must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget}: {self.category}"


class Expenditure(models.Model):
    """Money the Technical Secretariat spent on a line of an approved budget."""

    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        related_name="expenditures",
        verbose_name=_("budget line"),
    )
    spent_on = models.DateField(_("spent on"))
    amount_usd = money(_("amount spent (US$)"))
    description = models.CharField(_("description"), max_length=300)
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = FinanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-spent_on", "-pk"]
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        constraints = [
            positive(
                "amount_usd",
                "expenditure_amount_is_positive",
                _("An expenditure must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.spent_on} {self.description}: US${self.amount_usd}"

    def clean(self):
        errors = positive_errors(self)
        today = timezone.localdate()
        if self.spent_on and self.spent_on > today:
            errors["spent_on"] = _(
                "An expenditure cannot be dated in the future: %(date)s is after today."
            ) % {"date": self.spent_on.isoformat()}
        if self.line_id:
            budget = self.line.budget
            if budget.status != BudgetStatus.APPROVED:
                errors["line"] = _(
                    "Expenditures are recorded only on an approved budget: the %(year)s budget "
                    "is %(status)s."
                ) % {"year": budget.year, "status": budget.get_status_display()}
            elif self.spent_on and self.spent_on.year != budget.year:
                errors["spent_on"] = _(
                    "An expenditure of the %(year)s budget is dated in %(year)s."
                ) % {"year": budget.year}
        if errors:
            raise ValidationError(errors)
