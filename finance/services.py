"""Workflows on the books: the scale, assessments, payments and credit, budgets, the Reserve Fund.

Each runs in one transaction: it saves everything or, refused with a message that names the
problem, nothing.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from finance.models import (
    ZERO,
    Assessment,
    Budget,
    BudgetCategory,
    BudgetLine,
    Category,
    ContributionScale,
    Expenditure,
    Payment,
    PaymentAllocation,
    ReserveFundMovement,
    ScaleRow,
)
from rcm.models import Country


def _lock(name: str) -> None:
    """Serialise one kind of write across the app servers until the transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"finance.{name}"])


def _country(value: Country | str) -> Country | None:
    if isinstance(value, Country):
        return value
    return Country.objects.filter(code=str(value).upper()).first()


# --- The scale -----------------------------------------------------------------------------------


def scale_coverage_problems(*, effective_from: int, country_codes: Iterable[str]) -> list[str]:
    """What keeps a set of rows from being a whole scale: every member country has exactly one
    row, and only member countries have one (members on 1 January of the first year)."""
    codes = list(country_codes)
    members = set(
        Country.objects.members(datetime.date(effective_from, 1, 1)).values_list("code", flat=True)
    )
    problems = []
    duplicated = sorted({code for code in codes if codes.count(code) > 1})
    if duplicated:
        problems.append(
            _("These countries have more than one row: %(codes)s.")
            % {"codes": ", ".join(duplicated)}
        )
    missing = sorted(members - set(codes))
    if missing:
        problems.append(
            _("The scale must cover every member country; it has no row for %(codes)s.")
            % {"codes": ", ".join(missing)}
        )
    not_members = sorted(set(codes) - members)
    if not_members:
        problems.append(
            _("Only member countries contribute; %(codes)s were not members in %(year)s.")
            % {"codes": ", ".join(not_members), "year": effective_from}
        )
    return problems


def scale_rows_problems(
    *, scale: ContributionScale, rows: Iterable[tuple[Country, Decimal]]
) -> list[str]:
    """Why a version of the scale cannot have these rows, in words (none when it can)."""
    rows = list(rows)
    problems = scale_coverage_problems(
        effective_from=scale.effective_from, country_codes=[country.code for country, _a in rows]
    )
    if scale.pk and scale.assessments.exists():
        existing = dict(scale.rows.values_list("country_id", "amount_usd"))
        if existing != {country.code: Decimal(amount) for country, amount in rows}:
            problems.append(
                _(
                    "Assessments were generated from this version of the scale, so its amounts "
                    "cannot change: record a new version in force from a later year."
                )
            )
    return problems


