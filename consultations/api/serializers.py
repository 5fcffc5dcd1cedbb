"""The representations of /api/v1/consultations/ and what a write sends: the consultation, its
versions, rounds, answers and steps."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import Action, Agreement
from consultations import rules, services
from consultations.models import (
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    ConsultationVersion,
)
from rcm.api.base import ModelRulesSerializer, representation_etag
from rcm.models import Presidency, Visibility, access_for

# Left out of the ETag: it changes with the clock, not with the record.
VOLATILE_FIELDS = {"time_left_seconds"}


def stable(data):
    """The representation without the fields that change with the clock."""
    if isinstance(data, dict):
        return {k: stable(v) for k, v in data.items() if k not in VOLATILE_FIELDS}
    if isinstance(data, list):
        return [stable(item) for item in data]
    return data


def record_etag(data) -> str:
    return representation_etag(stable(data))


# --- Representations -----------------------------------------------------------------------------


class PersonField(serializers.CharField):
    """Who wrote, answered or took a step (a username): for members and the TS only.

    The public reads a public consultation's outcome, not who deliberated it.
    """

    def __init__(self, source: str, **kwargs):
        super().__init__(source=source, read_only=True, allow_null=True, **kwargs)

    def get_attribute(self, instance):
        request = self.context.get("request")
        if not access_for(request.user if request else None).may_see_members_records():
            return None
        return super().get_attribute(instance)


class ConsultationVersionSerializer(serializers.ModelSerializer):
    created_by = PersonField("created_by.username")

    class Meta:
        model = ConsultationVersion
        fields = ["number", "text_en", "text_es", "note", "created_by", "created_at"]


class ConsultationAnswerSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)
    answer = serializers.ChoiceField(choices=AnswerKind.choices, read_only=True)
    answered_by = PersonField("answered_by.username")

    class Meta:
        model = ConsultationAnswer
        fields = ["id", "round", "country", "answer", "text", "answered_by", "answered_at"]


class ConsultationRoundSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True, help_text="troika or members")
    label = serializers.CharField(read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    is_open = serializers.SerializerMethodField()
    time_left_seconds = serializers.SerializerMethodField(
        help_text="Until the end of the deadline day in the PPT's time zone; null once closed."
    )
    asked = serializers.SerializerMethodField(help_text="Alpha-2 codes of the countries asked.")
    answered = serializers.SerializerMethodField(help_text="Those that have answered.")
    not_answered = serializers.SerializerMethodField(help_text="Those that have not (yet).")
    consensus = serializers.SerializerMethodField(help_text="Every country asked agrees.")
    answers = ConsultationAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = ConsultationRound
        fields = [
            "id", "kind", "number", "label", "version", "opened_at", "deadline", "time_zone",
            "closes_at", "closed_at", "is_open", "time_left_seconds", "asked", "answered",
            "not_answered", "consensus", "answers",
        ]  # fmt: skip

    def _now(self):
        return self.context.get("now") or timezone.now()

    def get_is_open(self, round) -> bool:
        return round.is_open(self._now())

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_time_left_seconds(self, round) -> int | None:
        left = round.time_left(self._now())
        return None if left is None else int(left.total_seconds())

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_asked(self, round) -> list[str]:
        return round.asked_codes()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_answered(self, round) -> list[str]:
        return round.answered_codes()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_not_answered(self, round) -> list[str]:
        return round.not_answered_codes()

    def get_consensus(self, round) -> bool:
        return round.has_consensus()


STATES_HELP = "One of: " + ", ".join(ConsultationState.values) + "."


class ConsultationTransitionSerializer(serializers.ModelSerializer):
    # Plain strings: the states' enum is documented once, on the consultation's `state`.
    from_state = serializers.CharField(read_only=True, help_text="Empty for the drafting.")
    to_state = serializers.CharField(read_only=True, help_text=STATES_HELP)
    by = PersonField("by.username")

    class Meta:
        model = ConsultationTransition
        fields = ["from_state", "to_state", "by", "at", "round", "note"]


class ConsultationListSerializer(serializers.ModelSerializer):
    ppt = serializers.CharField(
        source="presidency.country_id", read_only=True, help_text="The PPT's alpha-2 code."
    )
    presidency = serializers.IntegerField(source="presidency.year", read_only=True)
    visibility = serializers.ChoiceField(choices=Visibility.choices, read_only=True)
    current_round = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "id", "subject", "state", "presidency", "ppt", "visibility", "earlier_agreement",
            "current_round", "meeting", "agreement", "created_at",
        ]  # fmt: skip

    @extend_schema_field(ConsultationRoundSerializer(allow_null=True))
    def get_current_round(self, consultation) -> dict | None:
        current = consultation.current_round
        if current is None:
            return None
        return ConsultationRoundSerializer(current, context=self.context).data


class ConsultationSerializer(ConsultationListSerializer):
    created_by = PersonField("created_by.username")
    versions = ConsultationVersionSerializer(many=True, read_only=True)
    rounds = ConsultationRoundSerializer(many=True, read_only=True)
    transitions = ConsultationTransitionSerializer(many=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField(
        help_text="The states you may take the consultation to next."
    )
    may_answer = serializers.SerializerMethodField(
        help_text="Whether you may answer the open round for your country."
    )

    class Meta(ConsultationListSerializer.Meta):
        fields = [
            *ConsultationListSerializer.Meta.fields,
            "created_by", "versions", "rounds", "transitions", "allowed_transitions",
            "may_answer",
        ]  # fmt: skip

    def _access(self):
        request = self.context.get("request")
        return access_for(request.user if request else None)

    @extend_schema_field(serializers.ListField(child=serializers.CharField(help_text=STATES_HELP)))
    def get_allowed_transitions(self, consultation) -> list[str]:
        return rules.allowed_transitions(self._access(), consultation)

    def get_may_answer(self, consultation) -> bool:
        return rules.may_answer(self._access(), consultation.current_round, self.context.get("now"))


# --- Writes --------------------------------------------------------------------------------------


class ConsultationWriteSerializer(ModelRulesSerializer):
    """The PPT in office (or TS staff) drafts a consultation; the text becomes version 1."""

    text_en = serializers.CharField(
        write_only=True, required=False, max_length=20000, help_text="The proposed text."
    )
    text_es = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20000
    )
    visibility = serializers.ChoiceField(
        choices=Visibility.choices,
        required=False,
        help_text="members (default) or public: anyone reads the outcome once agreed.",
    )

    class Meta:
        model = Consultation
        fields = ["subject", "text_en", "text_es", "visibility", "earlier_agreement"]

    def get_fields(self):
        fields = super().get_fields()
        # An agreement the writer may not see answers as one that does not exist.
        request = self.context.get("request")
        fields["earlier_agreement"].queryset = Agreement.objects.visible_to(
            access_for(request.user if request else None)
        )
        return fields

    def validate(self, attrs):
        texts = {name: attrs.pop(name) for name in ("text_en", "text_es") if name in attrs}
        if self.instance is None:
            if not texts.get("text_en", "").strip():
                raise serializers.ValidationError({"text_en": ["Write the proposed text."]})
            presidency = Presidency.objects.in_office(timezone.localdate())
            if presidency is None:
                raise serializers.ValidationError(
                    {"presidency": ["No Presidency Pro-Tempore is in office today."]}
                )
            # The model's rules need the presidency; the service sets it, from the same rule.
            attrs["presidency"] = presidency
        attrs = super().validate(attrs)
        attrs.pop("presidency", None)
        return {**attrs, **texts}

    def create(self, validated_data):
        return services.consultation_create(by=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        return services.consultation_update(
            consultation=instance, by=self.context["request"].user, **validated_data
        )


class TransitionRequestSerializer(serializers.Serializer):
    to = serializers.CharField(
        max_length=20, help_text="The next state, in the procedure's order. " + STATES_HELP
    )
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=20000,
        help_text=(
            "For amended, members_round or troika_review after an amendment: the amended text. "
            "For result_reported: the result. Otherwise an optional note."
        ),
    )
    text_es = serializers.CharField(
        required=False, allow_blank=True, max_length=20000, help_text="The amended text in Spanish."
    )
    action = serializers.ChoiceField(
        choices=Action.choices,
        required=False,
        help_text='For agreed: what the resulting agreement does (default "approve").',
    )


class AnswerRequestSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(
        choices=AnswerKind.choices,
        help_text="agree, propose_changes or object (no_answer is recorded when a round closes).",
    )
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=20000,
        help_text="The proposed changes (required for propose_changes), or reasons.",
    )
    country = serializers.CharField(
        required=False, max_length=2, help_text="Your own country's alpha-2 code (optional)."
    )
