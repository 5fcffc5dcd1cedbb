"""The reminder digests e-mailed to focal points (agreements.reminders): one log row per digest."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderLog(models.Model):
    """A reminder digest e-mailed to a focal point: at most one per address and day."""

    email = models.EmailField(_("recipient"))
    date = models.DateField(_("for the day"))
    digest_hash = models.CharField(
        _("digest fingerprint"),
        max_length=64,
        help_text=_("Identifies the items the digest listed, to tell an unchanged digest."),
    )
    items = models.PositiveSmallIntegerField(_("items"), default=0)
    language = models.CharField(_("language"), max_length=2)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    # A log is its own history: its rows are written once and never changed.

    class Meta:
        ordering = ["-date", "email"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "date"], name="one_reminder_per_address_and_day"
            ),
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="reminder_address_is_lower_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.date}"
