"""Reports: what each network or group presented to which RCGM, with the document."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Agreement
from meetings.models import Meeting, MeetingKind
from networks.models.networks import Network, NetworkVisibilityQuerySet
from rcm.models import Bilingual, Country, Organisation, Visibility, source

REPORT_EXTENSIONS = ["pdf", "docx", "doc", "odt", "txt"]
# Networks report to the RCGM; a Vice-Ministerial meeting or an extraordinary one may also
# take note of a report.
REPORTED_TO = {MeetingKind.RCGM, MeetingKind.VICE_MINISTERIAL, MeetingKind.EXTRAORDINARY}


class NetworkReportQuerySet(NetworkVisibilityQuerySet):
    visibility_fields = ("visibility", "network__visibility")
    network_field = "network"

    def presented_at(self, meeting_id: int):
        return self.filter(meeting_id=meeting_id)

    def in_year(self, year: int):
        return self.filter(meeting__year=year)


def report_path(instance, filename: str) -> str:
    return f"network-reports/{instance.network_id}/{filename}"


class NetworkReport(Bilingual, models.Model):
    """A report a network or group presented to a meeting, and the agreement that noted it."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="reports", verbose_name=_("network")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="network_reports",
        verbose_name=_("presented at"),
        help_text=_("The RCGM (or Vice-Ministerial) meeting the report was presented to."),
    )
    name_en = models.CharField(_("title (English)"), max_length=400)
    name_es = models.CharField(_("title (Spanish)"), max_length=400, blank=True)
    presented_by_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_network_reports",
        verbose_name=_("presented by (country)"),
    )
    presented_by_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_network_reports",
        verbose_name=_("presented by (organisation)"),
    )
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    document = models.FileField(
        _("document"),
        upload_to=report_path,
        blank=True,
        validators=[FileExtensionValidator(REPORT_EXTENSIONS)],
    )
    link = models.URLField(_("link to the document"), max_length=500, blank=True)
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_reports",
        verbose_name=_("agreement"),
        help_text=_("The agreement by which the meeting approved or took note of the report."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    source = source()

    objects = NetworkReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["network", "meeting__year", "meeting__starts_on", "pk"]
        verbose_name = _("network report")
        verbose_name_plural = _("network reports")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "meeting", "name_en"],
                name="one_network_report_per_title_and_meeting",
                violation_error_message=_("This report is already recorded for the meeting."),
            ),
            models.CheckConstraint(
                condition=Q(presented_by_country__isnull=True)
                | Q(presented_by_organisation__isnull=True),
                name="network_report_presented_by_one",
                violation_error_message=_(
                    "A report is presented by a country or an organisation, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network}: {self.name_en} ({self.meeting})"

    @property
    def summary(self) -> str:
        if (get_language() or "en").startswith("es") and self.summary_es:
            return self.summary_es
        return self.summary_en

    @property
    def presented_by(self):
        return self.presented_by_country or self.presented_by_organisation

    def clean(self):
        errors = {}
        if self.meeting_id and self.meeting.kind not in REPORTED_TO:
            errors["meeting"] = _(
                "Networks report to the RCGM: choose an RCGM or Vice-Ministerial meeting, "
                "not a %(kind)s."
            ) % {"kind": self.meeting.get_kind_display().lower()}
        if self.agreement_id and self.meeting_id and self.agreement.meeting_id != self.meeting_id:
            errors["agreement"] = _(
                "The agreement was adopted at another meeting than the one the report was "
                "presented to."
            )
        if self.presented_by_country_id and self.presented_by_organisation_id:
            errors["presented_by_organisation"] = _(
                "A report is presented by a country or an organisation, not both."
            )
        if self.document and self.document.size > settings.EVIDENCE_MAX_BYTES:
            errors["document"] = _("The file is larger than %(mb)s MB.") % {
                "mb": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
            }
        if errors:
            raise ValidationError(errors)
