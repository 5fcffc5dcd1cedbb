"""The calendar of a consultation's rounds: five working days over the PPT country's public
holidays, ending at the end of the deadline day in its time zone."""

from __future__ import annotations

import datetime
import functools
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings

WORKING_DAYS = 5


# A round closes at the end of its deadline day in the PPT's country, in its capital's time
# zone (Canada and the United States span several; their capitals' are used). A country not
# listed here falls back to the Secretariat's time zone (settings.TIME_ZONE).
PPT_TIME_ZONES = {
    "BZ": "America/Belize",
    "CA": "America/Toronto",
    "CR": "America/Costa_Rica",
    "DO": "America/Santo_Domingo",
    "GT": "America/Guatemala",
    "HN": "America/Tegucigalpa",
    "MX": "America/Mexico_City",
    "NI": "America/Managua",
    "PA": "America/Panama",
    "SV": "America/El_Salvador",
    "US": "America/New_York",
}


def ppt_time_zone(country_code: str) -> ZoneInfo:
    return ZoneInfo(PPT_TIME_ZONES.get(country_code.upper(), settings.TIME_ZONE))


@functools.cache
def public_holidays(country_code: str) -> holidays.HolidayBase:
    """The country's national public holidays, as the `holidays` package defines them.

    Holidays of the country as a whole (no state or province), category "public", including the
    days on which a holiday that falls on a weekend is observed. The years fill in as they are
    asked about. A country the package does not know has no holidays: only weekends count.
    """
    try:
        return holidays.country_holidays(country_code.upper())
    except NotImplementedError:
        return holidays.HolidayBase()


def is_working_day(day: datetime.date, country_code: str) -> bool:
    return day.weekday() < 5 and day not in public_holidays(country_code)


def working_day_deadline(
    opened_on: datetime.date, country_code: str, days: int = WORKING_DAYS
) -> datetime.date:
    """The last of `days` working days counted from the day after `opened_on`.

    Working days run Monday to Friday and skip the public holidays of the country (ISO alpha-2
    code): a round opened on Thursday 17 December 2026 by Mexico counts the 18th, 21st, 22nd,
    23rd and 24th, and its deadline is 24 December (the 25th is a holiday anyway).
    """
    if days < 1:
        raise ValueError("A period has at least one working day.")
    day, counted = opened_on, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, country_code):
            counted += 1
    return day


def end_of_day(day: datetime.date, zone: ZoneInfo) -> datetime.datetime:
    """The end of a day in a time zone: the first instant of the next day there."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, zone)
