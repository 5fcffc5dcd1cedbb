"""What the demo records look like: meetings, agreement trees, deadlines, follow-up times."""

from __future__ import annotations

import datetime
import functools
import random

from django.utils import timezone

from agreements.demo.bulk import _bulk
from agreements.demo.sizes import KIND_WEIGHTS, MEETINGS_PER_SCALE, weighted
from agreements.models import DeadlinePrecision, Status, follow_up_as_written
from meetings.models import Meeting, MeetingKind, MeetingStatus
from rcm.models import Country, Visibility


def _meetings(
    scale: float, rng: random.Random, countries: list[Country], progress
) -> list[Meeting]:
    today = timezone.localdate()
    meetings = []
    total = max(1, round(MEETINGS_PER_SCALE * scale))
    for index in range(total):
        year = 1996 + index * (today.year - 1996) // total
        starts_on = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        kind = weighted(rng, KIND_WEIGHTS)
        host = rng.choice(countries)
        planned = starts_on > today
        meetings.append(
            Meeting(
                kind=kind,
                ordinal=None,
                name_en=f"Demo {MeetingKind(kind).label} {index + 1}",
                year=year,
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=rng.randint(0, 2)),
                city=f"Demo city {host.code}",
                country=host,
                status=MeetingStatus.PLANNED if planned else MeetingStatus.HELD,
                visibility=rng.choices(
                    [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.RESTRICTED], [85, 12, 3]
                )[0],
                demo=True,
                source="demo data",
            )
        )
    return _bulk(Meeting, meetings, progress)


def _tree_shape(rng: random.Random, size: int) -> list[tuple[str, int | None]]:
    """(ref, index of parent) for one meeting's list: 1., a., i. as the documents nest them."""
    shape: list[tuple[str, int | None]] = []
    number = 0
    while len(shape) < size:
        number += 1
        parent = len(shape)
        shape.append((str(number), None))
        for letter in "abcdef"[: rng.choice([0, 0, 1, 2, 3, 4])]:
            if len(shape) >= size:
                break
            child = len(shape)
            shape.append((f"{number}.{letter}", parent))
            for numeral in ["i", "ii", "iii"][: rng.choice([0, 0, 0, 1, 2, 3])]:
                if len(shape) >= size:
                    break
                shape.append((f"{number}.{letter}.{numeral}", child))
    return shape


def _deadline(rng: random.Random, meeting: Meeting) -> tuple[datetime.date | None, str, str]:
    roll = rng.random()
    if roll < 0.45:
        return None, "", ""
    if roll < 0.55:
        return None, "as soon as possible", DeadlinePrecision.NONE
    base = meeting.ends_on or meeting.starts_on
    months = rng.choice([2, 3, 6, 12])
    deadline = base + datetime.timedelta(days=30 * months)
    return deadline, f"within a {months}-month period", DeadlinePrecision.RELATIVE


class _DemoAgreement:
    """What the generator needs to remember of an agreement while it writes the others."""

    __slots__ = ("pk", "meeting", "action", "needs_follow_up", "status", "updates")

    def __init__(self, pk: int, meeting: Meeting, action: str, text_en: str, text_es: str = ""):
        self.pk = pk
        self.meeting = meeting
        self.action = action
        # The one rule of the real records: approving a work plan or accepting a proposal at
        # the meeting gives no one a task, as a thank or a note does not.
        self.needs_follow_up = _follows_up(action, text_en, text_es)
        self.status = Status.OPEN if self.needs_follow_up else Status.NO_FOLLOW_UP
        self.updates: list[str] = []


# The demo's texts repeat (a phrase per action, a few topics and countries): read each once.
_follows_up = functools.lru_cache(maxsize=None)(follow_up_as_written)


def _update_times(
    agreement: _DemoAgreement, count: int, now: datetime.datetime
) -> list[datetime.datetime]:
    """When each of an agreement's updates was posted: spread from its meeting to now."""
    meeting_day = agreement.meeting.ends_on or agreement.meeting.starts_on
    start = datetime.datetime.combine(meeting_day, datetime.time(12), tzinfo=datetime.UTC)
    start = min(start, now - datetime.timedelta(days=1))
    span = now - start
    return [start + span * (step + 1) / (count + 1) for step in range(count)]
