"""The rounds of a consultation (five working days in which the Troika or all members answer one
version of the text) and the countries' answers; who reads which consultation's parts."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from consultations.models.states import FINAL_STATES, AnswerKind, RoundKind
from rcm.models import Access, Country, access_for


def as_access(user_or_access) -> Access:
    return user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)


def troika_review_readers(access: Access, *, parts: bool) -> Q | None:
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


def members_rounds():
    """The members' rounds of the consultation a part (version, step) belongs to."""
    return ConsultationRound.objects.filter(
        consultation=OuterRef("consultation"), kind=RoundKind.MEMBERS
    )


class ConsultationRoundQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """The rounds a reader sees of a consultation it may see, with their answers.

        The Troika's rounds stay with TS staff and the Troika's and the PPT's focal points;
        members see the members' rounds; everyone else sees none (the outcome is on the
        consultation: who answered what, and why, stays with the members).
        """
        access = as_access(user_or_access)
        if access.is_ts_staff:
            return self
        if not access.may_see_members_records():
            return self.none()
        visible = Q(kind=RoundKind.MEMBERS)
        troika = troika_review_readers(access, parts=True)
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

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="rounds"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=RoundKind.choices)
    number = models.PositiveSmallIntegerField(
        _("round"), help_text=_("Members' rounds are numbered 1, 2, … as the text is amended.")
    )
    version = models.ForeignKey(
        "consultations.ConsultationVersion",
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
