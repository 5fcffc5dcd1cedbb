from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from agreements import lineage, rules, services, themes_suggest
from agreements.admin_import import import_view
from agreements.models import (
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    AgreementTheme,
    FollowUp,
    Instrument,
    InstrumentEvent,
    Status,
    Theme,
)
from agreements.models.choices import stricter_visibility
from meetings.admin import MeetingAdmin
from meetings.models import Meeting, MeetingKind
from rcm.admin_base import OverdueFilter, RecordAdmin, StaleFormCheck
from rcm.models import access_for


class AgreementInlineForm(forms.ModelForm):
    """An agreement edited among its meeting's: its visibility follows the meeting's."""

    def clean(self):
        cleaned_data = super().clean()
        # The meeting as this same form submission leaves it (its visibility may be changing):
        # a new agreement takes the meeting's visibility, an existing one is never left more
        # public than the meeting.
        meeting = cleaned_data.get("meeting")
        if meeting is not None and meeting.visibility:
            own = self.instance.visibility or meeting.visibility
            self.instance.visibility = stricter_visibility(own, meeting.visibility)
        return cleaned_data


class AgreementInline(admin.TabularInline):
    """The meeting's agreements in document order; the tree is edited through ref and parent."""

    model = Agreement
    form = AgreementInlineForm
    fk_name = "meeting"
    extra = 0
    fields = [
        "position", "ref", "parent", "section", "text_en", "action", "deadline", "status",
        "visibility",
    ]  # fmt: skip
    readonly_fields = ["visibility"]
    raw_id_fields = ["parent"]
    ordering = ["position"]
    show_change_link = True
    formfield_overrides = {
        Agreement._meta.get_field("text_en").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 40})
        }
    }


admin.site.unregister(Meeting)


@admin.register(Meeting)
class MeetingWithAgreementsAdmin(MeetingAdmin):
    inlines = [*MeetingAdmin.inlines, AgreementInline]

    def get_urls(self):
        own = [
            path(
                "import/",
                self.admin_site.admin_view(partial(import_view, self)),
                name="meetings_meeting_import",
            )
        ]
        return own + super().get_urls()


class AgreementCountryInline(admin.TabularInline):
    model = AgreementCountry
    extra = 0
    fields = ["country", "responsible", "status", "status_changed_at"]
    readonly_fields = ["status_changed_at"]
    autocomplete_fields = ["country"]


