"""The calendar page and the iCalendar feeds that Outlook, Google Calendar and others subscribe to.

Calendar applications cannot sign in, so a feed also accepts `?token=<API key>` and then shows
what the token's user may see; without one it shows what the requester may see (anonymous: the
public records only).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements.calendar import CalendarEvent, calendar_events
from rcm.models import FIRST_YEAR, Country, access_for
from rcm.services import api_token_authenticate

# A feed is polled often by every subscriber: it carries the year behind and everything ahead,
# while the calendar page reaches any year of the archive.
FEED_DAYS_BEHIND = 366
LAST_YEAR = 2100


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _year(value: str | None) -> int | None:
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@require_safe
def calendar_page(request):
    """Upcoming events by month (or one year's with ?year=), optionally for one ?country=."""
    access = access_for(request.user)
    today = timezone.localdate()
    countries = sorted(Country.objects.all(), key=lambda country: country.name)
    by_code = {country.code: country for country in countries}
    country = by_code.get(request.GET.get("country", "").strip().upper())
    year = _year(request.GET.get("year"))
    if year is None:
        start, end = today, None
    else:
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    events = calendar_events(
        user_or_access=access, country=country.code if country else None, start=start, end=end
    )
    months: list[dict] = []
    for event in events:
        month = event.start.replace(day=1)
        if not months or months[-1]["month"] != month:
            months.append({"month": month, "events": []})
        months[-1]["events"].append(event)
    feed_path = (
        reverse("country_calendar_ics", args=[country.code]) if country else reverse("calendar_ics")
    )
    feed_url = _absolute(feed_path)
    context = {
        "today": today,
        "year": year,
        "previous_year": (year or today.year) - 1,
        "next_year": (year or today.year) + 1,
        "countries": countries,
        "country": country,
        "months": months,
        "event_count": len(events),
        "feed_path": feed_path,
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
    }
    return render(request, "agreements/calendar.html", context)


@require_safe
def calendar_ics(request):
    """The whole conference's calendar as an iCalendar feed."""
    user = _feed_user(request)
    events = _feed_events(user)
    return _ics_response(
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
    events = _feed_events(user, country=country.code)
    return _ics_response(
        events,
        name=_("RCM Records – %(country)s") % {"country": country.name},
        filename=f"rcm-calendar-{country.code}.ics",
        private=access_for(user).user_id is not None,
    )


def _feed_user(request):
    """The token's user when the feed URL carries one, else whoever makes the request.

    A token that is wrong, revoked or expired gets the same 404 as a missing page: the feed
    gives no hint that a token was expected or once worked.
    """
    key = request.GET.get("token")
    if key is None:
        return request.user
    token = api_token_authenticate(key)
    if token is None or not token.user.is_active:
        raise Http404
    return token.user


def _feed_events(user, *, country: str | None = None) -> list[CalendarEvent]:
    start = timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BEHIND)
    return calendar_events(user_or_access=user, country=country, start=start)


PRODID = "-//RCM Records//Regional Conference on Migration//EN"
# RFC 5545 TEXT values escape these; a line break becomes the two characters \n.
TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
MAX_OCTETS = 75


def ical_text(value: str) -> str:
    return value.replace("\r\n", "\n").translate(TEXT_ESCAPES)


def fold(line: str) -> str:
    """A content line folded as RFC 5545 asks: at most 75 octets a line, continued with a space.

    Most lines are short and pass as they are; a long one is cut between characters, never
    inside a UTF-8 sequence nor right after the backslash of an escape.
    """
    if len(line) * 4 <= MAX_OCTETS or len(line.encode()) <= MAX_OCTETS:
        return line
    parts, current, size = [], [], 0
    for char in line:
        octets = len(char.encode())
        if current and size + octets > MAX_OCTETS - (1 if parts else 0):
            carry = current.pop() if len(current) > 1 and current[-1] == "\\" else None
            parts.append("".join(current))
            current, size = ([carry], 1) if carry else ([], 0)
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _ics_response(
    events: list[CalendarEvent], *, name: str, filename: str, private: bool
) -> HttpResponse:
    """The feed, written line by line.

    The icalendar package builds an object per property and folds every line character by
    character; a feed of the whole conference has a thousand events, so it is written here
    directly, in the same format (tests/agreements/test_feeds.py reads it back with icalendar).
    """
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    site = settings.SITE_URL.rstrip("/")
    kinds = {
        "meeting": ical_text(_("Meeting")),
        "activity": ical_text(_("Activity")),
        "deadline": ical_text(_("Deadline")),
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_text(str(name))}",
        f"X-WR-TIMEZONE:{ical_text(settings.TIME_ZONE)}",
        "X-WR-CALDESC:"
        + ical_text(_("Meetings, activities and deadlines of agreements of the RCM.")),
        # How often calendar applications should fetch the feed again (Outlook reads the X- one).
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ]
    for event in events:
        url = site + event.url
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ical_text(event.uid)}",
            f"DTSTAMP:{stamp}",
            # All-day events: DTSTART and DTEND are dates; DTEND is the day after the last one.
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.end + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{ical_text(event.title)}",
            f"URL:{url}",
        ]
        if event.location:
            lines.append(f"LOCATION:{ical_text(event.location)}")
        lines += [
            "DESCRIPTION:" + ical_text(event.description + "\n\n" + url),
            f"STATUS:{event.ical_status}",
            f"CATEGORIES:{kinds[event.kind]}",
            # Subscribers stay free for other appointments: the feed informs, it books no time.
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "".join(fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        # What a signed-in user or a token sees must not be kept by shared caches.
        patch_cache_control(response, private=True)
    return response
