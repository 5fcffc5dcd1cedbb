"""Pages for focal points and the TS: the follow-up dashboard, agreements, countries, search."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from agreements import charts, exports, matrix, rules, selectors, services, states
from agreements.api.views import follow_ups_visible_to
from agreements.dashboard_filter import DashboardFilter
from agreements.filters import active_filter_chips, filter_groups
from agreements.forms import FollowUpForm
from agreements.models import (
    Agreement,
    AgreementLink,
    FollowUp,
    Instrument,
    InstrumentEvent,
    Status,
    Validation,
    plan_order,
)
from rcm import exports as rcm_exports
from rcm import records_cache
from rcm.models import Country, Organisation, access_for
from rcm.pagination import CountedPaginator

TABLE_PAGE_SIZE = 50
# The meeting filter offers the latest meetings (or those of the chosen year), not the archive.
MEETING_CHOICES = 100


def meetings_to_offer(request, access):
    return selectors.meetings_to_choose_from(
        access,
        year=_int_or_none(request.GET.get("year")),
        selected=_int_or_none(request.GET.get("meeting")),
        limit=MEETING_CHOICES,
    )


def filtered_agreements(request):
    """The dashboard's filters applied to the agreements the user may see (no query yet)."""
    access = access_for(request.user)
    agreements = Agreement.objects.visible_to(access)
    filterset = DashboardFilter(request.GET or None, queryset=agreements)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, agreements.none()
    return filterset, filterset.qs


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_safe
def dashboard(request):
    """What is pending, overdue and done, for a country or the whole conference; kept until
    the records change (rcm.records_cache)."""
    return records_cache.kept_page(
        request,
        "agreements/dashboard.html",
        "agreements/_dashboard_content.html",
        lambda: dashboard_context(request),
    )


def dashboard_context(request) -> dict:
    """The dashboard's content. Two queries whatever the filters and the number of agreements:
    the summary (counts, tables, charts, the filters' options, the not reported and stale
    agreements by body and year), and the page of the table.
    """
    today = timezone.localdate()
    access = access_for(request.user)
    filterset, agreements = filtered_agreements(request)
    summary = selectors.dashboard_summary(
        agreements, access=access, today=today, meetings=meetings_to_offer(request, access)
    )
    filterset.offer(summary.choices)
    state_rows = summary.states_by_body_and_year
    table = selectors.agreements_for_table(agreements).order_by(
        "-meeting__starts_on", "meeting_id", "position"
    )
    paginator = CountedPaginator(table, TABLE_PAGE_SIZE, count=summary.counts["total"])
    page, context = _page_with_filters(request, filterset, paginator)
    context |= {
        "counts": summary.counts,
        "by_body": states.add_to_bodies(summary.by_body, state_rows),
        "by_theme": summary.by_theme,
        "charts": [
            charts.status_by_year_chart(rows=summary.status_by_year),
            charts.overdue_by_country_chart(rows=summary.overdue_by_country),
            charts.not_reported_and_stale_by_year_chart(rows=states.by_year(state_rows)),
            charts.themes_over_time_chart(data=summary.themes_over_time),
        ],
        "awaiting_validation": summary.awaiting_validation,
        "today": today,
        "actor_names": selectors.actor_names(
            summary.choices, spanish=translation.get_language().startswith("es")
        ),
    }
    return context


def _page_with_filters(request, filterset, paginator):
    """The page asked for, and the context of the filter panel above it (the chips of the
    filters in use, and the query without the page for the pager's links)."""
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, {
        "filter": filterset,
        "filter_groups": filter_groups(filterset.form),
        "chips": active_filter_chips(filterset.form, query),
        "page": page,
        "query": query.urlencode(),
    }


@require_safe
def dashboard_export(request, fmt: str):
    """The dashboard's filtered table as CSV or XLSX, streamed, a status column per country."""
    return _filtered_export(
        request,
        fmt,
        exports.agreements_export,
        lambda agreements: selectors.agreements_for_table(agreements).order_by(
            "-meeting__starts_on", "meeting_id", "position"
        ),
    )


