from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that span the apps: home, country page, meeting record, search, calendar and feeds,
    a focal point's workspace, the next meeting's agenda, the reminder digests."""

    name = "pages"
    verbose_name = _("Pages")
