"""The Technical Secretariat's Activity and Financial Reports, as presented to the RCGM."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from finance.models.base import FinanceQuerySet
from rcm.models import source


class FinancialReport(models.Model):
    """The TS's Activity and Financial Report for a period; its figures come from the records."""

    title = models.CharField(
        _("title"), max_length=200, default="Activity and Financial Report of the TS"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financial_reports",
        verbose_name=_("presented at"),
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financial_reports",
        verbose_name=_("accepted by the agreement"),
    )
    note = models.TextField(_("note"), blank=True)
    source = source()

    objects = FinanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("activity and financial report")
        verbose_name_plural = _("activity and financial reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="financial_report_period_ends_after_it_begins",
                violation_error_message=_("The period cannot end before it begins."),
            ),
            models.UniqueConstraint(
                fields=["period_start", "period_end"],
                name="one_financial_report_per_period",
                violation_error_message=_("There is already a report for this period."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.period_start:%Y-%m} – {self.period_end:%Y-%m}"

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period cannot end before it begins.")
        if self.agreement_id:
            if self.meeting_id is None:
                self.meeting_id = self.agreement.meeting_id
            elif self.meeting_id != self.agreement.meeting_id:
                errors["agreement"] = _("The agreement was adopted at another meeting.")
        if self.meeting_id and self.period_end:
            held = self.meeting.last_day
            if held and held < self.period_end:
                errors["meeting"] = _(
                    "A report is presented after its period: the meeting ended on %(date)s."
                ) % {"date": held.isoformat()}
        if errors:
            raise ValidationError(errors)
