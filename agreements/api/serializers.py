from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import (
    NOTE_MAX_LENGTH,
    UPDATE_STATUS_CHOICES,
    Action,
    Agreement,
    DeadlinePrecision,
    FollowUp,
    Instrument,
    InstrumentEvent,
    Section,
    Status,
    Theme,
)
from agreements.services import progress
from rcm.api.base import ModelRulesSerializer
from rcm.api.fields import country_by_code
from rcm.api.rows import PlainModelSerializer
from rcm.models import Country


class AgreementCountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    responsible = serializers.BooleanField()
    status = serializers.CharField(allow_blank=True)


class LineageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    ref = serializers.CharField()
    meeting = serializers.IntegerField()


# Read from the annotations of annotate_for_api(); PlainRepresentation reads the fields as DRF
# would, a page at a third of DRF's own cost (rcm/api/rows.py). No docstring: it would become the
# schema's description of Agreement.
class AgreementSerializer(PlainModelSerializer):
    meeting_name = serializers.CharField(source="meeting.short_name", read_only=True)
    actors = serializers.SerializerMethodField()
    responsible = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    not_reported = serializers.BooleanField(
        source="is_not_reported",
        read_only=True,
        help_text="Open or in progress, and no accepted update since it was adopted.",
    )
    stale = serializers.BooleanField(
        source="is_stale",
        read_only=True,
        help_text="Open or in progress, and no accepted update for FOLLOW_UP_STALE_MONTHS.",
    )
    due_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text="The deadline, or the first day of the meeting it is due at (deadline_body) "
        "once that meeting is recorded.",
    )
    lineage = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id", "meeting", "meeting_name", "section", "group", "ref", "parent", "position",
            "text_en", "text_es", "action", "actors", "responsible", "countries", "themes",
            "deadline", "deadline_text", "deadline_precision", "deadline_body", "due_on", "status",
            "status_changed_at", "overdue", "not_reported", "stale", "progress", "children",
            "lineage", "visibility", "source",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_actors(self, agreement) -> list[str]:
        return [c["code"] for c in agreement.api_countries] + [
            o["code"] for o in agreement.api_organisations
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_responsible(self, agreement) -> list[str]:
        return [c["code"] for c in agreement.api_countries if c["responsible"]] + [
            o["code"] for o in agreement.api_organisations if o["responsible"]
        ]

    @extend_schema_field(AgreementCountrySerializer(many=True))
    def get_countries(self, agreement) -> list[dict]:
        return agreement.api_countries

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_themes(self, agreement) -> list[str]:
        return agreement.api_themes

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_children(self, agreement) -> list[int]:
        return agreement.api_children

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_progress(self, agreement) -> float | None:
        return progress(agreement.api_children_done, len(agreement.api_children))

    @extend_schema_field(
        serializers.DictField(child=LineageSerializer(many=True), help_text="earlier, later")
    )
    def get_lineage(self, agreement) -> dict:
        return {"earlier": agreement.api_earlier, "later": agreement.api_later}


class PaymentsUrgedSerializer(serializers.Serializer):
    topic = serializers.CharField(help_text="contributions or reserve_fund")
    source = serializers.CharField()


class AgreementDetailSerializer(AgreementSerializer):
    """An agreement as its detail gives it: with the payments it urges, for finance readers."""

    payments_urged = serializers.SerializerMethodField(
        help_text="The countries' payments the agreement urges (set by TS staff): null for "
        "readers who may not see finance records."
    )

    class Meta(AgreementSerializer.Meta):
        fields = [*AgreementSerializer.Meta.fields, "payments_urged"]

    @extend_schema_field(PaymentsUrgedSerializer(many=True, allow_null=True))
    def get_payments_urged(self, agreement) -> list[dict] | None:
        request = self.context.get("request")
        # The finance app's links, read through the relation (the finance app sits above this
        # one) and through their one visibility rule: empty for those who may not see them.
        links = agreement.finance_topics.visible_to(request.user if request else None)
        if links.query.is_empty():
            return None
        return list(links.order_by("topic").values("topic", "source"))


class ActorCodesField(serializers.ListField):
    child = serializers.CharField(max_length=30)


class AgreementWriteSerializer(ModelRulesSerializer):
    """TS staff write agreements with the importer's vocabulary: actor codes and theme codes."""

    actors = ActorCodesField(required=False, help_text="Country alpha-2 codes and acronyms.")
    responsible = ActorCodesField(required=False, help_text="Those of the actors who must act.")
    themes = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), many=True, required=False
    )
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    action = serializers.ChoiceField(choices=Action.choices)
    section = serializers.ChoiceField(choices=Section.choices)
    deadline_precision = serializers.ChoiceField(
        choices=DeadlinePrecision.choices, required=False, allow_blank=True
    )

    class Meta:
        model = Agreement
        fields = [
            "meeting", "section", "group", "ref", "parent", "position", "text_en", "text_es",
            "action", "actors", "responsible", "themes", "deadline", "deadline_text",
            "deadline_precision", "status", "visibility", "source",
        ]  # fmt: skip

    def validate(self, attrs):
        actors = attrs.pop("actors", None)
        responsible = attrs.pop("responsible", None)
        status = attrs.pop("status", None)
        attrs = super().validate(attrs)
        from agreements.services import resolve_actor_codes

        if actors is not None or responsible is not None:
            current = self.instance
            actors = (
                actors
                if actors is not None
                else (
                    []
                    if current is None
                    else [
                        *current.country_links.values_list("country_id", flat=True),
                        *current.organisation_links.values_list("organisation__acronym", flat=True),
                    ]
                )
            )
            responsible = responsible or []
            missing = [code for code in responsible if code not in actors]
            if missing:
                raise serializers.ValidationError(
                    {"responsible": [f"Not among the actors: {', '.join(missing)}."]}
                )
            try:
                attrs["actors"] = resolve_actor_codes(actors)
            except LookupError as error:
                raise serializers.ValidationError({"actors": [str(error)]}) from None
            attrs["responsible"] = set(responsible)
        if status is not None:
            attrs["status"] = status
        return attrs

    def create(self, validated_data):
        from agreements.services import agreement_create

        return agreement_create(author=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        from agreements.services import agreement_update

        return agreement_update(
            agreement=instance, author=self.context["request"].user, **validated_data
        )


class EvidenceField(serializers.FileField):
    """An update's evidence file: posted as a file, read back as the absolute address that
    downloads it after checking that the reader may see the update (uploads are not served under
    MEDIA_URL to anyone)."""

    def to_representation(self, value):
        if not value:
            return None
        path = reverse("agreements:evidence", args=[value.instance.pk])
        request = self.context.get("request")
        if request is None:
            return settings.SITE_URL.rstrip("/") + path
        return request.build_absolute_uri(path)


class FollowUpSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True, allow_null=True)
    evidence = EvidenceField(
        required=False,
        max_length=FollowUp._meta.get_field("evidence").max_length,
        validators=FollowUp._meta.get_field("evidence").validators,
        help_text="Posted as a file; read as the address that downloads it for those who may "
        "see the update.",
    )
    country = country_by_code(allow_null=True, required=False)
    status = serializers.ChoiceField(choices=UPDATE_STATUS_CHOICES)
    note = serializers.CharField(max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True)
    agreement_not_reported = serializers.SerializerMethodField(
        help_text="Its agreement is open and nobody has reported on it since adoption."
    )
    agreement_stale = serializers.SerializerMethodField(
        help_text="Its agreement is open with no accepted update for FOLLOW_UP_STALE_MONTHS."
    )

    class Meta:
        model = FollowUp
        fields = [
            "id", "agreement", "country", "author", "created_at", "status", "note", "link",
            "evidence", "validation", "reviewed_at", "review_note", "agreement_not_reported",
            "agreement_stale",
        ]  # fmt: skip
        read_only_fields = [
            "id", "agreement", "author", "created_at", "validation", "reviewed_at", "review_note",
        ]  # fmt: skip

    def _agreement_state(self, follow_up, name: str) -> bool:
        # Annotated on the lists (FollowUpViewSet); asked of the agreement for a single update.
        if name in follow_up.__dict__:
            return bool(follow_up.__dict__[name])
        return getattr(follow_up.agreement, name.replace("agreement_", "is_"))

    def get_agreement_not_reported(self, follow_up) -> bool:
        return self._agreement_state(follow_up, "agreement_not_reported")

    def get_agreement_stale(self, follow_up) -> bool:
        return self._agreement_state(follow_up, "agreement_stale")


class FollowUpEditSerializer(serializers.Serializer):
    """What the author of a pending update may change; what is left out stays as it is."""

    status = serializers.ChoiceField(choices=UPDATE_STATUS_CHOICES, required=False)
    note = serializers.CharField(max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True)
    link = serializers.URLField(max_length=500, required=False, allow_blank=True)


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ThemeSerializer(ModelRulesSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Theme
        fields = ["id", "code", "name_en", "name_es", "parent", "source"]


class InstrumentEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = InstrumentEvent
        fields = ["id", "kind", "year", "date", "meeting", "agreement", "note", "source"]


class InstrumentSerializer(ModelRulesSerializer):
    themes = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), many=True, required=False
    )
    proposed_by_countries = serializers.SlugRelatedField(
        slug_field="code", queryset=Country.objects.all(), many=True, required=False
    )
    events = InstrumentEventSerializer(many=True, read_only=True)

    class Meta:
        model = Instrument
        fields = [
            "id", "kind", "name_en", "name_es", "themes", "proposed_by_countries", "summary",
            "visibility", "events", "source",
        ]  # fmt: skip
