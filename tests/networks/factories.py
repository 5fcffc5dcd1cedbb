"""factory-boy factories for the networks' records; they build on tests/factories.py."""

import factory

from agreements.models import Status
from networks.models import (
    MemberRole,
    Network,
    NetworkKind,
    NetworkMember,
    NetworkReport,
    WorkPlan,
    WorkPlanItem,
)
from rcm.models import OrganisationKind, Role, Visibility
from tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    UserFactory,
    member_country,
)


class BodyFactory(OrganisationFactory):
    """The conference body that stands for a network (WG-PROT, LN-CP …)."""

    acronym = factory.Sequence(lambda n: f"WG-{n}")
    kind = OrganisationKind.CONFERENCE_BODY


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    kind = NetworkKind.WORKING_GROUP
    organisation = factory.SubFactory(BodyFactory)
    name_en = factory.Sequence(lambda n: f"Working Group {n}")
    mandate_en = "To coordinate the member countries' work on the subject."
    visibility = Visibility.PUBLIC


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMember

    network = factory.SubFactory(NetworkFactory)
    country = factory.LazyFunction(member_country)
    role = MemberRole.LIAISON_OFFICER
    institution = "Ministry of Foreign Affairs"
    person_name = factory.Sequence(lambda n: f"Officer {n}")
    email = factory.Sequence(lambda n: f"officer{n}@example.org")
    phone = "+506 2222 0000"


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    network = factory.SubFactory(NetworkFactory)
    name_en = factory.Sequence(lambda n: f"Calendar of activities {n}")
    start_year = 2022
    end_year = 2022
    visibility = Visibility.PUBLIC


class WorkPlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlanItem
        skip_postgeneration_save = True

    plan = factory.SubFactory(WorkPlanFactory)
    ref = factory.Sequence(lambda n: f"7.{n}")
    position = factory.Sequence(lambda n: n)
    text_en = factory.Sequence(
        lambda n: f"Workshop on Reintegration ({n}), with the support of IOM."
    )
    status = Status.OPEN

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)

    @factory.post_generation
    def meetings(self, create, extracted, **kwargs):
        if create and extracted:
            self.meetings.set(extracted)


class NetworkReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkReport

    network = factory.SubFactory(NetworkFactory)
    meeting = factory.SubFactory(MeetingFactory)
    name_en = factory.Sequence(lambda n: f"Report of the Working Group ({n})")
    visibility = Visibility.PUBLIC


def network_officer_user(country, **kwargs):
    """A liaison officer of a member country who signs in to the records."""
    return UserFactory(roles=[Role.NETWORK_OFFICER], country=country, **kwargs)
