"""The conference's liaison officer networks, working groups, ad-hoc groups and coalition."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import Meeting, MeetingKind
from rcm.fields import check_one_party, country_party, one_party_constraint, organisation_party
from rcm.models import (
    FIRST_YEAR,
    Access,
    Bilingual,
    Country,
    CountryStatus,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Visibility,
    access_for,
    source,
)


class NetworkKind(models.TextChoices):
    LIAISON_NETWORK = "liaison_network", _("Liaison officer network")
    WORKING_GROUP = "working_group", _("Working group")
    AD_HOC_GROUP = "ad_hoc_group", _("Ad-hoc group")
    COALITION = "coalition", _("Coalition")


# The kind a meeting of each kind of network has in the meetings app; the first is the default.
MEETING_KINDS_OF = {
    NetworkKind.LIAISON_NETWORK: (MeetingKind.LIAISON_NETWORK, MeetingKind.JOINT_NETWORKS),
    NetworkKind.WORKING_GROUP: (MeetingKind.WORKING_GROUP,),
    NetworkKind.AD_HOC_GROUP: (MeetingKind.AD_HOC_GROUP,),
    NetworkKind.COALITION: (MeetingKind.OTHER,),
}


def _access(user_or_access) -> Access:
    return user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)


class NetworkVisibilityQuerySet(models.QuerySet):
    """Who may see a network's records: one rule for the API, the pages and the exports.

    A record is visible when each visibility it depends on (its own, its plan's, its network's)
    lets the user see it. Members-only records reach TS staff, the member governments' delegates
    and the observer states and organisations that are members of the network; restricted ones
    reach TS staff and the people whose accounts the network names among its members.
    """

    visibility_fields: tuple[str, ...] = ("visibility",)
    network_field = ""  # "" for Network itself, else the path to the record's network

    def _network_ref(self) -> OuterRef:
        return OuterRef(self.network_field or "pk")

    def _one_visibility_q(self, field: str, access: Access) -> Q:
        visible = Q(**{field: Visibility.PUBLIC})
        memberships = NetworkMember.objects.filter(network=self._network_ref())
        if access.may_see_members_records():
            visible |= Q(**{field: Visibility.MEMBERS})
        elif access.is_observer:
            if access.observer_country:
                mine = memberships.filter(country_id=access.observer_country)
            else:
                mine = memberships.filter(organisation_id=access.observer_organisation)
            visible |= Q(**{field: Visibility.MEMBERS}) & Q(Exists(mine))
        if access.user_id is not None:
            named = memberships.filter(user_id=access.user_id)
            visible |= Q(**{field: Visibility.RESTRICTED}) & Q(Exists(named))
        return visible

    def visibility_q(self, access: Access) -> Q:
        condition = Q()
        for field in self.visibility_fields:
            condition &= self._one_visibility_q(field, access)
        return condition

    def visible_to(self, user_or_access):
        access = _access(user_or_access)
        if access.is_ts_staff:
            return self
        return self.filter(self.visibility_q(access))


class NetworkQuerySet(NetworkVisibilityQuerySet):
    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def active(self, year: int | None = None):
        """Networks at work in a year (this year by default): begun, and not yet ended."""
        year = year or timezone.localdate().year
        return self.filter(
            Q(active_since__isnull=True) | Q(active_since__lte=year),
            Q(active_until__isnull=True) | Q(active_until__gte=year),
        )

    def led_by(self, code: str):
        return self.filter(leading_country_id=code.upper())

    def with_member(self, code_or_acronym: str):
        """Networks in which a country (alpha-2) or an organisation (acronym) is a member."""
        members = NetworkMember.objects.filter(network=OuterRef("pk")).filter(
            Q(country_id=code_or_acronym.upper()) | Q(organisation__acronym__iexact=code_or_acronym)
        )
        return self.filter(Exists(members))

    def for_listing(self):
        return self.select_related("organisation", "leading_country")


class Network(Bilingual, models.Model):
    """A liaison officer network, working group, ad-hoc group or coalition of the conference."""

    kind = models.CharField(_("kind"), max_length=20, choices=NetworkKind.choices)
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="network",
        verbose_name=_("body"),
        help_text=_(
            "The conference body (LN-CP, WG-PROT …) by which agreements name the network "
            "as an actor."
        ),
    )
    name_en = models.CharField(_("name (English)"), max_length=250, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=250, blank=True)
    mandate_en = models.TextField(_("mandate (English)"), blank=True)
    mandate_es = models.TextField(_("mandate (Spanish)"), blank=True)
    established_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks_established",
        verbose_name=_("established at"),
        help_text=_("The meeting that set up the network or linked it to the conference."),
    )
    established_by = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks_established",
        verbose_name=_("established by"),
        help_text=_("The agreement that set it up, when the records hold it."),
    )
    active_since = models.PositiveSmallIntegerField(
        _("active since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
    )
    active_until = models.PositiveSmallIntegerField(
        _("active until"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_("The last year of its work, once it has ended."),
    )
    led_by_ppt = models.BooleanField(
        _("led by the Presidency Pro-Tempore"),
        default=False,
        help_text=_("Led by whichever country holds the Presidency Pro-Tempore."),
    )
    leading_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_networks",
        verbose_name=_("leading country"),
        help_text=_("A member country that leads it, when one does rather than the PPT."),
    )
    meetings = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="networks",
        verbose_name=_("meetings"),
        help_text=_("Its own meetings (meetings of the meetings app)."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    source = source()

    objects = NetworkQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[meetings])

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("network or group")
        verbose_name_plural = _("networks and groups")
        constraints = [
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_since__isnull=True)
                | Q(active_until__gte=F("active_since")),
                name="network_ends_after_it_begins",
                violation_error_message=_("A network cannot end before it begins."),
            ),
            models.CheckConstraint(
                condition=Q(led_by_ppt=False) | Q(leading_country__isnull=True),
                name="network_led_by_the_ppt_or_a_country",
                violation_error_message=_(
                    "A network is led by the Presidency Pro-Tempore or by one country, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", args=[self.pk])

    @property
    def acronym(self) -> str:
        return self.organisation.acronym if self.organisation_id else ""

    @property
    def mandate(self) -> str:
        if (get_language() or "en").startswith("es") and self.mandate_es:
            return self.mandate_es
        return self.mandate_en

    def is_active_in(self, year: int) -> bool:
        return (self.active_since is None or self.active_since <= year) and (
            self.active_until is None or self.active_until >= year
        )

    def clean(self):
        errors = {}
        if self.active_since and self.active_until and self.active_until < self.active_since:
            errors["active_until"] = _("A network cannot end before it begins.")
        if self.led_by_ppt and self.leading_country_id:
            errors["leading_country"] = _(
                "A network is led by the Presidency Pro-Tempore or by one country, not both."
            )
        elif self.leading_country_id and not is_member_country(self.leading_country_id):
            errors["leading_country"] = _("Only a member country leads a network.")
        if self.organisation_id and self.organisation.kind != OrganisationKind.CONFERENCE_BODY:
            errors["organisation"] = _(
                "Choose the conference body that stands for the network (kind: body of the "
                "conference), not %(org)s."
            ) % {"org": self.organisation}
        if self.established_by_id and self.established_at_id:
            if self.established_by.meeting_id != self.established_at_id:
                errors["established_by"] = _(
                    "The agreement that established the network belongs to another meeting."
                )
        if (
            self.established_at_id
            and self.active_since
            and self.established_at.year > self.active_since
        ):
            errors["active_since"] = _(
                "The network cannot be active before the meeting that established it (%(year)s)."
            ) % {"year": self.established_at.year}
        if errors:
            raise ValidationError(errors)


def is_member_country(code: str, on: datetime.date | None = None) -> bool:
    return (
        CountryStatus.objects.filter(country_id=code, status=MembershipStatus.MEMBER)
        .in_force(on or timezone.localdate())
        .exists()
    )


class MemberRole(models.TextChoices):
    LIAISON_OFFICER = "liaison_officer", _("Liaison officer")
    COORDINATOR = "coordinator", _("Coordinator")
    ALTERNATE = "alternate", _("Alternate")
    MEMBER = "member", _("Member institution or organisation")


class NetworkMemberQuerySet(NetworkVisibilityQuerySet):
    visibility_fields = ("network__visibility",)
    network_field = "network"

    def active(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=on),
            Q(active_until__isnull=True) | Q(active_until__gte=on),
        )

    def of_country(self, code: str):
        return self.filter(country_id=code.upper())

    def of_organisation(self, acronym: str):
        return self.filter(organisation__acronym__iexact=acronym)


CONTACT_FIELDS = ("person_name", "email", "phone")


class NetworkMember(models.Model):
    """An officer a member country names to a network, or an organisation that takes part in it."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="members", verbose_name=_("network")
    )
    country = country_party("network_members", verbose_name=_("country"))
    organisation = organisation_party(
        "network_members",
        verbose_name=_("organisation"),
        help_text=_("For groups that admit organisations (RNCOM, IOM …)."),
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    institution = models.CharField(
        _("institution"), max_length=300, blank=True, help_text=_("As the records name it.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("account"),
        help_text=_("The person's account, when they sign in to the records."),
    )
    source = source()

    objects = NetworkMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        # Columns, not relations: ordering never joins the nullable country or organisation.
        ordering = ["network_id", "country_id", "organisation_id", "role", "person_name"]
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        constraints = [
            one_party_constraint("network_member_is_a_country_or_an_organisation"),
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_until__gte=F("active_from")),
                name="network_member_ends_after_it_begins",
                violation_error_message=_("A membership cannot end before it begins."),
            ),
            models.UniqueConstraint(
                fields=["network", "country", "organisation", "role", "person_name"],
                name="one_network_member_per_person_and_role",
                nulls_distinct=False,
                violation_error_message=_("This member is already recorded in this role."),
            ),
        ]

    def __str__(self) -> str:
        who = self.country_id or (self.organisation.acronym if self.organisation_id else "")
        person = f" – {self.person_name}" if self.person_name else ""
        return f"{self.network}: {who}{person} ({self.get_role_display()})"

    @property
    def member(self):
        return self.country or self.organisation

    def is_active_on(self, on: datetime.date) -> bool:
        return (self.active_from is None or self.active_from <= on) and (
            self.active_until is None or self.active_until >= on
        )

    def clean(self):
        errors = {}
        check_one_party(self)
        if self.active_from and self.active_until and self.active_until < self.active_from:
            errors["active_until"] = _("A membership cannot end before it begins.")
        if self.country_id and not is_member_country(
            self.country_id, self.active_from or timezone.localdate()
        ):
            errors["country"] = _(
                "Networks are made of member countries; invite others to a meeting instead."
            )
        if self.organisation_id and self.organisation.kind == OrganisationKind.CONFERENCE_BODY:
            errors["organisation"] = _("A body of the conference is not a member of a network.")
        if (self.email or self.phone or self.user_id) and not self.person_name:
            errors["person_name"] = _("Name the person these contact details reach.")
        if self.user_id:
            user = self.user
            if self.country_id and user.country_id != self.country_id:
                errors["user"] = _("The account must represent %(country)s.") % {
                    "country": self.country
                }
            elif self.organisation_id and user.organisation_id != self.organisation_id:
                errors["user"] = _("The account must represent %(org)s.") % {
                    "org": self.organisation
                }
        if errors:
            raise ValidationError(errors)
