"""The written consultations between meetings: /api/v1/consultations/, their steps and answers."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from agreements import consultations as services
from agreements.models import (
    Action,
    Agreement,
    AnswerKind,
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationState,
    ConsultationTransition,
    ConsultationVersion,
)
from rcm.api.base import ModelRulesSerializer, RecordViewSet, etag_matches, representation_etag
from rcm.models import Access, Presidency, Visibility, access_for
from rcm.problems import PreconditionFailed, PreconditionRequired

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
        return services.allowed_transitions(self._access(), consultation)

    def get_may_answer(self, consultation) -> bool:
        return services.may_answer(
            self._access(), consultation.current_round, self.context.get("now")
        )


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


# --- Views ---------------------------------------------------------------------------------------


class ConsultationFilter(django_filters.FilterSet):
    state = django_filters.MultipleChoiceFilter(choices=ConsultationState.choices)
    ppt = django_filters.CharFilter(
        field_name="presidency__country__code", lookup_expr="iexact", label="PPT (alpha-2)"
    )
    year = django_filters.NumberFilter(field_name="presidency__year", label="Presidency year")
    awaiting = django_filters.CharFilter(
        method="filter_awaiting", label="Open round awaiting this country's answer (alpha-2)"
    )

    class Meta:
        model = Consultation
        fields = ["state", "ppt", "year", "awaiting"]

    def filter_awaiting(self, queryset, name, value):
        rounds = ConsultationRound.objects.awaiting(value.upper(), timezone.now())
        return queryset.filter(pk__in=rounds.values("consultation_id"))


class ConsultationPermission(permissions.BasePermission):
    """Who may write, checked before what the request asks: the PPT in office and TS staff
    start consultations, the proposing PPT and TS staff take their steps, and the focal points
    of member countries answer for their own country. Anyone reads what they may see."""

    message = "Only the Presidency Pro-Tempore and TS staff change consultations."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False
        access = access_for(request.user)
        if view.action == "answers":
            refusal = services.answer_refusal(access)
            if refusal:
                self.message = str(refusal)
            return refusal is None
        if not (access.is_ts_staff or access.member_country):
            self.message = (
                "Only the Presidency Pro-Tempore and TS staff change consultations; "
                "member countries answer them."
            )
            return False
        if view.action == "create":
            presidency = Presidency.objects.select_related("country").in_office(
                timezone.localdate()
            )
            if not services.may_start(access, presidency):
                self.message = (
                    f"Only the Presidency Pro-Tempore ({presidency.country.name}) or TS staff "
                    "start a consultation."
                    if presidency
                    else "No Presidency Pro-Tempore is in office today."
                )
                return False
        return True

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS or view.action == "answers":
            return True
        if not services.may_steer(access_for(request.user), obj):
            self.message = (
                f"Only the Presidency Pro-Tempore ({obj.presidency.country.name}) or TS staff "
                "move this consultation."
            )
            return False
        return True


def rounds_prefetch(access: Access) -> Prefetch:
    """The rounds this reader sees (`ConsultationRound.objects.visible_to`), with their answers."""
    answers = ConsultationAnswer.objects.select_related("answered_by").order_by("country_id")
    rounds = (
        ConsultationRound.objects.visible_to(access)
        .select_related("version")
        .prefetch_related("countries", Prefetch("answers", queryset=answers))
        .order_by("opened_at", "pk")
    )
    return Prefetch("rounds", queryset=rounds)


class ConsultationViewSet(RecordViewSet):
    """Written consultations between meetings: the PPT's proposal, its versions, the Troika's
    and the members' rounds of five working days, every answer and every step."""

    serializer_class = ConsultationSerializer
    list_serializer_class = ConsultationListSerializer
    write_serializer_class = ConsultationWriteSerializer
    filterset_class = ConsultationFilter
    permission_classes = [ConsultationPermission]
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at", "-id"]

    def base_queryset(self):
        access = self.access
        queryset = Consultation.objects.for_listing().prefetch_related(rounds_prefetch(access))
        if self.action == "list":
            return queryset
        versions = (
            ConsultationVersion.objects.visible_to(access)
            .select_related("created_by")
            .order_by("number")
        )
        transitions = (
            ConsultationTransition.objects.visible_to(access)
            .select_related("by")
            .order_by("at", "pk")
        )
        return queryset.prefetch_related(
            Prefetch("versions", queryset=versions),
            Prefetch("transitions", queryset=transitions),
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}

    # The ETag names the record's version, so it leaves out the time left.

    def retrieve(self, request, *args, **kwargs):
        data = self.detail_data(self.get_object())
        etag = record_etag(data)
        if etag_matches(request.headers.get("If-None-Match", ""), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(data, headers={"ETag": etag})

    def check_precondition(self, instance) -> None:
        header = self.request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired()
        if not etag_matches(header, record_etag(self.detail_data(instance))):
            raise PreconditionFailed()

    def update(self, request, *args, **kwargs):
        try:
            response = super().update(request, *args, **kwargs)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        response["ETag"] = record_etag(response.data)
        return response

    def create(self, request, *args, **kwargs):
        try:
            response = super().create(request, *args, **kwargs)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        response["ETag"] = record_etag(response.data)
        return response

    def _respond(self, consultation, code=status.HTTP_200_OK):
        data = self.detail_data(self.get_queryset().get(pk=consultation.pk))
        return Response(data, status=code, headers={"ETag": record_etag(data)})

    @extend_schema(request=TransitionRequestSerializer, responses={201: ConsultationSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def transitions(self, request, pk=None):
        """Take the consultation to its next state; the PPT's users and TS staff only."""
        consultation = self.get_object()
        serializer = TransitionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.consultation_transition(
                consultation=consultation, by=request.user, **serializer.validated_data
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        return self._respond(consultation, status.HTTP_201_CREATED)

    @extend_schema(request=AnswerRequestSerializer, responses={201: ConsultationAnswerSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def answers(self, request, pk=None):
        """A focal point answers the open round for its own country, once, before the deadline."""
        consultation = self.get_object()
        serializer = AnswerRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            answer = services.consultation_answer(
                consultation=consultation, by=request.user, **serializer.validated_data
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        data = ConsultationAnswerSerializer(answer, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)
