from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from rcm.models import Country, CountryStatus, FocalPoint, Organisation, Presidency, User


class CountryStatusInline(admin.TabularInline):
    model = CountryStatus
    extra = 0
    fields = ["status", "since", "until", "source"]


class FocalPointInline(admin.TabularInline):
    model = FocalPoint
    extra = 0
    fields = ["institution_kind", "institution_en", "person_name", "email", "active", "verified_on"]
    show_change_link = True


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
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


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name_en", "kind", "observer_since"]
    list_filter = ["kind"]
    search_fields = ["acronym", "acronym_es", "name_en", "name_es", "aliases"]


@admin.register(Presidency)
class PresidencyAdmin(SimpleHistoryAdmin):
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
class FocalPointAdmin(SimpleHistoryAdmin):
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
