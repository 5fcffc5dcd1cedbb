"""Lineage: how a later agreement relates to an earlier one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreements import Agreement
from rcm.models import source


class LinkKind(models.TextChoices):
    """How a later agreement relates to an earlier one."""

    FOLLOWS_UP = "follows_up", _("follows up")
    REITERATES = "reiterates", _("reiterates")
    IMPLEMENTS = "implements", _("implements")
    SUPERSEDES = "supersedes", _("supersedes")
    DECIDES_RECOMMENDATION = "recommended_to", _("decides on the recommendation")


LINK_INVERSE = {
    LinkKind.FOLLOWS_UP: _("followed up by"),
    LinkKind.REITERATES: _("reiterated by"),
    LinkKind.IMPLEMENTS: _("implemented by"),
    LinkKind.SUPERSEDES: _("superseded by"),
    LinkKind.DECIDES_RECOMMENDATION: _("recommended to the vice-ministers, decided by"),
}


class AgreementLinkManager(models.Manager):
    def get_by_natural_key(self, *key):
        later, earlier, kind = key[:3], key[3:6], key[6]
        return self.get(
            later=Agreement.objects.get_by_natural_key(*later),
            earlier=Agreement.objects.get_by_natural_key(*earlier),
            kind=kind,
        )


class AgreementLink(models.Model):
    """Lineage: a later agreement follows up, reiterates, implements or supersedes another."""

    later = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="links_to_earlier")
    earlier = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="links_to_later")
    kind = models.CharField(_("kind"), max_length=15, choices=LinkKind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = source()

    objects = AgreementLinkManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["earlier", "later"]
        verbose_name = _("lineage link")
        verbose_name_plural = _("lineage links")
        constraints = [
            models.UniqueConstraint(fields=["later", "earlier", "kind"], name="one_link_per_kind"),
            models.CheckConstraint(
                condition=~Q(later=F("earlier")),
                name="agreement_does_not_link_to_itself",
                violation_error_message=_("An agreement cannot be linked to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.later} {self.get_kind_display()} {self.earlier}"

    def natural_key(self):
        return (*self.later.natural_key(), *self.earlier.natural_key(), self.kind)

    natural_key.dependencies = ["agreements.agreement"]

    @property
    def inverse_label(self) -> str:
        return LINK_INVERSE[self.kind]

    def clean(self):
        if self.later_id and self.later_id == self.earlier_id:
            raise ValidationError(_("An agreement cannot be linked to itself."))
        if self.later_id and self.earlier_id:
            earlier_date = self.earlier.meeting.reference_date
            later_date = self.later.meeting.reference_date
            if later_date < earlier_date:
                raise ValidationError(
                    _(
                        "The later agreement (%(later)s) was adopted before "
                        "the earlier one (%(earlier)s)."
                    )
                    % {"later": self.later, "earlier": self.earlier}
                )
