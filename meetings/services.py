"""Workflows on meetings."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import AWAITED_STATUSES, Meeting, MeetingStatus, Participation
from meetings.rules import may_confirm_held
from rcm.models import access_for


@transaction.atomic
def meeting_set_participants(*, meeting: Meeting, participants: list[dict]) -> list[Participation]:
    """Replace who took part in a meeting; every participation is held to the conference's rules.

    Each entry names a `country` or an `organisation` and a `role`. All or nothing: one
    participant that breaks a rule leaves the meeting's participants as they were.
    """
    meeting.participations.all().delete()
    created = []
    errors = []
    for index, entry in enumerate(participants):
        participation = Participation(
            meeting=meeting,
            country=entry.get("country"),
            organisation=entry.get("organisation"),
            role=entry.get("role", ""),
            note=entry.get("note", ""),
        )
        try:
            participation.full_clean(exclude=["meeting"])
            participation.validate_constraints()
        except ValidationError as error:
            errors.append(f"participants[{index}]: {' '.join(error.messages)}")
            continue
        participation.save()
        created.append(participation)
    if errors:
        raise ValidationError({"participants": errors})
    return created


CONFIRMED_OUTCOMES = (MeetingStatus.HELD, MeetingStatus.CANCELLED)


@transaction.atomic
def meeting_confirm_outcome(
    *, meeting: Meeting, outcome: str, by, today: datetime.date | None = None
) -> Meeting:
    """TS staff record that a planned (or postponed) meeting was held or cancelled.

    Held only once its date has come and with at least its year; anyone but TS staff is refused.
    Nothing changes when the confirmation is refused.
    """
    if not may_confirm_held(access_for(by)):
        raise PermissionDenied(_("Only TS staff confirm whether a meeting was held."))
    if outcome not in CONFIRMED_OUTCOMES:
        raise ValidationError(_("Confirm a meeting as held or cancelled."))
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in AWAITED_STATUSES:
        raise ValidationError(
            _("%(meeting)s is already recorded as %(status)s.")
            % {"meeting": meeting.short_name, "status": meeting.get_status_display().lower()}
        )
    if outcome == MeetingStatus.HELD:
        today = today or timezone.localdate()
        if meeting.year is None:
            raise ValidationError(
                _("%(meeting)s has no year: record when it was held first.")
                % {"meeting": meeting.short_name}
            )
        if (meeting.starts_on or datetime.date(meeting.year, 1, 1)) > today:
            raise ValidationError(
                _("%(meeting)s has not begun yet: it cannot be recorded as held.")
                % {"meeting": meeting.short_name}
            )
    meeting.status = outcome
    meeting.full_clean()
    meeting._change_reason = f"Confirmed as {outcome} by {by.get_username()}"[:100]
    meeting.save()
    return meeting
