"""The agreements app's models, one module a topic; import them from here."""

from agreements.models.actors import AgreementCountry, AgreementOrganisation
from agreements.models.agreements import Agreement, follow_up_as_written
from agreements.models.choices import (
    CLOSED_STATUSES,
    NO_FOLLOW_UP_ACTIONS,
    OPEN_STATUSES,
    Action,
    DeadlinePrecision,
    FollowUpOverride,
    Section,
    Status,
    printed_label,
)
from agreements.models.feeds import FeedToken, FeedTokenQuerySet
from agreements.models.followups import (
    NOTE_MAX_LENGTH,
    UPDATE_STATUS_CHOICES,
    FollowUp,
    FollowUpQuerySet,
    Validation,
)
from agreements.models.instruments import (
    EventKind,
    Instrument,
    InstrumentEvent,
    InstrumentKind,
)
from agreements.models.links import AgreementLink, LinkKind
from agreements.models.querysets import AgreementQuerySet
from agreements.models.reminders import ReminderLog
from agreements.models.themes import AgreementTheme, Theme, plan_order

__all__ = [
    "follow_up_as_written",
    "printed_label",
    "plan_order",
    "UPDATE_STATUS_CHOICES",
    "CLOSED_STATUSES",
    "NO_FOLLOW_UP_ACTIONS",
    "NOTE_MAX_LENGTH",
    "OPEN_STATUSES",
    "Action",
    "Agreement",
    "AgreementCountry",
    "AgreementLink",
    "AgreementOrganisation",
    "AgreementQuerySet",
    "AgreementTheme",
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
