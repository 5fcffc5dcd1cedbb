"""The conference core: countries, organisations, focal points, presidencies and users."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

FIRST_YEAR = 1996  # Tuxtla II summit, February 1996: the conference is founded.


def source() -> models.CharField:
    """The field in which every record names the document it comes from."""
    return models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The document the record comes from (a seed document or a published source)."),
    )


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")
    RESTRICTED = "restricted", _("Restricted")


class Role(models.TextChoices):
    """The roles people have in the records; each is a Django group that access rules read."""

    TS_STAFF = "TS staff", _("Technical Secretariat staff")
    FOCAL_POINT = "Focal point", _("Focal point")
    OBSERVER = "Observer", _("Observer")
    NETWORK_OFFICER = "Network officer", _("Network officer")


class Bilingual:
    """Show the Spanish text of a content field when the interface speaks Spanish and it exists."""

    def localized(self, field: str) -> str:
        if (get_language() or "en").startswith("es"):
            spanish = getattr(self, f"{field}_es", "")
            if spanish:
                return spanish
        # A record known only in Spanish (imported from its Spanish version) shows its Spanish.
        return getattr(self, f"{field}_en") or getattr(self, f"{field}_es", "")

    @property
    def name(self) -> str:
        return self.localized("name")


# --- Countries ---------------------------------------------------------------------------------


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer state")


class CountryQuerySet(models.QuerySet):
    def _with_status(self, status: str, on: datetime.date | None):
        on = on or timezone.localdate()
        in_force = CountryStatus.objects.filter(country=OuterRef("pk"), status=status).in_force(on)
        return self.filter(Exists(in_force))

    def members(self, on: datetime.date | None = None):
        return self._with_status(MembershipStatus.MEMBER, on)

    def observers(self, on: datetime.date | None = None):
        return self._with_status(MembershipStatus.OBSERVER, on)

    def visible_to(self, user_or_access):
        """Every reader sees every country and its membership: the conference's public roll."""
        return self.all()


class Country(Bilingual, models.Model):
    """A state that is or was a member or an observer of the conference."""

    code = models.CharField(
        _("ISO 3166 alpha-2 code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two capital letters of ISO 3166."))],
    )
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, unique=True)
    source = source()

    objects = CountryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name_en

    def status_on(self, on: datetime.date | None = None) -> str | None:
        """The country's standing in the conference on a date: member, observer, or None."""
        on = on or timezone.localdate()
        for status in self.statuses.all():
            if status.in_force_on(on):
                return status.status
        return None

    @property
    def is_member(self) -> bool:
        return self.status_on() == MembershipStatus.MEMBER

    @property
    def is_observer(self) -> bool:
        return self.status_on() == MembershipStatus.OBSERVER


class CountryStatusQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date):
        return self.filter(Q(since__lte=on), Q(until__isnull=True) | Q(until__gte=on))

    def overlapping(self, start: datetime.date, end: datetime.date):
        return self.filter(Q(since__lte=end), Q(until__isnull=True) | Q(until__gte=start))


class CountryStatus(models.Model):
    """A period during which a country was a member or an observer state of the conference."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=10, choices=MembershipStatus.choices)
    since = models.DateField(
        _("since"),
        help_text=_("The first day of the status; 1 January when only the year is known."),
    )
    until = models.DateField(_("until"), null=True, blank=True)
    source = source()

    objects = CountryStatusQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "since"]
        verbose_name = _("membership status")
        verbose_name_plural = _("membership statuses")
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="country_status_ends_after_it_begins",
                violation_error_message=_("A status cannot end before it begins."),
            ),
            models.UniqueConstraint(
                fields=["country", "since"], name="one_country_status_per_start_date"
            ),
        ]

    def __str__(self) -> str:
        end = f"–{self.until.year}" if self.until else ""
        return f"{self.country}: {self.get_status_display()} {self.since.year}{end}"

    def in_force_on(self, on: datetime.date) -> bool:
        return self.since <= on and (self.until is None or self.until >= on)

    def clean(self):
        if not self.country_id or not self.since:
            return
        overlapping = CountryStatus.objects.filter(country_id=self.country_id).exclude(pk=self.pk)
        end = self.until or datetime.date.max
        overlapping = overlapping.filter(since__lte=end).filter(
            Q(until__isnull=True) | Q(until__gte=self.since)
        )
        if overlapping.exists():
            raise ValidationError(
                _("%(country)s already has a status in force during this period.")
                % {"country": self.country}
            )


# --- Organisations -----------------------------------------------------------------------------


class OrganisationKind(models.TextChoices):
    OBSERVER = "observer", _("Observer organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society network")
    PEER_PROCESS = "peer_process", _("Peer consultative process")
    COOPERATING = "cooperating", _("Cooperating organisation")
    CONFERENCE_BODY = "body", _("Body of the conference")


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees every organisation: the conference names them in public records."""
        return self.all()

    def observers(self, year: int | None = None):
        """The observer organisations in a year (by the years their statuses state), or today:
        those with a status that has not ended."""
        statuses = ObserverStatus.objects.filter(organisation=OuterRef("pk"))
        statuses = statuses.in_force(year) if year is not None else statuses.current()
        return self.filter(Exists(statuses))

    def with_observer_since(self):
        """Each organisation with the first year its observer statuses state (null when none
        does), so that lists can filter and sort by it; the statuses are the one record."""
        first = (
            ObserverStatus.objects.filter(organisation=OuterRef("pk"), from_year__isnull=False)
            .order_by("from_year")
            .values("from_year")[:1]
        )
        return self.annotate(observer_since=Subquery(first))


