from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from agreements import views as agreement_views
from rcm import views

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("meetings/", include("meetings.urls")),
    path("meetings/<int:pk>/", agreement_views.meeting_page, name="meeting"),
    path("", include("agreements.urls")),
    path("", include("agreements.urls_calendar")),
    path("", include("agreements.urls_consultations")),
    path("", include("networks.urls")),
    path("", include("finance.urls")),
    path("presidencies/", views.presidencies, name="presidencies"),
    path("health/", views.health, name="health"),
    path("api/v1/", include("rcm.api.router")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
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
