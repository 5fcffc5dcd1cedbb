import django_filters
from django.db.models import Prefetch, Q

from meetings.api.serializers import (
    MeetingListSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)
from meetings.models import Meeting, MeetingKind, MeetingStatus, Participation
from rcm.api.base import RecordViewSet
from rcm.models import Visibility


class MeetingFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=MeetingKind.choices)
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
            Q(name_en__icontains=value) | Q(name_es__icontains=value) | Q(city__icontains=value)
        )


class MeetingViewSet(RecordViewSet):
    """Every meeting of the conference's bodies, and the activities it holds."""

    serializer_class = MeetingSerializer
    list_serializer_class = MeetingListSerializer
    write_serializer_class = MeetingWriteSerializer
    filterset_class = MeetingFilter
    ordering_fields = ["starts_on", "year", "kind"]
    ordering = ["-year", "-starts_on", "id"]

    def base_queryset(self):
        participations = Participation.objects.select_related("country", "organisation")
        queryset = Meeting.objects.select_related("country", "parent", "parent__country")
        queryset = queryset.prefetch_related(Prefetch("participations", queryset=participations))
        if self.action != "list":
            parts = Meeting.objects.visible_to(self.access).order_by("part")
            queryset = queryset.prefetch_related(Prefetch("parts", queryset=parts))
        return queryset
