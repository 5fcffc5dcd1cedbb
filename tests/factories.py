"""factory-boy factories for every record; tests build exactly the rows they need."""

import datetime
import itertools
import string

import factory
from django.contrib.auth.models import Group

from meetings.models import Meeting, MeetingKind, MeetingStatus, Participation, ParticipationRole
from rcm.models import (
    Country,
    CountryStatus,
    FocalPoint,
    InstitutionKind,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Presidency,
    Role,
    User,
    Visibility,
)

_codes = ("".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2))
# Codes the tests name on purpose are never handed out by the sequence.
RESERVED = {
    "MX",
    "GT",
    "CR",
    "PA",
    "NI",
    "SV",
    "HN",
    "BZ",
    "CA",
    "US",
    "DO",
    "AR",
    "CO",
    "EC",
    "JM",
    "PE",
}


def _next_code(_n):
    for code in _codes:
        if code not in RESERVED:
            return code
    raise RuntimeError("ran out of country codes")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["code"]

    code = factory.Sequence(_next_code)
    name_en = factory.LazyAttribute(lambda c: f"Country {c.code}")
    name_es = factory.LazyAttribute(lambda c: f"País {c.code}")


class CountryStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryStatus

    country = factory.SubFactory(CountryFactory)
    status = MembershipStatus.MEMBER
    since = datetime.date(1996, 1, 1)


def member_country(
    code: str | None = None, *, since=datetime.date(1996, 1, 1), **kwargs
) -> Country:
    """A country that is a member of the conference since `since`."""
    country = CountryFactory(**({"code": code} if code else {}), **kwargs)
    if not country.statuses.exists():
        CountryStatusFactory(country=country, status=MembershipStatus.MEMBER, since=since)
    return country


def observer_country(code: str | None = None, *, since=datetime.date(2000, 1, 1)) -> Country:
    country = CountryFactory(**({"code": code} if code else {}))
    if not country.statuses.exists():
        CountryStatusFactory(country=country, status=MembershipStatus.OBSERVER, since=since)
    return country


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["acronym"]

    acronym = factory.Sequence(lambda n: f"ORG{n}")
    name_en = factory.LazyAttribute(lambda o: f"Organisation {o.acronym}")
    kind = OrganisationKind.OBSERVER


class PresidencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Presidency
        django_get_or_create = ["year"]

    year = factory.Sequence(lambda n: 2000 + n)
    country = factory.LazyFunction(member_country)
    theme_en = factory.LazyAttribute(lambda p: f"Theme of {p.year}")


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    country = factory.LazyFunction(member_country)
    institution_kind = InstitutionKind.FOREIGN_AFFAIRS
    institution_en = factory.Sequence(lambda n: f"Ministry of Foreign Affairs {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.RCGM
    name_en = factory.Sequence(lambda n: f"Meeting of the Regional Consultation Group {n}")
    starts_on = datetime.date(2013, 11, 18)
    ends_on = factory.LazyAttribute(
        lambda m: m.starts_on + datetime.timedelta(days=1) if m.starts_on else None
    )
    year = factory.LazyAttribute(lambda m: m.starts_on.year if m.starts_on else 2013)
    city = "San José"
    status = MeetingStatus.HELD
    visibility = Visibility.PUBLIC


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    country = factory.LazyFunction(member_country)
    role = ParticipationRole.MEMBER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get_or_create(name=role)[0])


def ts_staff_user(**kwargs) -> User:
    return UserFactory(roles=[Role.TS_STAFF], is_staff=True, **kwargs)


def focal_point_user(country: Country, **kwargs) -> User:
    return UserFactory(roles=[Role.FOCAL_POINT], country=country, **kwargs)


def observer_user(
    *, organisation: Organisation | None = None, country: Country | None = None, **kwargs
) -> User:
    return UserFactory(roles=[Role.OBSERVER], organisation=organisation, country=country, **kwargs)


# --- Agreements --------------------------------------------------------------------------------

from agreements.models import (  # noqa: E402
    Action,
    Agreement,
    AgreementCountry,
    AgreementOrganisation,
    Section,
    Status,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{n + 1}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    section = Section.CONCLUSION
    ref = factory.Sequence(lambda n: str(n + 1))
    position = factory.Sequence(lambda n: n)
    text_en = factory.Sequence(
        lambda n: f"To urge the Member Countries to submit their contributions ({n})."
    )
    action = Action.URGE
    status = Status.OPEN
    # As the model does: the meeting's, unless a test says otherwise.
    visibility = factory.LazyAttribute(lambda agreement: agreement.meeting.visibility)

    @factory.post_generation
    def responsible(self, create, extracted, **kwargs):
        """responsible=[country, …]: countries that must act, each with its own status."""
        if create and extracted:
            for country in extracted:
                AgreementCountry.objects.create(
                    agreement=self, country=country, responsible=True, status=Status.OPEN
                )

    @factory.post_generation
    def mentions(self, create, extracted, **kwargs):
        if create and extracted:
            for actor in extracted:
                if isinstance(actor, Country):
                    AgreementCountry.objects.create(agreement=self, country=actor)
                else:
                    AgreementOrganisation.objects.create(agreement=self, organisation=actor)


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agreements.Instrument"

    kind = "guidelines"
    name_en = factory.Sequence(lambda n: f"Regional Guidelines {n}")
