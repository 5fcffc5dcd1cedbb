"""The follow-up matrix: agreements addressed to several countries × the member countries.

Reads only (selectors); the page and its XLSX export share them, with the dashboard's filters.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from agreements.models import OPEN_STATUSES, Agreement, AgreementCountry, Status
from agreements.selectors import agreements_for_table
from rcm.models import Country

PAGE_SIZE = 50


def addressed_to_several(agreements):
    """The agreements that two or more countries are responsible for (no query yet)."""
    several = (
        AgreementCountry.objects.filter(responsible=True)
        .order_by()
        .values("agreement")
        .annotate(countries=Count("pk"))
        .filter(countries__gte=2)
        .values("agreement")
    )
    return agreements.filter(pk__in=several)


def matrix_agreements(agreements):
    """The matrix's rows in the dashboard's order, each with its countries' statuses (one query
    for any slice of it)."""
    return agreements_for_table(addressed_to_several(agreements)).order_by(
        "-meeting__starts_on", "meeting_id", "position"
    )


def member_countries(today: datetime.date) -> list[Country]:
    """The matrix's columns: the member countries on `today`, by name."""
    return list(
        Country.objects.members(today).order_by("name_en").only("code", "name_en", "name_es")
    )


def country_statuses(agreement: Agreement) -> dict[str, str]:
    """Each responsible country's status, by code (the agreement carries `api_countries`)."""
    return {c["code"]: c["status"] for c in agreement.api_countries if c["responsible"]}


def country_overdue(agreement: Agreement, status: str) -> bool:
    """Whether a country's part is overdue, as AgreementQuerySet.overdue_for_country decides:
    the agreement is overdue (with_states) and that country's part is still pending."""
    return status in OPEN_STATUSES and agreement.is_overdue


@dataclass(frozen=True)
class Cell:
    """Where one country's part of an agreement stands; empty when it is not addressed."""

    country: Country
    status: str
    label: str
    overdue: bool
    url: str

    @property
    def css(self) -> str:
        if not self.status:
            return "none"
        return "overdue" if self.overdue else self.status


@dataclass(frozen=True)
class Row:
    agreement: Agreement
    cells: list[Cell]


def matrix_rows(agreements, countries: list[Country]) -> list[Row]:
    """The rows of a page of the matrix: per agreement, a cell per country, linking to the
    agreement's page at that country's part."""
    labels = {value: str(label) for value, label in Status.choices}
    rows = []
    for agreement in agreements:
        statuses = country_statuses(agreement)
        url = agreement.get_absolute_url()
        cells = []
        for country in countries:
            status = statuses.get(country.code, "")
            cells.append(
                Cell(
                    country=country,
                    status=status,
                    label=labels.get(status, status),
                    overdue=country_overdue(agreement, status),
                    url=f"{url}#country-{country.code}",
                )
            )
        rows.append(Row(agreement=agreement, cells=cells))
    return rows


def status_text(status: str, overdue: bool, labels: dict[str, str]) -> str:
    """A country's status as an export's cell: its name, and "overdue" when it is."""
    if not status:
        return ""
    label = labels.get(status, status)
    return _("%(status)s, overdue") % {"status": label} if overdue else label
