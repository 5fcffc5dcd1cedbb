"""What every admin of the records shares: history, and no silent overwrite of a stale form."""

import hashlib

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

VERSION_FIELD = "record_version"


def record_version(instance) -> str:
    """A fingerprint of the row's stored values: it changes whenever anyone saves the row."""
    values = [
        (field.attname, getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if not isinstance(field, models.GeneratedField)
    ]
    return hashlib.blake2b(repr(values).encode(), digest_size=12).hexdigest()


class StaleFormCheck(forms.ModelForm):
    """Refuse to save a form opened before someone else saved the same record."""

    record_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = record_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # Locked until the admin's transaction ends, so two saves cannot both pass here.
            current = (
                type(self.instance)
                ._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .first()
            )
            submitted = self.data.get(self.add_prefix(VERSION_FIELD))
            if current is None or submitted != record_version(current):
                raise forms.ValidationError(
                    _(
                        "Someone changed this record after you opened it. Open it again to see "
                        "their changes, then make yours."
                    ),
                    code="stale",
                )
        return cleaned


class RecordAdmin(SimpleHistoryAdmin):
    """The admin base of every record: audited, and safe against concurrent edits."""

    form = StaleFormCheck

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        fieldsets = [
            (name, {**options, "fields": list(options["fields"])}) for name, options in fieldsets
        ]
        fieldsets[0][1]["fields"].append(VERSION_FIELD)
        return fieldsets


class OverdueFilter(admin.SimpleListFilter):
    """Overdue or not, by the rule of the listed model's queryset (`overdue`, `overdue_q`)."""

    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(queryset.overdue_q())
        return queryset
