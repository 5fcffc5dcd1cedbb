from django.urls import path

from agreements import views

app_name = "agreements"
urlpatterns = [
    path("follow-up/", views.dashboard, name="dashboard"),
    path("follow-up/export.<str:fmt>", views.dashboard_export, name="export"),
    path("follow-up/matrix/", views.matrix_page, name="matrix"),
    path("follow-up/matrix/export.<str:fmt>", views.matrix_export, name="matrix_export"),
    path("follow-up/validation/", views.validation_queue, name="validation"),
    path("follow-up/validation/<int:pk>/", views.validation_decision, name="validation_decision"),
    path("agreements/<int:pk>/", views.agreement_detail, name="detail"),
    path("follow-ups/<int:pk>/evidence", views.follow_up_evidence, name="evidence"),
]
