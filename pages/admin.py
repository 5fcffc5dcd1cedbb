"""Admin of the reminder digests sent to focal points; a preview of the digest one would get."""

from __future__ import annotations

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import ReminderLog
from pages import reminders


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    """The digests sent, and a preview of the digest a focal point would receive."""

    list_display = ["date", "email", "items", "language", "sent_at"]
    list_filter = ["date", "language"]
    search_fields = ["email"]
    change_list_template = "agreements/admin/reminderlog_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="agreements_reminderlog_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """Render the digest a focal point would receive on a day (today by default)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            day = datetime.date.fromisoformat(request.GET.get("date") or today.isoformat())
        except ValueError:
            messages.error(request, _("Give the day as YYYY-MM-DD."))
            day = today
        now = timezone.now()
        if day != today:
            now = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        everyone = reminders.recipients(today=day)
        selected = (request.GET.get("recipient") or "").strip().lower()
        recipient = next((r for r in everyone if r.email == selected), None)
        digest = message = html = None
        if recipient is not None:
            digest = reminders.digest_for(recipient, today=day, now=now)
            if not digest.is_empty:
                message = reminders.render_digest(digest)
                html = message.alternatives[0][0]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reminder digest preview"),
            "opts": self.model._meta,
            "recipients": everyone,
            "selected": selected,
            "recipient": recipient,
            "day": day,
            "digest": digest,
            "message": message,
            "html": html,
            "already_sent": recipient is not None
            and ReminderLog.objects.filter(email=recipient.email, date=day).exists(),
        }
        return TemplateResponse(request, "agreements/admin/reminder_preview.html", context)
