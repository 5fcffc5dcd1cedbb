"""The calendar page and the iCalendar feeds that Outlook, Google Calendar and others subscribe to.

Calendar applications cannot sign in, so a feed also accepts `?token=<feed token>` and then shows
what the token's user may see; without one it shows what the requester may see (anonymous: the
public records only). Feed tokens open the feeds and nothing else: users create and revoke their
own on the feed tokens page, and an API key is no feed token (it would put a key that writes
through the API into calendar applications and access logs).
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from icalendar import Calendar, Event, vText

from agreements.models import FeedToken
from agreements.services import feed_token_authenticate, feed_token_create, feed_token_revoke
from pages.calendar import (
    CalendarEvent,
    calendar_events,
    calendar_years,
    passed_pending_deadlines,
)
from rcm import records_cache
from rcm.models import FIRST_YEAR, Country, access_for

# A feed is polled often by every subscriber: it carries the year behind and everything ahead,
# while the calendar page reaches any year of the archive.
FEED_DAYS_BEHIND = 366
FEED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
LAST_YEAR = 2100


def _absolute(request, path: str) -> str:
    """The address as the person reached the site (its host, scheme and port), not SITE_URL:
    the app answers under whatever name ALLOWED_HOSTS lets through."""
    return request.build_absolute_uri(path)


def _year(value: str | None) -> int | None:
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@require_safe
def calendar_page(request):
    """The calendar, kept until the records change (rcm.records_cache)."""
    return records_cache.kept_page(
        request,
        "pages/calendar.html",
        "pages/_calendar_content.html",
        lambda: calendar_context(request),
    )


def calendar_context(request) -> dict:
    """The last twelve months and what is coming, by month (or one year's with ?year=),
    optionally for one ?country=; every year with events is listed, the current and coming
    ones first and the earlier ones folded, so the whole archive stays a click away. Below the
    months, the deadlines that passed while their agreement is still pending, whatever their
    year."""
    access = access_for(request.user)
    today = timezone.localdate()
    countries = sorted(Country.objects.all(), key=lambda country: country.name)
    by_code = {country.code: country for country in countries}
    country = by_code.get(request.GET.get("country", "").strip().upper())
    code = country.code if country else None
    year = _year(request.GET.get("year"))
    if year is None:
        start, end = today - datetime.timedelta(days=FEED_DAYS_BEHIND), None
    else:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    events = calendar_events(user_or_access=access, country=code, start=start, end=end)
    months: list[dict] = []
    for event in events:
        month = event.start.replace(day=1)
        if not months or months[-1]["month"] != month:
            months.append({"month": month, "events": []})
        months[-1]["events"].append(event)
    # Past deadlines still pending, whatever their year (on the view of the last twelve months
    # and ahead; a year's view lists that year's deadlines with their statuses).
    passed_pending = (
        passed_pending_deadlines(user_or_access=access, country=code, today=today)
        if year is None
        else []
    )
    years = calendar_years(user_or_access=access, country=code)
    earlier_years = [entry for entry in years if entry.year < today.year]
    feed_path = reverse("country_calendar_ics", args=[code]) if country else reverse("calendar_ics")
    feed_url = _absolute(request, feed_path)
    if (translation.get_language() or "en") != settings.LANGUAGE_CODE:
        # A calendar application asks in no language: the address says the page's.
        feed_url += "?" + urlencode({"lang": translation.get_language()})
    return {
        "today": today,
        "year": year,
        "countries": countries,
        "country": country,
        "months": months,
        "event_count": len(events),
        "passed_pending": passed_pending,
        "coming_years": [entry for entry in reversed(years) if entry.year >= today.year],
        "earlier_years": earlier_years,
        "earlier_open": year is not None and year < today.year,
        "feed_path": feed_path,
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
    }


@require_safe
def calendar_ics(request):
    """The whole conference's calendar as an iCalendar feed."""
    user = _feed_user(request)
    with translation.override(_feed_language(request, user)):
        events = _feed_events(user)
        return _ics_response(
            request,
            events,
            name=_("RCM Records – Regional Conference on Migration"),
            filename="rcm-calendar.ics",
            private=access_for(user).user_id is not None,
        )


@require_safe
def country_calendar_ics(request, code: str):
    """One country's calendar: meetings it hosts or attends, deadlines it must meet."""
    country = get_object_or_404(Country, code=code.upper())
    user = _feed_user(request)
    with translation.override(_feed_language(request, user)):
        events = _feed_events(user, country=country.code)
        return _ics_response(
            request,
            events,
            name=_("RCM Records – %(country)s") % {"country": country.name},
            filename=f"rcm-calendar-{country.code}.ics",
            private=access_for(user).user_id is not None,
        )


def _feed_language(request, user) -> str:
    """The feed's language: `?lang=en|es` when given (the addresses the calendar page shows
    carry the page's); else a token's owner's saved language; else the request's. A calendar
    application sends no language of its own, so a Spanish reader's events would otherwise be
    English."""
    asked = request.GET.get("lang")
    if asked is not None:
        if asked not in FEED_LANGUAGES:
            raise BadRequest(f"lang is one of: {', '.join(sorted(FEED_LANGUAGES))}.")
        return asked
    if user.is_authenticated and "token" in request.GET:
        return user.language
    return translation.get_language() or settings.LANGUAGE_CODE


def _feed_user(request):
    """The feed token's user when the feed URL carries one, else whoever makes the request.

    A token that is wrong or revoked (or an API key) gets the same 404 as a missing page: the
    feed gives no hint that a token was expected or once worked.
    """
    key = request.GET.get("token")
    if key is None:
        return request.user
    token = feed_token_authenticate(key)
    if token is None:
        raise Http404
    return token.user


def _feed_events(user, *, country: str | None = None) -> list[CalendarEvent]:
    start = timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BEHIND)
    return calendar_events(
        user_or_access=user, country=country, start=start, every_pending_deadline=True
    )


