from django.urls import path

from finance import views

app_name = "finance"
urlpatterns = [
    path("finance/", views.overview, name="overview"),
    path(
        "finance/contributions.<str:fmt>", views.contributions_export, name="contributions_export"
    ),
    path("finance/budgets/", views.budget_list, name="budgets"),
    path("finance/budgets/<int:year>/", views.budget_detail, name="budget"),
    path("finance/budgets/<int:year>/export.<str:fmt>", views.budget_export, name="budget_export"),
    path("finance/reserve-fund/", views.reserve_fund, name="reserve_fund"),
    path(
        "finance/reserve-fund/export.<str:fmt>",
        views.reserve_fund_export,
        name="reserve_fund_export",
    ),
    path("finance/reports/<int:pk>/", views.report_detail, name="report"),
]
