"""The conference's words for agreements: sections, actions, statuses, deadlines, and how
visibilities compare."""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.models import MeetingKind
from rcm.models import Visibility


class Section(models.TextChoices):
    CONCLUSION = "conclusion", _("Conclusion")
    RECOMMENDATION = "recommendation", _("Recommendation")
    DECISION = "decision", _("Decision")
    DECLARATION = "declaration", _("Declaration")
    WORKING_GROUP = "working_group", _("Agreement of a working group")
    CONSULTATION = "consultation", _("Agreed by consultation")

    @classmethod
    def heading(cls, value: str) -> str:
        """What a meeting's page calls the part of its document that holds the items of a
        section: "Conclusions", "Recommendations"."""
        return str(SECTION_HEADINGS.get(value, cls(value).label))


SECTION_HEADINGS = {
    Section.CONCLUSION: _("Conclusions"),
    Section.RECOMMENDATION: _("Recommendations"),
    Section.DECISION: _("Decisions"),
    Section.DECLARATION: _("Declarations"),
    Section.WORKING_GROUP: _("Agreements of working groups"),
    Section.CONSULTATION: _("Agreed by consultation"),
}


class Action(models.TextChoices):
    """What the agreement does, as its opening verb says."""

    THANK = "thank", _("Thank")
    NOTE = "note", _("Take note")
    ACCEPT = "accept", _("Accept")
    APPROVE = "approve", _("Approve")
    RECOMMEND = "recommend", _("Recommend")
    URGE = "urge", _("Urge")
    REQUEST = "request", _("Request")
    SUBMIT = "submit", _("Submit")
    HOLD = "hold", _("Hold (an activity)")
    CONSIDER = "consider", _("Consider")
    OTHER = "other", _("Other")


# From the most public to the most restricted: an agreement is never more public than its meeting.
VISIBILITY_ORDER = (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.RESTRICTED)


def more_public(visibility: str, than: str) -> bool:
    """Whether a visibility reaches more people than another (public > members > restricted)."""
    return VISIBILITY_ORDER.index(visibility) < VISIBILITY_ORDER.index(than)


def stricter_visibility(one: str, other: str) -> str:
    """The more restrictive of two visibilities."""
    return other if more_public(one, other) else one


# Thanks and notes record what happened; nobody has anything left to do unless a clause gives a
# task (`follow_up_as_written`, which also leaves out decisions taken at the meeting itself).
NO_FOLLOW_UP_ACTIONS = {Action.THANK, Action.NOTE}


class FollowUpOverride(models.TextChoices):
    """Whether an item is followed up: as its text says, or as TS staff decided (with a reason)."""

    DERIVED = "", _("As its text says")
    FOLLOW_UP = "follow_up", _("Followed up")
    NO_FOLLOW_UP = "no_follow_up", _("Not followed up")


# "Addressed to" as TS staff may set it: a body's meetings (MeetingKind), or none at all.
ADDRESSED_TO_NO_BODY = "none"
ADDRESSED_TO_CHOICES = [
    ("", _("As its section and text say")),
    (ADDRESSED_TO_NO_BODY, _("No body")),
    *MeetingKind.choices,
]
# Where a body's recommendations go: the RCGM recommends to the vice-ministers; the networks and
# working groups report and recommend to the RCGM.
RECOMMENDS_TO = {
    MeetingKind.RCGM: MeetingKind.VICE_MINISTERIAL,
    MeetingKind.LIAISON_NETWORK: MeetingKind.RCGM,
    MeetingKind.JOINT_NETWORKS: MeetingKind.RCGM,
    MeetingKind.WORKING_GROUP: MeetingKind.RCGM,
    MeetingKind.AD_HOC_GROUP: MeetingKind.RCGM,
}
# A text that names the body it goes to: "to submit to the Vice-Ministers", "al GRCM".
NAMES_BODY = {
    MeetingKind.VICE_MINISTERIAL: r"vice[- ]?minist",
    MeetingKind.RCGM: r"\m(rcgm|grcm)\M|consultation group",
}


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    SUPERSEDED = "superseded", _("Superseded")
    DROPPED = "dropped", _("Dropped")
    NO_FOLLOW_UP = "no_follow_up", _("No follow-up")


OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.DONE, Status.SUPERSEDED, Status.DROPPED, Status.NO_FOLLOW_UP)


# The importer tells apart an item whose label repeats under the same parent (a document that
# starts a second "a., b., c." list under item 1) by a suffix: "1.b-3" is the third "1.b".
# The suffix is the records' key, never printed: the pages show "1.b (occurrence 3)". It counts
# the label's uses, not the lists (the 2013 working group's third list holds 1.b-3 and 1.c-2).
REPEAT_SUFFIX = re.compile(r"-(\d+)(?=\.|$)")


def section_ref(ref: str) -> str:
    """A reference as its section of the document prints it, and which use of its label this
    item is when the label repeats: "1.b (occurrence 3)"."""
    repeats = REPEAT_SUFFIX.findall(ref)
    if not repeats:
        return ref
    return gettext("%(ref)s (occurrence %(number)s)") % {
        "ref": REPEAT_SUFFIX.sub("", ref),
        "number": repeats[-1],
    }


def printed_label(*, section: str, ref: str) -> str:
    """The one label pages and exports print for an item of a meeting's document.

    A document may number its conclusions and its recommendations each from 1 (San José 2013:
    conclusion 1 and recommendation 1), so a conclusion or a recommendation is named with its
    section as the documents' readers do: "Conclusion 1", "Recommendation 1" ("Conclusión 1",
    "Recomendación 1"). Other items keep their bare reference, the only numbering of their
    document. The stored `ref` (the API's) is unchanged.
    """
    printed = section_ref(ref)
    if section == Section.CONCLUSION:
        return gettext("Conclusion %(ref)s") % {"ref": printed}
    if section == Section.RECOMMENDATION:
        return gettext("Recommendation %(ref)s") % {"ref": printed}
    return printed


class DeadlinePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    SEMESTER = "semester", _("Semester")
    YEAR = "year", _("Year")
    MEETING = "meeting", _("At a body's next meeting")
    RELATIVE = "relative", _("Counted from the meeting")
    NONE = "none", _("No date (e.g. as soon as possible)")
