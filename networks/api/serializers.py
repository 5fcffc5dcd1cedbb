from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from agreements.models import DeadlinePrecision, Status
from meetings.api.serializers import MeetingWriteSerializer
from meetings.models import Meeting, MeetingKind
from networks.models import (
    CONTACT_FIELDS,
    Network,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
    WorkPlanItemUpdate,
)
from rcm.api.base import ModelRulesSerializer
from rcm.api.fields import country_by_code, organisation_by_acronym
from rcm.api.schema import nullable_in_responses
from rcm.models import Country, Organisation, OrganisationKind, access_for


def _agreement_id(reference: dict | None) -> int | None:
    return reference["id"] if reference else None


def _agreement_ref(reference: dict | None) -> str | None:
    return reference["ref"] if reference else None


# --- Networks ----------------------------------------------------------------------------------


class NetworkSerializer(serializers.ModelSerializer):
    """A network or group; links to meetings and agreements only where the reader may see them."""

    acronym = serializers.CharField(source="organisation.acronym", read_only=True)
    leading_country = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    established_at = serializers.IntegerField(
        source="api_established_at", read_only=True, allow_null=True
    )
    established_by = serializers.SerializerMethodField()
    meetings = serializers.ListField(
        child=serializers.IntegerField(), source="api_meetings", read_only=True
    )
    plans = serializers.ListField(
        child=serializers.IntegerField(), source="api_plans", read_only=True
    )

    class Meta:
        model = Network
        fields = [
            "id", "acronym", "kind", "name_en", "name_es", "mandate_en", "mandate_es",
            "established_at", "established_by", "active_since", "active_until", "led_by_ppt",
            "leading_country", "meetings", "plans", "visibility", "source",
        ]  # fmt: skip

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_established_by(self, network) -> int | None:
        return _agreement_id(network.api_established_by)


# Requests share the component name of the responses (NetworkRequest, Network), so that the
# schema names each choice set once.
@extend_schema_serializer(component_name="Network")
class NetworkWriteSerializer(ModelRulesSerializer):
    acronym = serializers.SlugRelatedField(
        source="organisation",
        slug_field="acronym",
        queryset=Organisation.objects.filter(kind=OrganisationKind.CONFERENCE_BODY),
        help_text="The acronym of the conference body that stands for the network (WG-PROT …).",
    )
    leading_country = country_by_code(allow_null=True, required=False)

    class Meta:
        model = Network
        fields = [
            "acronym", "kind", "name_en", "name_es", "mandate_en", "mandate_es",
            "established_at", "established_by", "active_since", "active_until", "led_by_ppt",
            "leading_country", "meetings", "visibility", "source",
        ]  # fmt: skip


class NetworkMeetingSerializer(MeetingWriteSerializer):
    """A meeting of the network; its kind follows the network's when left out."""

    kind = serializers.ChoiceField(choices=MeetingKind.choices, required=False)

    class Meta(MeetingWriteSerializer.Meta):
        fields = [f for f in MeetingWriteSerializer.Meta.fields if f not in {"parent", "part"}]

    def validate(self, attrs):
        from networks.models import MEETING_KINDS_OF

        network = self.context["network"]
        attrs.setdefault("kind", MEETING_KINDS_OF[network.kind][0])
        return super().validate(attrs)


# --- Members -----------------------------------------------------------------------------------


@nullable_in_responses(*CONTACT_FIELDS, "user")
class NetworkMemberSerializer(ModelRulesSerializer):
    """Who sits in a network; the person and their contacts reach member governments and the TS
    only (for everyone else they are null)."""

    country = country_by_code(allow_null=True, required=False)
    organisation = organisation_by_acronym(allow_null=True, required=False)
    active = serializers.SerializerMethodField(help_text="Active today.")

    class Meta:
        model = NetworkMember
        fields = [
            "id", "network", "country", "organisation", "role", "institution", *CONTACT_FIELDS,
            "user", "active_from", "active_until", "active", "source",
        ]  # fmt: skip

    def get_active(self, member) -> bool:
        return member.is_active_on(timezone.localdate())

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access_for(request.user).may_see_contacts():
            for name in (*CONTACT_FIELDS, "user"):
                data[name] = None
        return data


# --- Work plans --------------------------------------------------------------------------------


class WorkPlanSerializer(serializers.ModelSerializer):
    network_acronym = serializers.CharField(source="network.organisation.acronym", read_only=True)
    approved_at = serializers.IntegerField(
        source="api_approved_at", read_only=True, allow_null=True
    )
    approved_by = serializers.SerializerMethodField()
    item_count = serializers.IntegerField(read_only=True)
    items_done = serializers.IntegerField(read_only=True)
    progress = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="Share of the items done, leaving out those dropped or superseded.",
    )

    class Meta:
        model = WorkPlan
        fields = [
            "id", "network", "network_acronym", "name_en", "name_es", "start_year", "end_year",
            "approved_at", "approved_by", "summary", "visibility", "item_count", "items_done",
            "progress", "source",
        ]  # fmt: skip

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_approved_by(self, plan) -> int | None:
        return _agreement_id(plan.api_approved_by)


