"""Work plans of the networks and groups: their items, and progress updates on each item."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models import OPEN_STATUSES, Agreement, DeadlinePrecision, Status
from meetings.models import Meeting
from networks.models.networks import Network, NetworkVisibilityQuerySet
from rcm.models import FIRST_YEAR, Bilingual, Country, Organisation, Visibility, source

# Items a plan no longer counts on: they leave the share of items done.
SET_ASIDE_STATUSES = (Status.DROPPED, Status.SUPERSEDED)
# A work-plan item is always followed up: "no follow-up" is for thanks and notes only.
ITEM_STATUSES = [choice for choice in Status.choices if choice[0] != Status.NO_FOLLOW_UP]


class WorkPlanQuerySet(NetworkVisibilityQuerySet):
    visibility_fields = ("visibility", "network__visibility")
    network_field = "network"

    def with_progress(self):
        """Annotate how many items the plan has, how many still count, and how many are done.

        Correlated subqueries rather than a join and GROUP BY, so a plan can still be locked
        (SELECT … FOR UPDATE) while it is written.
        """

        def items(condition: Q | None = None):
            counted = (
                WorkPlanItem.objects.filter(plan=OuterRef("pk"))
                .filter(condition or Q())
                .order_by()
                .values("plan")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)

        return self.annotate(
            item_count=items(),
            items_counted=items(~Q(status__in=SET_ASIDE_STATUSES)),
            items_done=items(Q(status=Status.DONE)),
        )

    def covering(self, year: int):
        return self.filter(
            Q(start_year__isnull=True) | Q(start_year__lte=year),
            Q(end_year__isnull=True) | Q(end_year__gte=year),
        )


class WorkPlan(Bilingual, models.Model):
    """A network's work plan or calendar of activities, approved by the RCGM."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="plans", verbose_name=_("network")
    )
    name_en = models.CharField(_("title (English)"), max_length=300)
    name_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("from year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
    )
    end_year = models.PositiveSmallIntegerField(
        _("to year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_("Empty when the plan states no end."),
    )
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_work_plans",
        verbose_name=_("approved at"),
        help_text=_("The meeting that approved the plan: for the networks, an RCGM."),
    )
    approved_by = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_work_plans",
        verbose_name=_("approved by"),
        help_text=_("The agreement that approved it."),
    )
    summary = models.TextField(_("summary"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    source = source()

    objects = WorkPlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["network", "-start_year", "name_en"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="work_plan_ends_after_it_begins",
                violation_error_message=_("A plan cannot end before it begins."),
            ),
            models.UniqueConstraint(
                fields=["network", "name_en"],
                name="one_work_plan_per_title_in_a_network",
                violation_error_message=_("The network already has a plan with this title."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network}: {self.name_en}"

    @property
    def period(self) -> str:
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year and self.end_year:
            return str(self.start_year)
        if self.start_year:
            return f"{self.start_year}–"
        if self.end_year:
            return f"–{self.end_year}"
        return ""

    @property
    def progress(self) -> float | None:
        """The share of its items done, leaving out those dropped or superseded (annotated)."""
        counted = getattr(self, "items_counted", None)
        if not counted:
            return None
        return self.items_done / counted

    def clean(self):
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("A plan cannot end before it begins.")
        if self.approved_by_id and self.approved_at_id:
            if self.approved_by.meeting_id != self.approved_at_id:
                errors["approved_by"] = _(
                    "The approving agreement was adopted at another meeting than %(meeting)s."
                ) % {"meeting": self.approved_at}
        if errors:
            raise ValidationError(errors)


class WorkPlanItemQuerySet(NetworkVisibilityQuerySet):
    visibility_fields = ("plan__visibility", "plan__network__visibility")
    network_field = "plan__network"

    def of_network(self, network_id: int):
        return self.filter(plan__network_id=network_id)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    @staticmethod
    def overdue_q(today: datetime.date | None = None) -> Q:
        return Q(deadline__lt=today or timezone.localdate(), status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """Deadline passed while the item is still open or in progress."""
        return self.filter(self.overdue_q(today))

    def with_overdue(self, today: datetime.date | None = None):
        return self.annotate(
            overdue=Case(
                When(self.overdue_q(today), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def responsible_country(self, code: str):
        through = WorkPlanItem.countries.through.objects.filter(
            workplanitem_id=OuterRef("pk"), country_id=code.upper()
        )
        return self.filter(Exists(through))

    def responsible_organisation(self, acronym: str):
        through = WorkPlanItem.organisations.through.objects.filter(
            workplanitem_id=OuterRef("pk"), organisation__acronym__iexact=acronym
        )
        return self.filter(Exists(through))

    def in_plan_order(self):
        return self.order_by("plan__network__name_en", "plan_id", "position", "pk")


class WorkPlanItem(models.Model):
    """An objective or activity of a work plan, who carries it out, by when, and where it stands."""

    plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("work plan")
    )
    ref = models.CharField(
        _("reference"), max_length=40, help_text=_("As the plan numbers it: 7.h, 1.a.")
    )
    position = models.PositiveIntegerField(_("order in the plan"), default=0)
    text_en = models.TextField(_("objective or activity (English)"))
    text_es = models.TextField(_("objective or activity (Spanish)"), blank=True)
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="work_plan_items",
        verbose_name=_("responsible countries"),
        help_text=_("The countries the item names to host, organise or support it."),
    )
    organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="work_plan_items",
        verbose_name=_("responsible organisations"),
        help_text=_("The organisations and bodies the item names to carry it out or support it."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_text = models.CharField(
        _("deadline as written"),
        max_length=200,
        blank=True,
        help_text=_('The phrase the deadline comes from: "by March 31st at the latest".'),
    )
    deadline_precision = models.CharField(
        _("deadline precision"), max_length=10, choices=DeadlinePrecision.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=15, choices=ITEM_STATUSES, default=Status.OPEN
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_plan_items",
        verbose_name=_("agreement"),
        help_text=_("The agreement the item comes from."),
    )
    meetings = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="work_plan_items",
        verbose_name=_("meetings that carry it out"),
    )
    source = source()

    objects = WorkPlanItemQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[countries, organisations, meetings])

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("work-plan item")
        verbose_name_plural = _("work-plan items")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ref"],
                name="one_item_per_reference_in_a_plan",
                violation_error_message=_("The plan already has an item with this reference."),
            ),
            models.CheckConstraint(
                condition=~Q(deadline_precision=DeadlinePrecision.NONE) | Q(deadline__isnull=True),
                name="work_plan_item_without_date_has_no_deadline",
                violation_error_message=_("A deadline marked as having no date cannot carry one."),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.NO_FOLLOW_UP),
                name="work_plan_item_is_followed_up",
                violation_error_message=_(
                    'A work-plan item cannot take the status "no follow-up".'
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="work_plan_item_status_due")]

    def __str__(self) -> str:
        return f"{self.plan.network} {self.ref}"

    def get_absolute_url(self) -> str:
        return reverse("networks:item", args=[self.pk])

    @property
    def text(self) -> str:
        if (get_language() or "en").startswith("es") and self.text_es:
            return self.text_es
        return self.text_en

    @property
    def is_overdue(self) -> bool:
        return (
            self.deadline is not None
            and self.deadline < timezone.localdate()
            and self.status in OPEN_STATUSES
        )

    def clean(self):
        errors = {}
        if self.deadline and not self.deadline_precision:
            self.deadline_precision = DeadlinePrecision.DAY
        if self.deadline_precision == DeadlinePrecision.NONE and self.deadline:
            errors["deadline"] = _("A deadline marked as having no date cannot carry one.")
        if self.status == Status.NO_FOLLOW_UP:
            errors["status"] = _('A work-plan item cannot take the status "no follow-up".')
        elif self.pk:
            latest = self.updates.order_by("-created_at", "-pk").values_list("status", flat=True)
            latest = latest.first()
            if latest is not None and latest != self.status:
                errors["status"] = _(
                    "The status follows the item's latest update (%(status)s): record an update "
                    "to change it."
                ) % {"status": Status(latest).label}
        if errors:
            raise ValidationError(errors)


class WorkPlanItemUpdateQuerySet(NetworkVisibilityQuerySet):
    visibility_fields = ("item__plan__visibility", "item__plan__network__visibility")
    network_field = "item__plan__network"


class WorkPlanItemUpdate(models.Model):
    """A progress update on a work-plan item: the status it reached, and a note."""

    item = models.ForeignKey(
        WorkPlanItem, on_delete=models.CASCADE, related_name="updates", verbose_name=_("item")
    )
    status = models.CharField(_("new status"), max_length=15, choices=ITEM_STATUSES)
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_plan_item_updates",
        verbose_name=_("posted by"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_plan_item_updates",
        verbose_name=_("for country"),
        help_text=_("The country on whose behalf an officer or focal point posted it."),
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    source = source()

    objects = WorkPlanItemUpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "created_at", "pk"]
        verbose_name = _("work-plan item update")
        verbose_name_plural = _("work-plan item updates")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.NO_FOLLOW_UP),
                name="work_plan_item_update_has_a_follow_up_status",
                violation_error_message=_('"No follow-up" is not an update status.'),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.DROPPED) | ~Q(note=""),
                name="dropping_an_item_gives_a_reason",
                violation_error_message=_("Say why the item is dropped."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_status_display()}"

    def clean(self):
        if self.status == Status.DROPPED and not self.note.strip():
            raise ValidationError({"note": _("Say why the item is dropped.")})
