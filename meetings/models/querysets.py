"""Who may see a meeting's records, and where meetings stand: one rule for every reader."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone

from meetings.models.choices import AWAITED_STATUSES, DatePrecision, MeetingState, MeetingStatus
from rcm.models import (
    Access,
    Visibility,
    access_for,
)

__all__ = [
    "MeetingQuerySet",
    "VisibilityQuerySet",
]


class VisibilityQuerySet(models.QuerySet):
    """Who may see a record: one rule for the API, the pages, the exports and the feeds.

    Subclasses say where the record keeps its visibility and how to reach its meeting, whose
    participants and named people widen who may see it.
    """

    visibility_field = "visibility"
    meeting_field = ""  # "" for Meeting itself, "meeting" for a record that belongs to one

    def _meeting_ref(self) -> OuterRef:
        return OuterRef(f"{self.meeting_field}__pk" if self.meeting_field else "pk")

    def visibility_q(self, access: Access) -> Q:
        # Meeting and Participation are defined after this queryset (they use it): looked up
        # from the app registry when a query is built.
        field = self.visibility_field
        visible = Q(**{field: Visibility.PUBLIC})
        if access.may_see_members_records():
            visible |= Q(**{field: Visibility.MEMBERS})
        elif access.is_observer:
            # Members' records are opened to an observer for the meetings it took part in.
            attended = apps.get_model("meetings", "Participation").objects.filter(
                meeting=self._meeting_ref()
            )
            if access.observer_country:
                attended = attended.filter(country_id=access.observer_country)
            else:
                attended = attended.filter(organisation_id=access.observer_organisation)
            visible |= Q(**{field: Visibility.MEMBERS}) & Q(Exists(attended))
        if access.user_id is not None:
            named = apps.get_model("meetings", "Meeting").named_users.through.objects.filter(
                meeting=self._meeting_ref(), user_id=access.user_id
            )
            visible |= Q(**{field: Visibility.RESTRICTED}) & Q(Exists(named))
        return visible

    def visible_to(self, user_or_access):
        access = (
            user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
        )
        if access.is_ts_staff:
            return self
        return self.filter(self.visibility_q(access))


class MeetingQuerySet(VisibilityQuerySet):
    def held(self):
        return self.filter(status=MeetingStatus.HELD)

    @staticmethod
    def date_passed_q(today: datetime.date) -> Q:
        """Its last possible day is before today: the last day when the days are known, the
        month's end, or the year's end; a meeting whose year is not stated never passes."""
        return (
            (
                Q(date_precision=DatePrecision.DAY, starts_on__isnull=False)
                & (Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today))
            )
            | Q(
                date_precision=DatePrecision.MONTH,
                starts_on__isnull=False,
                starts_on__lt=today.replace(day=1),
            )
            | Q(starts_on__isnull=True, year__lt=today.year)
        )

    @staticmethod
    def overtaken_q() -> Q:
        """A later meeting of its numbered series is recorded as held: the XXVIII RCM was held,
        so the XXVII, whose date nobody recorded, is no longer ahead."""
        Meeting = apps.get_model("meetings", "Meeting")
        later_held = Meeting.objects.filter(
            kind=OuterRef("kind"), ordinal__gt=OuterRef("ordinal"), status=MeetingStatus.HELD
        )
        return Q(Exists(later_held), ordinal__isnull=False)

    @staticmethod
    def not_confirmed_q(today: datetime.date | None = None) -> Q:
        """Planned (or postponed), and its date passed or a later meeting of its series was
        held, without its being recorded as held."""
        today = today or timezone.localdate()
        return Q(status__in=AWAITED_STATUSES) & (
            MeetingQuerySet.date_passed_q(today) | MeetingQuerySet.overtaken_q()
        )

    def not_confirmed(self, today: datetime.date | None = None):
        return self.filter(self.not_confirmed_q(today))

    def with_state(self, today: datetime.date | None = None):
        """Annotate `state`: the status, or *not confirmed* for a planned meeting whose date
        passed (the lists, the API and the pages read it instead of the bare status)."""
        return self.annotate(
            state=Case(
                When(self.not_confirmed_q(today), then=Value(MeetingState.NOT_CONFIRMED)),
                default=F("status"),
                output_field=models.CharField(),
            )
        )

    def upcoming(self, today: datetime.date):
        return self.filter(
            Q(starts_on__gte=today) | Q(starts_on__isnull=True, year__gte=today.year),
            status__in=[MeetingStatus.PLANNED, MeetingStatus.POSTPONED],
        )

    def recent(self, today: datetime.date):
        return self.filter(starts_on__lt=today, status=MeetingStatus.HELD).order_by("-starts_on")

    def for_listing(self):
        return self.select_related("country", "parent").order_by("-year", "-starts_on", "pk")
