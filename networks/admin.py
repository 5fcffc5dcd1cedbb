from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from networks import rules, services
from networks.models import (
    ITEM_STATUSES,
    Network,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
    WorkPlanItemUpdate,
)
from rcm.admin_base import OverdueFilter, RecordAdmin
from rcm.models import Country


class NetworkMemberInline(admin.StackedInline):
    """A network's members, each on four short lines: ten columns side by side made the
    network's page 2,955 px wide on a 1366 px screen."""

    model = NetworkMember
    extra = 0
    fields = [
        ("country", "organisation", "role"),
        ("person_name", "institution"),
        ("email", "phone"),
        ("active_from", "active_until", "user"),
    ]
    autocomplete_fields = ["country", "organisation", "user"]


class WorkPlanInline(admin.TabularInline):
    model = WorkPlan
    extra = 0
    fields = ["name_en", "start_year", "end_year", "approved_at", "approved_by", "visibility"]
    autocomplete_fields = ["approved_at", "approved_by"]
    show_change_link = True


@admin.register(Network)
class NetworkAdmin(RecordAdmin):
    list_display = [
        "name_en", "acronym", "kind", "active_since", "active_until", "leader", "visibility",
    ]  # fmt: skip
    list_filter = ["kind", "visibility", "led_by_ppt", "leading_country"]
    search_fields = ["name_en", "name_es", "organisation__acronym", "mandate_en", "mandate_es"]
    autocomplete_fields = [
        "organisation", "leading_country", "established_at", "established_by", "meetings",
    ]  # fmt: skip
    list_select_related = ["organisation", "leading_country"]
    inlines = [NetworkMemberInline, WorkPlanInline]
    fieldsets = [
        (None, {"fields": ["kind", "organisation", "name_en", "name_es"]}),
        (_("Mandate"), {"fields": ["mandate_en", "mandate_es"]}),
        (
            _("Establishment and activity"),
            {"fields": ["established_at", "established_by", "active_since", "active_until"]},
        ),
        (_("Leadership"), {"fields": ["led_by_ppt", "leading_country"]}),
        (None, {"fields": ["meetings", "visibility", "source"]}),
    ]

    @admin.display(description=_("led by"))
    def leader(self, network):
        if network.led_by_ppt:
            return _("PPT")
        return network.leading_country or "—"