@transaction.atomic
def scale_save(
    *, scale: ContributionScale, rows: Iterable[tuple[Country | str, Decimal]]
) -> ContributionScale:
    """Save a version of the scale with its rows, which must cover every member country."""
    resolved: list[tuple[Country, Decimal]] = []
    unknown = []
    for country, amount in rows:
        found = _country(country)
        if found is None:
            unknown.append(str(country))
        else:
            resolved.append((found, Decimal(amount)))
    if unknown:
        raise ValidationError(
            {"rows": _("Unknown countries: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    scale.full_clean()
    problems = scale_rows_problems(scale=scale, rows=resolved)
    if problems:
        raise ValidationError({"rows": problems})
    existing = {row.country_id: row for row in scale.rows.all()} if scale.pk else {}
    wanted = {country.code for country, _amount in resolved}
    scale.save()
    for code, row in existing.items():
        if code not in wanted:
            row.delete()
    for country, amount in resolved:
        row = existing.get(country.code) or ScaleRow(scale=scale, country=country)
        if row.pk and row.amount_usd == amount:
            continue
        row.amount_usd = amount
        row.full_clean()
        row.save()
    return scale


# --- Assessments, payments and credit -------------------------------------------------------------


@dataclass
class Generated:
    """What generating a year's assessments did."""

    year: int
    scale: ContributionScale
    created: list[Assessment] = field(default_factory=list)
    existing: int = 0
    credit_applied: Decimal = ZERO


@transaction.atomic
def assessments_generate(*, year: int) -> Generated:
    """Assess every member country for a year from the scale in force. Safe to run again: a
    country already assessed for the year is left as it is. Credit a country holds from earlier
    overpayments is then applied to its new assessment."""
    _lock("assessments")
    scale = ContributionScale.objects.in_force(year)
    if scale is None:
        raise ValidationError(
            _("No contribution scale is in force in %(year)s: record the scale first.")
            % {"year": year}
        )
    members = set(Country.objects.members(datetime.date(year, 1, 1)).values_list("code", flat=True))
    rows = {row.country_id: row for row in scale.rows.select_related("country")}
    uncovered = sorted(members - set(rows))
    if uncovered:
        raise ValidationError(
            _(
                "The scale in force in %(year)s (%(scale)s) has no row for %(codes)s: record a "
                "new version of the scale that covers every member country."
            )
            % {"year": year, "scale": scale, "codes": ", ".join(uncovered)}
        )
    assessed = set(Assessment.objects.filter(year=year).values_list("country_id", flat=True))
    result = Generated(year=year, scale=scale, existing=len(assessed & members))
    for code in sorted(members - assessed):
        row = rows[code]
        assessment = Assessment(
            country=row.country,
            year=year,
            amount_usd=row.amount_usd,
            scale=scale,
            source=_("Generated from the scale “%(scale)s”.") % {"scale": scale},
        )
        assessment.full_clean()
        assessment.save()
        result.created.append(assessment)
    with_credit = (
        Payment.objects.filter(country_id__in=[a.country_id for a in result.created])
        .with_allocation()
        .filter(credit_usd__gt=0)
        .values_list("country_id", flat=True)
        .distinct()
    )
    for code in sorted(set(with_credit)):
        result.credit_applied += credit_apply(country=Country.objects.get(pk=code))
    return result


def _allocate(payment: Payment, amount: Decimal, assessments: list[Assessment]) -> Decimal:
    """Apply up to `amount` of a payment to the assessments in the order given; return the rest.

    Each assessment carries its open balance (`balance_usd`), kept current as parts go to it.
    """
    for assessment in assessments:
        if amount <= 0:
            break
        part = min(amount, assessment.balance_usd)
        if part <= 0:
            continue
        allocation = PaymentAllocation.objects.filter(
            payment=payment, assessment=assessment
        ).first() or PaymentAllocation(payment=payment, assessment=assessment, amount_usd=ZERO)
        allocation.amount_usd += part
        allocation.full_clean()
        allocation.save()
        assessment.balance_usd -= part
        amount -= part
    return amount


@transaction.atomic
def payment_apply(
    *,
    country: Country,
    received_on: datetime.date,
    amount_usd: Decimal,
    reference: str = "",
    note: str = "",
    assessment: Assessment | None = None,
    source: str = "",
    demo: bool = False,
) -> Payment:
    """Record a payment and apply it: to the assessment it is assigned to first, if any, then to
    the oldest open assessments; what remains is kept as the country's credit."""
    Country.objects.select_for_update().filter(pk=country.pk).first()  # one payer at a time
    payment = Payment(
        country=country,
        received_on=received_on,
        amount_usd=amount_usd,
        reference=reference,
        note=note,
        assessment=assessment,
        source=source,
        demo=demo,
    )
    payment.full_clean()
    payment.save()
    open_assessments = list(Assessment.objects.filter(country=country).open())
    if assessment is not None:
        assigned = [a for a in open_assessments if a.pk == assessment.pk]
        others = [a for a in open_assessments if a.pk != assessment.pk]
        open_assessments = assigned + others
    _allocate(payment, payment.amount_usd, open_assessments)
    return payment


@transaction.atomic
def credit_apply(*, country: Country) -> Decimal:
    """Apply what a country has paid beyond its assessments (its credit) to its open assessments,
    oldest payments and oldest assessments first; return how much was applied."""
    Country.objects.select_for_update().filter(pk=country.pk).first()
    open_assessments = list(Assessment.objects.filter(country=country).open())
    if not open_assessments:
        return ZERO
    applied = ZERO
    payments = (
        Payment.objects.filter(country=country)
        .with_allocation()
        .filter(credit_usd__gt=0)
        .order_by("received_on", "pk")
    )
    for payment in payments:
        rest = _allocate(payment, payment.credit_usd, open_assessments)
        applied += payment.credit_usd - rest
    return applied


@transaction.atomic
def payment_update(*, payment: Payment, reference: str, note: str, source: str) -> Payment:
    """Correct what a payment says about itself; its amount, date and country stay as applied."""
    payment.reference = reference
    payment.note = note
    payment.source = source
    payment.full_clean()
    payment.save()
    return payment


@transaction.atomic
def payment_delete(*, payment: Payment) -> None:
    """Remove a payment recorded by mistake; the country's other credit then fills the gap."""
    country = payment.country
    Country.objects.select_for_update().filter(pk=country.pk).first()
    payment.delete()
    credit_apply(country=country)


# --- The budget ----------------------------------------------------------------------------------


def budget_category(value: BudgetCategory | str) -> BudgetCategory:
    """One of the six lines, by its code; an unknown code is refused with the six named."""
    if isinstance(value, BudgetCategory):
        return value
    category = BudgetCategory.objects.filter(pk=value).first()
    if category is None:
        raise ValidationError(
            {
                "lines": _(
                    "Unknown budget category “%(code)s”: the budget has six lines, %(codes)s."
                )
                % {"code": value, "codes": ", ".join(Category.values)}
            }
        )
    return category


@dataclass(frozen=True)
class LineInput:
    """A line of a budget as given: its category (or code), amount, note and source."""

    category: BudgetCategory | str
    amount_usd: Decimal
    note: str = ""
    source: str = ""


@transaction.atomic
def budget_save(*, budget: Budget, lines: Iterable[LineInput] | None = None) -> Budget:
    """Save a year's budget and, when given, its lines (a line left out is removed)."""
    budget.full_clean()
    budget.save()
    if lines is None:
        return budget
    wanted: dict[str, LineInput] = {}
    for line in lines:
        category = budget_category(line.category)
        if category.pk in wanted:
            raise ValidationError(
                {"lines": _("The line “%(line)s” is given twice.") % {"line": category}}
            )
        wanted[category.pk] = LineInput(category, Decimal(line.amount_usd), line.note, line.source)
    existing = {line.category_id: line for line in budget.lines.all()}
    for code, line in existing.items():
        if code not in wanted:
            if line.expenditures.exists():
                raise ValidationError(
                    {
                        "lines": _("The line “%(line)s” has expenditures; it cannot be removed.")
                        % {"line": line.category}
                    }
                )
            line.delete()
    for code, given in wanted.items():
        line = existing.get(code) or BudgetLine(budget=budget, category=given.category)
        if line.pk and (line.amount_usd, line.note, line.source) == (
            given.amount_usd,
            given.note,
            given.source,
        ):
            continue
        line.amount_usd = given.amount_usd
        line.note = given.note
        line.source = given.source
        line.full_clean()
        line.save()
    return budget


@transaction.atomic
def expenditure_record(
    *,
    line: BudgetLine,
    spent_on: datetime.date,
    amount_usd: Decimal,
    description: str,
    source: str = "",
    demo: bool = False,
) -> Expenditure:
    """Record money spent on a line of an approved budget."""
    Budget.objects.select_for_update().filter(pk=line.budget_id).first()
    expenditure = Expenditure(
        line=line,
        spent_on=spent_on,
        amount_usd=amount_usd,
        description=description,
        source=source,
        demo=demo,
    )
    expenditure.full_clean()
    expenditure.save()
    return expenditure


# --- The Reserve Fund -----------------------------------------------------------------------------


@transaction.atomic
def reserve_fund_record(*, movement: ReserveFundMovement) -> ReserveFundMovement:
    """Record money into or out of the Reserve Fund (or correct a movement); the fund never
    pays out more than it holds on any day."""
    _lock("reserve_fund")
    movement.full_clean()
    movement.save()
    return movement


def reserve_fund_delete_problem(*, movement: ReserveFundMovement) -> str | None:
    """Why a movement cannot be removed (the fund would have paid out more than it held)."""
    without = copy.copy(movement)
    without.amount_usd = ZERO
    lowest = without.lowest_balance_with_this()
    if lowest is not None and lowest[1] < 0:
        return _(
            "Without this movement the fund would have paid out more than it held: its "
            "balance would be US$%(balance)s on %(date)s."
        ) % {"balance": lowest[1], "date": lowest[0].isoformat()}
    return None


@transaction.atomic
def reserve_fund_delete(*, movement: ReserveFundMovement) -> None:
    """Remove a movement recorded by mistake, unless the fund would then have paid out more than
    it held."""
    _lock("reserve_fund")
    problem = reserve_fund_delete_problem(movement=movement)
    if problem:
        raise ValidationError(problem)
    movement.delete()
