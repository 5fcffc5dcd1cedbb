"""Demo books for trying the pages: payments, budgets with expenditures, Reserve Fund movements.

Nothing here is a record of the conference: every payment, budget, expenditure, movement (and any
meeting made up to approve a demo budget) is marked `demo=True`. Assessments are not invented:
they come from the real scale, through the same service as always. A `seed_demo` command calls
`create_demo_finance`; it needs the real fixtures (the scale) to be loaded first.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from finance import services
from finance.models import (
    ZERO,
    Assessment,
    Budget,
    BudgetCategory,
    BudgetStatus,
    Category,
    MovementKind,
    ReserveFundMovement,
)
from meetings.models import DatePrecision, Meeting, MeetingKind, MeetingStatus
from rcm.models import Country, Visibility

CENT = Decimal("0.01")
DEMO_SOURCE = "demo data (finance/demo.py): not a record of the conference"


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_DOWN)


def _day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _approval_meeting(year: int) -> Meeting:
    """The Vice-Ministerial meeting before the budget's year, or a demo one standing in for it."""
    meeting = (
        Meeting.objects.filter(kind=MeetingKind.VICE_MINISTERIAL, year__in=[year - 1, year])
        .order_by("year", "pk")
        .first()
    )
    if meeting is not None:
        return meeting
    meeting = Meeting(
        kind=MeetingKind.VICE_MINISTERIAL,
        name_en=f"Vice-Ministerial Meeting {year - 1} (demo)",
        year=year - 1,
        date_precision=DatePrecision.YEAR,
        status=MeetingStatus.HELD,
        visibility=Visibility.MEMBERS,
        demo=True,
        source=DEMO_SOURCE,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


def _pay(year: int, last_day: datetime.date, rng: random.Random, counts: Counter) -> None:
    """Most countries pay in full, some in part, a few not at all."""
    for assessment in Assessment.objects.filter(year=year).open().select_related("country"):
        draw = rng.random()
        if draw < 0.6:
            amount = assessment.balance_usd
        elif draw < 0.8:
            amount = _cents(assessment.balance_usd * Decimal(rng.randint(20, 80)) / 100)
        else:
            continue
        if amount <= 0:
            continue
        services.payment_apply(
            country=assessment.country,
            received_on=_day(rng, min(datetime.date(year, 2, 1), last_day), last_day),
            amount_usd=amount,
            reference=f"DEMO-{year}-{assessment.country_id}",
            note="Demo payment.",
            assessment=assessment,
            source=DEMO_SOURCE,
            demo=True,
        )
        counts["payments"] += 1


def _budget(year: int, rng: random.Random, counts: Counter) -> Budget | None:
    """The year's approved budget: a real one if recorded, else a demo one worth the year's
    assessments, split over the six lines."""
    budget = Budget.objects.filter(year=year).first()
    if budget is not None:
        return budget if budget.status == BudgetStatus.APPROVED else None
    total = Assessment.objects.filter(year=year).aggregate(total=Sum("amount_usd"))["total"]
    if not total or BudgetCategory.objects.count() != len(Category.values):
        return None  # the six lines come with the real records (fixtures/finance.json)
    weights = [Decimal(rng.randint(5, 40)) for _category in Category.values]
    lines, given = [], ZERO
    for index, code in enumerate(Category.values):
        if index == len(weights) - 1:
            amount = total - given
        else:
            amount = _cents(total * weights[index] / sum(weights))
            given += amount
        lines.append(services.LineInput(code, amount, "Demo line.", DEMO_SOURCE))
    budget = Budget(
        year=year,
        status=BudgetStatus.APPROVED,
        approval_meeting=_approval_meeting(year),
        note="Demo budget.",
        demo=True,
        source=DEMO_SOURCE,
    )
    services.budget_save(budget=budget, lines=lines)
    counts["budgets"] += 1
    return budget


def _spend(budget: Budget, last_day: datetime.date, rng: random.Random, counts: Counter) -> None:
    start = datetime.date(budget.year, 1, 1)
    for line in budget.lines.select_related("category"):
        cap = line.amount_usd * Decimal(rng.randint(40, 95)) / 100
        spent = ZERO
        for number in range(rng.randint(1, 4)):
            amount = _cents(line.amount_usd * Decimal(rng.randint(5, 30)) / 100)
            if amount <= 0 or spent + amount > cap:
                break
            services.expenditure_record(
                line=line,
                spent_on=_day(rng, start, last_day),
                amount_usd=amount,
                description=f"Demo expenditure {number + 1}: {line.category.name}",
                source=DEMO_SOURCE,
                demo=True,
            )
            spent += amount
            counts["expenditures"] += 1


def _fund(year: int, last_day: datetime.date, rng: random.Random, counts: Counter) -> None:
    """Contributions early in the year, then disbursements that never exceed what the fund holds."""
    members = list(Country.objects.members(datetime.date(year, 1, 1)).order_by("code"))
    if not members:
        return
    first_quarter_end = min(datetime.date(year, 3, 31), last_day)
    for country in rng.sample(members, k=min(len(members), rng.randint(2, 4))):
        services.reserve_fund_record(
            movement=ReserveFundMovement(
                kind=MovementKind.CONTRIBUTION,
                date=_day(rng, datetime.date(year, 1, 1), first_quarter_end),
                amount_usd=Decimal(rng.randint(2, 20) * 500),
                country=country,
                description="Demo contribution.",
                demo=True,
                source=DEMO_SOURCE,
            )
        )
        counts["fund_movements"] += 1
    if last_day <= first_quarter_end:
        return
    for _number in range(rng.randint(2, 6)):
        on = _day(rng, first_quarter_end + datetime.timedelta(days=1), last_day)
        available = ReserveFundMovement.objects.balance(on)
        amount = _cents(available * Decimal(rng.randint(5, 30)) / 100)
        if amount <= 0:
            continue
        movement = ReserveFundMovement(
            kind=MovementKind.DISBURSEMENT,
            date=on,
            amount_usd=amount,
            migrants_assisted=rng.randint(1, 25),
            nationality=rng.choice(members),
            destination=rng.choice(members),
            description="Demo assisted return.",
            demo=True,
            source=DEMO_SOURCE,
        )
        try:
            services.reserve_fund_record(movement=movement)
        except ValidationError:
            continue  # a later disbursement already counts on this money
        counts["fund_movements"] += 1


@transaction.atomic
def create_demo_finance(*, years: Iterable[int], rng: random.Random) -> dict[str, int]:
    """Generate demo books for the given years (no later than this one); return what was made."""
    today = timezone.localdate()
    counts: Counter = Counter()
    for year in sorted(set(years)):
        if year > today.year:
            continue
        try:
            generated = services.assessments_generate(year=year)
        except ValidationError:
            continue  # no scale in force that year
        counts["assessments"] += len(generated.created)
        last_day = min(datetime.date(year, 12, 31), today)
        _pay(year, last_day, rng, counts)
        budget = _budget(year, rng, counts)
        if budget is not None:
            _spend(budget, last_day, rng, counts)
        _fund(year, last_day, rng, counts)
    return dict(counts)


def _ensure_scale() -> None:
    """A demo database has no real meetings; it still needs Table I to assess contributions.

    The scale is a real record, not synthetic: its amounts are loaded from the fixture as they are,
    only without the link to the approving meeting (which a demo database does not hold).
    """
    import json

    from finance.models import ContributionScale, ScaleRow
    from rcm.management.commands.load_records import FIXTURES_DIR

    if ContributionScale.objects.exists():
        return
    records = json.loads((FIXTURES_DIR / "finance.json").read_text(encoding="utf-8"))
    scales = {}
    for record in records:
        fields = record["fields"]
        if record["model"] == "finance.contributionscale":
            scales[record["pk"]] = ContributionScale.objects.create(
                name=fields["name"],
                effective_from=fields["effective_from"],
                note=fields["note"],
                source=fields["source"],
            )
    for record in records:
        fields = record["fields"]
        if record["model"] == "finance.scalerow":
            ScaleRow.objects.create(
                scale=scales[fields["scale"]],
                country_id=fields["country"],
                amount_usd=Decimal(fields["amount_usd"]),
                source=fields["source"],
            )


def create_demo(*, scale: float, rng: random.Random, progress=None) -> dict[str, int]:
    """The seed_demo plugin: books for every year the demo meetings span (from the scale's 2005)."""
    _ensure_scale()
    if progress:
        progress("finance: assessments, payments, budgets and the Reserve Fund")
    years = Meeting.objects.filter(demo=True).values_list("year", flat=True).distinct()
    return create_demo_finance(years=years, rng=rng)