class WorkPlanItemInline(admin.TabularInline):
    """The plan's items in order; a status changes through an update (items' page)."""

    model = WorkPlanItem
    extra = 0
    fields = ["position", "ref", "text_en", "deadline", "deadline_text", "agreement", "status"]
    readonly_fields = ["status"]
    autocomplete_fields = ["agreement"]
    ordering = ["position", "pk"]
    show_change_link = True
    formfield_overrides = {
        WorkPlanItem._meta.get_field("text_en").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


@admin.register(WorkPlan)
class WorkPlanAdmin(RecordAdmin):
    list_display = ["name_en", "network", "period", "approved_at", "progress_display"]
    list_filter = ["network", "visibility"]
    search_fields = ["name_en", "name_es", "network__name_en", "network__organisation__acronym"]
    autocomplete_fields = ["network", "approved_at", "approved_by"]
    list_select_related = ["network__organisation", "approved_at__country", "approved_at__parent"]
    inlines = [WorkPlanItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    @admin.display(description=_("done"))
    def progress_display(self, plan):
        if plan.progress is None:
            return "—"
        return f"{plan.items_done}/{plan.items_counted} ({plan.progress:.0%})"


class NetworkListFilter(admin.SimpleListFilter):
    title = _("network")
    parameter_name = "network"

    def lookups(self, request, model_admin):
        return [
            (network.pk, network.acronym)
            for network in Network.objects.select_related("organisation").order_by("name_en")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.of_network(self.value())
        return queryset


class ResponsibleCountryFilter(admin.SimpleListFilter):
    title = _("responsible country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return [(country.code, country.name_en) for country in Country.objects.members()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.responsible_country(self.value())
        return queryset


class WorkPlanItemUpdateInline(admin.TabularInline):
    model = WorkPlanItemUpdate
    extra = 0
    fields = ["created_at", "author", "country", "status", "note"]
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Updates are recorded with the action "Record an update" so the item follows them.
        return rules.may_rewrite_item_update()

    def has_change_permission(self, request, obj=None):
        return rules.may_rewrite_item_update()


class ItemUpdateActionForm(ActionForm):
    status = forms.ChoiceField(
        label=_("new status"), choices=[("", "—"), *ITEM_STATUSES], required=False
    )
    note = forms.CharField(label=_("note"), required=False)


@admin.register(WorkPlanItem)
class WorkPlanItemAdmin(RecordAdmin):
    list_display = ["__str__", "short_text", "status", "deadline", "overdue_flag", "agreement"]
    list_filter = [NetworkListFilter, ResponsibleCountryFilter, "status", OverdueFilter]
    search_fields = ["ref", "text_en", "text_es", "deadline_text"]
    list_select_related = [
        "plan__network__organisation", "agreement__meeting__country", "agreement__meeting__parent",
    ]  # fmt: skip
    autocomplete_fields = ["plan", "countries", "organisations", "agreement", "meetings"]
    readonly_fields = ["status", "status_changed_at", "overdue_flag"]
    inlines = [WorkPlanItemUpdateInline]
    action_form = ItemUpdateActionForm
    actions = ["record_update"]
    fieldsets = [
        (None, {"fields": ["plan", "ref", "position"]}),
        (_("Objective or activity"), {"fields": ["text_en", "text_es"]}),
        (_("Who carries it out"), {"fields": ["countries", "organisations", "meetings"]}),
        (_("Deadline"), {"fields": ["deadline", "deadline_text", "deadline_precision"]}),
        (_("Follow-up"), {"fields": ["status", "status_changed_at", "overdue_flag", "agreement"]}),
        (None, {"fields": ["source"]}),
    ]

    @admin.display(description=_("objective or activity"))
    def short_text(self, item):
        return item.text_en[:120] + ("…" if len(item.text_en) > 120 else "")

    @admin.display(description=_("Past its deadline"))
    def overdue_flag(self, item):
        # Words on the overdue rows only, as on the agreements: a boolean column put a red
        # cross on every item on time.
        if item.is_overdue:
            return format_html('<strong class="status-overdue">{}</strong>', _("Overdue"))
        return ""

    @admin.action(description=_("Record an update on the selected items (status and note above)"))
    def record_update(self, request, queryset):
        status = request.POST.get("status")
        if status not in dict(ITEM_STATUSES):
            self.message_user(request, _("Choose the new status first."), messages.ERROR)
            return
        done = 0
        for item in queryset:
            try:
                services.work_plan_item_record_update(
                    item=item, author=request.user, status=status, note=request.POST.get("note", "")
                )
                done += 1
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request,
                    f"{item}: {'; '.join(getattr(error, 'messages', [str(error)]))}",
                    messages.ERROR,
                )
        if done:
            self.message_user(request, _("%(count)d items updated.") % {"count": done})


@admin.register(NetworkMember)
class NetworkMemberAdmin(RecordAdmin):
    list_display = ["network", "country", "organisation", "role", "person_name", "active_until"]
    list_filter = ["network", "country", "role"]
    search_fields = ["person_name", "institution", "email", "network__name_en"]
    autocomplete_fields = ["network", "country", "organisation", "user"]
    list_select_related = ["network__organisation", "country", "organisation"]


@admin.register(NetworkReport)
class NetworkReportAdmin(RecordAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name_en", "network", "meeting", "presented_by", "agreement"]
    list_filter = ["network", "visibility", "meeting__year"]
    search_fields = ["name_en", "name_es", "summary_en", "summary_es"]
    autocomplete_fields = [
        "network", "meeting", "agreement", "presented_by_country", "presented_by_organisation",
    ]  # fmt: skip
    list_select_related = [
        "network__organisation", "meeting__country", "meeting__parent",
        "agreement__meeting__country", "presented_by_country", "presented_by_organisation",
    ]  # fmt: skip
