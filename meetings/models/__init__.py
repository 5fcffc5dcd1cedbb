"""The meetings app's models, one module a topic; import them from here."""

from meetings.models.choices import (
    ACTIVITY_KINDS,
    AWAITED_STATUSES,
    NAME_MAX_LENGTH,
    NETWORK_KINDS,
    ROMAN,
    DatePrecision,
    MeetingKind,
    MeetingPart,
    MeetingState,
    MeetingStatus,
    date_passed,
    roman,
)
from meetings.models.meetings import Meeting
from meetings.models.participation import (
    MeetingSupport,
    Participation,
    ParticipationRole,
    SupportRole,
    participation_problem,
)
from meetings.models.querysets import MeetingQuerySet, VisibilityQuerySet

__all__ = [
    "ROMAN",
    "roman",
    "MeetingKind",
    "NETWORK_KINDS",
    "ACTIVITY_KINDS",
    "MeetingStatus",
    "MeetingPart",
    "DatePrecision",
    "MeetingState",
    "NAME_MAX_LENGTH",
    "AWAITED_STATUSES",
    "date_passed",
    "VisibilityQuerySet",
    "MeetingQuerySet",
    "Meeting",
    "ParticipationRole",
    "Participation",
    "participation_problem",
    "SupportRole",
    "MeetingSupport",
]
