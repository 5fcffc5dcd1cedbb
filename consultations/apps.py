from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Written consultations")

    def ready(self):
        # The reminder digests (agreements, below this app) list the rounds awaiting a country's
        # answer and close those whose deadline passed; this app tells them how.
        from agreements import reminders
        from consultations.selectors import rounds_awaiting
        from consultations.services import consultation_close_due_rounds

        reminders.register_rounds(
            awaiting=rounds_awaiting,
            close_due=lambda now: consultation_close_due_rounds(now=now),
        )