class OrganisationManager(models.Manager.from_queryset(OrganisationQuerySet)):
    def get_by_natural_key(self, acronym):
        return self.get(acronym=acronym)


class Organisation(Bilingual, models.Model):
    """An international organisation, civil-society network, peer process or conference body."""

    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9/&.\-]+$", _("Letters, digits, / & . - only."))],
        help_text=_("The English acronym: the code used for the organisation everywhere."),
    )
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=30, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=250)
    name_es = models.CharField(_("name (Spanish)"), max_length=250, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names and acronyms it goes by in documents, one per line."),
    )
    source = source()

    objects = OrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym

    def natural_key(self):
        return (self.acronym,)

    @property
    def observer_since(self) -> int | None:
        """The first year its observer statuses state, or None: read from the statuses (the one
        record of observer status), prefetched or annotated by `with_observer_since()`."""
        if "observer_since" in self.__dict__:
            return self.__dict__["observer_since"]
        years = [status.from_year for status in self.observer_statuses.all() if status.from_year]
        return min(years, default=None)

    @observer_since.setter
    def observer_since(self, value: int | None) -> None:
        # Set by the queryset annotation of the same name.
        self.__dict__["observer_since"] = value

    def clean(self):
        if self.kind != OrganisationKind.OBSERVER and self.pk and self.observer_statuses.exists():
            raise ValidationError(
                {"kind": _("Only observer organisations have an observer status.")}
            )


class ObserverStatusQuerySet(models.QuerySet):
    def in_force(self, year: int):
        """The statuses whose stated years cover the year: begun by then (or, when the start is
        not stated, recorded by then) and not ended before it. A status with no year stated
        counts for today only."""
        return self.filter(
            Q(from_year__lte=year) | Q(from_year__isnull=True, recorded_in__lte=year),
            Q(to_year__isnull=True) | Q(to_year__gte=year),
        )

    def current(self):
        return self.filter(to_year__isnull=True)


def year_field(verbose_name, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        **kwargs,
    )


class ObserverStatus(models.Model):
    """A period during which an organisation was an observer of the conference, in years."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="observer_statuses",
        verbose_name=_("organisation"),
    )
    from_year = year_field(_("from"), help_text=_("Empty when no source states the start."))
    to_year = year_field(_("until"), help_text=_("Empty while it lasts or when not stated."))
    recorded_in = year_field(
        _("recorded as observer in"),
        help_text=_(
            "When the start is not stated: the earliest year a source records it as an observer."
        ),
    )
    source = source()

    objects = ObserverStatusQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "from_year", "recorded_in", "pk"]
        verbose_name = _("observer status")
        verbose_name_plural = _("observer statuses")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_year__isnull=True)
                | Q(from_year__isnull=True)
                | Q(to_year__gte=models.F("from_year")),
                name="observer_status_ends_after_it_begins",
                violation_error_message=_("A status cannot end before it begins."),
            ),
            models.CheckConstraint(
                condition=Q(from_year__isnull=True) | Q(recorded_in__isnull=True),
                name="observer_status_start_is_stated_or_recorded",
                violation_error_message=_(
                    "Give the year it began, or, when no source states it, the year a source "
                    "records it as an observer; not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.years}"

    @property
    def years(self) -> str:
        """How its years read: since 1996, 2003–2010, recorded in 2021, year not stated."""
        if self.from_year and self.to_year:
            return f"{self.from_year}–{self.to_year}"
        if self.from_year:
            return gettext("since %(year)s") % {"year": self.from_year}
        if self.recorded_in:
            return gettext("recorded in %(year)s") % {"year": self.recorded_in}
        return gettext("year not stated")

    def clean(self):
        if not self.organisation_id:
            return
        if self.organisation.kind != OrganisationKind.OBSERVER:
            raise ValidationError(_("Only observer organisations have an observer status."))
        start = self.from_year or self.recorded_in or FIRST_YEAR
        end = self.to_year or 2100
        overlapping = (
            ObserverStatus.objects.filter(organisation_id=self.organisation_id)
            .exclude(pk=self.pk)
            .filter(
                Q(from_year__lte=end) | Q(from_year__isnull=True),
                Q(to_year__isnull=True) | Q(to_year__gte=start),
            )
        )
        if overlapping.exists():
            raise ValidationError(
                _("%(organisation)s already has an observer status in this period.")
                % {"organisation": self.organisation}
            )


# --- Presidencies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Troika:
    """The former, current and upcoming Presidencies Pro-Tempore on a date."""

    on: datetime.date
    former: Presidency | None
    current: Presidency | None
    upcoming: Presidency | None
    # The latest term begun by that date, even when it no longer covers it.
    last_recorded: Presidency | None = None

    def __iter__(self):
        return iter((self.former, self.current, self.upcoming))

    @property
    def not_recorded(self) -> bool:
        """No recorded term covers the date, although earlier ones are recorded."""
        return self.current is None and self.last_recorded is not None

    @property
    def not_recorded_message(self) -> str:
        """What to say then: "The presidency for 2026 is not recorded; the last recorded is
        Belize (2024)." (empty when a term covers the date)."""
        if not self.not_recorded:
            return ""
        return gettext(
            "The presidency for %(year)s is not recorded; the last recorded is %(country)s "
            "(%(last)s)."
        ) % {
            "year": self.on.year,
            "country": self.last_recorded.country.name,
            "last": self.last_recorded.year,
        }


