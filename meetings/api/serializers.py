from rest_framework import serializers

from meetings.models import Meeting, MeetingState, Participation, ParticipationRole
from rcm.api.base import ModelRulesSerializer
from rcm.api.fields import country_by_code, organisation_by_acronym


class ParticipantSerializer(serializers.ModelSerializer):
    country = country_by_code(allow_null=True, required=False)
    organisation = organisation_by_acronym(allow_null=True, required=False)
    role = serializers.ChoiceField(choices=ParticipationRole.choices)

    class Meta:
        model = Participation
        fields = ["country", "organisation", "role", "note"]

    def validate(self, attrs):
        if bool(attrs.get("country")) == bool(attrs.get("organisation")):
            raise serializers.ValidationError("Name either a country or an organisation.")
        return attrs


class MeetingSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="short_name", read_only=True)
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    parts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    state = serializers.ChoiceField(
        choices=MeetingState.choices,
        read_only=True,
        help_text="The status as readers see it: a planned meeting whose date has passed without "
        "being recorded as held is not_confirmed.",
    )

    class Meta:
        model = Meeting
        fields = [
            "id", "name", "kind", "ordinal", "name_en", "name_es", "parent", "part", "parts",
            "year", "starts_on", "ends_on", "date_precision", "city", "city_es", "country",
            "virtual", "status", "state", "visibility", "participants", "summary", "source",
        ]  # fmt: skip


class MeetingListSerializer(MeetingSerializer):
    class Meta(MeetingSerializer.Meta):
        fields = [f for f in MeetingSerializer.Meta.fields if f != "parts"]


class MeetingWriteSerializer(ModelRulesSerializer):
    country = country_by_code(allow_null=True, required=False)
    participants = ParticipantSerializer(many=True, required=False)

    class Meta:
        model = Meeting
        fields = [
            "kind", "ordinal", "name_en", "name_es", "parent", "part", "year", "starts_on",
            "ends_on", "date_precision", "city", "city_es", "country", "virtual", "status",
            "visibility", "participants", "summary", "source",
        ]  # fmt: skip

    def validate(self, attrs):
        participants = attrs.pop("participants", None)
        attrs = super().validate(attrs)
        if participants is not None:
            attrs["participants"] = participants
        return attrs

    def save(self, **kwargs):
        from meetings.services import meeting_set_participants

        participants = self.validated_data.pop("participants", None)
        meeting = super().save(**kwargs)
        if participants is not None:
            meeting_set_participants(meeting=meeting, participants=participants)
        return meeting
