from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

RECORD_APPS = ["rcm", "meetings", "agreements", "networks", "finance"]


def grant_ts_staff_permissions(sender, using="default", **kwargs):
    """TS staff keep every record: give their group every permission of the record apps.

    Runs after each migrate, once Django has created the permissions of new models.
    """
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.using(using).filter(name="TS staff").first()
    if group is None:
        return
    permissions = Permission.objects.using(using).filter(content_type__app_label__in=RECORD_APPS)
    group.permissions.add(*permissions)


class RcmConfig(AppConfig):
    name = "rcm"
    verbose_name = _("Conference")

    def ready(self):
        post_migrate.connect(grant_ts_staff_permissions, dispatch_uid="rcm.ts_staff_permissions")
