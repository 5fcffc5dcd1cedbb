import django_filters
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, Q
from django.db.models.functions import JSONObject
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.api.serializers import (
    MeetingListSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    ParticipantSerializer,
)
from meetings.models import Meeting, MeetingKind, MeetingStatus, Participation
from rcm.api.base import RecordViewSet
from rcm.models import Visibility


class MeetingFilter(django_filters.FilterSet):
    # A column of the meeting itself: no join, so no DISTINCT (django-filter's default).
    kind = django_filters.MultipleChoiceFilter(choices=MeetingKind.choices, distinct=False)
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices)
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    year = django_filters.NumberFilter()
    country = django_filters.CharFilter(
        field_name="country__code", lookup_expr="iexact", label="Host country (alpha-2)"
    )
    participant = django_filters.CharFilter(
        method="filter_participant", label="A country (alpha-2) or organisation (acronym) took part"
    )
    starts_after = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte")
    q = django_filters.CharFilter(method="filter_q", label="Title or city contains")
    parent = django_filters.NumberFilter(
        method="filter_parent", label="Part of (id): the meeting whose parts to list"
    )

    class Meta:
        model = Meeting
        fields = ["kind", "status", "visibility", "year", "country", "parent"]

    def filter_participant(self, queryset, name, value):
        taking_part = Participation.objects.filter(
            Q(country__code__iexact=value) | Q(organisation__acronym__iexact=value)
        )
        return queryset.filter(pk__in=taking_part.values("meeting_id"))

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_es__icontains=value)
            | Q(city__icontains=value)
            | Q(city_es__icontains=value)
        )

    def filter_parent(self, queryset, name, value):
        # A meeting the reader may not see answers as a missing one does: no parts (a choice
        # field would call one "not a valid choice" and the other not).
        visible = self.queryset.order_by().values("pk")
        return queryset.filter(parent_id=value, parent_id__in=visible)


def annotate_for_api(queryset, *, parts_visible_to=None):
    """Everything a meeting's representation needs, in the query that fetches the meetings.

    Participants (and, for a detail, the parts the user may see) come as arrays from
    correlated subqueries: a page of any size is one query, and so is a 304 on a detail.
    """
    participants = (
        Participation.objects.filter(meeting=OuterRef("pk"))
        # The order of Participation.Meta.ordering within a meeting.
        .order_by("role", "country", "organisation")
        .values(
            json=JSONObject(
                country="country_id",
                organisation=F("organisation__acronym"),
                role="role",
                note="note",
            )
        )
    )
    queryset = queryset.select_related("country", "parent", "parent__country").annotate(
        api_participants=ArraySubquery(participants)
    )
    if parts_visible_to is not None:
        parts = (
            Meeting.objects.visible_to(parts_visible_to)
            .filter(parent=OuterRef("pk"))
            .order_by("part")
            .values("pk")
        )
        queryset = queryset.annotate(api_parts=ArraySubquery(parts))
    return queryset.defer("search_vector", "parent__search_vector", "parent__summary")


class MeetingReadSerializer(MeetingSerializer):
    """A meeting as the API shows it, its participants and parts read from annotate_for_api()'s
    arrays rather than from a query per meeting."""

    participants = serializers.SerializerMethodField()
    parts = serializers.ListField(
        source="api_parts", child=serializers.IntegerField(), read_only=True
    )

    @extend_schema_field(ParticipantSerializer(many=True))
    def get_participants(self, meeting) -> list[dict]:
        return meeting.api_participants


class MeetingListReadSerializer(MeetingReadSerializer):
    class Meta(MeetingReadSerializer.Meta):
        fields = MeetingListSerializer.Meta.fields


class MeetingViewSet(RecordViewSet):
    """Every meeting of the conference's bodies, and the activities it holds."""

    serializer_class = MeetingReadSerializer
    list_serializer_class = MeetingListReadSerializer
    write_serializer_class = MeetingWriteSerializer
    filterset_class = MeetingFilter
    ordering_fields = ["starts_on", "year", "kind"]
    ordering = ["-year", "-starts_on", "id"]

    def base_queryset(self):
        if self.action == "list":
            return annotate_for_api(Meeting.objects.all())
        return annotate_for_api(Meeting.objects.all(), parts_visible_to=self.access)
