"""The TS's budget: six lines, decided by the RCGM and the vice-ministers, spent line by line."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from finance import services
from finance.models import Budget, BudgetCategory, BudgetLine, BudgetStatus, Expenditure
from tests.finance.factories import budget, budget_categories, line, rcgm, vice_ministerial

pytestmark = pytest.mark.django_db

LINES = {"support_staff": "150000.00", "studies_and_research": "20000.50"}


def spend(budget_line, amount: str, on=datetime.date(2014, 5, 1), **kwargs):
    return services.expenditure_record(
        line=budget_line,
        spent_on=on,
        amount_usd=Decimal(amount),
        description="Salaries",
        **kwargs,
    )


def test_a_budget_line_for_an_unknown_category_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError, match="Unknown budget category “catering”"):
        budget(lines={"support_staff": "1000.00", "catering": "500.00"})
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_the_budget_has_exactly_the_six_lines_of_the_publication():
    budget_categories()
    assert list(BudgetCategory.objects.values_list("pk", flat=True)) == [
        "support_staff",
        "seminars_and_meetings",
        "equipment_and_networks",
        "studies_and_research",
        "documents_and_translation",
        "other_expenses",
    ]
    with pytest.raises(IntegrityError):
        BudgetCategory.objects.create(code="catering", name_en="Catering")


def test_a_line_given_twice_is_refused():
    with pytest.raises(ValidationError, match="given twice"):
        budget_categories()
        services.budget_save(
            budget=Budget(year=2014),
            lines=[
                services.LineInput("support_staff", Decimal("1.00")),
                services.LineInput("support_staff", Decimal("2.00")),
            ],
        )
    assert not Budget.objects.exists()


def test_an_expenditure_on_a_budget_that_is_not_approved_is_refused_and_nothing_is_saved():
    recommended = budget(status=BudgetStatus.RECOMMENDED, lines=LINES)
    with pytest.raises(ValidationError, match="only on an approved budget: the 2014 budget is"):
        spend(line(recommended), "100.00")
    assert not Expenditure.objects.exists()


def test_an_expenditure_is_dated_in_its_budget_s_year():
    approved = budget(lines=LINES)
    with pytest.raises(ValidationError, match="dated in 2014"):
        spend(line(approved), "100.00", on=datetime.date(2015, 1, 2))


def test_execution_per_line_and_in_all_is_exact_to_the_cent():
    approved = budget(lines=LINES)
    spend(line(approved), "50000.00")
    spend(line(approved), "0.01")
    spend(line(approved, "studies_and_research"), "10000.25")
    lines = {
        budget_line.category_id: budget_line
        for budget_line in BudgetLine.objects.with_execution().filter(budget=approved)
    }
    staff = lines["support_staff"]
    assert (staff.spent_usd, staff.remaining_usd, staff.execution) == (
        Decimal("50000.01"),
        Decimal("99999.99"),
        Decimal("33.33"),
    )
    assert lines["studies_and_research"].execution == Decimal("50.00")
    total = Budget.objects.with_execution().get(pk=approved.pk)
    assert (total.budgeted_usd, total.spent_usd, total.remaining_usd, total.execution) == (
        Decimal("170000.50"),
        Decimal("60000.26"),
        Decimal("110000.24"),
        Decimal("35.29"),
    )


def test_a_recommended_budget_names_the_rcgm_that_recommended_it():
    budget_categories()
    with pytest.raises(ValidationError, match="Say at which RCGM meeting"):
        services.budget_save(budget=Budget(year=2014, status=BudgetStatus.RECOMMENDED))
    with pytest.raises(IntegrityError):
        Budget.objects.create(year=2014, status=BudgetStatus.RECOMMENDED)


def test_the_budget_is_recommended_by_an_rcgm_and_approved_by_the_vice_ministers():
    with pytest.raises(ValidationError) as refused:
        services.budget_save(
            budget=Budget(
                year=2022,
                status=BudgetStatus.APPROVED,
                recommendation_meeting=vice_ministerial(),
                approval_meeting=rcgm(),
            )
        )
    assert set(refused.value.message_dict) == {"recommendation_meeting", "approval_meeting"}


def test_a_line_with_expenditures_cannot_be_removed():
    approved = budget(lines=LINES)
    spend(line(approved), "10.00")
    with pytest.raises(ValidationError, match="has expenditures"):
        services.budget_save(
            budget=approved,
            lines=[services.LineInput("studies_and_research", Decimal("1.00"))],
        )
    assert approved.lines.count() == 2


def test_a_budget_with_expenditures_stays_approved():
    approved = budget(lines=LINES)
    spend(line(approved), "10.00")
    approved.status = BudgetStatus.DRAFT
    with pytest.raises(ValidationError, match="it stays approved"):
        services.budget_save(budget=approved)
