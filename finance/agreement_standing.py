"""Reads that put an agreement urging payments beside the countries' standing, and the finance
pages beside the agreements that urge them (FinanceAgreement links the two)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from agreements.models import Agreement
from finance.models import (
    MONEY,
    Assessment,
    FinanceAgreement,
    FinanceTopic,
    MovementKind,
    PaymentStatus,
    ReserveFundMovement,
    may_see_finance,
)
from rcm.models import Access, Country


@dataclass
class Standing:
    """A country's standing on what an agreement urges. None is a figure not recorded (no
    assessment or no contribution on record), which is never shown as 0."""

    country: Country
    assessed: Decimal | None = None
    paid: Decimal | None = None
    status: str | None = None
    unpaid_at_meeting: Decimal | None = None
    unpaid_today: Decimal | None = None
    fund_in_year: Decimal | None = None
    fund_since_meeting: Decimal | None = None

    @property
    def status_label(self) -> str | None:
        return PaymentStatus(self.status).label if self.status else None


def _status(assessed: Decimal | None, paid: Decimal | None) -> str | None:
    if assessed is None:
        return None
    if paid is not None and paid >= assessed:
        return PaymentStatus.PAID
    if paid:
        return PaymentStatus.PARTIAL
    return PaymentStatus.OUTSTANDING


def _unpaid_by_country(countries, year: int, as_of: datetime.date | None) -> dict:
    """Each country's unpaid contributions for the years up to `year` (payments received by
    `as_of`), and that year's assessment and payments; countries with no assessment are absent."""
    rows = (
        Assessment.objects.filter(country__in=countries, year__lte=year)
        .with_payments(as_of)
        .order_by()
        .values("country_id")
        .annotate(
            assessed=Sum("amount_usd", filter=Q(year=year), output_field=MONEY),
            paid=Sum("paid_usd", filter=Q(year=year), output_field=MONEY),
            unpaid=Sum("balance_usd", output_field=MONEY),
        )
    )
    return {row["country_id"]: row for row in rows}


def agreement_standing(*, agreement, access: Access) -> dict | None:
    """What an agreement that urges payments is about: the member countries' contributions and
    arrears (and Reserve Fund contributions) for the year of its meeting, at the meeting and
    today. None for those who may not see finance records, and for agreements on no payments.

    Queries: the agreement's topics; the members; per topic one or two (contributions: the
    books at the meeting and today; the Reserve Fund: its contributions).
    """
    if not may_see_finance(access):
        return None
    topics = list(
        FinanceAgreement.objects.filter(agreement=agreement).values_list("topic", flat=True)
    )
    if not topics:
        return None
    meeting = agreement.meeting
    year = meeting.year
    result = {"topics": topics, "year": year, "rows": []}
    if year is None:  # a meeting whose year is not stated: no year's books to show
        return result
    meeting_day = meeting.last_day or datetime.date(year, 12, 31)
    countries = list(Country.objects.members(meeting_day).order_by("name_en"))
    rows = [Standing(country=country) for country in countries]
    if FinanceTopic.CONTRIBUTIONS in topics:
        then = _unpaid_by_country(countries, year, meeting_day)
        today = _unpaid_by_country(countries, year, None)
        for row in rows:
            code = row.country.code
            if code in today:
                row.assessed = today[code]["assessed"]
                row.paid = today[code]["paid"] if row.assessed is not None else None
                row.status = _status(row.assessed, row.paid)
                row.unpaid_today = today[code]["unpaid"]
                row.unpaid_at_meeting = then[code]["unpaid"]
    if FinanceTopic.RESERVE_FUND in topics:
        fund = {
            item["country_id"]: item
            for item in ReserveFundMovement.objects.filter(
                kind=MovementKind.CONTRIBUTION, country__in=countries
            )
            .order_by()
            .values("country_id")
            .annotate(
                in_year=Sum("amount_usd", filter=Q(date__year=year)),
                since_meeting=Sum("amount_usd", filter=Q(date__gt=meeting_day)),
            )
        }
        for row in rows:
            if row.country.code in fund:
                row.fund_in_year = fund[row.country.code]["in_year"]
                row.fund_since_meeting = fund[row.country.code]["since_meeting"]
    result["rows"] = rows
    return result


def agreements_urging(*, topics: list[str], access: Access) -> list[FinanceAgreement]:
    """The agreements on these payment topics that the user may see, newest meeting first."""
    if not may_see_finance(access):
        return []
    visible = Agreement.objects.visible_to(access)
    return list(
        FinanceAgreement.objects.filter(topic__in=topics, agreement__in=visible).for_listing()
    )


def urging_refs(*, topic: str, access: Access) -> list[dict]:
    """The agreements on a payment topic that the reader may see, as the API names them: none
    for those who may not see finance records (so nothing tells them such links exist)."""
    return [
        {
            "id": link.agreement_id,
            "ref": link.agreement.ref,
            "meeting": link.agreement.meeting_id,
            "meeting_name": link.agreement.meeting.short_name,
        }
        for link in agreements_urging(topics=[topic], access=access)
    ]
