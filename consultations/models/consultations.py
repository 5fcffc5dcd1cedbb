"""Written consultations between meetings (the five-working-day procedure): the consultation, the
versions of its text and its steps.

The procedure, as the conference describes it: the PPT sends a proposed course of action to the
Troika; with the Troika's consensus the text goes to all member countries and five working days
open; amended text is re-sent for another five working days; with consensus the PPT launches the
action and reports the result. The workflows live in `consultations.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import Agreement
from consultations.models.rounds import (
    ConsultationRound,
    as_access,
    members_rounds,
    troika_review_readers,
)
from consultations.models.states import (
    CONSULTATION_VISIBILITIES,
    FINAL_STATES,
    OUTCOME_STATES,
    ConsultationState,
    RoundKind,
    next_states,
)
from meetings.models import Meeting
from rcm.models import Country, Presidency, Visibility


class ConsultationQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """TS staff see all; the PPT's focal points their own; a member country what it was
        asked to answer.

        Until the members' round opens the consultation is the PPT's and the Troika's: their
        focal points see it (a network officer reads as members do, and members see a
        consultation from the round that asks them). Anyone sees the outcome of a consultation
        marked public. What each reader sees of its rounds, versions and steps is their own
        querysets' `visible_to`.
        """
        access = as_access(user_or_access)
        if access.is_ts_staff:
            return self
        visible = Q(visibility=Visibility.PUBLIC, state__in=OUTCOME_STATES)
        if access.member_country:
            asked = ConsultationRound.countries.through.objects.filter(
                consultationround__consultation=OuterRef("pk"),
                consultationround__kind=RoundKind.MEMBERS,
                country_id=access.member_country,
            )
            visible |= Q(Exists(asked))
            troika = troika_review_readers(access, parts=False)
            if troika is not None:
                visible |= troika
        return self.filter(visible)

    def for_listing(self):
        return self.select_related("presidency__country", "created_by", "meeting", "agreement")


class Consultation(models.Model):
    """A written consultation of the member countries between meetings, proposed by the PPT."""

    subject = models.CharField(_("subject"), max_length=300)
    presidency = models.ForeignKey(
        Presidency,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("proposing Presidency Pro-Tempore"),
        help_text=_("The presidency in office when the consultation was drafted."),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ConsultationState.choices,
        default=ConsultationState.DRAFT,
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=CONSULTATION_VISIBILITIES,
        default=Visibility.MEMBERS,
        help_text=_("Public: anyone may read the outcome once the members agreed."),
    )
    earlier_agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations_following_up",
        verbose_name=_("follows up"),
        help_text=_("An earlier agreement this consultation acts on; the outcome links to it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations_created",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(_("drafted"), default=timezone.now)
    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation",
        verbose_name=_("meeting of record"),
        help_text=_("The written consultation as a meeting, once the members agreed."),
    )
    agreement = models.OneToOneField(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation",
        verbose_name=_("resulting agreement"),
    )

    objects = ConsultationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("written consultation")
        verbose_name_plural = _("written consultations")
        indexes = [models.Index(fields=["state"], name="consultation_state")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state__in=OUTCOME_STATES)
                | Q(meeting__isnull=False, agreement__isnull=False),
                name="agreed_consultation_has_its_outcome",
                violation_error_message=_(
                    "An agreed consultation has its meeting and agreement of record."
                ),
            ),
            models.CheckConstraint(
                condition=Q(state__in=ConsultationState.values),
                name="consultation_state_is_known",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=[Visibility.MEMBERS, Visibility.PUBLIC]),
                name="consultation_is_public_or_for_members",
                violation_error_message=_("A consultation is public or for members only."),
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", args=[self.pk])

    @property
    def ppt_country(self) -> Country:
        return self.presidency.country

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def latest_version(self) -> ConsultationVersion | None:
        """From the prefetched versions when there are any (they come in number order)."""
        versions = list(self.versions.all())
        return versions[-1] if versions else None

    @property
    def current_round(self) -> ConsultationRound | None:
        """The latest round, from the prefetched rounds (they come in opening order)."""
        rounds = list(self.rounds.all())
        return rounds[-1] if rounds else None

    def next_states(self) -> list[str]:
        current = self.current_round
        return next_states(self.state, current.kind if current else None)


class ConsultationVersionQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """The versions of the text a reader sees of a consultation it may see.

        TS staff, and the Troika's and the PPT's focal points, see every version. Other members
        see the text from the one their first round asked about: the versions before it are the
        Troika review's. Everyone else sees the outcome only: the text the members agreed (that
        of the last members' round).
        """
        access = as_access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            last = members_rounds().order_by("-opened_at", "-pk").values("version__number")[:1]
            return self.filter(number=Subquery(last))
        first = members_rounds().order_by("opened_at", "pk").values("version__number")[:1]
        visible = Q(number__gte=Subquery(first))
        troika = troika_review_readers(access, parts=True)
        return self.filter(visible | troika if troika is not None else visible)


class ConsultationVersion(models.Model):
    """One version of a consultation's text: the proposal, then each amended text."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    note = models.CharField(
        _("what changed"), max_length=500, blank=True, help_text=_("For an amended text.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_versions",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    objects = ConsultationVersionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("consultation text version")
        verbose_name_plural = _("consultation text versions")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"],
                name="one_consultation_version_per_number",
                violation_error_message=_("The consultation already has a version so numbered."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="consultation_versions_count_from_one"
            ),
            models.CheckConstraint(
                condition=~Q(text_en=""),
                name="consultation_version_has_text",
                violation_error_message=_("A version of the text cannot be empty."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation} v{self.number}"

    @property
    def text(self) -> str:
        if (get_language() or "en").startswith("es") and self.text_es:
            return self.text_es
        return self.text_en


class ConsultationTransitionQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """The steps a reader sees of a consultation it may see.

        TS staff, and the Troika's and the PPT's focal points, see every step. Other members see
        the steps from the opening of the first members' round (those before it are the Troika
        review's). Everyone else sees how the outcome came: agreed, launched, result reported.
        """
        access = as_access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            return self.filter(to_state__in=OUTCOME_STATES)
        opened = members_rounds().order_by("opened_at", "pk").values("opened_at")[:1]
        visible = Q(at__gte=Subquery(opened))
        troika = troika_review_readers(access, parts=True)
        return self.filter(visible | troika if troika is not None else visible)


class ConsultationTransition(models.Model):
    """A step of a consultation from one state to the next: who took it, and when."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(
        _("from"), max_length=20, choices=ConsultationState.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=20, choices=ConsultationState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_transitions",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    round = models.ForeignKey(
        ConsultationRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transitions",
        verbose_name=_("round opened"),
    )
    note = models.TextField(_("note"), blank=True)

    objects = ConsultationTransitionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "at", "pk"]
        verbose_name = _("consultation transition")
        verbose_name_plural = _("consultation transitions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_state=F("to_state")),
                name="a_transition_changes_the_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation}: {self.from_state or '—'} → {self.to_state}"
