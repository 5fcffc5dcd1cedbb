"""Agreements: the numbered conclusions, recommendations and decisions that meetings adopt."""

from __future__ import annotations

import calendar
import datetime
import re

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchRank, SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.importer.obligations import has_obligation
from meetings.models import Meeting, MeetingKind, MeetingStatus, VisibilityQuerySet
from rcm.models import Bilingual, Country, Organisation, Visibility, source
from rcm.search import Folded, search_query


class Section(models.TextChoices):
    CONCLUSION = "conclusion", _("Conclusion")
    RECOMMENDATION = "recommendation", _("Recommendation")
    DECISION = "decision", _("Decision")
    DECLARATION = "declaration", _("Declaration")
    WORKING_GROUP = "working_group", _("Agreement of a working group")
    CONSULTATION = "consultation", _("Agreed by consultation")


class Action(models.TextChoices):
    """What the agreement does, as its opening verb says."""

    THANK = "thank", _("Thank")
    NOTE = "note", _("Take note")
    ACCEPT = "accept", _("Accept")
    APPROVE = "approve", _("Approve")
    RECOMMEND = "recommend", _("Recommend")
    URGE = "urge", _("Urge")
    REQUEST = "request", _("Request")
    SUBMIT = "submit", _("Submit")
    HOLD = "hold", _("Hold (an activity)")
    CONSIDER = "consider", _("Consider")
    OTHER = "other", _("Other")


# From the most public to the most restricted: an agreement is never more public than its meeting.
VISIBILITY_ORDER = (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.RESTRICTED)


def more_public(visibility: str, than: str) -> bool:
    """Whether a visibility reaches more people than another (public > members > restricted)."""
    return VISIBILITY_ORDER.index(visibility) < VISIBILITY_ORDER.index(than)


def stricter_visibility(one: str, other: str) -> str:
    """The more restrictive of two visibilities."""
    return other if more_public(one, other) else one


# Thanks and notes record what happened; nobody has anything left to do.
NO_FOLLOW_UP_ACTIONS = {Action.THANK, Action.NOTE}


class FollowUpOverride(models.TextChoices):
    """Whether an item is followed up: as its text says, or as TS staff decided (with a reason)."""

    DERIVED = "", _("As its text says")
    FOLLOW_UP = "follow_up", _("Followed up")
    NO_FOLLOW_UP = "no_follow_up", _("Not followed up")


# "Addressed to" as TS staff may set it: a body's meetings (MeetingKind), or none at all.
ADDRESSED_TO_NO_BODY = "none"
ADDRESSED_TO_CHOICES = [
    ("", _("As its section and text say")),
    (ADDRESSED_TO_NO_BODY, _("No body")),
    *MeetingKind.choices,
]
# Where a body's recommendations go: the RCGM recommends to the vice-ministers; the networks and
# working groups report and recommend to the RCGM.
RECOMMENDS_TO = {
    MeetingKind.RCGM: MeetingKind.VICE_MINISTERIAL,
    MeetingKind.LIAISON_NETWORK: MeetingKind.RCGM,
    MeetingKind.JOINT_NETWORKS: MeetingKind.RCGM,
    MeetingKind.WORKING_GROUP: MeetingKind.RCGM,
    MeetingKind.AD_HOC_GROUP: MeetingKind.RCGM,
}
# A text that names the body it goes to: "to submit to the Vice-Ministers", "al GRCM".
NAMES_BODY = {
    MeetingKind.VICE_MINISTERIAL: r"vice[- ]?minist",
    MeetingKind.RCGM: r"\m(rcgm|grcm)\M|consultation group",
}


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    SUPERSEDED = "superseded", _("Superseded")
    DROPPED = "dropped", _("Dropped")
    NO_FOLLOW_UP = "no_follow_up", _("No follow-up")


OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.DONE, Status.SUPERSEDED, Status.DROPPED, Status.NO_FOLLOW_UP)


# The importer tells apart an item whose label repeats under the same parent (a document that
# starts a second "a., b., c." list under item 1) by a suffix: "1.b-3" is the third "1.b".
# The suffix is the records' key, never printed: the pages show "1.b (occurrence 3)". It counts
# the label's uses, not the lists (the 2013 working group's third list holds 1.b-3 and 1.c-2).
REPEAT_SUFFIX = re.compile(r"-(\d+)(?=\.|$)")


class DeadlinePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    SEMESTER = "semester", _("Semester")
    YEAR = "year", _("Year")
    MEETING = "meeting", _("At a body's next meeting")
    RELATIVE = "relative", _("Counted from the meeting")
    NONE = "none", _("No date (e.g. as soon as possible)")


class ThemeQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees the themes of the Plan of Action: they are public."""
        return self.all()


class ThemeManager(models.Manager.from_queryset(ThemeQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Theme(Bilingual, models.Model):
    """A theme or subtopic of the conference's Plan of Action."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="subtopics"
    )
    source = source()

    objects = ThemeManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("Plan of Action theme")
        verbose_name_plural = _("Plan of Action themes")

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    def natural_key(self):
        return (self.code,)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=models.BooleanField()
    )


class AgreementQuerySet(VisibilityQuerySet):
    """Where agreements stand. The rules of overdue, not reported and stale live here, once:
    pages, counts, charts, the matrix, exports and the API all read them from these methods."""

    meeting_field = "meeting"

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """Deadline passed while the agreement is still open or in progress."""
        return self.filter(self.overdue_q(today))

    @staticmethod
    def next_meetings():
        """The meetings of the body an agreement is due at ("at the next meeting of the RCGM"),
        held or planned after the agreement's own meeting, correlated with the agreement."""
        adopted = Coalesce(OuterRef("meeting__ends_on"), OuterRef("meeting__starts_on"))
        return (
            Meeting.objects.filter(
                kind=OuterRef("deadline_body"), parent__isnull=True, starts_on__gt=adopted
            )
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("starts_on", "pk")
        )

    @staticmethod
    def due_at_meeting() -> Subquery:
        """The first day of the next meeting the agreement is due at, once it is recorded."""
        return Subquery(AgreementQuerySet.next_meetings().values("starts_on")[:1])

    @staticmethod
    def overdue_q(today: datetime.date | None = None) -> Q:
        """Open or in progress, and its deadline passed: its date, or the day of the meeting it
        is due at (which moves when that meeting moves)."""
        today = today or timezone.localdate()
        meeting_passed = Exists(AgreementQuerySet.next_meetings().filter(starts_on__lt=today))
        return Q(status__in=OPEN_STATUSES) & (
            Q(deadline__lt=today)
            | (Q(deadline__isnull=True) & ~Q(deadline_body="") & Q(meeting_passed))
        )

    @staticmethod
    def _accepted_updates(since: datetime.date | None = None):
        from agreements.models.followups import FollowUp, Validation

        updates = FollowUp.objects.filter(agreement=OuterRef("pk"), validation=Validation.ACCEPTED)
        return updates.filter(created_at__date__gte=since) if since else updates

    @staticmethod
    def not_reported_q() -> Q:
        """Open or in progress and nobody has reported on it since it was adopted (no accepted
        update)."""
        return Q(status__in=OPEN_STATUSES) & ~Q(Exists(AgreementQuerySet._accepted_updates()))

    @staticmethod
    def stale_q(today: datetime.date | None = None) -> Q:
        """Open or in progress, adopted more than FOLLOW_UP_STALE_MONTHS ago, and no accepted
        update within that time."""
        cutoff = months_before(today or timezone.localdate(), settings.FOLLOW_UP_STALE_MONTHS)
        adopted_before = Q(meeting__starts_on__lt=cutoff) | Q(
            meeting__starts_on__isnull=True, meeting__year__lt=cutoff.year
        )
        return (
            Q(status__in=OPEN_STATUSES)
            & adopted_before
            & ~Q(Exists(AgreementQuerySet._accepted_updates(since=cutoff)))
        )

    def not_reported(self):
        return self.filter(self.not_reported_q())

    def stale(self, today: datetime.date | None = None):
        return self.filter(self.stale_q(today))

    def with_states(self, today: datetime.date | None = None):
        """Annotate each agreement with where it stands beside its status: `due_on` (its date,
        or the day of the meeting it is due at), `overdue`, `not_reported` and `stale`."""
        today = today or timezone.localdate()
        return self.annotate(
            due_on=Case(
                When(deadline__isnull=False, then=F("deadline")),
                When(~Q(deadline_body=""), then=self.due_at_meeting()),
                default=None,
                output_field=models.DateField(),
            ),
            overdue=_flag(self.overdue_q(today)),
            not_reported=_flag(self.not_reported_q()),
            stale=_flag(self.stale_q(today)),
        )

    @staticmethod
    def addressed_to_q(body: str) -> Q:
        """Recommendations addressed to a body's meetings (MeetingKind): as TS staff set it, else
        as derived: a recommendation (by its section or its verb) goes where its meeting's body
        recommends (the RCGM to the vice-ministers), and one that submits or recommends to a body
        its text names goes to that body."""
        recommends = Q(section=Section.RECOMMENDATION) | Q(
            action__in=[Action.RECOMMEND, Action.SUBMIT]
        )
        from_kinds = [kind for kind, to in RECOMMENDS_TO.items() if to == body]
        derived = recommends & Q(meeting__kind__in=from_kinds)
        if body in NAMES_BODY:
            pattern = NAMES_BODY[body]
            derived |= (
                Q(action__in=[Action.RECOMMEND, Action.SUBMIT])
                & (Q(text_en__iregex=pattern) | Q(text_es__iregex=pattern))
                & ~Q(meeting__kind=body)
            )
        return Q(addressed_to_body=body) | (Q(addressed_to_body="") & derived)

    def addressed_to(self, body: str):
        return self.filter(self.addressed_to_q(body))

    def concerning_country(self, code: str):
        """Agreements that make the country responsible or mention it."""
        return self.filter(
            Exists(AgreementCountry.objects.filter(agreement=OuterRef("pk"), country_id=code))
        )

    def responsible_country(self, code: str):
        return self.filter(
            Exists(
                AgreementCountry.objects.filter(
                    agreement=OuterRef("pk"), country_id=code, responsible=True
                )
            )
        )

    def pending_for_country(self, code: str):
        """Open agreements the country must still act on: its own status is not closed."""
        country_open = AgreementCountry.objects.filter(
            agreement=OuterRef("pk"), country_id=code, responsible=True
        ).filter(Q(status="") | Q(status__in=OPEN_STATUSES))
        return self.open().filter(Exists(country_open))

    def overdue_for_country(self, code: str, today: datetime.date | None = None):
        return self.pending_for_country(code).filter(self.overdue_q(today))

    def concerning_organisation(self, acronym: str):
        return self.filter(
            Exists(
                AgreementOrganisation.objects.filter(
                    agreement=OuterRef("pk"), organisation__acronym__iexact=acronym
                )
            )
        )

    def responsible_actor(self, code: str):
        """Agreements a country (alpha-2) or an organisation (acronym) must act on."""
        country = AgreementCountry.objects.filter(
            agreement=OuterRef("pk"), country_id=code.upper(), responsible=True
        )
        organisation = AgreementOrganisation.objects.filter(
            agreement=OuterRef("pk"), organisation__acronym__iexact=code, responsible=True
        )
        return self.filter(Exists(country) | Exists(organisation))

    def in_theme(self, code: str):
        """Agreements on a theme of the Plan of Action or any of its subtopics."""
        tagged = Agreement.themes.through.objects.filter(agreement_id=OuterRef("pk")).filter(
            Q(theme__code=code) | Q(theme__code__startswith=f"{code}.")
        )
        return self.filter(Exists(tagged))

    def search(self, text: str):
        """Full-text search in English and Spanish, best matches first."""
        query = search_query(text)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "pk")
        )

    def in_document_order(self):
        return self.order_by("meeting_id", "position")

    def for_listing(self):
        return self.select_related("meeting", "meeting__country", "parent")

    def with_progress(self):
        """Annotate the share of children done, for the items that have children."""
        return self.annotate(
            children_count=Count("children", distinct=True),
            children_done=Count("children", filter=Q(children__status=Status.DONE), distinct=True),
        )