def _filtered_export(request, fmt: str, export, rows_of):
    """The agreements the dashboard's filters select, as `export` writes them (CSV or XLSX),
    a column per member country and the filters named above the table."""
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    filterset, agreements = filtered_agreements(request)
    countries = matrix.member_countries(timezone.localdate())
    return export(
        rows_of(agreements),
        fmt=fmt,
        countries=countries,
        base=rcm_exports.absolute_base(request),
        filters=exports.described_filters(filterset.form, countries),
    )


@require_safe
def matrix_page(request):
    """Agreements addressed to several countries × the member countries, a page at a time;
    each cell a status (colour and words) linking to that country's part of the agreement.
    Kept until the records change (rcm.records_cache)."""
    return records_cache.kept_page(
        request,
        "agreements/matrix.html",
        "agreements/_matrix_content.html",
        lambda: matrix_context(request),
    )


def matrix_context(request) -> dict:
    """The matrix's content. Three queries whatever the filters and the page: the filters'
    options (with the member countries, the columns), the count of the rows, and the page of
    rows with their statuses.
    """
    filterset, agreements = filtered_agreements(request)
    choices = selectors.filter_choices(
        today=timezone.localdate(), meetings=meetings_to_offer(request, access_for(request.user))
    )
    filterset.offer(choices)
    countries = choices.countries
    paginator = Paginator(matrix.matrix_agreements(agreements), matrix.PAGE_SIZE)
    page, context = _page_with_filters(request, filterset, paginator)
    context |= {
        "countries": countries,
        "rows": matrix.matrix_rows(page.object_list, countries),
        "statuses": Status.choices,
    }
    return context


@require_safe
def matrix_export(request, fmt: str):
    """The matrix with the same filters, every row, as XLSX or CSV."""
    return _filtered_export(request, fmt, exports.matrix_export, matrix.matrix_agreements)


@login_required
@require_safe
def validation_queue(request):
    """Focal points' updates that await the TS's decision."""
    access = access_for(request.user)
    if not rules.may_validate(access):
        raise PermissionDenied
    return render(
        request,
        "agreements/validation_queue.html",
        {"updates": selectors.awaiting_validation(access)},
    )


@login_required
@require_POST
def validation_decision(request, pk: int):
    if not rules.may_validate(access_for(request.user)):
        raise PermissionDenied
    follow_up = get_object_or_404(FollowUp, pk=pk)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            services.followup_accept(follow_up=follow_up, reviewer=request.user)
            messages.success(request, _("The update was accepted."))
        elif decision == "return":
            services.followup_return(
                follow_up=follow_up, reviewer=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("The update was sent back to its author."))
        else:
            messages.error(request, _("Choose to accept or to send back."))
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("agreements:validation")


@require_http_methods(["GET", "HEAD", "POST"])
def agreement_detail(request, pk: int):
    """One agreement: text, who must act, by when, where it stands, and its lineage.

    Anonymous readers may post nothing: their page is the same for all of them, kept until the
    records change (rcm.records_cache).
    """
    if request.method != "POST" and not request.user.is_authenticated:
        title, content = records_cache.kept_value(
            request, "agreement", lambda: agreement_parts(request, agreement_context(request, pk))
        )
    else:
        context = agreement_context(request, pk)
        if isinstance(context, HttpResponse):  # an update was posted: back to the page
            return context
        title, content = agreement_parts(request, context)
    return render(
        request,
        "agreements/agreement_detail.html",
        {"title": title, "content": mark_safe(content)},  # rendered by the templates
    )


