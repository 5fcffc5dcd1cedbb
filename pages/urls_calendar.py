"""The calendar page and the iCalendar feeds (mounted at the site root)."""

from django.urls import path

from pages.views import feeds

urlpatterns = [
    path("calendar/", feeds.calendar_page, name="calendar"),
    path("calendar.ics", feeds.calendar_ics, name="calendar_ics"),
    path("calendar/feeds/", feeds.feed_tokens, name="feed_tokens"),
    path("calendar/feeds/<int:pk>/", feeds.feed_token_revocation, name="feed_token"),
    path(
        "countries/<str:code>/calendar.ics", feeds.country_calendar_ics, name="country_calendar_ics"
    ),
]
