"""The pages of the written consultations (mounted at the site root)."""

from django.urls import path

from consultations import views

app_name = "consultations"
urlpatterns = [
    path("consultations/", views.consultation_list, name="list"),
    path("consultations/<int:pk>/", views.consultation_detail, name="detail"),
]
