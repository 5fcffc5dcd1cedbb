"""Written consultations between meetings (the five-working-day procedure), and reminders sent.

The procedure, as the conference describes it: the PPT sends a proposed course of action to the
Troika; with the Troika's consensus the text goes to all member countries and five working days
open; amended text is re-sent for another five working days; with consensus the PPT launches the
action and reports the result. The workflows live in `agreements.consultations`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreements import Agreement
from meetings.models import Meeting
from rcm.models import Access, Country, Presidency, Visibility, access_for


class ConsultationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    TROIKA_REVIEW = "troika_review", _("Troika review")
    MEMBERS_ROUND = "members_round", _("Members' round")
    AMENDED = "amended", _("Amended")
    AGREED = "agreed", _("Agreed")
    LAUNCHED = "launched", _("Launched")
    RESULT_REPORTED = "result_reported", _("Result reported")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RoundKind(models.TextChoices):
    TROIKA = "troika", _("Troika review")
    MEMBERS = "members", _("Members' round")


class AnswerKind(models.TextChoices):
    AGREE = "agree", _("Agrees")
    PROPOSE_CHANGES = "propose_changes", _("Proposes changes")
    OBJECT = "object", _("Objects")
    NO_ANSWER = "no_answer", _("No answer by the deadline")


FINAL_STATES = frozenset({ConsultationState.RESULT_REPORTED, ConsultationState.WITHDRAWN})
# Once the members agreed, the consultation has an outcome: a meeting and an agreement.
OUTCOME_STATES = (
    ConsultationState.AGREED,
    ConsultationState.LAUNCHED,
    ConsultationState.RESULT_REPORTED,
)
ANSWERING_STATES = {
    RoundKind.TROIKA: ConsultationState.TROIKA_REVIEW,
    RoundKind.MEMBERS: ConsultationState.MEMBERS_ROUND,
}
# What a user may choose; "no answer" is recorded by the system when a round closes.
GIVEN_ANSWERS = [c for c in AnswerKind.choices if c[0] != AnswerKind.NO_ANSWER]
CONSULTATION_VISIBILITIES = [
    (Visibility.MEMBERS, Visibility.MEMBERS.label),
    (Visibility.PUBLIC, Visibility.PUBLIC.label),
]


def next_states(state: str, last_round_kind: str | None = None) -> list[str]:
    """The states a consultation may move to next, in the order of the procedure.

    An amended text goes back to whoever was consulted on the text it amends: the Troika when
    the Troika proposed changes, all members when they did.
    """
    s = ConsultationState
    forward = {
        s.DRAFT: [s.TROIKA_REVIEW],
        s.TROIKA_REVIEW: [s.MEMBERS_ROUND, s.AMENDED],
        s.MEMBERS_ROUND: [s.AGREED, s.AMENDED],
        s.AMENDED: [s.TROIKA_REVIEW if last_round_kind == RoundKind.TROIKA else s.MEMBERS_ROUND],
        s.AGREED: [s.LAUNCHED],
        s.LAUNCHED: [s.RESULT_REPORTED],
    }.get(state, [])
    return [*forward, s.WITHDRAWN] if state not in FINAL_STATES else []


def _access(user_or_access) -> Access:
    return user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)


def _troika_review_readers(access: Access, *, parts: bool) -> Q | None:
    """The consultations whose Troika review this user reads (TS staff aside): those its country
    proposed as the PPT or answered as the Troika, for its focal points only. With `parts`, the
    condition is on a consultation's rounds, versions or steps rather than on the consultation.
    None when the user reads no Troika review."""
    if not access.is_focal_point:
        return None
    troika_asked = ConsultationRound.countries.through.objects.filter(
        consultationround__consultation=OuterRef("consultation" if parts else "pk"),
        consultationround__kind=RoundKind.TROIKA,
        country_id=access.member_country,
    )
    ppt = "consultation__presidency__country_id" if parts else "presidency__country_id"
    return Q(**{ppt: access.member_country}) | Q(Exists(troika_asked))


def _members_rounds():
    """The members' rounds of the consultation a part (version, step) belongs to."""
    return ConsultationRound.objects.filter(
        consultation=OuterRef("consultation"), kind=RoundKind.MEMBERS
    )


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
        access = _access(user_or_access)
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
            troika = _troika_review_readers(access, parts=False)
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
        access = _access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            last = _members_rounds().order_by("-opened_at", "-pk").values("version__number")[:1]
            return self.filter(number=Subquery(last))
        first = _members_rounds().order_by("opened_at", "pk").values("version__number")[:1]
        visible = Q(number__gte=Subquery(first))
        troika = _troika_review_readers(access, parts=True)
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


class ConsultationRoundQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """The rounds a reader sees of a consultation it may see, with their answers.

        The Troika's rounds stay with TS staff and the Troika's and the PPT's focal points;
        members see the members' rounds; everyone else sees none (the outcome is on the
        consultation: who answered what, and why, stays with the members).
        """
        access = _access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            return self.none()
        visible = Q(kind=RoundKind.MEMBERS)
        troika = _troika_review_readers(access, parts=True)
        return self.filter(visible | troika if troika is not None else visible)

    def open_at(self, now: datetime.datetime):
        """Rounds still taking answers at a moment: opened, not closed, deadline not passed."""
        return self.filter(opened_at__lte=now, closes_at__gt=now).filter(
            Q(closed_at__isnull=True) | Q(closed_at__gt=now)
        )

    def awaiting(self, country_code: str, now: datetime.datetime):
        """Open rounds that ask the country and that it has not answered yet."""
        answered = ConsultationAnswer.objects.filter(round=OuterRef("pk"), country_id=country_code)
        return (
            self.open_at(now)
            .filter(countries=country_code)
            .exclude(consultation__state__in=FINAL_STATES)
            .filter(~Exists(answered))
        )


