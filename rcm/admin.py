from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from rcm import rules
from rcm.admin_base import RecordAdmin, StaleFormCheck
from rcm.models import (
    APIToken,
    Country,
    CountryStatus,
    FocalPoint,
    ObserverStatus,
    Organisation,
    Presidency,
    User,
    access_for,
)
from rcm.services import api_token_create, user_deactivate


class CountryStatusInline(admin.TabularInline):
    model = CountryStatus
    extra = 0
    fields = ["status", "since", "until", "source"]


class FocalPointWrites:
    """The reminders go to the focal points' addresses: in the admin only TS staff add, change
    or delete them (a country's focal points keep theirs through the API), whatever model
    permissions a staff account was given."""

    def _may_write(self, request) -> bool:
        return rules.may_change_records(access_for(request.user))

    def has_add_permission(self, request, *args):
        return self._may_write(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._may_write(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_write(request) and super().has_delete_permission(request, obj)


class FocalPointInline(FocalPointWrites, admin.TabularInline):
    model = FocalPoint
    extra = 0
    fields = ["institution_kind", "institution_en", "person_name", "email", "active", "verified_on"]
    show_change_link = True


@admin.register(Country)
class CountryAdmin(RecordAdmin):
    list_display = ["code", "name_en", "name_es", "current_status"]
    search_fields = ["code", "name_en", "name_es"]
    list_filter = ["statuses__status"]
    inlines = [CountryStatusInline, FocalPointInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("statuses")

    @admin.display(description=_("status today"))
    def current_status(self, country):
        status = country.status_on()
        return dict(CountryStatus._meta.get_field("status").choices).get(status, "—")


class ObserverStatusInline(admin.TabularInline):
    model = ObserverStatus
    extra = 0
    fields = ["from_year", "to_year", "recorded_in", "source"]


@admin.register(Organisation)
class OrganisationAdmin(RecordAdmin):
    list_display = ["acronym", "name_en", "kind", "first_observer_year"]
    list_filter = ["kind"]
    search_fields = ["acronym", "acronym_es", "name_en", "name_es", "aliases"]
    inlines = [ObserverStatusInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_observer_since()

    @admin.display(description=_("observer since"), ordering="observer_since")
    def first_observer_year(self, organisation):
        return organisation.observer_since or "—"


@admin.register(Presidency)
class PresidencyAdmin(RecordAdmin):
    list_display = ["year", "country", "theme_en", "starts_on", "ends_on"]
    list_filter = ["country"]
    search_fields = ["theme_en", "theme_es", "country__name_en", "country__name_es"]
    autocomplete_fields = ["country"]
    readonly_fields = ["troika_at_start"]
    list_select_related = ["country"]

    @admin.display(description=_("Troika when the term begins"))
    def troika_at_start(self, presidency):
        if not presidency.pk:
            return "—"
        troika = Presidency.objects.troika(presidency.term_start)
        return " · ".join(str(p.country) if p else "—" for p in troika)


@admin.register(FocalPoint)
class FocalPointAdmin(FocalPointWrites, RecordAdmin):
    list_display = [
        "country", "institution_kind", "institution_en", "person_name", "email", "active",
        "verified_on",
    ]  # fmt: skip
    list_filter = ["country", "institution_kind", "active"]
    search_fields = ["institution_en", "institution_es", "person_name", "email"]
    autocomplete_fields = ["country", "user"]
    list_select_related = ["country"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "country",
        "organisation",
        "is_active",
    ]
    list_filter = ["groups", "country", "organisation", "is_staff", "is_active"]
    autocomplete_fields = ["country", "organisation"]
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Represents"), {"fields": ["country", "organisation", "language"]}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Represents"), {"fields": ["email", "country", "organisation", "language", "groups"]}),
    )
    list_select_related = ["country", "organisation"]
    actions = ["deactivate"]

    @admin.action(description=_("Deactivate: end their sessions and revoke their API tokens"))
    def deactivate(self, request, queryset):
        for user in queryset:
            user_deactivate(user=user)
        self.message_user(request, _("%(count)d users deactivated.") % {"count": queryset.count()})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Unticking "active" must end the person's access at once, not at their next login.
            user_deactivate(user=obj)


class APITokenForm(StaleFormCheck):
    class Meta:
        model = APIToken
        fields = ["user", "name", "expires_at"]


@admin.register(APIToken)
class APITokenAdmin(RecordAdmin):
    """Tokens for other systems: the key is shown once, when the token is created."""

    form = APITokenForm
    list_display = ["name", "prefix", "user", "created_at", "last_used_at", "expires_at", "active"]
    list_filter = ["revoked_at", "user"]
    search_fields = ["name", "prefix", "user__username"]
    autocomplete_fields = ["user"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]
    list_select_related = ["user"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["user", "name", "expires_at"]
        return ["user", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["user", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at"]

    @admin.display(description=_("active"))
    def active(self, token):
        # Words, not the admin's green tick and red cross, which read as "good" and "bad".
        return _("Active") if token.is_active else _("Revoked or expired")

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, key = api_token_create(
            user=form.cleaned_data["user"],
            name=form.cleaned_data["name"],
            expires_at=form.cleaned_data["expires_at"],
        )
        obj.pk = token.pk
        messages.warning(
            request,
            _(
                "The key of %(name)s is %(key)s — copy it now: it is not stored "
                "and will not be shown again."
            )
            % {"name": token.name, "key": key},
        )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            count += 1
        self.message_user(request, _("%(count)d tokens revoked.") % {"count": count})
