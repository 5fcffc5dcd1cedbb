"""Instruments: the guidelines, manuals, memoranda and studies the conference produces."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreements import Agreement
from agreements.models.themes import Theme
from meetings.models import Meeting
from rcm.models import (
    FIRST_YEAR,
    Access,
    Bilingual,
    Country,
    Organisation,
    Visibility,
    access_for,
    source,
)
from rcm.search import Folded


class InstrumentKind(models.TextChoices):
    GUIDELINES = "guidelines", _("Guidelines")
    MANUAL = "manual", _("Manual or guide")
    PROTOCOL = "protocol", _("Protocol")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")
    STUDY = "study", _("Study or report")
    CAMPAIGN = "campaign", _("Campaign")
    WORK_PLAN = "work_plan", _("Work plan or plan of action")
    DECLARATION = "declaration", _("Declaration")
    OTHER = "other", _("Other document")


class EventKind(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CIRCULATED = "circulated", _("Circulated for comments")
    RECOMMENDED = "recommended", _("Recommended for approval")
    APPROVED = "approved", _("Approved")
    RATIFIED = "ratified", _("Ratified")
    UPDATED = "updated", _("Updated")
    SIGNED = "signed", _("Signed")
    PRESENTED = "presented", _("Presented")


class InstrumentQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Instruments belong to no single meeting: their own visibility decides."""
        access = (
            user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
        )
        if access.is_ts_staff:
            return self
        allowed = [Visibility.PUBLIC]
        if access.may_see_members_records():
            allowed.append(Visibility.MEMBERS)
        return self.filter(visibility__in=allowed)


class Instrument(Bilingual, models.Model):
    """A document the conference produces: guidelines, a manual, a memorandum, a study, a plan."""

    kind = models.CharField(_("kind"), max_length=12, choices=InstrumentKind.choices)
    name_en = models.CharField(_("title (English)"), max_length=400)
    name_es = models.CharField(_("title (Spanish)"), max_length=400, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="instruments")
    proposed_by_countries = models.ManyToManyField(
        Country, blank=True, related_name="proposed_instruments", verbose_name=_("proposed by")
    )
    prepared_by = models.ManyToManyField(
        Organisation, blank=True, related_name="prepared_instruments", verbose_name=_("prepared by")
    )
    summary = models.TextField(_("summary"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    source = source()
    search_vector = models.GeneratedField(
        expression=SearchVector(Folded("name_en"), weight="A", config="english")
        + SearchVector(Folded("name_es"), weight="A", config="spanish")
        + SearchVector(Folded("summary"), weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = InstrumentQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[themes, proposed_by_countries, prepared_by], excluded_fields=["search_vector"]
    )

    class Meta:
        ordering = ["name_en"]
        indexes = [GinIndex(fields=["search_vector"], name="instrument_search_gin")]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.name_en


class InstrumentEvent(models.Model):
    """A step in an instrument's life (proposed, circulated, approved, updated …) at a meeting."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=12, choices=EventKind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    date = models.DateField(_("date"), null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="instrument_events"
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="instrument_events",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    source = source()

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument", "year", "date", "pk"]
        verbose_name = _("instrument event")
        verbose_name_plural = _("instrument events")

    def __str__(self) -> str:
        return f"{self.instrument}: {self.get_kind_display()} {self.year}"

    def clean(self):
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"year": _("The year must be the year of the date.")})
        if self.agreement_id and self.meeting_id and self.agreement.meeting_id != self.meeting_id:
            raise ValidationError(
                {"agreement": _("The agreement must belong to the meeting where this happened.")}
            )
        if self.agreement_id and not self.meeting_id:
            self.meeting_id = self.agreement.meeting_id
