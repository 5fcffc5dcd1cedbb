"""A meeting's record: who took part, its agreements, the instruments and activities it produced."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from agreements import selectors
from agreements.models import Instrument, InstrumentEvent
from meetings.models import Meeting, Participation
from rcm import records_cache
from rcm.models import Presidency, access_for


@require_safe
def meeting_page(request, pk: int):
    """A meeting: its heading, who took part by role, and its agreements as the document numbers
    them, each with its status; the instruments and activities it produced. Kept until the
    records change (rcm.records_cache)."""
    return records_cache.kept_titled_page(
        request,
        "pages/meeting_detail.html",
        "pages/_meeting_content.html",
        lambda: meeting_context(request, pk),
        lambda context: context["meeting"].short_name,
    )


def meeting_context(request, pk: int) -> dict:
    access = access_for(request.user)
    participations = Participation.objects.select_related("country", "organisation")
    meeting = get_object_or_404(
        Meeting.objects.visible_to(access)
        .select_related("country", "parent")
        .prefetch_related(Prefetch("participations", queryset=participations)),
        pk=pk,
    )
    parts = list(meeting.parts.visible_to(access).order_by("part"))
    presidencies = list(Presidency.objects.select_related("country").order_by("year"))
    by_role: dict[str, list] = {}
    for participation in meeting.participations.all():
        by_role.setdefault(participation.get_role_display(), []).append(participation)
    agreements = list(
        selectors.agreements_for_table(meeting.agreements.visible_to(access)).order_by("position")
    )
    context = {
        "meeting": meeting,
        "parts": parts,
        "participants_by_role": by_role,
        "presidency": meeting.presidency_in_office(presidencies),
        # No recorded term covers its date: say so rather than name an older presidency.
        "presidency_note": meeting.presidency_note(presidencies),
        # A planned activity links back to the agreements that proposed it.
        "proposed_by": list(
            meeting.proposed_by.visible_to(access)
            .select_related("meeting", "meeting__country")
            .order_by("meeting_id", "position")
        ),
        "tree": selectors.agreement_tree(agreements),
        "agreement_count": len(agreements),
        "instrument_events": list(
            InstrumentEvent.objects.filter(meeting=meeting)
            .filter(instrument__in=Instrument.objects.visible_to(access))
            .select_related("instrument", "agreement")
        ),
        "activities": list(
            Meeting.objects.visible_to(access)
            .filter(proposed_by__meeting=meeting)
            .distinct()
            .select_related("country")
        ),
        "supports": list(meeting.supports.select_related("country", "organisation")),
    }
    return context
