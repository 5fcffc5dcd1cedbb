"""Factories of the finance records; tests build exactly the rows they need."""

import datetime
from decimal import Decimal

import factory

from finance import services
from finance.models import (
    Assessment,
    Budget,
    BudgetCategory,
    BudgetLine,
    BudgetStatus,
    Category,
    ContributionScale,
    FinancialReport,
    MovementKind,
    ReserveFundMovement,
)
from meetings.models import MeetingKind
from rcm.models import Country
from tests.factories import MeetingFactory, member_country

# The eleven member countries with the amounts of Table I, for tests that need a whole scale.
# (Tests build their own scale: they never depend on the real fixtures.)
MEMBERS = {
    "BZ": ("Belize", "Belice", "5000.00"),
    "CA": ("Canada", "Canadá", "68000.00"),
    "CR": ("Costa Rica", "Costa Rica", "5000.00"),
    "SV": ("El Salvador", "El Salvador", "5000.00"),
    "US": ("United States", "Estados Unidos", "141360.00"),
    "GT": ("Guatemala", "Guatemala", "5000.00"),
    "HN": ("Honduras", "Honduras", "5000.00"),
    "MX": ("Mexico", "México", "33364.00"),
    "NI": ("Nicaragua", "Nicaragua", "5000.00"),
    "PA": ("Panama", "Panamá", "5000.00"),
    "DO": ("Dominican Republic", "República Dominicana", "5000.00"),
}


def members(codes=None) -> dict[str, Country]:
    """The member countries (all eleven by default), created once."""
    return {
        code: member_country(code, name_en=MEMBERS[code][0], name_es=MEMBERS[code][1])
        for code in (codes or MEMBERS)
    }


def scale(
    *,
    amounts: dict[str, str] | None = None,
    effective_from: int = 2005,
    name: str | None = None,
    **fields,
) -> ContributionScale:
    """A version of the scale saved through the service; Table I's amounts by default."""
    amounts = amounts or {code: row[2] for code, row in MEMBERS.items()}
    members([code for code in amounts if code in MEMBERS])
    return services.scale_save(
        scale=ContributionScale(
            name=name or f"Scale in force from {effective_from}",
            effective_from=effective_from,
            **fields,
        ),
        rows=[(code, Decimal(amount)) for code, amount in amounts.items()],
    )


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    country = factory.LazyFunction(member_country)
    year = 2014
    amount_usd = Decimal("5000.00")


def pay(code: str, amount: str, on: datetime.date, **kwargs):
    """A payment by a member country, applied as the TS records it."""
    return services.payment_apply(
        country=Country.objects.get(pk=code),
        received_on=on,
        amount_usd=Decimal(amount),
        **kwargs,
    )


def budget_categories() -> dict[str, BudgetCategory]:
    return {
        code: BudgetCategory.objects.get_or_create(
            code=code, defaults={"name_en": str(label), "position": position}
        )[0]
        for position, (code, label) in enumerate(Category.choices, start=1)
    }


def rcgm(**kwargs):
    return MeetingFactory(kind=MeetingKind.RCGM, **kwargs)


def vice_ministerial(**kwargs):
    return MeetingFactory(
        kind=MeetingKind.VICE_MINISTERIAL,
        name_en="Vice-Ministerial Meeting",
        **kwargs,
    )


def budget(
    *,
    year: int = 2014,
    lines: dict[str, str] | None = None,
    status: str = BudgetStatus.APPROVED,
    **fields,
) -> Budget:
    """A year's budget with its lines (code → amount), saved through the service."""
    budget_categories()
    if status in (BudgetStatus.RECOMMENDED, BudgetStatus.APPROVED):
        fields.setdefault("recommendation_meeting", rcgm(starts_on=datetime.date(year - 1, 11, 18)))
    if status == BudgetStatus.APPROVED:
        fields.setdefault(
            "approval_meeting", vice_ministerial(starts_on=datetime.date(year - 1, 12, 2))
        )
    lines = lines if lines is not None else {"support_staff": "150000.00"}
    return services.budget_save(
        budget=Budget(year=year, status=status, **fields),
        lines=[services.LineInput(code, Decimal(amount)) for code, amount in lines.items()],
    )


def line(budget: Budget, code: str = "support_staff") -> BudgetLine:
    return budget.lines.get(category_id=code)


class FinancialReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinancialReport

    period_start = datetime.date(2013, 5, 1)
    period_end = datetime.date(2013, 10, 31)


def fund(kind: str, amount: str, on: datetime.date, **fields) -> ReserveFundMovement:
    """A Reserve Fund movement recorded through the service."""
    return services.reserve_fund_record(
        movement=ReserveFundMovement(kind=kind, amount_usd=Decimal(amount), date=on, **fields)
    )


def contribution(amount: str, on: datetime.date, **fields) -> ReserveFundMovement:
    return fund(MovementKind.CONTRIBUTION, amount, on, **fields)


def disbursement(amount: str, on: datetime.date, **fields) -> ReserveFundMovement:
    return fund(MovementKind.DISBURSEMENT, amount, on, **fields)


def books() -> dict:
    """One record of every kind, as a small set of books: the scale, 2014's assessments, a
    payment by Belize, an approved 2014 budget with an expenditure, a report, fund movements."""
    from finance.models import Expenditure

    the_scale = scale()
    services.assessments_generate(year=2014)
    payment = pay("BZ", "5000.00", datetime.date(2014, 3, 1), reference="TRF-2014-001")
    approved = budget(year=2014)
    expenditure = services.expenditure_record(
        line=line(approved),
        spent_on=datetime.date(2014, 5, 1),
        amount_usd=Decimal("1234.56"),
        description="Support staff, May",
    )
    money_in = contribution("10000.00", datetime.date(2014, 1, 10), country_id="MX")
    report = FinancialReportFactory(
        period_start=datetime.date(2014, 1, 1), period_end=datetime.date(2014, 6, 30)
    )
    return {
        "contribution-scales": the_scale.pk,
        "assessments": Assessment.objects.get(country="BZ", year=2014).pk,
        "balances": Assessment.objects.get(country="MX", year=2014).pk,
        "payments": payment.pk,
        "budgets": approved.pk,
        "budget-categories": "support_staff",
        "expenditures": Expenditure.objects.get(pk=expenditure.pk).pk,
        "financial-reports": report.pk,
        "reserve-fund": money_in.pk,
    }
