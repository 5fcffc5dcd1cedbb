"""A focal point's workspace: where their country's own part of each agreement stands.

The country's part, not the agreement's: an agreement addressed to several countries is listed
while this country's own status is still open, whatever the others did.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from agreements.models import Agreement, AgreementCountry, FollowUp, Status, Validation
from finance.selectors import country_finance_summary
from rcm.models import Access, Country

# "Due soon": what a focal point should be working on now.
DUE_SOON_DAYS = 60
# The workspace lists every open item of the country; the bound keeps a page readable.
WORKSPACE_LIMIT = 500


@dataclass
class Workspace:
    country: Country
    today: datetime.date
    overdue: list[Agreement]
    due_soon: list[Agreement]
    due_later: list[Agreement]
    no_date: list[Agreement]
    awaiting: list[FollowUp]
    returned: list[FollowUp]
    finance: dict | None

    @property
    def due_soon_until(self) -> datetime.date:
        return self.today + datetime.timedelta(days=DUE_SOON_DAYS)

    @property
    def agreements(self) -> list[Agreement]:
        return [*self.overdue, *self.due_soon, *self.due_later, *self.no_date]

    @property
    def not_reported_count(self) -> int:
        """Of the agreements listed, those nobody has reported on since adoption (with_states)."""
        return sum(agreement.is_not_reported for agreement in self.agreements)

    @property
    def stale_count(self) -> int:
        return sum(agreement.is_stale for agreement in self.agreements)


def _country_updates(code: str):
    """The updates that speak for the country's part of an agreement (or for the whole of it)."""
    return FollowUp.objects.filter(agreement=OuterRef("pk")).filter(
        Q(country_id=code) | Q(country__isnull=True)
    )


def country_part(access: Access, code: str, today: datetime.date):
    """The agreements the country must still act on, with its own status (`country_status`) and
    the day of the last update on its part that was accepted or awaits the TS
    (`last_update_at`, None when nobody has reported since adoption), and whether an update
    awaits the TS (`awaiting_validation`: "not reported" would then contradict the row)."""
    own_status = AgreementCountry.objects.filter(
        agreement=OuterRef("pk"), country_id=code, responsible=True
    ).values("status")[:1]
    last_update = (
        _country_updates(code)
        .filter(validation__in=[Validation.ACCEPTED, Validation.PROPOSED])
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return (
        Agreement.objects.visible_to(access)
        .pending_for_country(code)
        .with_states(today)
        .annotate(
            country_status=Coalesce(NullIf(Subquery(own_status), Value("")), F("status")),
            last_update_at=Subquery(last_update),
            awaiting_validation=Exists(
                _country_updates(code).filter(validation=Validation.PROPOSED)
            ),
        )
        .select_related("meeting", "meeting__country")
        .order_by(F("due_on").asc(nulls_last=True), "meeting__year", "meeting_id", "position")
    )


def _updates(access: Access, code: str, validation: str):
    return (
        FollowUp.objects.visible_to(access)
        .filter(country_id=code, validation=validation)
        .select_related("agreement__meeting", "author", "reviewed_by")
        .order_by("-created_at", "-pk")
    )


def country_workspace(access: Access, today: datetime.date | None = None) -> Workspace | None:
    """The workspace of the reader's member country; None for a reader who speaks for none."""
    if access.member_country is None:
        return None
    today = today or timezone.localdate()
    code = access.member_country
    country = Country.objects.get(pk=code)
    overdue, due_soon, due_later, no_date = [], [], [], []
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    for agreement in country_part(access, code, today)[:WORKSPACE_LIMIT]:
        agreement.country_status_label = Status(agreement.country_status).label
        if agreement.overdue:
            overdue.append(agreement)
        elif agreement.due_on is None:
            no_date.append(agreement)
        elif agreement.due_on <= soon:
            due_soon.append(agreement)
        else:
            due_later.append(agreement)
    # A sent-back update stays listed until the country posts another on the same agreement.
    answered = FollowUp.objects.filter(
        agreement=OuterRef("agreement_id"),
        country_id=code,
        created_at__gt=OuterRef("created_at"),
        validation__in=[Validation.PROPOSED, Validation.ACCEPTED],
    )
    return Workspace(
        country=country,
        today=today,
        overdue=overdue,
        due_soon=due_soon,
        due_later=due_later,
        no_date=no_date,
        awaiting=list(_updates(access, code, Validation.PROPOSED)[:WORKSPACE_LIMIT]),
        returned=list(
            _updates(access, code, Validation.RETURNED).exclude(Exists(answered))[:WORKSPACE_LIMIT]
        ),
        finance=country_finance_summary(country=country, access=access),
    )
