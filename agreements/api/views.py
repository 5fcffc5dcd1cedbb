import django_filters
from django.db.models import Exists, OuterRef, Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from agreements import rules, services
from agreements.api.serializers import (
    AgreementDetailSerializer,
    AgreementSerializer,
    AgreementWriteSerializer,
    FollowUpEditSerializer,
    FollowUpSerializer,
    InstrumentSerializer,
    ReturnSerializer,
    ThemeSerializer,
)
from agreements.filters import AgreementFilter
from agreements.models import Agreement, FollowUp, Instrument, InstrumentEvent, Theme, Validation
from agreements.selectors import annotate_for_api, one_agreement_for_api
from rcm.api.base import RecordViewSet
from rcm.filters import StrictBooleanFilter, UtcDateTimeFilter
from rcm.models import Access


class AgreementViewSet(RecordViewSet):
    """Every numbered conclusion, recommendation and decision, with its follow-up."""

    serializer_class = AgreementDetailSerializer
    list_serializer_class = AgreementSerializer
    write_serializer_class = AgreementWriteSerializer
    filterset_class = AgreementFilter
    ordering_fields = ["deadline", "meeting__starts_on", "position", "ref", "status", "id"]

    def base_queryset(self):
        # Children, progress and lineage name only the agreements the reader may see. A single
        # agreement decides its states from its own row (AgreementQuerySet.states_of); a list,
        # in its query (with_states).
        if self.action != "list":
            return one_agreement_for_api(self.access)
        return annotate_for_api(Agreement.objects.all(), reader=self.access).order_by(
            "-meeting__starts_on", "meeting_id", "position"
        )

    def perform_destroy(self, instance):
        instance.delete()

    @extend_schema(methods=["GET"], responses=FollowUpSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=FollowUpSerializer, responses={201: FollowUpSerializer}
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="follow-ups",
        permission_classes=[permissions.AllowAny],
        parser_classes=[JSONParser, MultiPartParser, FormParser],
        filter_backends=[],
    )
    def follow_ups(self, request, pk=None):
        """The agreement's follow-up updates; focal points of a responsible country post here."""
        agreement = self.get_object()
        if request.method == "POST":
            return self._post_follow_up(request, agreement)
        updates = follow_ups_visible_to(self.access, agreement.follow_ups.all())
        page = self.paginate_queryset(updates.select_related("author", "country"))
        serializer = FollowUpSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)

    def _post_follow_up(self, request, agreement):
        if not request.user.is_authenticated:
            raise NotAuthenticated("Sign in to post follow-up updates.")
        if not rules.may_post_follow_up(self.access, agreement, None):
            raise PermissionDenied(
                "Only the focal points of a responsible country and TS staff post updates here."
            )
        serializer = FollowUpSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        follow_up = services.followup_record(
            agreement=agreement, author=request.user, **serializer.validated_data
        )
        data = FollowUpSerializer(follow_up, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


def follow_ups_visible_to(access: Access, queryset):
    """Accepted updates for all who see the agreement; proposals for the TS and their country."""
    if access.is_ts_staff:
        return queryset
    visible = Q(validation=Validation.ACCEPTED)
    if access.user_id:
        visible |= Q(author_id=access.user_id)
    if access.member_country:
        visible |= Q(country_id=access.member_country)
    return queryset.filter(visible)


class FollowUpFilter(django_filters.FilterSet):
    validation = django_filters.ChoiceFilter(choices=Validation.choices)
    # The updates are those of agreements the reader may see: a hidden agreement's id answers
    # as a missing one's does, with none (a choice field would tell them apart).
    agreement = django_filters.NumberFilter(field_name="agreement_id", label="Agreement (id)")
    country = django_filters.CharFilter(field_name="country__code", lookup_expr="iexact")
    posted_after = UtcDateTimeFilter(field_name="created_at", lookup_expr="gte")
    agreement_not_reported = StrictBooleanFilter(
        method="filter_agreement_state",
        label="Updates of agreements nobody has reported on since adoption (no accepted update)",
    )
    agreement_stale = StrictBooleanFilter(
        method="filter_agreement_state",
        label="Updates of agreements with no accepted update for FOLLOW_UP_STALE_MONTHS",
    )

    class Meta:
        model = FollowUp
        fields = ["validation", "country", "agreement", "status"]

    def filter_agreement_state(self, queryset, name, value):
        if value is None:
            return queryset
        state = (
            Agreement.objects.not_reported_q()
            if name == "agreement_not_reported"
            else Agreement.objects.stale_q()
        )
        states = Agreement.objects.filter(state, pk=OuterRef("agreement_id"))
        return queryset.filter(Exists(states)) if value else queryset.exclude(Exists(states))


class IsAuthorOfUpdate(permissions.BasePermission):
    """Only the author changes or withdraws an update, checked before what the request asks
    (an If-Match missing from someone else's request is not their business)."""

    message = "Only the author of an update may withdraw or change it."

    def has_object_permission(self, request, view, obj) -> bool:
        return rules.may_change_update(request.user, obj)


class FollowUpViewSet(RecordViewSet):
    """All follow-up updates: the validation queue for TS staff (?validation=proposed)."""

    serializer_class = FollowUpSerializer
    write_serializer_class = FollowUpEditSerializer
    filterset_class = FollowUpFilter
    # PATCH: the author changes a pending update (with If-Match, as every write of a record).
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering_fields = ["created_at"]
    ordering = ["-created_at", "-id"]

    def base_queryset(self):
        states = Agreement.objects.filter(pk=OuterRef("agreement_id"))
        return FollowUp.objects.select_related("author", "country").annotate(
            agreement_not_reported=Exists(states.filter(Agreement.objects.not_reported_q())),
            agreement_stale=Exists(states.filter(Agreement.objects.stale_q())),
        )

    def get_queryset(self):
        return follow_ups_visible_to(self.access, super().get_queryset())

    def create(self, request, *args, **kwargs):
        raise PermissionDenied("Post updates at /api/v1/agreements/{id}/follow-ups/.")

    def get_permissions(self):
        # Authors (focal points, not staff) change and withdraw their own updates: the service
        # says whose update it is.
        if self.action in ("partial_update", "withdraw"):
            return [permissions.IsAuthenticated(), IsAuthorOfUpdate()]
        return super().get_permissions()

    @extend_schema(
        request=FollowUpEditSerializer,
        responses=FollowUpSerializer,
        description="The author changes an update the TS has not decided on yet (send If-Match "
        "with the update's ETag); it still must change something and still awaits validation.",
    )
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def perform_update(self, serializer):
        services.followup_edit(
            follow_up=serializer.instance, user=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """The author takes back an update the TS has not decided on; it stays in the history,
        marked withdrawn."""
        follow_up = self.get_object()
        follow_up = services.followup_withdraw(follow_up=follow_up, user=request.user)
        return Response(FollowUpSerializer(follow_up, context=self.get_serializer_context()).data)

    def _review(self, request, review, **kwargs):
        follow_up = self.get_object()
        follow_up = review(follow_up=follow_up, reviewer=request.user, **kwargs)
        return Response(FollowUpSerializer(follow_up, context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """TS staff accept a focal point's update: it takes effect."""
        return self._review(request, services.followup_accept)

    @extend_schema(request=ReturnSerializer, responses=FollowUpSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None):
        """TS staff send an update back to its author with the reason."""
        serializer = ReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._review(
            request, services.followup_return, reason=serializer.validated_data["reason"]
        )


class ThemeViewSet(RecordViewSet):
    """The themes and subtopics of the Plan of Action."""

    serializer_class = ThemeSerializer
    filterset_fields = ["parent"]
    ordering = ["code"]
    ordering_fields = ["code"]

    def base_queryset(self):
        return Theme.objects.select_related("parent").in_plan_order()


class InstrumentFilter(django_filters.FilterSet):
    theme = django_filters.CharFilter(field_name="themes__code")
    q = django_filters.CharFilter(method="filter_q")

    class Meta:
        model = Instrument
        fields = ["kind", "theme", "visibility"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(name_en__icontains=value) | Q(name_es__icontains=value))


class InstrumentViewSet(RecordViewSet):
    """The documents the conference produces and the steps of their lives."""

    serializer_class = InstrumentSerializer
    filterset_class = InstrumentFilter
    ordering = ["name_en"]
    ordering_fields = ["name_en", "kind"]

    def base_queryset(self):
        return Instrument.objects.prefetch_related(
            "themes",
            "proposed_by_countries",
            Prefetch("events", queryset=InstrumentEvent.objects.order_by("year", "date", "pk")),
        ).distinct()
