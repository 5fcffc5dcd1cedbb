"""Pages of the written consultations: where each stands, who has answered, and the time left."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from agreements.models import Action, Agreement
from consultations import rules, services
from consultations.models import (
    GIVEN_ANSWERS,
    Consultation,
    ConsultationState,
)
from consultations.selectors import record_prefetches, rounds_prefetch
from rcm.models import Presidency, access_for

PAGE_SIZE = 50


class ConsultationForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=300)
    text_en = forms.CharField(
        label=gettext_lazy("Proposed text (English)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
    )
    text_es = forms.CharField(
        label=gettext_lazy("Proposed text (Spanish)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        required=False,
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=gettext_lazy("Your country's answer"), choices=GIVEN_ANSWERS, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=gettext_lazy("Proposed changes or reasons"),
        help_text=gettext_lazy("Required when your country proposes changes."),
        widget=forms.Textarea(attrs={"rows": 5, "aria-describedby": "answer-text-help"}),
        max_length=20000,
        required=False,
    )


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=ConsultationState.choices)
    text = forms.CharField(max_length=20000, required=False)
    text_es = forms.CharField(max_length=20000, required=False)
    action = forms.ChoiceField(choices=Action.choices, required=False)


@require_http_methods(["GET", "HEAD", "POST"])
def consultation_list(request):
    """The consultations a user may see, newest first, each with its current round."""
    access = access_for(request.user)
    allowed_to_start = request.user.is_authenticated and rules.may_start_today(
        access, timezone.localdate()
    )
    form = ConsultationForm()
    if request.method == "POST":
        if not allowed_to_start:
            raise PermissionDenied
        form = ConsultationForm(request.POST)
        if form.is_valid():
            try:
                consultation = services.consultation_create(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The consultation was drafted."))
                return redirect(consultation.get_absolute_url())
    consultations = (
        Consultation.objects.visible_to(access)
        .for_listing()
        .prefetch_related(rounds_prefetch(access))
        .order_by("-created_at", "-pk")
    )
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "page": page,
            "now": timezone.now(),
            "may_start": allowed_to_start,
            "form": form,
            # No recorded term covers today: no consultation can be drafted for a PPT.
            "presidency_note": Presidency.objects.troika(timezone.localdate()).not_recorded_message,
        },
    )


def round_rows(round) -> list[dict]:
    """Each country asked, by name, with its answer (or none yet)."""
    answers = round.answers_by_country()
    countries = sorted(round.countries.all(), key=lambda country: country.name)
    return [{"country": country, "answer": answers.get(country.code)} for country in countries]


def _apply(request, consultation):
    """Handle the answer form or a transition form; the error to show, or None on success."""
    access = access_for(request.user)
    if request.POST.get("form") == "answer":
        refusal = rules.answer_refusal(access)
        if refusal:
            raise PermissionDenied(refusal)
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return form
        services.consultation_answer(
            consultation=consultation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your country's answer was recorded."))
        return None
    if not rules.may_steer(access, consultation):
        raise PermissionDenied
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Choose one of the next steps offered."))
    data = form.cleaned_data
    services.consultation_transition(
        consultation=consultation,
        to=data["to"],
        by=request.user,
        text=data["text"],
        text_es=data["text_es"],
        action=data["action"],
    )
    messages.success(
        request,
        _("The consultation is now: %(state)s.") % {"state": ConsultationState(data["to"]).label},
    )
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def consultation_detail(request, pk: int):
    """One consultation: its text in versions, each round with who has answered and who has not,
    the time left, the answer form for a focal point asked, and the next steps for the PPT."""
    access = access_for(request.user)
    consultation = get_object_or_404(
        Consultation.objects.visible_to(access)
        .for_listing()
        .select_related(
            "agreement__meeting",
            "earlier_agreement__meeting__country",
            "earlier_agreement__meeting__parent",
        )
        .prefetch_related(
            rounds_prefetch(access),
            *record_prefetches(access, transitions_with=("by", "round")),
        ),
        pk=pk,
    )
    now = timezone.now()
    answer_form = AnswerForm()
    transition_error = None
    if request.method == "POST":
        try:
            problem = _apply(request, consultation)
        except ValidationError as error:
            problem = error
        if problem is None:
            return redirect(consultation.get_absolute_url())
        if isinstance(problem, AnswerForm):
            answer_form = problem
        elif request.POST.get("form") == "answer":
            answer_form = AnswerForm(request.POST)
            answer_form.is_valid()
            answer_form.add_error(None, problem)
        else:
            transition_error = problem
    current = consultation.current_round
    rounds = list(consultation.rounds.all())
    earlier = consultation.earlier_agreement
    if (
        earlier is not None
        and not Agreement.objects.visible_to(access).filter(pk=earlier.pk).exists()
    ):
        earlier = None
    context = {
        "consultation": consultation,
        "current": current,
        "current_rows": round_rows(current) if current else [],
        "earlier_rounds": [
            {"round": round, "rows": round_rows(round)} for round in reversed(rounds[:-1])
        ],
        "versions": list(consultation.versions.all()),
        "transitions": list(consultation.transitions.all()),
        "earlier_agreement": earlier,
        # Who drafted, answered and took each step is for members and the TS; the public
        # reads a public consultation's outcome.
        "show_people": access.may_see_members_records(),
        "now": now,
        "is_open": current is not None and current.is_open(now),
        "may_answer": rules.may_answer(access, current, now),
        "answer_form": answer_form,
        "allowed": rules.allowed_transitions(access, consultation),
        "transition_error": transition_error,
        "actions": Action.choices,
        "last_round_kind": current.kind if current else "",
        "latest_version": consultation.latest_version,
    }
    return render(
        request,
        "consultations/consultation_detail.html",
        context,
        status=400 if (transition_error or answer_form.errors) else 200,
    )
