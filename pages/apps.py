from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that span the apps: a focal point's workspace, a meeting's agenda, and the like."""

    name = "pages"
    verbose_name = _("Pages")
