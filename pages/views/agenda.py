"""A meeting's agenda: the page, and the Word annex the TS circulates."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from pages.agenda import agenda_meeting, meeting_agenda
from pages.agenda_docx import DOCX_CONTENT_TYPE, agenda_document
from rcm import records_cache
from rcm.models import access_for

LANGUAGES = {code for code, _name in settings.LANGUAGES}


@require_safe
def agenda_page(request, pk: int):
    """What the meeting must decide, each item linked to its page; 404 for a meeting the reader
    may not see. Kept until the records change (rcm.records_cache)."""

    def context_of() -> dict:
        access = access_for(request.user)
        meeting = agenda_meeting(access, pk)
        if meeting is None:
            raise Http404
        today = timezone.localdate()
        return {
            "agenda": meeting_agenda(access, meeting, today),
            "meeting": meeting,
            "today": today,
        }

    return records_cache.kept_titled_page(
        request,
        "pages/agenda.html",
        "pages/_agenda_content.html",
        context_of,
        lambda context: context["meeting"].short_name,
    )


@require_safe
def agenda_docx(request, pk: int):
    """The agenda as a Word annex, in `?lang=en|es` or the interface's language."""
    access = access_for(request.user)
    meeting = agenda_meeting(access, pk)
    if meeting is None:
        raise Http404
    language = request.GET.get("lang") or translation.get_language() or settings.LANGUAGE_CODE
    if language not in LANGUAGES:
        raise BadRequest(f"lang is one of: {', '.join(sorted(LANGUAGES))}.")
    with translation.override(language):
        content = agenda_document(meeting_agenda(access, meeting))
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    name = f"agenda-meeting-{meeting.pk}-{language[:2]}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Language"] = language[:2]
    return response
