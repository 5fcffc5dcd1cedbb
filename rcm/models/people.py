"""Focal points, users, what a user may see (Access) and API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models.base import Role, source
from rcm.models.countries import Country, CountryStatus, MembershipStatus
from rcm.models.organisations import Organisation


class InstitutionKind(models.TextChoices):
    FOREIGN_AFFAIRS = "foreign_affairs", _("Foreign affairs")
    INTERIOR_SECURITY = "interior_security", _("Interior / security")
    IMMIGRATION = "immigration", _("Immigration")


class FocalPointQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees which institutions are a country's focal points; the contact details
        of their persons reach member governments and the TS only (`Access.may_see_contacts`,
        which the API's serializer and the country page apply)."""
        return self.all()


class FocalPoint(models.Model):
    """An institution of a member country that the conference contacts, with its contact person."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="focal_points", verbose_name=_("country")
    )
    institution_kind = models.CharField(
        _("kind of institution"), max_length=20, choices=InstitutionKind.choices
    )
    institution_en = models.CharField(_("institution (English)"), max_length=250)
    institution_es = models.CharField(_("institution (Spanish)"), max_length=250, blank=True)
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    title = models.CharField(_("title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", "English"), ("es", "Español")], default="es"
    )
    active = models.BooleanField(_("active"), default=True)
    verified_on = models.DateField(_("contact last verified on"), null=True, blank=True)
    user = models.ForeignKey(
        "rcm.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_points",
        help_text=_("The person's account, when they sign in to the records."),
    )
    source = source()

    objects = FocalPointQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "institution_kind", "institution_en"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "institution_kind", "institution_en", "person_name"],
                name="one_focal_point_per_person_and_institution",
            )
        ]

    def __str__(self) -> str:
        who = f" – {self.person_name}" if self.person_name else ""
        return f"{self.country_id} {self.institution_en}{who}"

    @property
    def institution(self) -> str:
        if (get_language() or "en").startswith("es") and self.institution_es:
            return self.institution_es
        return self.institution_en

    def clean(self):
        if self.country_id and not Country.objects.members().filter(pk=self.country_id).exists():
            raise ValidationError({"country": _("Focal points belong to member countries.")})
        if (self.email or self.phone or self.title) and not self.person_name:
            raise ValidationError(
                {"person_name": _("Name the person these contact details reach.")}
            )


def may_keep_focal_points(access: Access, country_code: str | None = None) -> bool:
    """Who adds and changes a country's focal-point contacts (the reminders go to them): TS
    staff, and the country's own focal points. A network officer reads them as members do, but
    does not speak for the country. Without a country: whether the user keeps any at all."""
    if access.is_ts_staff:
        return True
    if not access.is_focal_point:
        return False
    return country_code is None or country_code == access.member_country


# --- Users -------------------------------------------------------------------------------------


class User(AbstractUser):
    """A person who signs in: TS staff, a focal point, an observer delegate or a network officer."""

    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("country"),
        help_text=_("The member or observer state the person represents."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
        help_text=_("The observer organisation or body the person represents (the TS for staff)."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", "English"), ("es", "Español")], default="en"
    )

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=True) | Q(organisation__isnull=True),
                name="user_represents_a_country_or_an_organisation",
                violation_error_message=_(
                    "A user represents a country or an organisation, not both."
                ),
            )
        ]

    @cached_property
    def roles(self) -> frozenset[str]:
        if not self.is_authenticated or not self.pk:
            return frozenset()
        return frozenset(self.groups.values_list("name", flat=True))

    def clean(self):
        super().clean()
        if self.country_id and self.organisation_id:
            raise ValidationError(_("A user represents a country or an organisation, not both."))


@dataclass(frozen=True)
class Access:
    """What one person may see: computed once per request from their roles and affiliation."""

    user_id: int | None
    is_ts_staff: bool
    member_country: str | None
    observer_country: str | None
    observer_organisation: int | None
    roles: frozenset[str]

    @property
    def is_member_delegate(self) -> bool:
        return self.member_country is not None

    @property
    def is_focal_point(self) -> bool:
        """A focal point of a member country: it speaks for its country (a network officer,
        who reads as members do, does not)."""
        return self.member_country is not None and Role.FOCAL_POINT in self.roles

    @property
    def is_observer(self) -> bool:
        return self.observer_country is not None or self.observer_organisation is not None

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    def may_see_members_records(self) -> bool:
        return self.is_ts_staff or self.is_member_delegate

    def may_see_contacts(self) -> bool:
        """Personal contact details are for the member governments and the TS only."""
        return self.is_ts_staff or self.is_member_delegate


ANONYMOUS = Access(None, False, None, None, None, frozenset())


def _roles_and_standing(user) -> tuple[frozenset[str], str | None]:
    """The user's roles and its country's standing today, in one query: every signed-in request
    asks both, so they share a round trip. The roles are kept on the user for the request."""
    standing = (
        CountryStatus.objects.filter(country_id=OuterRef("country_id"))
        .in_force(timezone.localdate())
        .order_by("-since")
        .values("status")[:1]
    )
    names, status = (
        User.objects.filter(pk=user.pk)
        .annotate(role_names=ArrayAgg("groups__name"), standing=Subquery(standing))
        .values_list("role_names", "standing")
        .get()
    )
    roles = frozenset(name for name in names if name)
    user.__dict__["roles"] = roles
    return roles, status


def access_for(user) -> Access:
    """The access a user has, cached on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_rcm_access", None)
    if cached is not None:
        return cached
    roles, status = _roles_and_standing(user)
    is_ts_staff = user.is_superuser or Role.TS_STAFF in roles
    member_country = observer_country = observer_organisation = None
    if user.country_id:
        if status == MembershipStatus.MEMBER and roles & {Role.FOCAL_POINT, Role.NETWORK_OFFICER}:
            member_country = user.country_id
        elif status == MembershipStatus.OBSERVER and Role.OBSERVER in roles:
            observer_country = user.country_id
    if user.organisation_id and Role.OBSERVER in roles:
        observer_organisation = user.organisation_id
    access = Access(
        user.pk, is_ts_staff, member_country, observer_country, observer_organisation, roles
    )
    user._rcm_access = access
    return access


# --- API tokens --------------------------------------------------------------------------------


class APITokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
        )


class APIToken(models.Model):
    """A key with which another system calls the API on a user's behalf; only its hash is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it."))
    prefix = models.CharField(_("prefix"), max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = APITokenQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["key_hash", "last_used_at"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )
