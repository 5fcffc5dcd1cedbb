"""Which agreements are about the countries' payments, so that each shows beside the other."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Agreement
from finance.models.base import FinanceQuerySet
from rcm.models import source


class FinanceTopic(models.TextChoices):
    CONTRIBUTIONS = "contributions", _("Contributions to the budget and arrears")
    RESERVE_FUND = "reserve_fund", _("Contributions to the Reserve Fund")


class FinanceAgreementQuerySet(FinanceQuerySet):
    def visible_to(self, user_or_access):
        """Finance readers see the links of the agreements they may see; others see none."""
        visible = super().visible_to(user_or_access)
        if not visible.query.is_empty():
            visible = visible.filter(agreement__in=Agreement.objects.visible_to(user_or_access))
        return visible

    def for_listing(self):
        return self.select_related(
            "agreement__meeting__country", "agreement__meeting__parent"
        ).order_by("-agreement__meeting__year", "agreement__meeting_id", "agreement__position")


class FinanceAgreement(models.Model):
    """An agreement that urges the countries' payments, set by TS staff: the agreement shows the
    countries' standing on that topic, and the finance pages link to the agreement."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="finance_topics",
        verbose_name=_("agreement"),
    )
    topic = models.CharField(_("about"), max_length=15, choices=FinanceTopic.choices)
    source = source()

    objects = FinanceAgreementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "topic"]
        verbose_name = _("agreement on payments")
        verbose_name_plural = _("agreements on payments")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "topic"],
                name="one_finance_topic_per_agreement",
                violation_error_message=_("The agreement is already linked to this topic."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.get_topic_display()}"