class PresidencyQuerySet(models.QuerySet):
    def visible_to(self, user_or_access):
        """Every reader sees the rotation of the presidency: it is public."""
        return self.all()

    def in_office(self, on: datetime.date | None = None) -> Presidency | None:
        return self.troika(on).current

    def troika(self, on: datetime.date | None = None) -> Troika:
        return troika_among(list(self.select_related("country").order_by("year")), on)


def troika_among(presidencies: list[Presidency], on: datetime.date | None = None) -> Troika:
    """The Troika on a date, from presidencies already in memory and ordered by year.

    The presidency in office is the latest whose term has begun, as long as a term covers the
    date: a term begins on its recorded start date (the handover at the Vice-Ministerial meeting)
    or else on 1 January of its year, and lasts until the next one begins. After the last
    recorded term ends (its end date, or 31 December of its year) nobody is in office on
    record: the Troika is empty and `last_recorded` names that last term.
    """
    on = on or timezone.localdate()
    index = None
    for i, presidency in enumerate(presidencies):
        if presidency.term_start <= on:
            index = i
    if index is None:
        upcoming = presidencies[0] if presidencies else None
        return Troika(on, None, None, upcoming)
    latest = presidencies[index]
    upcoming = presidencies[index + 1] if index + 1 < len(presidencies) else None
    if upcoming is None and on > latest.term_end:
        return Troika(on, None, None, None, last_recorded=latest)
    former = presidencies[index - 1] if index > 0 else None
    return Troika(on, former, latest, upcoming, last_recorded=latest)


class Presidency(models.Model):
    """The Presidency Pro-Tempore: the member country that chairs the conference for a year."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        error_messages={"unique": _("There is already a Presidency Pro-Tempore for this year.")},
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="presidencies", verbose_name=_("country")
    )
    theme_en = models.TextField(_("central theme (English)"), blank=True)
    theme_es = models.TextField(_("central theme (Spanish)"), blank=True)
    starts_on = models.DateField(
        _("term starts on"),
        null=True,
        blank=True,
        help_text=_("The handover date, when known; otherwise the term is the calendar year."),
    )
    ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    source = source()

    objects = PresidencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = _("Presidency Pro-Tempore")
        verbose_name_plural = _("Presidencies Pro-Tempore")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="presidency_ends_after_it_begins",
                violation_error_message=_("A term cannot end before it begins."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.country}"

    @property
    def term_start(self) -> datetime.date:
        return self.starts_on or datetime.date(self.year, 1, 1)

    @property
    def term_end(self) -> datetime.date:
        return self.ends_on or datetime.date(self.year, 12, 31)

    @property
    def theme(self) -> str:
        if (get_language() or "en").startswith("es") and self.theme_es:
            return self.theme_es
        return self.theme_en

    def clean(self):
        errors = {}
        if self.country_id and self.year:
            # A member during the term: the conference was founded in February 1996, and its
            # first presidency began with it.
            statuses = CountryStatus.objects.filter(
                country_id=self.country_id, status=MembershipStatus.MEMBER
            ).overlapping(self.term_start, self.term_end)
            if not statuses.exists():
                errors["country"] = _("Only a member country can hold the Presidency Pro-Tempore.")
        if self.year and self.starts_on and abs(self.starts_on.year - self.year) > 1:
            errors["starts_on"] = _("The term must start within a year of %(year)s.") % {
                "year": self.year
            }
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A term cannot end before it begins.")
        if errors:
            raise ValidationError(errors)


# --- Focal points ------------------------------------------------------------------------------


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
