"""The link between agreements and the countries' payments in the API: which agreements urge a
finance record's payments, and the links themselves, which TS staff keep."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import Agreement
from finance.agreement_standing import urging_refs
from finance.models import FinanceAgreement, FinanceTopic
from rcm.api.base import ModelRulesSerializer
from rcm.models import access_for


class UrgingAgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ref = serializers.CharField()
    meeting = serializers.IntegerField()
    meeting_name = serializers.CharField()


@extend_schema_field(UrgingAgreementSerializer(many=True))
class UrgedByField(serializers.Field):
    """The agreements that urge payments on the record's topic, among those the reader may see.

    Read once per request and kept in the serializer's context: a list costs one query.
    """

    def __init__(self, topic: str, **kwargs):
        self.topic = topic
        kwargs.setdefault(
            "help_text",
            "The agreements that urge these payments (set by TS staff), among those you may see.",
        )
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value) -> list[dict]:
        context = self.context
        key = f"urged_by:{self.topic}"
        if key not in context:
            request = context.get("request")
            if request is None:
                return []
            context[key] = urging_refs(topic=self.topic, access=access_for(request.user))
        return context[key]


def urged_by_field(topic: str = FinanceTopic.CONTRIBUTIONS) -> UrgedByField:
    return UrgedByField(topic)


class VisibleAgreementField(serializers.PrimaryKeyRelatedField):
    """An agreement by its id, among those the writer may see: any other id is a 400."""

    def get_queryset(self):
        request = self.context.get("request")
        user = request.user if request is not None else None
        return Agreement.objects.visible_to(user)


class FinanceAgreementSerializer(ModelRulesSerializer):
    """An agreement that urges the countries' payments on a topic (TS staff write these)."""

    agreement = VisibleAgreementField()
    ref = serializers.CharField(source="agreement.ref", read_only=True)
    meeting = serializers.IntegerField(source="agreement.meeting_id", read_only=True)
    meeting_name = serializers.CharField(source="agreement.meeting.short_name", read_only=True)

    class Meta:
        model = FinanceAgreement
        fields = ["id", "agreement", "ref", "meeting", "meeting_name", "topic", "source"]
        validators = []  # the model's own rules (full_clean) judge uniqueness, with its words
