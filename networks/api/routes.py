"""The networks app's API resources, registered on the one router (rcm/api/router.py)."""

from networks.api.views import (
    NetworkMemberViewSet,
    NetworkReportViewSet,
    NetworkViewSet,
    WorkPlanItemViewSet,
    WorkPlanViewSet,
)


def register(router) -> None:
    """Add this app's viewsets to the router."""
    router.register("networks", NetworkViewSet, basename="network")
    router.register("network-members", NetworkMemberViewSet, basename="network-member")
    router.register("work-plans", WorkPlanViewSet, basename="work-plan")
    router.register("work-plan-items", WorkPlanItemViewSet, basename="work-plan-item")
    router.register("network-reports", NetworkReportViewSet, basename="network-report")
