"""Where agreements stand: the one place for the rules of overdue, not reported and stale."""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone

from agreements.models.choices import (
    NAMES_BODY,
    OPEN_STATUSES,
    RECOMMENDS_TO,
    Action,
    Section,
    Status,
)
from meetings.models import VisibilityQuerySet
from rcm.search import search_query


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=models.BooleanField()
    )


class AgreementQuerySet(VisibilityQuerySet):
    """Where agreements stand. The rules of overdue, not reported and stale live here, once:
    pages, counts, charts, the matrix, exports and the API all read them from these methods."""

    meeting_field = "meeting"

    # The models of who an agreement names are defined after the agreement (they point at it):
    # reached through its relations rather than imported.
    @property
    def _country_links(self):
        return self.model.country_links.rel.related_model

    @property
    def _organisation_links(self):
        return self.model.organisation_links.rel.related_model

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """Deadline passed while the agreement is still open or in progress."""
        return self.filter(self.overdue_q(today))

    @staticmethod
    def overdue_q(today: datetime.date | None = None) -> Q:
        """Open or in progress, and the day it falls due has passed: its deadline, or the first
        day of the meeting it is due at (`due_on`, which the database moves with that meeting)."""
        today = today or timezone.localdate()
        return Q(status__in=OPEN_STATUSES, due_on__lt=today)

    @staticmethod
    def not_reported_q() -> Q:
        """Open or in progress and nobody has reported on it since it was adopted (no accepted
        update: `reported_at`, which the database keeps, is empty)."""
        return Q(status__in=OPEN_STATUSES, reported_at__isnull=True)

    @staticmethod
    def stale_q(today: datetime.date | None = None) -> Q:
        """Open or in progress, adopted more than FOLLOW_UP_STALE_MONTHS ago, and no accepted
        update within that time."""
        cutoff = months_before(today or timezone.localdate(), settings.FOLLOW_UP_STALE_MONTHS)
        adopted_before = Q(meeting__starts_on__lt=cutoff) | Q(
            meeting__starts_on__isnull=True, meeting__year__lt=cutoff.year
        )
        return (
            Q(status__in=OPEN_STATUSES)
            & adopted_before
            & (Q(reported_at__isnull=True) | Q(reported_at__date__lt=cutoff))
        )

    @staticmethod
    def states_of(agreement, today: datetime.date | None = None) -> dict[str, bool]:
        """overdue_q, not_reported_q and stale_q decided for one agreement already read with its
        meeting: the detail's states without compiling the three rules into its query
        (tests/agreements/test_states_of_one_agreement.py holds the two forms to the same
        answers)."""
        if agreement.status not in OPEN_STATUSES:
            return {"overdue": False, "not_reported": False, "stale": False}
        today = today or timezone.localdate()
        cutoff = months_before(today, settings.FOLLOW_UP_STALE_MONTHS)
        meeting = agreement.meeting
        if meeting.starts_on is not None:
            adopted_before = meeting.starts_on < cutoff
        else:
            adopted_before = meeting.year is not None and meeting.year < cutoff.year
        reported_at = agreement.reported_at
        # reported_at__date: the day in the current time zone, as the database converts it.
        reported_before = reported_at is None or timezone.localtime(reported_at).date() < cutoff
        return {
            "overdue": agreement.due_on is not None and agreement.due_on < today,
            "not_reported": reported_at is None,
            "stale": adopted_before and reported_before,
        }

    def not_reported(self):
        return self.filter(self.not_reported_q())

    def stale(self, today: datetime.date | None = None):
        return self.filter(self.stale_q(today))

    def with_states(self, today: datetime.date | None = None):
        """Annotate each agreement with where it stands beside its status: `overdue`,
        `not_reported` and `stale`."""
        today = today or timezone.localdate()
        return self.annotate(
            overdue=_flag(self.overdue_q(today)),
            not_reported=_flag(self.not_reported_q()),
            stale=_flag(self.stale_q(today)),
        )

    @staticmethod
    def addressed_to_q(body: str) -> Q:
        """Recommendations addressed to a body's meetings (MeetingKind): as TS staff set it, else
        as derived: a recommendation (by its section or its verb) goes where its meeting's body
        recommends (the RCGM to the vice-ministers), and one that submits or recommends to a body
        its text names goes to that body."""
        # "To submit" goes to a body only when the text names it: "The TS will submit quarterly
        # reports" is the TS's task, not a recommendation to the vice-ministers.
        recommends = Q(section=Section.RECOMMENDATION) | Q(action=Action.RECOMMEND)
        from_kinds = [kind for kind, to in RECOMMENDS_TO.items() if to == body]
        derived = recommends & Q(meeting__kind__in=from_kinds)
        if body in NAMES_BODY:
            pattern = NAMES_BODY[body]
            derived |= (
                Q(action__in=[Action.RECOMMEND, Action.SUBMIT])
                & (Q(text_en__iregex=pattern) | Q(text_es__iregex=pattern))
                & ~Q(meeting__kind=body)
            )
        return Q(addressed_to_body=body) | (Q(addressed_to_body="") & derived)

    def addressed_to(self, body: str):
        return self.filter(self.addressed_to_q(body))

    def concerning_country(self, code: str):
        """Agreements that make the country responsible or mention it."""
        return self.filter(
            Exists(self._country_links.objects.filter(agreement=OuterRef("pk"), country_id=code))
        )

    def responsible_country(self, code: str):
        return self.filter(
            Exists(
                self._country_links.objects.filter(
                    agreement=OuterRef("pk"), country_id=code, responsible=True
                )
            )
        )

    def pending_for_country(self, code: str):
        """Open agreements the country must still act on: its own status is not closed."""
        country_open = self._country_links.objects.filter(
            agreement=OuterRef("pk"), country_id=code, responsible=True
        ).filter(Q(status="") | Q(status__in=OPEN_STATUSES))
        return self.open().filter(Exists(country_open))

    def overdue_for_country(self, code: str, today: datetime.date | None = None):
        return self.pending_for_country(code).filter(self.overdue_q(today))

    def concerning_organisation(self, acronym: str):
        return self.filter(
            Exists(
                self._organisation_links.objects.filter(
                    agreement=OuterRef("pk"), organisation__acronym__iexact=acronym
                )
            )
        )

    def responsible_actor(self, code: str):
        """Agreements a country (alpha-2) or an organisation (acronym) must act on."""
        country = self._country_links.objects.filter(
            agreement=OuterRef("pk"), country_id=code.upper(), responsible=True
        )
        organisation = self._organisation_links.objects.filter(
            agreement=OuterRef("pk"), organisation__acronym__iexact=code, responsible=True
        )
        return self.filter(Exists(country) | Exists(organisation))

    def in_theme(self, code: str):
        """Agreements on a theme of the Plan of Action or any of its subtopics."""
        tagged = self.model.themes.through.objects.filter(agreement_id=OuterRef("pk")).filter(
            Q(theme__code=code) | Q(theme__code__startswith=f"{code}.")
        )
        return self.filter(Exists(tagged))

    def search(self, text: str):
        """Full-text search in English and Spanish, best matches first."""
        query = search_query(text)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "pk")
        )

    def in_document_order(self):
        return self.order_by("meeting_id", "position")

    def for_listing(self):
        return self.select_related("meeting", "meeting__country", "parent")

    def with_progress(self):
        """Annotate the share of children done, for the items that have children."""
        return self.annotate(
            children_count=Count("children", distinct=True),
            children_done=Count("children", filter=Q(children__status=Status.DONE), distinct=True),
        )
