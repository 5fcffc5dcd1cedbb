import secrets

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from rcm.models import Role, User


class Command(BaseCommand):
    help = "Make sure a local TS staff login exists; a new one's password is printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="ts-admin")

    @transaction.atomic
    def handle(self, *args, username, **options):
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Staff login '{username}' exists. Forgot the password? "
                f"python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        user.groups.add(Group.objects.get_or_create(name=Role.TS_STAFF)[0])
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the staff login '{username}' with the password {password}\n"
                "It is shown only this once: note it now. Sign in at /admin/."
            )
        )
