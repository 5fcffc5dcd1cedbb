import datetime

import django_filters
from django.db.models import Prefetch, Q
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from rcm import rules
from rcm.api.base import RecordViewSet
from rcm.api.serializers import (
    CountrySerializer,
    CountryWriteSerializer,
    FocalPointSerializer,
    OrganisationSerializer,
    PresidencySerializer,
    TroikaSerializer,
)
from rcm.models import (
    FIRST_YEAR,
    Country,
    CountryStatus,
    FocalPoint,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Presidency,
    access_for,
)


class CountryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=MembershipStatus.choices, method="filter_status", label="Status today"
    )
    q = django_filters.CharFilter(method="filter_q", label="Name contains")

    class Meta:
        model = Country
        fields = ["status", "q"]

    def filter_status(self, queryset, name, value):
        if value == MembershipStatus.MEMBER:
            return queryset.members()
        return queryset.observers()

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(name_en__icontains=value) | Q(name_es__icontains=value))


class CountryViewSet(RecordViewSet):
    """Member and observer states, and others the records name; addressed by ISO alpha-2 code."""

    serializer_class = CountrySerializer
    write_serializer_class = CountryWriteSerializer
    filterset_class = CountryFilter
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{2}"
    ordering_fields = ["code", "name_en"]
    ordering = ["name_en"]

    def base_queryset(self):
        return Country.objects.prefetch_related(
            Prefetch("statuses", queryset=CountryStatus.objects.order_by("since"))
        )

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    def get_locked_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_locked_object()


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    acronym = django_filters.CharFilter(lookup_expr="iexact")
    observer_in = django_filters.NumberFilter(
        method="filter_observer_in",
        min_value=FIRST_YEAR,
        max_value=2100,
        label="Observer organisations in that year, by the years their statuses state",
    )
    observer_since = django_filters.NumberFilter(
        field_name="observer_since",
        min_value=FIRST_YEAR,
        max_value=2100,
        label="Organisations whose first observer status begins in that year",
    )

    class Meta:
        model = Organisation
        fields = ["kind", "acronym", "observer_since", "observer_in"]

    def filter_observer_in(self, queryset, name, value):
        return queryset.observers(int(value))


class OrganisationViewSet(RecordViewSet):
    """Observer organisations, civil-society networks, peer processes and conference bodies."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ["acronym", "observer_since"]
    ordering = ["acronym"]

    def base_queryset(self):
        return Organisation.objects.with_observer_since().prefetch_related("observer_statuses")


class PresidencyFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country__code", lookup_expr="iexact")
    year_after = django_filters.NumberFilter(field_name="year", lookup_expr="gte")
    year_before = django_filters.NumberFilter(field_name="year", lookup_expr="lte")

    class Meta:
        model = Presidency
        fields = ["country", "year_after", "year_before"]


class PresidencyViewSet(RecordViewSet):
    """The rotation of the Presidency Pro-Tempore, one per year, addressed by year."""

    serializer_class = PresidencySerializer
    filterset_class = PresidencyFilter
    lookup_field = "year"
    ordering_fields = ["year"]
    ordering = ["year"]

    def base_queryset(self):
        return Presidency.objects.select_related("country")

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "date", OpenApiTypes.DATE, description="The day to ask about (default: today)."
            )
        ],
        responses=TroikaSerializer,
    )
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def troika(self, request):
        """The former, current and upcoming Presidencies Pro-Tempore on a date."""
        raw = request.query_params.get("date")
        if raw:
            try:
                on = datetime.date.fromisoformat(raw)
            except ValueError:
                raise ValidationError({"date": ["Give the date as YYYY-MM-DD."]}) from None
        else:
            on = timezone.localdate()
        troika = Presidency.objects.troika(on)
        return Response(TroikaSerializer(troika, context=self.get_serializer_context()).data)


class FocalPointFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country__code", lookup_expr="iexact")

    class Meta:
        model = FocalPoint
        fields = ["country", "institution_kind", "active"]


class FocalPointPermission(permissions.BasePermission):
    """TS staff change any focal point; a focal point keeps its own country's contacts current
    (`rules.may_keep_focal_points`). A network officer reads them but does not write them."""

    message = "Only the country's focal points and TS staff change its focal-point contacts."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        access = access_for(request.user)
        if request.method == "DELETE":
            return rules.may_remove_focal_points(access)
        return rules.may_keep_focal_points(access)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return rules.may_keep_focal_points(access_for(request.user), obj.country_id)


class FocalPointViewSet(RecordViewSet):
    """The institutions each member country names as its contacts, with their persons."""

    serializer_class = FocalPointSerializer
    filterset_class = FocalPointFilter
    permission_classes = [FocalPointPermission]
    ordering_fields = ["country", "institution_kind"]
    ordering = ["country", "institution_kind", "institution_en"]

    def base_queryset(self):
        return FocalPoint.objects.all()

    def perform_create(self, serializer):
        access = self.access
        country = serializer.validated_data["country"]
        if not rules.may_keep_focal_points(access, country.pk):
            raise PermissionDenied("You may add focal points for your own country only.")
        serializer.save()

    def perform_update(self, serializer):
        access = self.access
        country = serializer.validated_data.get("country", serializer.instance.country)
        if not rules.may_keep_focal_points(access, country.pk):
            raise PermissionDenied("A focal point stays with its own country.")
        serializer.save()
