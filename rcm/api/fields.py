"""Serializer fields the apps share: a country by its code, an organisation by its acronym."""

from rest_framework import serializers

from rcm.models import Country, Organisation


def country_by_code(**options) -> serializers.SlugRelatedField:
    """A country named by its ISO code ("MX"), as every endpoint names countries."""
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Country.objects.all(), **options
    )


def organisation_by_acronym(**options) -> serializers.SlugRelatedField:
    """An organisation named by its acronym ("IOM"), as every endpoint names organisations."""
    return serializers.SlugRelatedField(
        slug_field="acronym", queryset=Organisation.objects.all(), **options
    )
