"""Finance: the contribution scale, assessments and payments, the budget, reports, Reserve Fund."""

from finance.models.agreements import FinanceAgreement, FinanceTopic
from finance.models.base import CURRENCY, FinanceQuerySet, may_see_finance, money
from finance.models.budget import (
    Budget,
    BudgetCategory,
    BudgetLine,
    BudgetStatus,
    Category,
    Expenditure,
)
from finance.models.contributions import Assessment, Payment, PaymentAllocation, PaymentStatus
from finance.models.reports import FinancialReport
from finance.models.reserve_fund import MovementKind, ReserveFundMovement
from finance.models.scale import MONEY, PERCENT, ZERO, ContributionScale, ScaleRow

__all__ = [
    "CURRENCY",
    "MONEY",
    "PERCENT",
    "ZERO",
    "Assessment",
    "Budget",
    "BudgetCategory",
    "BudgetLine",
    "BudgetStatus",
    "Category",
    "ContributionScale",
    "Expenditure",
    "FinanceAgreement",
    "FinanceQuerySet",
    "FinancialReport",
    "FinanceTopic",
    "MovementKind",
    "Payment",
    "PaymentAllocation",
    "PaymentStatus",
    "ReserveFundMovement",
    "ScaleRow",
    "may_see_finance",
    "money",
]
