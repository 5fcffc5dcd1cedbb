"""Admin of the written consultations: their versions, rounds, answers and steps."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from consultations import services
from consultations.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationTransition,
    ConsultationVersion,
)
from rcm.models import Presidency


class ReadOnlyInline(admin.TabularInline):
    """A record of what happened: shown, never edited here (the workflow writes it)."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VersionInline(ReadOnlyInline):
    model = ConsultationVersion
    fields = ["number", "text_en", "text_es", "note", "created_by", "created_at"]
    readonly_fields = fields


class RoundInline(ReadOnlyInline):
    model = ConsultationRound
    fields = ["kind", "number", "version", "opened_at", "deadline", "closes_at", "closed_at"]
    readonly_fields = [*fields, "answers_summary"]
    show_change_link = True

    def get_fields(self, request, obj=None):
        return [*self.fields, "answers_summary"]

    @admin.display(description=_("answers"))
    def answers_summary(self, round):
        answers = {a.country_id: a.get_answer_display() for a in round.answers.all()}
        return "; ".join(
            f"{code}: {answers.get(code, '—')}"
            for code in sorted(round.countries.values_list("code", flat=True))
        )


class TransitionInline(ReadOnlyInline):
    model = ConsultationTransition
    fields = ["at", "from_state", "to_state", "by", "round", "note"]
    readonly_fields = fields
    ordering = ["at", "pk"]


class ConsultationAddForm(forms.ModelForm):
    text_en = forms.CharField(label=_("proposed text (English)"), widget=forms.Textarea)
    text_es = forms.CharField(
        label=_("proposed text (Spanish)"), widget=forms.Textarea, required=False
    )

    class Meta:
        model = Consultation
        fields = ["subject", "visibility", "earlier_agreement"]

    def clean(self):
        cleaned = super().clean()
        if Presidency.objects.in_office(timezone.localdate()) is None:
            raise ValidationError(
                _("No Presidency Pro-Tempore is in office today; record it first.")
            )
        return cleaned


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "presidency", "state", "current_deadline", "created_at"]
    list_filter = ["state", "presidency", "visibility"]
    search_fields = ["subject", "versions__text_en", "versions__text_es"]
    list_select_related = ["presidency__country"]
    raw_id_fields = ["earlier_agreement"]
    readonly_fields = ["presidency", "state", "created_by", "created_at", "meeting", "agreement"]
    inlines = [VersionInline, RoundInline, TransitionInline]
    actions = ["close_due_rounds"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ConsultationAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["subject", "text_en", "text_es", "visibility", "earlier_agreement"]
        return [
            "subject", "visibility", "earlier_agreement", "presidency", "state", "created_by",
            "created_at", "meeting", "agreement",
        ]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return [] if obj is None else self.inlines

    @admin.display(description=_("deadline of the latest round"))
    def current_deadline(self, consultation):
        latest = consultation.rounds.order_by("-opened_at").first()
        return latest.deadline if latest else "—"

    def save_model(self, request, obj, form, change):
        # Consultations are drafted and corrected through the same workflow as anywhere else.
        try:
            if change:
                services.consultation_update(
                    consultation=obj,
                    by=request.user,
                    subject=form.cleaned_data["subject"],
                    visibility=form.cleaned_data["visibility"],
                )
            else:
                created = services.consultation_create(
                    by=request.user,
                    subject=form.cleaned_data["subject"],
                    text_en=form.cleaned_data["text_en"],
                    text_es=form.cleaned_data["text_es"],
                    visibility=form.cleaned_data["visibility"],
                    earlier_agreement=form.cleaned_data["earlier_agreement"],
                )
                obj.pk = created.pk
        except (ValidationError, PermissionDenied) as error:
            raise PermissionDenied("; ".join(getattr(error, "messages", [str(error)]))) from None

    @admin.action(description=_("Close the rounds whose deadline has passed"))
    def close_due_rounds(self, request, queryset):
        closed = services.consultation_close_due_rounds()
        self.message_user(request, _("%(count)d rounds closed.") % {"count": closed})


class AnswerInline(ReadOnlyInline):
    model = ConsultationAnswer
    fields = ["country", "answer", "text", "answered_by", "answered_at"]
    readonly_fields = fields


@admin.register(ConsultationRound)
class ConsultationRoundAdmin(SimpleHistoryAdmin):
    list_display = ["consultation", "kind", "number", "deadline", "closes_at", "closed_at"]
    list_filter = ["kind"]
    list_select_related = ["consultation"]
    search_fields = ["consultation__subject"]
    readonly_fields = [
        "consultation", "kind", "number", "version", "countries", "opened_at", "opened_by",
        "deadline", "time_zone", "closes_at", "closed_at",
    ]  # fmt: skip
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsultationAnswer)
class ConsultationAnswerAdmin(SimpleHistoryAdmin):
    list_display = ["round", "country", "answer", "answered_by", "answered_at"]
    list_filter = ["answer", "country"]
    list_select_related = ["round__consultation", "answered_by"]
    search_fields = ["round__consultation__subject", "text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