class AgreementTheme(models.Model):
    """A Plan of Action theme an agreement is on: suggested from its text (themes_suggest) until
    TS staff confirm it; a theme TS staff add themselves is confirmed."""

    agreement = models.ForeignKey("Agreement", on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="agreement_links")
    suggested = models.BooleanField(
        _("suggested"),
        default=False,
        help_text=_("Suggested from the text; TS staff have not confirmed it yet."),
    )
    # Who suggested or confirmed each theme; the agreement's own history keeps the set of its
    # themes (m2m_fields) under the name HistoricalAgreementTheme.
    history = HistoricalRecords(custom_model_name="HistoricalAgreementThemeLink")

    class Meta:
        # The table of the plain many-to-many it replaces (migration 0010).
        db_table = "agreements_agreement_themes"
        unique_together = [("agreement", "theme")]
        ordering = ["agreement", "theme"]
        verbose_name = _("theme of an agreement")
        verbose_name_plural = _("themes of agreements")

    def __str__(self) -> str:
        return f"{self.agreement}: {self.theme.code}"


class AgreementManager(models.Manager.from_queryset(AgreementQuerySet)):
    def get_by_natural_key(self, meeting_id, section, ref):
        return self.get(meeting_id=meeting_id, section=section, ref=ref)


class Agreement(models.Model):
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
        excluded_fields=["search_vector"], m2m_fields=[themes, proposed_activities]
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
            # Lists and counts by status (the overdue ones by deadline) answer from this index
            # alone, without reading the table.
            models.Index(
                fields=["status", "visibility", "deadline"],
                include=["id", "meeting"],
                name="agreement_status_visibility",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.display_ref}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.pk])

    @property
    def printed_ref(self) -> str:
        """The reference as the document prints it, without the importer's repeat suffix."""
        return REPEAT_SUFFIX.sub("", self.ref)

    @property
    def display_ref(self) -> str:
        """The printed reference, and which use of its label this item is when the label
        repeats: "1.b (occurrence 3)"."""
        repeats = REPEAT_SUFFIX.findall(self.ref)
        if not repeats:
            return self.ref
        number = repeats[-1]
        return _("%(ref)s (occurrence %(number)s)") % {"ref": self.printed_ref, "number": number}

    def natural_key(self):
        return (self.meeting_id, self.section, self.ref)

    natural_key.dependencies = ["meetings.meeting"]

    @property
    def text(self) -> str:
        if (get_language() or "en").startswith("es") and self.text_es:
            return self.text_es
        # A record imported from its Spanish version has no English text until that is imported.
        return self.text_en or self.text_es

    def _annotated_state(self, name: str) -> bool:
        """A state annotated by AgreementQuerySet.with_states(), else asked of the database."""
        if name in self.__dict__:
            return self.__dict__[name]
        if self.pk is None:
            return False
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
        text's: any clause that gives a task (importer/obligations.py), whatever the opening
        verb; a thank or a note that asks nothing of anyone is not followed up."""
        if self.follow_up_override:
            return self.follow_up_override == FollowUpOverride.FOLLOW_UP
        return self.action not in NO_FOLLOW_UP_ACTIONS or has_obligation(self.text_en, self.text_es)

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


class AgreementCountryManager(models.Manager):
    def get_by_natural_key(self, meeting_id, section, ref, country_id):
        return self.get(
            agreement__meeting_id=meeting_id,
            agreement__section=section,
            agreement__ref=ref,
            country_id=country_id,
        )


class AgreementCountry(models.Model):
    """A country an agreement mentions; if responsible, its own follow-up status."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="agreement_links")
    responsible = models.BooleanField(_("responsible"), default=False)
    status = models.CharField(
        _("its status"),
        max_length=15,
        choices=Status.choices,
        blank=True,
        help_text=_("For a responsible country: where its part of the agreement stands."),
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)

    objects = AgreementCountryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "country"]
        verbose_name = _("country in an agreement")
        verbose_name_plural = _("countries in agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "country"], name="country_named_once_per_agreement"
            ),
            models.CheckConstraint(
                condition=Q(responsible=True) | Q(status=""),
                name="only_responsible_countries_carry_a_status",
                violation_error_message=_("Only a responsible country carries a status."),
            ),
        ]
        indexes = [
            models.Index(fields=["country", "responsible", "status"]),
            # A country's agreements (the dashboards' and the API's country filters) from the
            # index alone.
            models.Index(
                fields=["country", "agreement"],
                include=["responsible", "status"],
                name="agreementcountry_by_country",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.country_id}"

    def natural_key(self):
        return (*self.agreement.natural_key(), self.country_id)

    natural_key.dependencies = ["agreements.agreement"]


class AgreementOrganisationManager(models.Manager):
    def get_by_natural_key(self, meeting_id, section, ref, acronym):
        return self.get(
            agreement__meeting_id=meeting_id,
            agreement__section=section,
            agreement__ref=ref,
            organisation__acronym=acronym,
        )


class AgreementOrganisation(models.Model):
    """An organisation or conference body an agreement mentions, and whether it must act."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="organisation_links"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="agreement_links"
    )
    responsible = models.BooleanField(_("responsible"), default=False)

    objects = AgreementOrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "organisation"]
        verbose_name = _("organisation in an agreement")
        verbose_name_plural = _("organisations in agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="organisation_named_once_per_agreement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.organisation}"

    def natural_key(self):
        return (*self.agreement.natural_key(), self.organisation.acronym)

    natural_key.dependencies = ["agreements.agreement", "rcm.organisation"]


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
