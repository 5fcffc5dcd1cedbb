from agreements.models.agreements import (
    CLOSED_STATUSES,
    NO_FOLLOW_UP_ACTIONS,
    OPEN_STATUSES,
    Action,
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    AgreementQuerySet,
    DeadlinePrecision,
    FollowUpOverride,
    LinkKind,
    Section,
    Status,
    Theme,
)
from agreements.models.feeds import FeedToken, FeedTokenQuerySet
from agreements.models.followups import FollowUp, FollowUpQuerySet, Validation
from agreements.models.instruments import (
    EventKind,
    Instrument,
    InstrumentEvent,
    InstrumentKind,
)
from agreements.models.reminders import ReminderLog

__all__ = [
    "CLOSED_STATUSES",
    "NO_FOLLOW_UP_ACTIONS",
    "OPEN_STATUSES",
    "Action",
    "Agreement",
    "AgreementCountry",
    "AgreementLink",
    "AgreementOrganisation",
    "AgreementQuerySet",
    "DeadlinePrecision",
    "EventKind",
    "FeedToken",
    "FeedTokenQuerySet",
    "FollowUp",
    "FollowUpOverride",
    "FollowUpQuerySet",
    "Instrument",
    "InstrumentEvent",
    "InstrumentKind",
    "LinkKind",
    "ReminderLog",
    "Section",
    "Status",
    "Theme",
    "Validation",
]
