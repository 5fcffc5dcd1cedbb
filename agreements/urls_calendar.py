"""The calendar page and the iCalendar feeds (mounted at the site root)."""

urlpatterns: list = []
