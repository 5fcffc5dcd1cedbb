"""The one API router, under /api/v1/: every app registers its resources here."""

from rest_framework.routers import DefaultRouter

from agreements.api.views import (
    AgreementViewSet,
    FollowUpViewSet,
    InstrumentViewSet,
    ThemeViewSet,
)
from consultations.api import routes as consultation_routes
from finance.api import routes as finance_routes
from meetings.api.views import MeetingViewSet
from networks.api import routes as network_routes
from rcm.api.views import (
    CountryViewSet,
    FocalPointViewSet,
    OrganisationViewSet,
    PresidencyViewSet,
)


class Router(DefaultRouter):
    include_format_suffixes = False


router = Router()
router.register("countries", CountryViewSet, basename="country")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("focal-points", FocalPointViewSet, basename="focal-point")
router.register("presidencies", PresidencyViewSet, basename="presidency")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("follow-ups", FollowUpViewSet, basename="follow-up")
router.register("themes", ThemeViewSet, basename="theme")
router.register("instruments", InstrumentViewSet, basename="instrument")
consultation_routes.register(router)
network_routes.register(router)
finance_routes.register(router)

urlpatterns = router.urls