def agreement_context(request, pk: int) -> dict | HttpResponse:
    """What the agreement's page shows the reader; a follow-up update posted on it is recorded
    (and answered with a redirect to the page)."""
    access = access_for(request.user)
    visible = Agreement.objects.visible_to(access)
    agreement = get_object_or_404(
        selectors.agreements_for_table(visible)
        .select_related("parent")
        # The item it is part of is named only to those who may see it.
        .annotate(parent_visible=Exists(visible.filter(pk=OuterRef("parent_id")))),
        pk=pk,
    )
    may_update = request.user.is_authenticated and rules.may_post_follow_up(access, agreement, None)
    form = FollowUpForm()
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        form = FollowUpForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                # The form's fields are the service's: status, note, link and evidence.
                update = services.followup_record(
                    agreement=agreement, author=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if not rules.needs_validation(access):
                    messages.success(request, _("The update was recorded."))
                else:
                    messages.success(
                        request,
                        _("Your update was sent to the Technical Secretariat for validation."),
                    )
                for earlier in update.replaced:
                    messages.info(
                        request,
                        _(
                            "It replaces the update on %(country)s's part posted on %(date)s, "
                            "which was awaiting the TS."
                        )
                        % {
                            "country": update.country.name,
                            "date": date_format(localtime(earlier.created_at), "DATE_FORMAT"),
                        },
                    )
                return redirect(agreement.get_absolute_url())
    updates = follow_ups_visible_to(access, agreement.follow_ups.all()).select_related(
        "author", "country", "reviewed_by"
    )
    # Lineage both ways, and the updates, each in one query.
    links = list(
        AgreementLink.objects.select_related("earlier__meeting", "later__meeting").filter(
            Q(later=agreement, earlier__in=visible) | Q(earlier=agreement, later__in=visible)
        )
    )
    updates = list(updates.order_by("-created_at", "-pk"))
    context = {
        "agreement": agreement,
        "responsible": selectors.responsible_codes(agreement),
        **actor_rows(agreement),
        "children": list(visible.filter(parent=agreement).with_states().order_by("position")),
        "earlier": [link for link in links if link.later_id == agreement.pk],
        "later": [link for link in links if link.earlier_id == agreement.pk],
        "updates": updates,
        "pending": [u for u in updates if u.validation == Validation.PROPOSED],
        # Each theme with whether it is only suggested so far (agreements/themes_suggest.py).
        "themes": list(
            agreement.theme_links.select_related("theme").order_by(plan_order("theme__"))
        ),
        "parent": agreement.parent if agreement.parent_visible else None,
        "instrument_events": list(
            InstrumentEvent.objects.filter(
                agreement=agreement, instrument__in=Instrument.objects.visible_to(access)
            ).select_related("instrument")
        ),
        "activities": list(agreement.proposed_activities.visible_to(access)),
        "may_update": may_update,
        "form": form,
    }
    return context


def agreement_parts(request, context: dict) -> tuple[str, str]:
    """The page's title and its rendered content."""
    agreement = context["agreement"]
    title = f"{agreement.meeting.short_name} {agreement.display_ref}"
    return title, render_to_string(
        "agreements/_agreement_detail_content.html", context, request=request
    )


def actor_rows(agreement) -> dict[str, list[dict]]:
    """Who must act and who is mentioned, by name, with each responsible country's status."""
    names = dict(
        Country.objects.filter(code__in=[c["code"] for c in agreement.api_countries]).values_list(
            "code", "name_en" if not translation.get_language().startswith("es") else "name_es"
        )
    )
    organisations = Organisation.objects.in_bulk(
        [o["code"] for o in agreement.api_organisations], field_name="acronym"
    )
    labels = dict(Status.choices)
    responsible, mentioned = [], []
    for country in agreement.api_countries:
        row = {
            "code": country["code"],
            "is_country": True,
            "name": names.get(country["code"], country["code"]),
            "status": labels.get(country["status"], ""),
        }
        (responsible if country["responsible"] else mentioned).append(row)
    for link in agreement.api_organisations:
        # The TS, a network or an organisation: its acronym in the reader's language, written
        # out on hover; it has no page of its own to link to ("TS" is not a country code).
        organisation = organisations.get(link["code"])
        row = {
            "code": link["code"],
            "is_country": False,
            "name": organisation.display_acronym if organisation else link["code"],
            "title": organisation.name if organisation else "",
            "status": "",
        }
        (responsible if link["responsible"] else mentioned).append(row)
    return {"responsible_rows": responsible, "mentioned_rows": mentioned}


@require_safe
def follow_up_evidence(request, pk: int):
    """An update's evidence file, to those who may see the update; read through the storage API
    so that it works the same on any app server (filesystem or S3-compatible store)."""
    access = access_for(request.user)
    visible_updates = follow_ups_visible_to(access, FollowUp.objects.visible_to(access))
    follow_up = get_object_or_404(visible_updates.exclude(evidence=""), pk=pk)
    name = follow_up.evidence.name.rsplit("/", 1)[-1]
    return FileResponse(follow_up.evidence.open("rb"), as_attachment=True, filename=name)
