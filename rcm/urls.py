from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import (
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from pages.views import home, meeting
from pages.views.sign_in import SignInView
from rcm import views
from rcm.api.schema import SchemaView


class FaviconView(RedirectView):
    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("favicon.svg")


# ReDoc styles its page with inline <style> elements (styled-components) and searches in a blob
# worker; only its page allows those two. Scripts stay limited to the site's own files everywhere.
redoc_under_csp = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

urlpatterns = [
    path("", home.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Signing in also brings the user's saved language; the rest is Django's.
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("meetings/", include("meetings.urls")),
    path("meetings/<int:pk>/", meeting.meeting_page, name="meeting"),
    path("", include("agreements.urls")),
    path("", include("pages.urls_calendar")),
    path("", include("consultations.urls")),
    path("", include("networks.urls")),
    path("", include("finance.urls")),
    path("", include("pages.urls")),
    path("presidencies/", views.presidencies, name="presidencies"),
    path("observers/", views.observers, name="observers"),
    path("health/", views.health, name="health"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", FaviconView.as_view()),
    path("api/v1/", include("rcm.api.router")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path(
        "api/redoc/",
        redoc_under_csp(SpectacularRedocView.as_view(url_name="schema")),
        name="api-redoc",
    ),
]

handler400 = "rcm.views.bad_request"
handler403 = "rcm.views.permission_denied"
handler404 = "rcm.views.page_not_found"
handler500 = "rcm.views.server_error"

admin.site.site_header = "RCM Records"
admin.site.site_title = "RCM Records"
admin.site.index_title = "Records of the Regional Conference on Migration"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
