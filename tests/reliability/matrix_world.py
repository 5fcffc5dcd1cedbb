"""The records and people the permission matrix runs against (tests/reliability)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from agreements import services
from agreements.models import Theme
from consultations import services as consultations
from finance.models import FinanceAgreement, FinanceTopic
from rcm.models import Role, Visibility
from rcm.services import api_token_create
from tests.factories import (
    AgreementFactory,
    FocalPointFactory,
    InstrumentFactory,
    MeetingFactory,
    OrganisationFactory,
    PresidencyFactory,
    UserFactory,
    focal_point_user,
    member_country,
    observer_user,
    ts_staff_user,
)
from tests.finance.factories import books
from tests.networks.factories import (
    NetworkFactory,
    NetworkMemberFactory,
    NetworkReportFactory,
    WorkPlanItemFactory,
)

ROLES = [
    "anonymous", "observer", "focal_point", "other_focal_point", "network_officer", "ts_staff",
    "superuser",
]  # fmt: skip
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def build_world() -> dict:
    mexico = member_country("MX", name_en="Mexico")
    guatemala = member_country("GT", name_en="Guatemala")
    iom = OrganisationFactory(acronym="IOM")
    staff = ts_staff_user(username="ts")
    users = {
        "anonymous": None,
        "observer": observer_user(organisation=iom, username="iom"),
        "focal_point": focal_point_user(mexico, username="fp-mx"),
        "other_focal_point": focal_point_user(guatemala, username="fp-gt"),
        "network_officer": UserFactory(
            username="officer-mx", country=mexico, roles=[Role.NETWORK_OFFICER]
        ),
        "ts_staff": staff,
        "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    meeting = MeetingFactory(starts_on=datetime.date(2013, 11, 18))
    hidden_meeting = MeetingFactory(
        visibility=Visibility.MEMBERS, starts_on=datetime.date(2014, 6, 24)
    )
    public = AgreementFactory(meeting=meeting, ref="1", responsible=[mexico])
    hidden = AgreementFactory(
        meeting=hidden_meeting, ref="1", responsible=[mexico], visibility=Visibility.MEMBERS
    )
    evidence = services.followup_record(
        agreement=public,
        author=staff,
        status="in_progress",
        evidence=ContentFile(b"%PDF-1.4 decree", name="decree.pdf"),
    )
    hidden_evidence = services.followup_record(
        agreement=hidden,
        author=staff,
        status="in_progress",
        evidence=ContentFile(b"%PDF-1.4 secret", name="secret.pdf"),
    )
    proposal = services.followup_record(
        agreement=public, author=users["focal_point"], status="done"
    )
    focal_point = FocalPointFactory(country=mexico, person_name="Ana Example", email="a@x.org")
    _, token = api_token_create(user=staff, name="matrix")
    finance = books()
    finance["agreements-on-payments"] = FinanceAgreement.objects.create(
        agreement=public, topic=FinanceTopic.CONTRIBUTIONS
    ).pk
    network = NetworkFactory()
    hidden_network = NetworkFactory(visibility=Visibility.MEMBERS)
    item = WorkPlanItemFactory(plan__network=network, countries=[mexico])
    report = NetworkReportFactory(
        network=network, meeting=meeting, document=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    # A consultation in its members' round (asked: Mexico and Guatemala) and a draft that only
    # the proposing PPT (Mexico) and the TS see.
    PresidencyFactory(year=timezone.localdate().year, country=mexico)
    asked = consultations.consultation_create(
        by=staff, subject="Joint statement", text_en="To issue a joint statement."
    )
    consultations.consultation_send_to_troika(consultation=asked, by=staff)
    for user in (users["focal_point"], users["other_focal_point"]):
        if asked.rounds.get().countries.filter(pk=user.country_id).exists():
            consultations.consultation_answer(consultation=asked, by=user, answer="agree")
    consultations.consultation_open_round(consultation=asked, by=staff)
    draft = consultations.consultation_create(
        by=staff, subject="Draft statement", text_en="To consider a statement."
    )
    return {
        "users": users,
        "token": token,
        "kwargs": {
            # URL arguments per route name: (public object, object hidden from non-members)
            "pk:agreement": (public.pk, hidden.pk),
            "pk:meeting": (meeting.pk, hidden_meeting.pk),
            "pk:follow_up": (evidence.pk, hidden_evidence.pk),
            "pk:proposal": (proposal.pk, proposal.pk),
            "pk:focal_point": (focal_point.pk, focal_point.pk),
            "pk:organisation": (iom.pk, iom.pk),
            "pk:theme": (Theme.objects.create(code="1", name_en="Policy").pk,) * 2,
            "pk:instrument": (InstrumentFactory().pk,) * 2,
            "pk:network": (network.pk, hidden_network.pk),
            "pk:network_member": (NetworkMemberFactory(network=network, country=mexico).pk,) * 2,
            "pk:work_plan": (item.plan_id, item.plan_id),
            "pk:work_plan_item": (item.pk, item.pk),
            "pk:network_report": (report.pk, report.pk),
            **{f"fin:{name}": (pk, pk) for name, pk in finance.items()},
            "pk:consultation": (asked.pk, draft.pk),
            "budget_year": (2014, 2014),
            "code": ("MX", "MX"),
            "year": (PresidencyFactory(year=2013, country=mexico).year,) * 2,
        },
    }