@extend_schema_serializer(component_name="WorkPlan")
class WorkPlanWriteSerializer(ModelRulesSerializer):
    class Meta:
        model = WorkPlan
        fields = [
            "network", "name_en", "name_es", "start_year", "end_year", "approved_at",
            "approved_by", "summary", "visibility", "source",
        ]  # fmt: skip


class WorkPlanItemSerializer(serializers.ModelSerializer):
    network = serializers.IntegerField(source="plan.network_id", read_only=True)
    network_acronym = serializers.CharField(
        source="plan.network.organisation.acronym", read_only=True
    )
    countries = serializers.ListField(
        child=serializers.CharField(),
        source="api_countries",
        read_only=True,
        help_text="Alpha-2 codes of the responsible countries.",
    )
    organisations = serializers.ListField(
        child=serializers.CharField(),
        source="api_organisations",
        read_only=True,
        help_text="Acronyms of the responsible organisations and bodies.",
    )
    meetings = serializers.ListField(
        child=serializers.IntegerField(), source="api_meetings", read_only=True
    )
    agreement = serializers.SerializerMethodField()
    agreement_ref = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = WorkPlanItem
        fields = [
            "id", "plan", "network", "network_acronym", "ref", "position", "text_en",
            "text_es", "countries", "organisations", "deadline", "deadline_text",
            "deadline_precision", "status", "status_changed_at", "overdue", "agreement",
            "agreement_ref", "meetings", "source",
        ]  # fmt: skip

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_agreement(self, item) -> int | None:
        return _agreement_id(item.api_agreement)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_agreement_ref(self, item) -> str | None:
        return _agreement_ref(item.api_agreement)


@extend_schema_serializer(component_name="WorkPlanItem")
class WorkPlanItemWriteSerializer(ModelRulesSerializer):
    """TS staff write items; a change of status is recorded as an update of the item."""

    countries = serializers.SlugRelatedField(
        slug_field="code", queryset=Country.objects.all(), many=True, required=False
    )
    organisations = serializers.SlugRelatedField(
        slug_field="acronym", queryset=Organisation.objects.all(), many=True, required=False
    )
    meetings = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), many=True, required=False
    )
    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        help_text='Any status but "no_follow_up", which is for thanks and notes only.',
    )
    deadline_precision = serializers.ChoiceField(
        choices=DeadlinePrecision.choices, required=False, allow_blank=True
    )

    class Meta:
        model = WorkPlanItem
        fields = [
            "plan", "ref", "position", "text_en", "text_es", "countries",
            "organisations", "deadline", "deadline_text", "deadline_precision", "status",
            "agreement", "meetings", "source",
        ]  # fmt: skip

    def validate(self, attrs):
        status = attrs.pop("status", None) if self.instance is not None else None
        attrs = super().validate(attrs)
        if status is not None:
            attrs["status"] = status
        return attrs

    def update(self, instance, validated_data):
        from networks.services import work_plan_item_record_update

        status = validated_data.pop("status", None)
        instance = super().update(instance, validated_data)
        if status is not None and status != instance.status:
            work_plan_item_record_update(
                item=instance, author=self.context["request"].user, status=status
            )
        return instance


class WorkPlanItemUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True, allow_null=True)
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    status = serializers.ChoiceField(
        choices=Status.choices,
        help_text='Any status but "no_follow_up", which is for thanks and notes only.',
    )

    class Meta:
        model = WorkPlanItemUpdate
        fields = ["id", "item", "status", "note", "author", "country", "created_at"]
        read_only_fields = ["id", "item", "author", "country", "created_at"]

    def to_representation(self, instance):
        # Who posted is a person: named to member governments and the TS only.
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access_for(request.user).may_see_contacts():
            data["author"] = None
        return data


# --- Reports -----------------------------------------------------------------------------------


class NetworkReportSerializer(serializers.ModelSerializer):
    network_acronym = serializers.CharField(source="network.organisation.acronym", read_only=True)
    meeting = serializers.IntegerField(source="api_meeting", read_only=True, allow_null=True)
    presented_by_country = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    presented_by_organisation = serializers.SlugRelatedField(
        slug_field="acronym", read_only=True, allow_null=True
    )
    agreement = serializers.SerializerMethodField()
    document = serializers.SerializerMethodField(
        help_text="Where to download the document, checked against the reader's access."
    )

    class Meta:
        model = NetworkReport
        fields = [
            "id", "network", "network_acronym", "meeting", "name_en", "name_es",
            "presented_by_country", "presented_by_organisation", "summary_en", "summary_es",
            "document", "link", "agreement", "visibility", "source",
        ]  # fmt: skip

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_agreement(self, report) -> int | None:
        return _agreement_id(report.api_agreement)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_document(self, report) -> str | None:
        if not report.document:
            return None
        url = reverse("networks:report_document", args=[report.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


@extend_schema_serializer(component_name="NetworkReport")
class NetworkReportWriteSerializer(ModelRulesSerializer):
    presented_by_country = country_by_code(allow_null=True, required=False)
    presented_by_organisation = organisation_by_acronym(allow_null=True, required=False)

    class Meta:
        model = NetworkReport
        fields = [
            "network", "meeting", "name_en", "name_es", "presented_by_country",
            "presented_by_organisation", "summary_en", "summary_es", "document", "link",
            "agreement", "visibility", "source",
        ]  # fmt: skip
