"""The agenda in the API: /api/v1/meetings/{id}/agenda/, the same lists as the page."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from pages.agenda import agenda_meeting, meeting_agenda
from rcm.models import access_for


class AgendaAgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meeting = serializers.IntegerField(source="meeting_id")
    meeting_name = serializers.CharField(source="meeting.short_name")
    section = serializers.CharField()
    ref = serializers.CharField()
    text = serializers.CharField()
    status = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    deadline_text = serializers.CharField()
    overdue = serializers.BooleanField()
    not_reported = serializers.BooleanField(
        source="is_not_reported", help_text="Open, and no accepted update since adoption."
    )
    stale = serializers.BooleanField(
        source="is_stale", help_text="Open, and no accepted update for FOLLOW_UP_STALE_MONTHS."
    )
    url = serializers.CharField(source="get_absolute_url", help_text="The agreement's page.")


class AgendaRecommendationSerializer(AgendaAgreementSerializer):
    decided_here = serializers.BooleanField(
        help_text="A decision on it is recorded at this meeting."
    )


class AgendaCountrySerializer(serializers.Serializer):
    country = serializers.CharField(
        source="code", help_text='ISO alpha-2 code; "" for items no country must act on.'
    )
    name = serializers.CharField()
    agreements = AgendaAgreementSerializer(many=True)


class AgendaReportSerializer(serializers.Serializer):
    network = serializers.IntegerField(source="pk")
    acronym = serializers.CharField()
    name = serializers.CharField()
    last_report_year = serializers.IntegerField(allow_null=True)
    url = serializers.CharField(source="get_absolute_url")


class AgendaPlanItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    network = serializers.IntegerField(source="plan.network_id")
    ref = serializers.CharField()
    text = serializers.CharField()
    deadline = serializers.DateField()
    status = serializers.CharField()
    overdue = serializers.BooleanField()
    agreement = serializers.SerializerMethodField(
        help_text="The agreement the item carries out, when the reader may see it."
    )

    def get_agreement(self, item) -> int | None:
        return item.agreement_id if item.agreement_visible else None


class AgendaConsultationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.CharField()
    state = serializers.CharField()
    earlier_agreement = serializers.SerializerMethodField(
        help_text="The agreement it acts on, when the reader may see it."
    )
    url = serializers.CharField(source="get_absolute_url")

    def get_earlier_agreement(self, consultation) -> int | None:
        return consultation.earlier_agreement_id if consultation.agreement_visible else None


class AgendaSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(source="meeting.pk")
    meeting_name = serializers.CharField(source="meeting.short_name")
    day = serializers.DateField(help_text="The meeting's first day (1 July when only its year).")
    overdue_as_of = serializers.DateField(
        source="as_of", help_text="Overdue items are counted on this day."
    )
    recommendations = AgendaRecommendationSerializer(many=True)
    due = AgendaAgreementSerializer(many=True)
    overdue_by_country = AgendaCountrySerializer(many=True)
    reports_owed = AgendaReportSerializer(many=True)
    plan_items_due = AgendaPlanItemSerializer(many=True)
    open_consultations = AgendaConsultationSerializer(many=True, source="consultations")


class AgendaView(APIView):
    """What a meeting must decide: recommendations addressed to its body and not yet decided,
    items due at or before it, overdue items by responsible country, reports the networks owe,
    open written consultations. Only what the reader may see; a hidden meeting answers 404."""

    @extend_schema(responses=AgendaSerializer, operation_id="meetings_agenda_retrieve")
    def get(self, request, pk: int):
        access = access_for(request.user)
        meeting = agenda_meeting(access, pk)
        if meeting is None:
            raise Http404
        agenda = meeting_agenda(access, meeting, timezone.localdate())
        return Response(AgendaSerializer(agenda).data)
