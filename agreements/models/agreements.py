"""Agreements: the numbered conclusions, recommendations and decisions that meetings adopt."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.importer.obligations import decided_at_the_meeting, has_obligation
from agreements.models.choices import (
    ADDRESSED_TO_CHOICES,
    NO_FOLLOW_UP_ACTIONS,
    REPEAT_SUFFIX,
    Action,
    DeadlinePrecision,
    FollowUpOverride,
    Section,
    Status,
    more_public,
    printed_label,
    section_ref,
)
from agreements.models.querysets import AgreementQuerySet
from agreements.models.themes import AgreementTheme, Theme
from meetings.models import Meeting, MeetingKind
from rcm.models import ChoiceLabels, Country, Organisation, Visibility, source
from rcm.search import Folded


def follow_up_as_written(action: str, text_en: str, text_es: str = "") -> bool:
    """Whether an item's text gives anyone something to do, whatever its opening verb: any clause
    that gives a task (importer/obligations.py) makes it followed up; without one, a thank, a
    note or a decision the meeting took there and then (approve, adopt, accept, endorse, welcome,
    reiterate a position…) is not. The one rule: the model, the loaded records' migrations and
    the demo records all ask it."""
    if has_obligation(text_en, text_es):
        return True
    return action not in NO_FOLLOW_UP_ACTIONS and not decided_at_the_meeting(text_en, text_es)


class AgreementManager(models.Manager.from_queryset(AgreementQuerySet)):
    def get_by_natural_key(self, meeting_id, section, ref):
        return self.get(meeting_id=meeting_id, section=section, ref=ref)


class Agreement(ChoiceLabels, models.Model):
    """A numbered conclusion, recommendation or decision adopted at a meeting, and its follow-up."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("meeting")
    )
    section = models.CharField(_("section"), max_length=15, choices=Section.choices)
    group = models.CharField(
        _("group label"),
        max_length=200,
        blank=True,
        help_text=_('A label the list puts above the item, e.g. "Working Group on Protection".'),
    )
    ref = models.CharField(
        _("reference"),
        max_length=40,
        help_text=_("As the document numbers it: 7, 7.p, 7.p.ii"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    position = models.PositiveIntegerField(
        _("order in the document"), default=0, help_text=_("Document order within the meeting.")
    )
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    themes = models.ManyToManyField(
        Theme,
        through=AgreementTheme,
        blank=True,
        related_name="agreements",
        verbose_name=_("Plan of Action themes"),
    )
    countries = models.ManyToManyField(
        Country, through="AgreementCountry", related_name="agreements", blank=True
    )
    organisations = models.ManyToManyField(
        Organisation, through="AgreementOrganisation", related_name="agreements", blank=True
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_text = models.CharField(
        _("deadline as written"),
        max_length=200,
        blank=True,
        help_text=_('The phrase the deadline comes from: "within a two-month period".'),
    )
    deadline_precision = models.CharField(
        _("deadline precision"), max_length=10, choices=DeadlinePrecision.choices, blank=True
    )
    deadline_body = models.CharField(
        _("due at the next meeting of"),
        max_length=20,
        choices=MeetingKind.choices,
        blank=True,
        help_text=_(
            '"At the next meeting of the RCGM": the deadline is that meeting\'s first day once '
            "it is recorded, and moves when the meeting moves."
        ),
    )
    addressed_to_body = models.CharField(
        _("addressed to"),
        max_length=20,
        choices=ADDRESSED_TO_CHOICES,
        blank=True,
        default="",
        help_text=_(
            "The body whose next meeting must decide on this recommendation. Left as its section "
            "and text say, an RCGM recommendation goes to the Vice-Ministerial Meeting."
        ),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.OPEN
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    # A summary of the follow-up updates, kept by the database (migration 0014's triggers) on
    # every write of either table, so that not reported and stale are read from the row rather
    # than from a subquery over the updates per agreement (AgreementQuerySet.not_reported_q).
    reported_at = models.DateTimeField(
        _("last reported"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the latest accepted follow-up update was posted."),
    )
    # The day it falls due: its deadline, or the first day of the meeting it is due at ("at the
    # next meeting of the RCGM") once that meeting is recorded. Kept by the database (migration
    # 0018's triggers) on every write of an agreement or a meeting, so that it moves when that
    # meeting moves, and overdue is a range over one indexed column rather than a subquery per
    # agreement (AgreementQuerySet.overdue_q).
    due_on = models.DateField(
        _("due"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The deadline, or the first day of the meeting it is due at once that meeting is "
            "recorded."
        ),
    )
    follow_up_override = models.CharField(
        _("followed up"),
        max_length=15,
        choices=FollowUpOverride.choices,
        blank=True,
        default=FollowUpOverride.DERIVED,
        help_text=_(
            "Left as its text says, an item is followed up when it gives someone a task, "
            "whatever its opening verb. TS staff may decide otherwise, giving the reason."
        ),
    )
    follow_up_override_reason = models.TextField(
        _("why TS staff decided"),
        blank=True,
        help_text=_("Required when the follow-up is decided by TS staff; the history keeps it."),
    )
    # Never more public than its meeting: a rule across two tables, so triggers (migration
    # 0005) rather than a CheckConstraint; they also give an empty visibility the meeting's, and a
    # meeting made more restrictive takes its agreements along.
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        blank=True,
        default="",
        help_text=_(
            "Left empty, the meeting's. Never more public than the meeting: the decisions of a "
            "closed-door meeting stay with those who may see the meeting."
        ),
    )
    proposed_activities = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="proposed_by",
        verbose_name=_("activities it proposes"),
        help_text=_("The planned workshops, seminars or meetings this agreement proposes."),
    )
    search_vector = models.GeneratedField(
        expression=SearchVector("ref", weight="A", config="simple")
        + SearchVector(Folded("text_en"), weight="B", config="english")
        + SearchVector(Folded("text_es"), weight="B", config="spanish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    demo = models.BooleanField(_("demo data"), default=False, editable=False)
    source = source()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementManager()
    history = HistoricalRecords(
        excluded_fields=["search_vector", "due_on"], m2m_fields=[themes, proposed_activities]
    )

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.UniqueConstraint(
                # Documents restart their numbering in each section (conclusions 1–19, then
                # recommendations 1–2), so a reference is unique within its section.
                fields=["meeting", "section", "ref"],
                name="one_agreement_per_reference_in_a_section",
                violation_error_message=_(
                    "The meeting already has an agreement with this reference in this section."
                ),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_override="") | ~Q(follow_up_override_reason=""),
                name="follow_up_override_gives_a_reason",
                violation_error_message=_("Say why the follow-up is decided otherwise."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="agreement_is_not_its_own_part",
                violation_error_message=_("An agreement cannot be a part of itself."),
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="agreement_search_gin"),
            models.Index(fields=["status", "deadline"], name="agreement_status_deadline"),
            models.Index(fields=["deadline"], name="agreement_deadline"),
            models.Index(fields=["action"], name="agreement_action"),
            models.Index(fields=["section"], name="agreement_section"),
            models.Index(fields=["visibility"], name="agreement_visibility"),
            models.Index(fields=["meeting", "position"], name="agreement_document_order"),
            # Lists and counts by status (the overdue ones by the day they fall due) answer from
            # this index alone, without reading the table.
            models.Index(
                fields=["status", "visibility", "due_on"],
                include=["id", "meeting"],
                name="agreement_status_visibility",
            ),
            # The few agreements due at a body's next meeting, which a meeting's change can move
            # (migration 0018's triggers), found without reading the others.
            models.Index(
                fields=["deadline_body"],
                condition=Q(deadline__isnull=True) & ~Q(deadline_body=""),
                name="agreement_due_at_a_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.display_ref}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The database wrote due_on (migration 0018): a dated item's is its deadline, an undated
        # one without a body has none; only one due at a body's next meeting is read back.
        if self.deadline is not None or not self.deadline_body:
            self.due_on = self.deadline
        else:
            self.refresh_from_db(fields=["due_on"])

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.pk])

    @property
    def printed_ref(self) -> str:
        """The reference as the document prints it, without the importer's repeat suffix."""
        return REPEAT_SUFFIX.sub("", self.ref)

    @property
    def display_ref(self) -> str:
        """The label pages and exports print: "Conclusion 1", "Recommendation 1", a working
        group's "1.b (occurrence 3)" (choices.printed_label)."""
        return printed_label(section=self.section, ref=self.ref)

    @property
    def section_ref(self) -> str:
        """The reference within its section, for lists under the section's heading."""
        return section_ref(self.ref)

    def natural_key(self):
        return (self.meeting_id, self.section, self.ref)

    natural_key.dependencies = ["meetings.meeting"]

    @property
    def text(self) -> str:
        if (get_language() or "en").startswith("es") and self.text_es:
            return self.text_es
        # A record imported from its Spanish version has no English text until that is imported.
        return self.text_en or self.text_es

    @property
    def text_language(self) -> str:
        """The language `text` is shown in ("es" or "en"), so that a page can mark a text
        recorded in one language only."""
        spanish_page = (get_language() or "en").startswith("es")
        return "es" if self.text_es and (spanish_page or not self.text_en) else "en"

    def _annotated_state(self, name: str) -> bool:
        """A state annotated by AgreementQuerySet.with_states(); else decided from the row when
        it was read with its meeting (AgreementQuerySet.states_of); else asked of the database."""
        if name in self.__dict__:
            return self.__dict__[name]
        if self.pk is None:
            return False
        if "due_on" in self.__dict__ and Agreement.meeting.is_cached(self):
            self.__dict__.update(AgreementQuerySet.states_of(self))
            return self.__dict__[name]
        states = Agreement.objects.filter(pk=self.pk).with_states().values(name)
        self.__dict__[name] = bool(states[0][name]) if states else False
        return self.__dict__[name]

    @property
    def due_meeting_label(self) -> str:
        """How the page names the meeting the agreement is due at: "the next RCGM"."""
        labels = {
            MeetingKind.RCGM: _("the next RCGM"),
            MeetingKind.VICE_MINISTERIAL: _("the next Vice-Ministerial Meeting"),
        }
        return labels.get(self.deadline_body) or self.get_deadline_body_display()

    @property
    def is_overdue(self) -> bool:
        return self._annotated_state("overdue")

    @property
    def is_not_reported(self) -> bool:
        return self._annotated_state("not_reported")

    @property
    def is_stale(self) -> bool:
        return self._annotated_state("stale")

    @property
    def needs_follow_up(self) -> bool:
        """Whether anyone has something to do: TS staff's decision if they made one, else the
        text's (`follow_up_as_written`): any clause that gives a task, whatever the opening verb;
        a thank, a note or a decision taken at the meeting that asks nothing of anyone is not."""
        if self.follow_up_override:
            return self.follow_up_override == FollowUpOverride.FOLLOW_UP
        return follow_up_as_written(self.action, self.text_en, self.text_es)

    @property
    def why_no_follow_up(self) -> str:
        """Why an item is not followed up, for a reader who wonders where its tasks went: TS
        staff's reason, or what its text does instead of giving a task. Empty when it is."""
        if self.status != Status.NO_FOLLOW_UP:
            return ""
        if self.follow_up_override == FollowUpOverride.NO_FOLLOW_UP:
            return _("TS staff decided it needs no follow-up: %(reason)s") % {
                "reason": self.follow_up_override_reason.strip()
            }
        if self.action == Action.THANK:
            return _("It thanks and gives no one a task.")
        if self.action == Action.NOTE:
            return _("It takes note and gives no one a task.")
        return _(
            "The meeting decided it there and then (it approves, adopts, accepts or welcomes) "
            "and it gives no one a task."
        )

    @property
    def initial_status(self) -> str:
        return Status.OPEN if self.needs_follow_up else Status.NO_FOLLOW_UP

    def clean(self):
        errors = {}
        if self.parent_id:
            if self.parent_id == self.pk:
                errors["parent"] = _("An agreement cannot be a part of itself.")
            elif self.parent.meeting_id != self.meeting_id:
                errors["parent"] = _("An item and its parent belong to the same meeting.")
            elif self.ref and not self.ref.startswith(f"{self.parent.ref}."):
                errors["ref"] = _(
                    "The reference of a sub-item starts with its parent's: %(ref)s."
                ) % {"ref": f"{self.parent.ref}."}
            else:
                ancestor = self.parent
                while ancestor is not None:
                    if ancestor.pk == self.pk:
                        errors["parent"] = _("An agreement cannot be a part of its own sub-item.")
                        break
                    ancestor = ancestor.parent
        if self.meeting_id:
            meeting_visibility = self.meeting.visibility
            if not self.visibility:
                self.visibility = meeting_visibility
            elif more_public(self.visibility, meeting_visibility):
                errors["visibility"] = _(
                    "An agreement cannot be more public than its meeting (%(visibility)s)."
                ) % {"visibility": Visibility(meeting_visibility).label}
        if self.deadline and not self.deadline_precision:
            self.deadline_precision = DeadlinePrecision.DAY
        if self.deadline_precision == DeadlinePrecision.NONE and self.deadline:
            errors["deadline"] = _("A deadline marked as having no date cannot carry one.")
        if self.deadline_body:
            if self.deadline:
                errors["deadline"] = _(
                    "An agreement due at a body's next meeting takes that meeting's date: "
                    "leave the deadline empty."
                )
            self.deadline_precision = DeadlinePrecision.MEETING
        if self.follow_up_override and not self.follow_up_override_reason.strip():
            errors["follow_up_override_reason"] = _("Say why the follow-up is decided otherwise.")
        elif self.status == Status.NO_FOLLOW_UP and self.needs_follow_up:
            errors["status"] = _(
                'An item that gives someone a task cannot take the status "no follow-up".'
            )
        if errors:
            raise ValidationError(errors)
