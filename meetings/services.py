"""Workflows on meetings."""

from django.core.exceptions import ValidationError
from django.db import transaction

from meetings.models import Meeting, Participation


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
