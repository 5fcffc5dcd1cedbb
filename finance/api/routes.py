"""The finance app's API resources, registered on the one router (rcm/api/router.py)."""

from finance.api import views


def register(router) -> None:
    """Add this app's viewsets to the router."""
    router.register(
        "contribution-scales", views.ContributionScaleViewSet, basename="contribution-scale"
    )
    router.register("assessments", views.AssessmentViewSet, basename="assessment")
    router.register("balances", views.BalanceViewSet, basename="balance")
    router.register("payments", views.PaymentViewSet, basename="payment")
    router.register("budget-categories", views.BudgetCategoryViewSet, basename="budget-category")
    router.register("budgets", views.BudgetViewSet, basename="budget")
    router.register("expenditures", views.ExpenditureViewSet, basename="expenditure")
    router.register("financial-reports", views.FinancialReportViewSet, basename="financial-report")
    router.register("reserve-fund", views.ReserveFundViewSet, basename="reserve-fund-movement")
    router.register(
        "agreements-on-payments", views.FinanceAgreementViewSet, basename="agreement-on-payments"
    )
