"""The pages of the written consultations (mounted at the site root)."""

from django.urls import path

from agreements import views_consultations

app_name = "consultations"
urlpatterns = [
    path("consultations/", views_consultations.consultation_list, name="list"),
    path("consultations/<int:pk>/", views_consultations.consultation_detail, name="detail"),
]
