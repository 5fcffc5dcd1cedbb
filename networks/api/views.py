from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.response import Response

from meetings.api.serializers import MeetingListSerializer, MeetingSerializer
from meetings.models import Meeting, Participation
from networks import rules, selectors, services
from networks.api.serializers import (
    NetworkMeetingSerializer,
    NetworkMemberSerializer,
    NetworkReportSerializer,
    NetworkReportWriteSerializer,
    NetworkSerializer,
    NetworkWriteSerializer,
    WorkPlanItemSerializer,
    WorkPlanItemUpdateSerializer,
    WorkPlanItemWriteSerializer,
    WorkPlanSerializer,
    WorkPlanWriteSerializer,
)
from networks.filters import (
    NetworkFilter,
    NetworkMemberFilter,
    NetworkReportFilter,
    WorkPlanFilter,
    WorkPlanItemFilter,
)
from networks.models import Network, NetworkMember, NetworkReport, WorkPlan, WorkPlanItem
from rcm.api.base import RecordViewSet


def answers_with(read_serializer):
    """Writes answer with the record as it is read, and the schema says so."""
    return extend_schema_view(
        create=extend_schema(responses={201: read_serializer}),
        update=extend_schema(responses=read_serializer),
        partial_update=extend_schema(responses=read_serializer),
    )


def _meetings_with_participants(queryset):
    participations = Participation.objects.select_related("country", "organisation")
    return queryset.select_related("country", "parent", "parent__country").prefetch_related(
        Prefetch("participations", queryset=participations)
    )


@answers_with(NetworkSerializer)
class NetworkViewSet(RecordViewSet):
    """The liaison officer networks, working groups, ad-hoc groups and the coalition."""

    serializer_class = NetworkSerializer
    write_serializer_class = NetworkWriteSerializer
    filterset_class = NetworkFilter
    ordering_fields = ["name_en", "kind", "active_since", "id"]
    ordering = ["kind", "name_en"]

    def base_queryset(self):
        return selectors.networks_for_api(Network.objects.all(), self.access)

    @extend_schema(methods=["GET"], responses=MeetingListSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=NetworkMeetingSerializer, responses={201: MeetingSerializer}
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[], pagination_class=None)
    def meetings(self, request, pk=None):
        """The network's meetings; TS staff record a new one here with who took part (observers
        take part in network meetings only as invited guests)."""
        network = self.get_object()
        if request.method == "POST":
            serializer = NetworkMeetingSerializer(
                data=request.data, context={**self.get_serializer_context(), "network": network}
            )
            serializer.is_valid(raise_exception=True)
            meeting = services.network_meeting_create(
                network=network, author=request.user, **serializer.validated_data
            )
            meeting = _meetings_with_participants(Meeting.objects).get(pk=meeting.pk)
            data = MeetingSerializer(meeting, context=self.get_serializer_context()).data
            return Response(data, status=status.HTTP_201_CREATED)
        meetings = _meetings_with_participants(
            Meeting.objects.visible_to(self.access).filter(networks=network)
        ).order_by("year", "starts_on", "pk")
        data = MeetingListSerializer(meetings, many=True, context=self.get_serializer_context())
        return Response(data.data)


class NetworkMemberViewSet(RecordViewSet):
    """The officers each member country names to a network, and the organisations in it; the
    persons and their contacts reach member governments and the TS only."""

    serializer_class = NetworkMemberSerializer
    filterset_class = NetworkMemberFilter
    # Never ordered by a person or a contact: the order would reveal them.
    ordering_fields = ["id", "network", "country", "role", "active_from"]
    ordering = ["network", "country", "organisation", "role", "id"]

    def base_queryset(self):
        return selectors.members_for_api(NetworkMember.objects.all())


@answers_with(WorkPlanSerializer)
class WorkPlanViewSet(RecordViewSet):
    """The networks' work plans and calendars, with their progress."""

    serializer_class = WorkPlanSerializer
    write_serializer_class = WorkPlanWriteSerializer
    filterset_class = WorkPlanFilter
    ordering_fields = ["id", "start_year", "end_year", "name_en"]
    ordering = ["network", "-start_year", "name_en", "id"]

    def base_queryset(self):
        return selectors.plans_for_api(WorkPlan.objects.all(), self.access)


@answers_with(WorkPlanItemSerializer)
class WorkPlanItemViewSet(RecordViewSet):
    """The objectives and activities of the work plans; officers post progress on the items their
    country is responsible for."""

    serializer_class = WorkPlanItemSerializer
    write_serializer_class = WorkPlanItemWriteSerializer
    filterset_class = WorkPlanItemFilter
    ordering_fields = ["id", "deadline", "position", "ref", "status", "status_changed_at"]
    ordering = ["plan", "position", "id"]

    def base_queryset(self):
        return selectors.items_for_api(WorkPlanItem.objects.all(), self.access)

    @extend_schema(methods=["GET"], responses=WorkPlanItemUpdateSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=WorkPlanItemUpdateSerializer,
        responses={201: WorkPlanItemUpdateSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        permission_classes=[permissions.AllowAny],
        filter_backends=[],
        pagination_class=None,
    )
    def updates(self, request, pk=None):
        """The item's progress updates, oldest first; TS staff, and the officers and focal points
        of a responsible country, post a new one here (the item takes its status)."""
        item = self.get_object()
        if request.method == "POST":
            if not request.user.is_authenticated:
                raise NotAuthenticated("Sign in to post progress updates.")
            # Who may post is checked before what is posted: a refusal says nothing of the data.
            if not rules.may_update_item(self.access, item):
                raise PermissionDenied(
                    "Only TS staff and the officers and focal points of a responsible country "
                    "post updates here."
                )
            serializer = WorkPlanItemUpdateSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            update = services.work_plan_item_record_update(
                item=item, author=request.user, **serializer.validated_data
            )
            data = WorkPlanItemUpdateSerializer(update, context=self.get_serializer_context())
            return Response(data.data, status=status.HTTP_201_CREATED)
        updates = item.updates.select_related("author", "country").order_by("created_at", "pk")
        data = WorkPlanItemUpdateSerializer(
            updates, many=True, context=self.get_serializer_context()
        )
        return Response(data.data)


@answers_with(NetworkReportSerializer)
class NetworkReportViewSet(RecordViewSet):
    """What each network or group reported to which meeting, with the document."""

    serializer_class = NetworkReportSerializer
    write_serializer_class = NetworkReportWriteSerializer
    filterset_class = NetworkReportFilter
    ordering_fields = ["id", "meeting__starts_on", "meeting__year"]
    ordering = ["network", "meeting__year", "meeting__starts_on", "id"]

    def base_queryset(self):
        return selectors.reports_for_api(NetworkReport.objects.all(), self.access)
