"""Filters shared by every app's lists: a record id that matches nothing filters to nothing.

django-filter answers 400 "Select a valid choice" for the id of a record that does not exist,
and the API's readers cannot tell a missing record from one they may not see; an id is a valid
question whose answer may be an empty list.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework
from django_filters.filterset import FILTER_FOR_DBFIELD_DEFAULTS, remote_queryset

NO_RECORD = object()


class RecordChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            if str(value).isdigit():
                return NO_RECORD
            raise


class RecordChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = RecordChoiceField

    def filter(self, qs, value):
        if value is NO_RECORD:
            return qs.none()
        return super().filter(qs, value)


RELATIONS = {
    relation: {
        "filter_class": RecordChoiceFilter,
        "extra": lambda f: {"queryset": remote_queryset(f)},
    }
    for relation in (models.ForeignKey, models.OneToOneField)
}


class UtcDateTimeField(forms.DateTimeField):
    """A moment, asked of the database in UTC. Python reads offsets up to ±23:59, PostgreSQL
    holds at most ±15:59: "2026-09-09T16:49-21:57" is a valid moment and the same one in UTC."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None or timezone.is_naive(moment):
            return moment
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(
                _("This moment is outside the dates the records can hold."), code="invalid"
            ) from None


class UtcDateTimeFilter(django_filters.DateTimeFilter):
    field_class = UtcDateTimeField


MOMENTS = {models.DateTimeField: {"filter_class": UtcDateTimeFilter}}


class RecordFilterSet(django_filters.FilterSet):
    FILTER_DEFAULTS = {**FILTER_FOR_DBFIELD_DEFAULTS, **RELATIONS, **MOMENTS}


class ApiRecordFilterSet(rest_framework.FilterSet):
    FILTER_DEFAULTS = {**rest_framework.FilterSet.FILTER_DEFAULTS, **RELATIONS, **MOMENTS}


class RecordFilterBackend(rest_framework.DjangoFilterBackend):
    """The API's filter backend: lists declared with filterset_fields get these relations."""

    filterset_base = ApiRecordFilterSet


# The values a yes/no filter understands: what NullBooleanSelect reads, and the API's true/false.
BOOLEAN_VALUES = {"true", "false", "unknown", "1", "2", "3"}


class StrictNullBooleanSelect(forms.NullBooleanSelect):
    """Keeps a value it does not understand for the field to refuse: Django's select reads
    `?stale=perhaps` as "any", so a mistyped filter silently filtered nothing."""

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw in (None, "") or str(raw).lower() in BOOLEAN_VALUES:
            return super().value_from_datadict(data, files, name)
        return raw


class StrictNullBooleanField(forms.NullBooleanField):
    widget = StrictNullBooleanSelect

    def to_python(self, value):
        if isinstance(value, str) and value and value.lower() not in BOOLEAN_VALUES:
            raise ValidationError(_("Use true or false."), code="invalid")
        return super().to_python(value)


class StrictBooleanFilter(django_filters.BooleanFilter):
    """A yes/no filter that answers 400 to a value other than true or false."""

    field_class = StrictNullBooleanField
