"""The consultations app's API resources, registered on the one router (rcm/api/router.py)."""

from consultations.api import views


def register(router) -> None:
    """Add this app's viewsets to the router."""
    router.register("consultations", views.ConsultationViewSet, basename="consultation")
