from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

RECORD_APPS = ["rcm", "meetings", "agreements", "consultations", "networks", "finance"]


def grant_ts_staff_permissions(sender, using="default", **kwargs):
    """The role groups exist, and TS staff keep every record: their group has every permission
    of the record apps.

    Runs after each migrate (and each flush, which empties the groups the migration created),
    once Django has created the permissions of new models.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    from rcm.models import Role

    # post_migrate is sent once for each app with models, in their order: the permissions of
    # every app exist once the last one's have been created, and one grant is enough. (Once
    # per app, it was most of the cost of each flush between transactional tests.)
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label != last.label:
        return
    for role in Role:
        Group.objects.using(using).get_or_create(name=role.value)
    group = Group.objects.using(using).get(name=Role.TS_STAFF.value)
    permissions = Permission.objects.using(using).filter(content_type__app_label__in=RECORD_APPS)
    group.permissions.add(*permissions)


class RcmConfig(AppConfig):
    name = "rcm"
    verbose_name = _("Conference")

    def ready(self):
        post_migrate.connect(grant_ts_staff_permissions, dispatch_uid="rcm.ts_staff_permissions")
        from rcm.records_cache import watch_record_tables

        post_migrate.connect(watch_record_tables, sender=self, dispatch_uid="rcm.records_version")
        # Registers the OpenAPI extension that gives number filters their bounds.
        from rcm.api import schema_filters  # noqa: F401