class ConsultationRound(models.Model):
    """A period of five working days in which the Troika or all members answer one version."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("kind"), max_length=10, choices=RoundKind.choices)
    number = models.PositiveSmallIntegerField(
        _("round"), help_text=_("Members' rounds are numbered 1, 2, … as the text is amended.")
    )
    version = models.ForeignKey(
        ConsultationVersion,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("version of the text"),
    )
    countries = models.ManyToManyField(
        Country,
        related_name="consultation_rounds",
        verbose_name=_("countries asked"),
        help_text=_("The Troika, or the member countries on the day the round opened."),
    )
    opened_at = models.DateTimeField(_("opened"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_rounds_opened",
        verbose_name=_("opened by"),
    )
    deadline = models.DateField(
        _("deadline"),
        help_text=_(
            "The fifth working day counted from the day after opening, in the PPT's country."
        ),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, help_text=_("The PPT's, in which the deadline day ends.")
    )
    closes_at = models.DateTimeField(_("closes"), help_text=_("The end of the deadline day."))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ConsultationRoundQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        ordering = ["consultation", "opened_at", "pk"]
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")
        indexes = [models.Index(fields=["closed_at", "closes_at"], name="consultation_round_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "kind", "number"], name="one_consultation_round_per_number"
            ),
            models.UniqueConstraint(
                fields=["consultation"],
                condition=Q(closed_at__isnull=True),
                name="one_open_round_per_consultation",
                violation_error_message=_("The consultation already has an open round."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="consultation_rounds_count_from_one"
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opened_at")),
                name="consultation_round_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=F("opened_at")),
                name="consultation_round_is_closed_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation}: {self.label}"

    @property
    def label(self) -> str:
        """How the procedure names a round: "Troika review 1", "Members' round 2"."""
        return f"{RoundKind(self.kind).label} {self.number}"

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.closed_at is None and self.opened_at <= now < self.closes_at

    def is_due(self, now: datetime.datetime | None = None) -> bool:
        """Still recorded as open, although its deadline has passed: it is to be closed."""
        return self.closed_at is None and (now or timezone.now()) >= self.closes_at

    def time_left(self, now: datetime.datetime | None = None) -> datetime.timedelta | None:
        now = now or timezone.now()
        if not self.is_open(now):
            return None
        return self.closes_at - now

    # The next methods read the prefetched countries and answers: no query per round.

    def answers_by_country(self) -> dict[str, ConsultationAnswer]:
        return {answer.country_id: answer for answer in self.answers.all()}

    def asked_codes(self) -> list[str]:
        return sorted(country.code for country in self.countries.all())

    def answered_codes(self) -> list[str]:
        """Countries that gave an answer (a recorded "no answer" is none)."""
        return sorted(
            answer.country_id
            for answer in self.answers.all()
            if answer.answer != AnswerKind.NO_ANSWER
        )

    def not_answered_codes(self) -> list[str]:
        answered = set(self.answered_codes())
        return [code for code in self.asked_codes() if code not in answered]

    def has_consensus(self) -> bool:
        """Consensus: every country asked agrees with this version of the text."""
        answers = self.answers_by_country()
        asked = self.asked_codes()
        return bool(asked) and all(
            code in answers and answers[code].answer == AnswerKind.AGREE for code in asked
        )


class ConsultationAnswer(models.Model):
    """A country's answer in a round: agrees, proposes changes, objects, or none by the deadline."""

    round = models.ForeignKey(ConsultationRound, on_delete=models.CASCADE, related_name="answers")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="consultation_answers"
    )
    answer = models.CharField(_("answer"), max_length=20, choices=AnswerKind.choices)
    text = models.TextField(
        _("proposed changes or reasons"),
        blank=True,
        help_text=_("Required when the country proposes changes."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_answers",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "country"]
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "country"],
                name="one_answer_per_country_and_round",
                violation_error_message=_("The country already answered in this round."),
            ),
            models.CheckConstraint(
                condition=~Q(answer=AnswerKind.PROPOSE_CHANGES) | ~Q(text=""),
                name="proposed_changes_come_with_text",
                violation_error_message=_("Write the changes the country proposes."),
            ),
            models.CheckConstraint(
                condition=Q(answer=AnswerKind.NO_ANSWER, answered_by__isnull=True)
                | (~Q(answer=AnswerKind.NO_ANSWER) & Q(answered_by__isnull=False)),
                name="a_person_gives_every_answer_but_none",
                violation_error_message=_(
                    "An answer is given by a person; only a missing answer has nobody."
                ),
            ),
            models.CheckConstraint(
                condition=Q(answer__in=AnswerKind.values), name="consultation_answer_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.country_id} {self.get_answer_display()}"

    def clean(self):
        if self.answer == AnswerKind.PROPOSE_CHANGES and not self.text.strip():
            raise ValidationError({"text": _("Write the changes the country proposes.")})


class ConsultationTransitionQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """The steps a reader sees of a consultation it may see.

        TS staff, and the Troika's and the PPT's focal points, see every step. Other members see
        the steps from the opening of the first members' round (those before it are the Troika
        review's). Everyone else sees how the outcome came: agreed, launched, result reported.
        """
        access = _access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            return self.filter(to_state__in=OUTCOME_STATES)
        opened = _members_rounds().order_by("opened_at", "pk").values("opened_at")[:1]
        visible = Q(at__gte=Subquery(opened))
        troika = _troika_review_readers(access, parts=True)
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
