"""The conference's words for meetings: kinds, statuses, parts, how precise a date is."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ACTIVITY_KINDS",
    "AWAITED_STATUSES",
    "NAME_MAX_LENGTH",
    "NETWORK_KINDS",
    "ROMAN",
    "DatePrecision",
    "MeetingKind",
    "MeetingPart",
    "MeetingState",
    "MeetingStatus",
    "date_passed",
    "roman",
]


ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def roman(number: int) -> str:
    """26 → "XXVI": the conference numbers its Vice-Ministerial meetings in Roman numerals."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class MeetingKind(models.TextChoices):
    VICE_MINISTERIAL = "vice_ministerial", _("Vice-Ministerial Meeting")
    RCGM = "rcgm", _("Regional Consultation Group on Migration (RCGM)")
    LIAISON_NETWORK = "liaison_network", _("Liaison officer network meeting")
    JOINT_NETWORKS = "joint_networks", _("Joint meeting of the liaison networks")
    WORKING_GROUP = "working_group", _("Working group meeting")
    AD_HOC_GROUP = "ad_hoc_group", _("Ad-hoc group meeting")
    RCM_SACM = "rcm_sacm", _("RCM–SACM plenary meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    CONSULTATION = "consultation", _("Written consultation between meetings")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    COURSE = "course", _("Course")
    OTHER = "other", _("Other meeting")


# Meetings of the networks and working groups: observers attend only when invited.
NETWORK_KINDS = {MeetingKind.LIAISON_NETWORK, MeetingKind.JOINT_NETWORKS, MeetingKind.WORKING_GROUP}
# Activities that agreements propose and countries host or sponsor.
ACTIVITY_KINDS = {MeetingKind.SEMINAR, MeetingKind.WORKSHOP, MeetingKind.COURSE}


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingPart(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    CLOSED_DOOR = "closed_door", _("Closed-door")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact dates")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year only")
    NONE = "none", _("Year not stated")


class MeetingState(models.TextChoices):
    """Where a meeting stands as a reader should see it: its status, except that a planned
    meeting whose date has passed without being recorded as held is *not confirmed*."""

    PLANNED = "planned", _("Planned")
    NOT_CONFIRMED = "not_confirmed", _("Not confirmed")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# A meeting's name says what it is; the sentence that proposed it stays on the agreement.
NAME_MAX_LENGTH = 120
# Still expected to happen: once their date passes without a record, they are not confirmed.
AWAITED_STATUSES = ("planned", "postponed")


def date_passed(
    *,
    year: int | None,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    date_precision: str,
    today: datetime.date,
) -> bool:
    """Whether a meeting's last possible day is before today (never, when no year is stated).
    The same rule as MeetingQuerySet.date_passed_q, for one row in memory."""
    if starts_on is not None and date_precision == DatePrecision.DAY:
        return (ends_on or starts_on) < today
    if starts_on is not None and date_precision == DatePrecision.MONTH:
        return starts_on.replace(day=1) < today.replace(day=1)
    return year is not None and year < today.year
