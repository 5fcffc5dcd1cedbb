"""Follow-up updates: who said what about an agreement's progress, and the TS's validation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreements import Agreement
from agreements.models.choices import Status
from meetings.models import VisibilityQuerySet
from rcm.models import ChoiceLabels, Country

EVIDENCE_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "xlsx",
    "xls",
    "odt",
    "ods",
    "txt",
    "png",
    "jpg",
    "jpeg",
]


class Validation(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting validation")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Sent back")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")
    # A later update on the same country's part came in while this one waited: the country's
    # latest word is the one the TS decides on (services.followup_record).
    REPLACED = "replaced", _("Replaced by a later update")


# A note is a report, not a document: longer texts go in the evidence file.
NOTE_MAX_LENGTH = 10_000
# The statuses an update may report: "no follow-up" is for the TS to decide on the agreement.
UPDATE_STATUS_CHOICES = [choice for choice in Status.choices if choice[0] != Status.NO_FOLLOW_UP]


class FollowUpQuerySet(VisibilityQuerySet):
    visibility_field = "agreement__visibility"
    meeting_field = "agreement__meeting"

    def accepted(self):
        return self.filter(validation=Validation.ACCEPTED)

    def awaiting_validation(self):
        return self.filter(validation=Validation.PROPOSED)


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{instance.agreement_id}/{filename}"


class FollowUp(ChoiceLabels, models.Model):
    """An update on an agreement's progress, for the agreement or one addressed country."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="follow_ups")
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("for country"),
        help_text=_("When the agreement is followed up country by country."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("posted by"),
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    status = models.CharField(_("new status"), max_length=15, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    link = models.URLField(_("link to evidence"), blank=True, max_length=500)
    evidence = models.FileField(
        _("evidence file"),
        upload_to=evidence_path,
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
    )
    validation = models.CharField(
        _("validation"), max_length=10, choices=Validation.choices, default=Validation.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_follow_ups",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(
        _("reason"), blank=True, help_text=_("Why the update was sent back.")
    )
    demo = models.BooleanField(_("demo data"), default=False, editable=False)

    objects = FollowUpQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "created_at", "pk"]
        verbose_name = _("follow-up update")
        verbose_name_plural = _("follow-up updates")
        indexes = [models.Index(fields=["validation", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(validation="returned") | ~Q(review_note=""),
                name="returned_update_gives_a_reason",
                violation_error_message=_("Say why the update is sent back."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.get_status_display()} ({self.get_validation_display()})"

    def standing_status(self) -> str:
        """Where the part this update is about stands now: the country's own status when it
        speaks for one country, else the agreement's."""
        if self.country_id:
            own = (
                self.agreement.country_links.filter(country_id=self.country_id)
                .values_list("status", flat=True)
                .first()
            )
            if own:
                return own
        return self.agreement.status

    def clean(self):
        if self.status == Status.NO_FOLLOW_UP:
            raise ValidationError({"status": _('"No follow-up" is not an update status.')})
        if len(self.note) > NOTE_MAX_LENGTH:
            raise ValidationError(
                {
                    "note": _(
                        "A note is at most %(max)d characters (it has %(length)d); put longer "
                        "texts in the evidence file."
                    )
                    % {"max": NOTE_MAX_LENGTH, "length": len(self.note)}
                }
            )
        # Asked of what an author writes (a new update, or a pending one edited), not of the
        # TS's decision on it.
        if (
            self.agreement_id
            and (self._state.adding or self.validation == Validation.PROPOSED)
            and not (self.note.strip() or self.link or self.evidence)
            and self.status == self.standing_status()
        ):
            raise ValidationError(
                _(
                    "An update must change something: a new status, a note or evidence "
                    "(a link or a file)."
                )
            )
        if self.status == Status.SUPERSEDED and self.validation == Validation.PROPOSED:
            # A focal point's update awaits validation; that a later agreement replaces this
            # one is for the TS to decide (it records the lineage, which closes it).
            raise ValidationError({"status": _('Only TS staff mark an agreement "superseded".')})
        if self.validation == Validation.RETURNED and not self.review_note.strip():
            raise ValidationError({"review_note": _("Say why the update is sent back.")})
        if self.evidence and self.evidence.size > settings.EVIDENCE_MAX_BYTES:
            raise ValidationError(
                {
                    "evidence": _("The file is larger than %(mb)s MB.")
                    % {"mb": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)}
                }
            )