class AgreementOrganisationInline(admin.TabularInline):
    model = AgreementOrganisation
    extra = 0
    fields = ["organisation", "responsible"]
    autocomplete_fields = ["organisation"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["created_at", "author", "country", "status", "note", "link", "evidence", "validation"]
    readonly_fields = ["created_at", "author", "validation"]
    autocomplete_fields = ["country"]
    ordering = ["-created_at"]
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return rules.may_rewrite_follow_up()


class AgreementThemeInline(admin.TabularInline):
    """The agreement's Plan of Action themes; a suggested one stays marked until confirmed."""

    model = AgreementTheme
    extra = 0
    fields = ["theme", "suggested"]
    autocomplete_fields = ["theme"]
    verbose_name = _("Plan of Action theme")
    verbose_name_plural = _("Plan of Action themes (untick “suggested” to confirm one)")


class LaterLinkInline(admin.TabularInline):
    model = AgreementLink
    fk_name = "later"
    extra = 0
    fields = ["kind", "earlier", "note", "source"]
    raw_id_fields = ["earlier"]
    verbose_name = _("link to an earlier agreement")
    verbose_name_plural = _("lineage: earlier agreements")


class ChildInline(admin.TabularInline):
    model = Agreement
    fk_name = "parent"
    extra = 0
    fields = ["ref", "text_en", "action", "status", "deadline"]
    readonly_fields = ["ref", "text_en", "action", "status", "deadline"]
    show_change_link = True
    can_delete = False
    verbose_name_plural = _("sub-items")

    def has_add_permission(self, request, obj=None):
        return False


class ReportingFilter(admin.SimpleListFilter):
    title = _("reporting")
    parameter_name = "reporting"

    def lookups(self, request, model_admin):
        return [("not_reported", _("Not reported")), ("stale", _("Stale"))]

    def queryset(self, request, queryset):
        if self.value() == "not_reported":
            return queryset.not_reported()
        if self.value() == "stale":
            return queryset.stale()
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Meeting.objects.filter(agreements__isnull=False).values_list("year", flat=True)
        return [(year, year) for year in sorted(set(years), reverse=True)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(meeting__year=self.value())
        return queryset


class BodyFilter(admin.SimpleListFilter):
    title = _("body")
    parameter_name = "body"

    def lookups(self, request, model_admin):
        return MeetingKind.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(meeting__kind=self.value())
        return queryset


class CountryFilter(admin.SimpleListFilter):
    title = _("country (responsible or mentioned)")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        from rcm.models import Country

        return [(c.code, c.name_en) for c in Country.objects.members()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.concerning_country(self.value())
        return queryset


class AgreementAdminForm(StaleFormCheck):
    """An agreement; a decision on its follow-up moves its status the way the services do."""

    FOLLOW_UP_FIELDS = ("follow_up_override", "follow_up_override_reason", "text_en", "text_es")

    def clean(self):
        cleaned = super().clean()
        if set(self.FOLLOW_UP_FIELDS) & set(self.changed_data) and "status" in cleaned:
            probe = Agreement(
                pk=self.instance.pk,
                action=cleaned.get("action", self.instance.action),
                text_en=cleaned.get("text_en", self.instance.text_en),
                text_es=cleaned.get("text_es", self.instance.text_es),
                status=cleaned["status"],
                follow_up_override=cleaned.get("follow_up_override", ""),
            )
            new_status = services.status_for_follow_up(probe)
            if new_status:
                cleaned["status"] = new_status
        return cleaned


class StatusActionForm(ActionForm):
    status = forms.ChoiceField(
        label=_("new status"), choices=[("", "—"), *Status.choices], required=False
    )
    note = forms.CharField(label=_("note"), required=False)


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    form = AgreementAdminForm
    list_display = ["__str__", "short_text", "action", "status", "deadline", "overdue_flag"]
    list_filter = [
        BodyFilter, YearFilter, "meeting", CountryFilter, "themes", "action", "status",
        OverdueFilter, ReportingFilter, "section", "visibility",
    ]  # fmt: skip
    search_fields = ["ref", "text_en", "text_es", "deadline_text"]
    list_select_related = ["meeting", "meeting__country", "meeting__parent"]
    raw_id_fields = ["parent", "meeting"]
    autocomplete_fields = ["proposed_activities"]
    readonly_fields = ["status_changed_at", "overdue_flag", "created_at", "updated_at"]
    inlines = [
        AgreementThemeInline, AgreementCountryInline, AgreementOrganisationInline, ChildInline,
        LaterLinkInline, FollowUpInline,
    ]  # fmt: skip
    action_form = StatusActionForm
    actions = ["set_status", "confirm_suggested_themes"]
    change_form_template = "admin/agreements/agreement/change_form.html"
    fieldsets = [
        (None, {"fields": ["meeting", "section", "group", "ref", "parent", "position"]}),
        (_("Text"), {"fields": ["text_en", "text_es", "action", "addressed_to_body"]}),
        (
            _("Deadline"),
            {"fields": ["deadline", "deadline_text", "deadline_precision", "deadline_body"]},
        ),
        (
            _("Follow-up"),
            {
                "fields": [
                    "status",
                    "status_changed_at",
                    "overdue_flag",
                    "follow_up_override",
                    "follow_up_override_reason",
                    "visibility",
                ]
            },
        ),
        (_("Activities"), {"fields": ["proposed_activities"]}),
        (None, {"fields": ["source", "created_at", "updated_at"]}),
    ]

    def get_urls(self):
        own = [
            path(
                "<int:pk>/lineage/<int:earlier_pk>/confirm/",
                # Not admin_view: anyone but TS staff gets a 403 (404 for a missing
                # agreement) rather than the admin's login page, and nothing changes.
                csrf_protect(require_POST(self.confirm_lineage_view)),
                name="agreements_agreement_confirm_lineage",
            )
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        agreement = self.get_object(request, object_id)
        if agreement is not None and rules.may_curate(access_for(request.user)):
            extra_context["lineage_suggestions"] = lineage.suggest_earlier(agreement)
        return super().change_view(request, object_id, form_url, extra_context)

    def confirm_lineage_view(self, request, pk: int, earlier_pk: int):
        if not request.user.is_authenticated:
            raise Http404
        later = get_object_or_404(Agreement.objects.select_related("meeting"), pk=pk)
        earlier = get_object_or_404(Agreement.objects.select_related("meeting"), pk=earlier_pk)
        try:
            link = lineage.lineage_confirm(
                later=later, earlier=earlier, kind=request.POST.get("kind", ""), by=request.user
            )
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request, _("Lineage confirmed: %(link)s.") % {"link": link}, messages.SUCCESS
            )
        return redirect(reverse("admin:agreements_agreement_change", args=[later.pk]))

    def save_model(self, request, obj, form, change):
        if {"follow_up_override", "follow_up_override_reason"} & set(form.changed_data):
            # The audit history keeps why TS staff decided the follow-up.
            obj._change_reason = (
                obj.follow_up_override_reason or str(_("follow-up as the text says"))
            )[:100]
        super().save_model(request, obj, form, change)
        services.agreement_sync_country_statuses(agreement=obj)

    @admin.display(description=_("text"))
    def short_text(self, agreement):
        return agreement.text_en[:120] + ("…" if len(agreement.text_en) > 120 else "")

    @admin.display(description=_("Past its deadline"))
    def overdue_flag(self, agreement):
        # Text on the overdue rows only: a boolean column put a red cross on every row on time.
        if agreement.is_overdue:
            return format_html('<strong class="status-overdue">{}</strong>', _("Overdue"))
        return ""

    @admin.action(description=_("Change the status of the selected agreements"))
    def set_status(self, request, queryset):
        status = request.POST.get("status")
        if status not in Status.values:
            self.message_user(request, _("Choose the new status first."), messages.ERROR)
            return
        try:
            changed = services.agreements_set_status(
                agreements=list(queryset),
                status=status,
                author=request.user,
                note=request.POST.get("note", ""),
            )
        except (ValidationError, PermissionDenied) as error:
            self.message_user(
                request, "; ".join(getattr(error, "messages", [str(error)])), messages.ERROR
            )
            return
        self.message_user(
            request, _("%(count)d agreements changed status.") % {"count": len(changed)}
        )

    @admin.action(description=_("Confirm the suggested themes of the selected agreements"))
    def confirm_suggested_themes(self, request, queryset):
        try:
            count = themes_suggest.agreement_themes_confirm(
                agreements=list(queryset), by=request.user
            )
        except PermissionDenied:
            self.message_user(request, _("Only TS staff confirm suggested themes."), messages.ERROR)
            return
        self.message_user(request, _("%(count)d suggested themes confirmed.") % {"count": count})


class ReturnActionForm(ActionForm):
    reason = forms.CharField(label=_("reason (to send back)"), required=False)


class AwaitingFilter(admin.SimpleListFilter):
    title = _("awaiting validation")
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        return [("yes", _("Awaiting validation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.awaiting_validation()
        return queryset


@admin.register(FollowUp)
class FollowUpAdmin(RecordAdmin):
    list_display = ["agreement", "country", "status", "author", "created_at", "validation"]
    list_filter = [AwaitingFilter, "validation", "status", "country"]
    search_fields = ["note", "agreement__text_en", "agreement__ref"]
    list_select_related = ["agreement", "agreement__meeting", "country", "author"]
    raw_id_fields = ["agreement"]
    readonly_fields = ["author", "created_at", "reviewed_by", "reviewed_at", "validation"]
    action_form = ReturnActionForm
    actions = ["accept", "send_back"]

    def has_change_permission(self, request, obj=None):
        return rules.may_rewrite_follow_up()

    def save_model(self, request, obj, form, change):
        # A new update made in the admin goes through the same workflow as anywhere else.
        created = services.followup_record(
            agreement=obj.agreement,
            author=request.user,
            status=obj.status,
            note=obj.note,
            link=obj.link,
            evidence=obj.evidence or None,
            country=obj.country,
        )
        obj.pk = created.pk

    def _review(self, request, queryset, review, **kwargs):
        done = 0
        for follow_up in queryset:
            try:
                review(follow_up=follow_up, reviewer=request.user, **kwargs)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request,
                    f"{follow_up}: {'; '.join(getattr(error, 'messages', [str(error)]))}",
                    messages.ERROR,
                )
        if done:
            self.message_user(request, _("%(count)d updates reviewed.") % {"count": done})

    @admin.action(description=_("Accept the selected updates"))
    def accept(self, request, queryset):
        self._review(request, queryset, services.followup_accept)

    @admin.action(description=_("Send the selected updates back (give the reason above)"))
    def send_back(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        if not reason:
            self.message_user(
                request, _("Give the reason for sending the updates back."), messages.ERROR
            )
            return
        self._review(request, queryset, services.followup_return, reason=reason)


@admin.register(Theme)
class ThemeAdmin(RecordAdmin):
    list_display = ["code", "name_en", "name_es", "parent"]
    search_fields = ["code", "name_en", "name_es"]
    list_select_related = ["parent"]


@admin.register(AgreementLink)
class AgreementLinkAdmin(RecordAdmin):
    list_display = ["later", "kind", "earlier"]
    list_filter = ["kind"]
    raw_id_fields = ["later", "earlier"]
    list_select_related = ["later__meeting", "earlier__meeting"]


class InstrumentEventInline(admin.TabularInline):
    model = InstrumentEvent
    extra = 0
    fields = ["kind", "year", "date", "meeting", "agreement", "note"]
    raw_id_fields = ["meeting", "agreement"]


@admin.register(Instrument)
class InstrumentAdmin(RecordAdmin):
    list_display = ["name_en", "kind", "visibility"]
    list_filter = ["kind", "themes", "visibility"]
    search_fields = ["name_en", "name_es", "summary"]
    filter_horizontal = ["themes", "proposed_by_countries", "prepared_by"]
    inlines = [InstrumentEventInline]
