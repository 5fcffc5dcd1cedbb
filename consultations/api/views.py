"""The written consultations between meetings: /api/v1/consultations/, their steps and answers."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from consultations import rules, services
from consultations.api.serializers import (
    AnswerRequestSerializer,
    ConsultationAnswerSerializer,
    ConsultationListSerializer,
    ConsultationSerializer,
    ConsultationWriteSerializer,
    TransitionRequestSerializer,
    record_etag,
)
from consultations.models import (
    Consultation,
    ConsultationRound,
    ConsultationState,
)
from consultations.selectors import record_prefetches, rounds_prefetch
from rcm.api.base import RecordViewSet, etag_matches
from rcm.models import Presidency, access_for
from rcm.problems import PreconditionFailed, PreconditionRequired


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
            refusal = rules.answer_refusal(access)
            if refusal:
                self.message = str(refusal)
            return refusal is None
        if not rules.takes_part(access):
            self.message = (
                "Only the Presidency Pro-Tempore and TS staff change consultations; "
                "member countries answer them."
            )
            return False
        if view.action == "create":
            presidency = Presidency.objects.select_related("country").in_office(
                timezone.localdate()
            )
            if not rules.may_start(access, presidency):
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
        if not rules.may_steer(access_for(request.user), obj):
            self.message = (
                f"Only the Presidency Pro-Tempore ({obj.presidency.country.name}) or TS staff "
                "move this consultation."
            )
            return False
        return True


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
        return queryset.prefetch_related(*record_prefetches(access))

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
        response = super().update(request, *args, **kwargs)
        response["ETag"] = record_etag(response.data)
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
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
        services.consultation_transition(
            consultation=consultation, by=request.user, **serializer.validated_data
        )
        return self._respond(consultation, status.HTTP_201_CREATED)

    @extend_schema(request=AnswerRequestSerializer, responses={201: ConsultationAnswerSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def answers(self, request, pk=None):
        """A focal point answers the open round for its own country, once, before the deadline."""
        consultation = self.get_object()
        serializer = AnswerRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = services.consultation_answer(
            consultation=consultation, by=request.user, **serializer.validated_data
        )
        data = ConsultationAnswerSerializer(answer, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)
