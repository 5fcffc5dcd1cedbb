from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingState, MeetingStatus, MeetingSupport, Participation
from meetings.services import meeting_confirm_outcome
from rcm.admin_base import RecordAdmin


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ["country", "organisation", "role", "note"]
    autocomplete_fields = ["country", "organisation"]


class MeetingSupportInline(admin.TabularInline):
    model = MeetingSupport
    extra = 0
    fields = ["country", "organisation", "role"]
    autocomplete_fields = ["country", "organisation"]


class PartInline(admin.TabularInline):
    model = Meeting
    fk_name = "parent"
    extra = 0
    fields = ["part", "name_en", "starts_on", "ends_on", "visibility"]
    show_change_link = True
    verbose_name = _("part")
    verbose_name_plural = _("parts (plenary, closed-door)")


@admin.register(Meeting)
class MeetingAdmin(RecordAdmin):
    list_display = [
        "short_name",
        "kind",
        "year",
        "starts_on",
        "city",
        "country",
        "state_display",
        "visibility",
    ]
    list_filter = ["kind", "status", "visibility", "year", "country"]
    actions = ["confirm_held", "confirm_cancelled"]
    search_fields = ["name_en", "name_es", "city", "city_es", "summary"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["country", "parent", "named_users"]
    readonly_fields = ["presidency_in_office", "troika_on_date"]
    list_select_related = ["country", "parent", "parent__country"]
    inlines = [PartInline, ParticipationInline, MeetingSupportInline]
    fieldsets = [
        (None, {"fields": ["kind", "ordinal", "name_en", "name_es", "parent", "part"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "year", "starts_on", "ends_on", "date_precision", "city", "city_es",
                    "country", "virtual",
                ]
            },
        ),
        (_("Status and access"), {"fields": ["status", "visibility", "named_users"]}),
        (_("Presidency"), {"fields": ["presidency_in_office", "troika_on_date"]}),
        (None, {"fields": ["summary", "source"]}),
    ]  # fmt: skip

    @admin.display(description=_("state"), ordering="status")
    def state_display(self, meeting):
        if meeting.state == MeetingState.NOT_CONFIRMED:
            return _("Not confirmed (date passed, not recorded as held)")
        return meeting.state_label

    def _confirm(self, request, queryset, outcome):
        confirmed, refused = 0, []
        for meeting in queryset:
            try:
                meeting_confirm_outcome(meeting=meeting, outcome=outcome, by=request.user)
            except PermissionDenied as error:
                self.message_user(request, str(error), messages.ERROR)
                return
            except ValidationError as error:
                refused.append(" ".join(error.messages))
            else:
                confirmed += 1
        if confirmed:
            self.message_user(
                request,
                _("%(count)d meetings recorded as %(outcome)s.")
                % {"count": confirmed, "outcome": MeetingStatus(outcome).label.lower()},
            )
        for reason in refused:
            self.message_user(request, reason, messages.ERROR)

    @admin.action(description=_("Confirm the selected meetings as held"))
    def confirm_held(self, request, queryset):
        self._confirm(request, queryset, MeetingStatus.HELD)

    @admin.action(description=_("Confirm the selected meetings as cancelled"))
    def confirm_cancelled(self, request, queryset):
        self._confirm(request, queryset, MeetingStatus.CANCELLED)

    @admin.display(description=_("PPT in office"))
    def presidency_in_office(self, meeting):
        if not meeting.pk:
            return "—"
        presidency = meeting.presidency_in_office()
        return str(presidency) if presidency else "—"

    @admin.display(description=_("Troika"))
    def troika_on_date(self, meeting):
        if not meeting.pk:
            return "—"
        return " · ".join(str(p.country) if p else "—" for p in meeting.troika())


@admin.register(Participation)
class ParticipationAdmin(RecordAdmin):
    list_display = ["meeting", "country", "organisation", "role"]
    list_filter = ["role", "meeting__kind", "country"]
    search_fields = ["meeting__name_en", "country__name_en", "organisation__acronym"]
    autocomplete_fields = ["meeting", "country", "organisation"]
    list_select_related = [
        "meeting",
        "meeting__parent",
        "meeting__country",
        "country",
        "organisation",
    ]