PRODID = "-//RCM Records//Regional Conference on Migration//EN"
# Line breaks of every kind (CR, LF, CRLF, vertical tab, U+2028…) become one LF, which icalendar
# escapes as \\n; other control characters are not allowed in iCalendar text at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


def ical_text(value: str) -> vText:
    """A TEXT value for icalendar: every line break one LF, no control characters."""
    return vText(CONTROL_CHARACTERS.sub("", "\n".join(str(value).splitlines())))


def _ics_response(
    request, events: list[CalendarEvent], *, name: str, filename: str, private: bool
) -> HttpResponse:
    """The feed, written by the icalendar package (escaping and folding as RFC 5545 asks)."""
    now = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    kinds = {"meeting": _("Meeting"), "activity": _("Activity"), "deadline": _("Deadline")}
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", ical_text(name))
    feed.add("x-wr-timezone", ical_text(settings.TIME_ZONE))
    feed.add(
        "x-wr-caldesc", ical_text(_("Meetings, activities and deadlines of agreements of the RCM."))
    )
    # How often calendar applications should fetch the feed again (Outlook reads the X- one).
    feed.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", "PT12H")
    for event in events:
        url = _absolute(request, event.url)
        entry = Event()
        entry.add("uid", event.uid)
        entry.add("dtstamp", now)
        # All-day events: DTSTART and DTEND are dates; DTEND is the day after the last one.
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + datetime.timedelta(days=1))
        entry.add("summary", ical_text(event.title))
        entry.add("url", url)
        if event.location:
            entry.add("location", ical_text(event.location))
        entry.add("description", ical_text(event.description + "\n\n" + url))
        entry.add("status", event.ical_status)
        entry.add("categories", [kinds[event.kind]])
        # Subscribers stay free for other appointments: the feed informs, it books no time.
        entry.add("transp", "TRANSPARENT")
        feed.add_component(entry)
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        # What a signed-in user or a token sees must not be kept by shared caches.
        patch_cache_control(response, private=True)
    return response


# --- Feed tokens ---------------------------------------------------------------------------------


class FeedTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("Which calendar application will use it, e.g. “Outlook at work”."),
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feed_tokens(request):
    """The user's calendar feed tokens; a POST creates one and shows its key, once."""
    form = FeedTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = feed_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = FeedTokenForm()
    context = {
        "form": form,
        "tokens": FeedToken.objects.filter(user=request.user),
        "new_key": new_key,
        "feeds": _feed_addresses(request, new_key) if new_key else [],
    }
    return render(request, "pages/feed_tokens.html", context)


@login_required
@require_POST
def feed_token_revocation(request, pk: int):
    """Revoke one of the user's own feed tokens (anyone else's is a 404)."""
    token = get_object_or_404(FeedToken, pk=pk, user=request.user)
    feed_token_revoke(token=token)
    messages.success(
        request, _("The token “%(name)s” no longer opens the feeds.") % {"name": token.name}
    )
    return redirect("feed_tokens")


def _feed_addresses(request, key: str) -> list[dict]:
    """The addresses to paste into a calendar application: the conference's, and the user's
    country's when the user has one."""
    user = request.user
    query = "?" + urlencode({"token": key, "lang": translation.get_language() or "en"})
    feeds = [
        {"label": _("The whole conference"), "url": _absolute(request, reverse("calendar_ics"))}
    ]
    if user.country_id:
        feeds.append(
            {
                "label": user.country.name,
                "url": _absolute(request, reverse("country_calendar_ics", args=[user.country_id])),
            }
        )
    for feed in feeds:
        feed["url"] += query
    return feeds
