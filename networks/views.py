"""Pages of the networks and groups: the overview, each network's page, and each item's page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from meetings.models import Meeting
from networks import rules, selectors, services
from networks.models import (
    ITEM_STATUSES,
    Network,
    NetworkKind,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
)
from rcm.models import access_for


@require_safe
def overview(request):
    """Every network and group the user may see, by kind, with the progress of each plan."""
    access = access_for(request.user)
    networks = selectors.overview_networks(access)
    by_kind = []
    for kind, label in NetworkKind.choices:
        of_kind = [network for network in networks if network.kind == kind]
        if of_kind:
            by_kind.append((label, of_kind))
    # No source gives the official Spanish names (fixtures/README.md): a Spanish page says so.
    names_in_english = any(not network.name_es for network in networks)
    return render(
        request,
        "networks/overview.html",
        {"by_kind": by_kind, "names_in_english": names_in_english},
    )


@require_safe
def network_page(request, pk: int):
    """A network: its mandate, officers per country, work plans and their items, reports by
    meeting, and its next meeting."""
    access = access_for(request.user)
    today = timezone.localdate()
    network = get_object_or_404(
        selectors.networks_for_api(Network.objects.visible_to(access), access), pk=pk
    )
    plans = list(
        selectors.plans_for_api(
            WorkPlan.objects.visible_to(access).filter(network=network), access
        ).order_by("-start_year", "name_en", "pk")
    )
    items = selectors.plan_items(access, [plan.pk for plan in plans])
    for plan in plans:
        plan.item_list = [item for item in items if item.plan_id == plan.pk]
    reports = list(
        selectors.reports_for_api(network.reports.visible_to(access), access)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .order_by("-meeting__year", "-meeting__starts_on", "pk")
    )
    # Every meeting the page names, in one query: those the annotations let the user see.
    meeting_ids = set(network.api_meetings)
    meeting_ids.add(network.api_established_at)
    meeting_ids.update(plan.api_approved_at for plan in plans)
    if network.api_established_by:
        meeting_ids.add(network.api_established_by["meeting"])
    for item in items:
        meeting_ids.update(item.api_meetings)
        if item.api_agreement:
            meeting_ids.add(item.api_agreement["meeting"])
    meetings = {
        meeting.pk: meeting
        for meeting in Meeting.objects.filter(pk__in=meeting_ids - {None}).select_related(
            "country", "parent"
        )
    }
    for item in items:
        item.meeting_list = [meetings[pk] for pk in item.api_meetings if pk in meetings]
        if item.api_agreement:
            item.agreement_meeting = meetings.get(item.api_agreement["meeting"])
    for plan in plans:
        plan.approved_meeting = meetings.get(plan.api_approved_at)
    network_meetings = [meetings[pk] for pk in network.api_meetings if pk in meetings]
    members = list(
        network.members.active(today)
        .select_related("country", "organisation")
        .order_by("country__name_en", "organisation__acronym", "role", "person_name")
    )
    context = {
        "network": network,
        "established_at": meetings.get(network.api_established_at),
        "established_by": network.api_established_by,
        "established_by_meeting": meetings.get((network.api_established_by or {}).get("meeting")),
        "officers": selectors.members_by_country(members),
        "may_see_contacts": access.may_see_contacts(),
        "plans": plans,
        "reports_by_meeting": selectors.reports_by_meeting(reports),
        "meetings": sorted(network_meetings, key=lambda m: m.reference_date, reverse=True),
        "next_meeting": selectors.next_meeting(network_meetings, today),
    }
    return render(request, "networks/network_detail.html", context)


class ItemUpdateForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=ITEM_STATUSES)
    note = forms.CharField(
        label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


@require_http_methods(["GET", "HEAD", "POST"])
def item_page(request, pk: int):
    """A work-plan item: what it commits to, who carries it out, by when, and its progress;
    officers of a responsible country post an update here."""
    access = access_for(request.user)
    item = get_object_or_404(
        selectors.items_for_api(WorkPlanItem.objects.visible_to(access), access).select_related(
            "plan__network__organisation"
        ),
        pk=pk,
    )
    may_update = request.user.is_authenticated and rules.may_update_item(access, item)
    form = ItemUpdateForm(initial={"status": item.status})
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        form = ItemUpdateForm(request.POST)
        if form.is_valid():
            try:
                services.work_plan_item_record_update(
                    item=item,
                    author=request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, messages_ in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, messages_)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, _("The update was recorded."))
                return redirect(item.get_absolute_url())
    meeting_ids = set(item.api_meetings)
    if item.api_agreement:
        meeting_ids.add(item.api_agreement["meeting"])
    meetings = {
        meeting.pk: meeting
        for meeting in Meeting.objects.filter(pk__in=meeting_ids).select_related(
            "country", "parent"
        )
    }
    context = {
        "item": item,
        "network": item.plan.network,
        "plan": item.plan,
        "item_meetings": [meetings[pk] for pk in item.api_meetings if pk in meetings],
        "agreement_meeting": meetings.get(item.api_agreement["meeting"])
        if item.api_agreement
        else None,
        "updates": list(
            item.updates.select_related("author", "country").order_by("-created_at", "-pk")
        ),
        "may_see_contacts": access.may_see_contacts(),
        "may_update": may_update,
        "form": form,
    }
    return render(request, "networks/item_detail.html", context)


@require_safe
def report_document(request, pk: int):
    """A report's document, to those who may see the report; read through the storage API so that
    it works the same on any app server (filesystem or S3-compatible store)."""
    access = access_for(request.user)
    report = get_object_or_404(NetworkReport.objects.visible_to(access).exclude(document=""), pk=pk)
    name = report.document.name.rsplit("/", 1)[-1]
    return FileResponse(report.document.open("rb"), as_attachment=True, filename=name)
