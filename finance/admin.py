"""The books in the admin, for TS staff: every write goes through the same rules and services."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from finance import selectors, services
from finance.models import (
    Assessment,
    Budget,
    BudgetCategory,
    BudgetLine,
    ContributionScale,
    Expenditure,
    FinanceAgreement,
    FinancialReport,
    Payment,
    PaymentAllocation,
    PaymentStatus,
    ReserveFundMovement,
    ScaleRow,
)


class YearActionForm(ActionForm):
    year = forms.IntegerField(label=_("year"), required=False, min_value=1996, max_value=2100)


def generate_assessments(modeladmin, request, queryset):
    """Assess every member country for the year given above, from the scale in force then."""
    try:
        year = int(request.POST.get("year") or 0)
    except ValueError:
        year = 0
    if not year:
        modeladmin.message_user(request, _("Give the year to assess first."), messages.ERROR)
        return
    try:
        result = services.assessments_generate(year=year)
    except ValidationError as error:
        modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        return
    modeladmin.message_user(
        request,
        _("%(year)s: %(created)d assessments created, %(existing)d already there.")
        % {"year": year, "created": len(result.created), "existing": result.existing},
    )


generate_assessments.short_description = _("Generate the assessments of the year given")


def _saved_by_the_service(formsets) -> None:
    """The inlines' rows were written by a service: tell the admin's change message so."""
    for formset in formsets:
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


# --- The scale -----------------------------------------------------------------------------------


class ScaleRowFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.effective_from is None:
            return
        rows = [
            (form.cleaned_data["country"], form.cleaned_data["amount_usd"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("country")
        ]
        problems = services.scale_rows_problems(scale=self.instance, rows=rows)
        if problems:
            raise ValidationError(problems)


class ScaleRowInline(admin.TabularInline):
    model = ScaleRow
    formset = ScaleRowFormSet
    extra = 0
    fields = ["country", "amount_usd", "source"]
    autocomplete_fields = ["country"]


@admin.register(ContributionScale)
class ContributionScaleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "effective_from", "approval_meeting", "total"]
    raw_id_fields = ["approval_meeting", "approval_agreement"]
    inlines = [ScaleRowInline]
    action_form = YearActionForm
    actions = [generate_assessments]

    def get_queryset(self, request):
        return super().get_queryset(request).with_total().select_related("approval_meeting")

    @admin.display(description=_("total (US$)"), ordering="total_usd")
    def total(self, scale):
        return scale.total_usd

    def save_model(self, request, obj, form, change):
        # The version and its rows are saved together by the service, in save_related.
        pass

    def save_related(self, request, form, formsets, change):
        rows = [
            (row["country"], row["amount_usd"])
            for formset in formsets
            for row in formset.cleaned_data
            if row and not row.get("DELETE") and row.get("country")
        ]
        services.scale_save(scale=form.instance, rows=rows)
        _saved_by_the_service(formsets)


# --- Assessments and payments --------------------------------------------------------------------


class PaymentStatusFilter(admin.SimpleListFilter):
    title = _("payment status")
    parameter_name = "payment_status"

    def lookups(self, request, model_admin):
        return PaymentStatus.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(payment_status=self.value())
        return queryset


class AllocationInline(admin.TabularInline):
    model = PaymentAllocation
    extra = 0
    can_delete = False
    readonly_fields = ["payment", "assessment", "amount_usd"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AllocationOfAssessmentInline(AllocationInline):
    fk_name = "assessment"
    verbose_name_plural = _("payments applied to it")


class AllocationOfPaymentInline(AllocationInline):
    fk_name = "payment"
    verbose_name_plural = _("how the payment was applied")


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["country", "year", "amount_usd", "paid", "balance", "status"]
    list_filter = ["year", PaymentStatusFilter, "country"]
    search_fields = ["country__name_en", "country__code"]
    list_select_related = ["country"]
    raw_id_fields = ["scale"]
    readonly_fields = ["created_at"]
    inlines = [AllocationOfAssessmentInline]
    action_form = YearActionForm
    actions = [generate_assessments]

    def get_queryset(self, request):
        return super().get_queryset(request).with_payments()

    @admin.display(description=_("paid (US$)"), ordering="paid_usd")
    def paid(self, assessment):
        return assessment.paid_usd

    @admin.display(description=_("balance (US$)"), ordering="balance_usd")
    def balance(self, assessment):
        return assessment.balance_usd

    @admin.display(description=_("status"), ordering="payment_status")
    def status(self, assessment):
        return PaymentStatus(assessment.payment_status).label


@admin.register(Payment)
class PaymentAdmin(SimpleHistoryAdmin):
    list_display = ["country", "received_on", "amount_usd", "allocated", "credit", "reference"]
    list_filter = ["country", "demo"]
    date_hierarchy = "received_on"
    search_fields = ["reference", "note", "country__name_en"]
    list_select_related = ["country"]
    raw_id_fields = ["assessment"]
    inlines = [AllocationOfPaymentInline]
    fields = [
        "country", "received_on", "amount_usd", "assessment", "reference", "note", "source",
        "demo", "created_at",
    ]  # fmt: skip
    readonly_fields = ["demo", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_allocation()

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # Applied payments keep their amount, date, country and assignment.
            return [*self.readonly_fields, "country", "received_on", "amount_usd", "assessment"]
        return self.readonly_fields

    @admin.display(description=_("applied (US$)"), ordering="allocated_usd")
    def allocated(self, payment):
        return payment.allocated_usd

    @admin.display(description=_("credit (US$)"), ordering="credit_usd")
    def credit(self, payment):
        return payment.credit_usd

    def save_model(self, request, obj, form, change):
        if change:
            services.payment_update(
                payment=obj, reference=obj.reference, note=obj.note, source=obj.source
            )
            return
        applied = services.payment_apply(
            country=obj.country,
            received_on=obj.received_on,
            amount_usd=obj.amount_usd,
            reference=obj.reference,
            note=obj.note,
            assessment=obj.assessment,
            source=obj.source,
        )
        obj.pk = applied.pk

    def save_related(self, request, form, formsets, change):
        # The allocations are the service's work; the inline only shows them.
        _saved_by_the_service(formsets)

    def delete_model(self, request, obj):
        services.payment_delete(payment=obj)

    def delete_queryset(self, request, queryset):
        for payment in queryset:
            services.payment_delete(payment=payment)


# --- Budgets -------------------------------------------------------------------------------------


@admin.register(BudgetCategory)
class BudgetCategoryAdmin(SimpleHistoryAdmin):
    """The six lines are fixed by the publication: they are read, not added or removed."""

    list_display = ["code", "name_en", "position"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["category", "amount_usd", "note", "source", "spent"]
    readonly_fields = ["spent"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_execution().select_related("category")

    @admin.display(description=_("spent (US$)"))
    def spent(self, line):
        return line.spent_usd if line.pk else "—"


@admin.register(Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    list_display = ["year", "status", "budgeted", "spent", "execution", "demo"]
    list_filter = ["status", "demo"]
    raw_id_fields = [
        "recommendation_meeting", "recommendation_agreement", "approval_meeting",
        "approval_agreement",
    ]  # fmt: skip
    readonly_fields = ["demo"]
    inlines = [BudgetLineInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_execution()

    @admin.display(description=_("budgeted (US$)"), ordering="budgeted_usd")
    def budgeted(self, budget):
        return budget.budgeted_usd

    @admin.display(description=_("spent (US$)"), ordering="spent_usd")
    def spent(self, budget):
        return budget.spent_usd

    @admin.display(description=_("execution (%)"), ordering="execution")
    def execution(self, budget):
        return budget.execution


class BudgetYearFilter(admin.SimpleListFilter):
    title = _("budget year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(year, year) for year in Budget.objects.values_list("year", flat=True)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(line__budget__year=self.value())
        return queryset


@admin.register(Expenditure)
class ExpenditureAdmin(SimpleHistoryAdmin):
    list_display = ["spent_on", "line", "amount_usd", "description", "demo"]
    list_filter = [BudgetYearFilter, "line__category", "demo"]
    search_fields = ["description"]
    list_select_related = ["line__budget", "line__category"]
    date_hierarchy = "spent_on"
    readonly_fields = ["demo", "created_at"]


# --- Reports and the Reserve Fund ----------------------------------------------------------------


@admin.register(FinancialReport)
class FinancialReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "meeting"]
    raw_id_fields = ["meeting", "agreement"]
    readonly_fields = ["figures"]

    @admin.display(description=_("figures from the records of the period"))
    def figures(self, report):
        if not report.pk:
            return "—"
        data = selectors.report_figures(report)
        rows = [
            (_("Contributions received (US$)"), data["contributions_received"]),
            (_("Expenditures (US$)"), data["expenditures"]),
            (_("Contributions outstanding at the end (US$)"), data["outstanding_at_end"]),
            (_("Reserve Fund at the end (US$)"), data["reserve_fund"]["closing"]),
        ]
        rows = [(label, _("not recorded") if value is None else value) for label, value in rows]
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )


@admin.register(ReserveFundMovement)
class ReserveFundMovementAdmin(SimpleHistoryAdmin):
    list_display = [
        "date", "kind", "amount_usd", "country", "migrants_assisted", "nationality",
        "destination", "demo",
    ]  # fmt: skip
    list_filter = ["kind", "demo", "nationality"]
    date_hierarchy = "date"
    autocomplete_fields = ["country", "nationality", "destination"]
    list_select_related = ["country", "nationality", "destination"]
    readonly_fields = ["demo", "created_at"]

    def get_actions(self, request):
        # Each removal is checked against the fund's balance, one at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        services.reserve_fund_record(movement=obj)

    def delete_view(self, request, object_id, extra_context=None):
        movement = self.get_object(request, object_id)
        if movement is not None and request.method == "POST":
            problem = services.reserve_fund_delete_problem(movement=movement)
            if problem:
                self.message_user(request, problem, messages.ERROR)
                return redirect(
                    reverse("admin:finance_reservefundmovement_change", args=[movement.pk])
                )
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        services.reserve_fund_delete(movement=obj)


@admin.register(FinanceAgreement)
class FinanceAgreementAdmin(SimpleHistoryAdmin):
    """The agreements that urge the countries' payments: each shows the countries' standing on
    its page, and the finance pages link to it."""

    list_display = ["agreement", "topic", "source"]
    list_filter = ["topic"]
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement__meeting__country", "agreement__meeting__parent"]
