from rest_framework import serializers

from rcm.api.base import ModelRulesSerializer
from rcm.api.schema import nullable_in_responses
from rcm.models import (
    Country,
    CountryStatus,
    FocalPoint,
    ObserverStatus,
    Organisation,
    Presidency,
    access_for,
)


class CountryStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = CountryStatus
        fields = ["status", "since", "until", "source"]


class CountrySerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField(help_text="member, observer, or null, today")
    statuses = CountryStatusSerializer(many=True, read_only=True)

    class Meta:
        model = Country
        fields = ["code", "name_en", "name_es", "status", "statuses", "source"]

    def get_status(self, country) -> str | None:
        return country.status_on()


class CountryWriteSerializer(ModelRulesSerializer):
    class Meta:
        model = Country
        fields = ["code", "name_en", "name_es", "source"]

    def validate_code(self, value):
        if self.instance is not None and value != self.instance.code:
            raise serializers.ValidationError("A country's code does not change.")
        return value


class ObserverStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = ObserverStatus
        fields = ["from_year", "to_year", "recorded_in", "source"]


class OrganisationSerializer(ModelRulesSerializer):
    observer_statuses = ObserverStatusSerializer(
        many=True,
        read_only=True,
        help_text="Its periods as an observer, in years (null where no source states one).",
    )
    observer_since = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="The first year its observer statuses state (read from them; null when none "
        "states one).",
    )

    class Meta:
        model = Organisation
        fields = [
            "id", "acronym", "acronym_es", "name_en", "name_es", "kind", "observer_since",
            "observer_statuses", "aliases", "source",
        ]  # fmt: skip


class PresidencySerializer(ModelRulesSerializer):
    country = serializers.SlugRelatedField(slug_field="code", queryset=Country.objects.all())
    country_name = serializers.CharField(source="country.name_en", read_only=True)
    term_start = serializers.DateField(read_only=True)
    term_end = serializers.DateField(read_only=True)

    class Meta:
        model = Presidency
        fields = [
            "year", "country", "country_name", "theme_en", "theme_es", "starts_on", "ends_on",
            "term_start", "term_end", "source",
        ]  # fmt: skip


class TroikaSerializer(serializers.Serializer):
    date = serializers.DateField(source="on")
    former = PresidencySerializer(allow_null=True)
    current = PresidencySerializer(allow_null=True)
    upcoming = PresidencySerializer(allow_null=True)


CONTACT_FIELDS = ["person_name", "title", "email", "phone", "verified_on"]


@nullable_in_responses(*CONTACT_FIELDS)
class FocalPointSerializer(ModelRulesSerializer):
    """Institutions are public; the person's contact details only reach members and the TS."""

    country = serializers.SlugRelatedField(slug_field="code", queryset=Country.objects.all())

    class Meta:
        model = FocalPoint
        fields = [
            "id", "country", "institution_kind", "institution_en", "institution_es",
            *CONTACT_FIELDS, "language", "active", "source",
        ]  # fmt: skip

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access_for(request.user).may_see_contacts():
            for field in CONTACT_FIELDS:
                data[field] = None
        return data
