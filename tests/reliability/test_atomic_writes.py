"""Payments and consultations are all or nothing: a fault at any write leaves every table as it was.

The fault is injected in Python (a save that raises, as a lost connection or a bug would), on the
real database; the test then compares the row counts of every table the step writes to.
"""

import datetime
from decimal import Decimal

import pytest

from agreements.models import Agreement, FollowUp
from consultations import services as consultation_services
from consultations.models import Consultation, ConsultationRound, ConsultationTransition
from finance import services as finance_services
from finance.models import Payment, PaymentAllocation
from meetings.models import Meeting, Participation
from rcm.models import Country
from tests.consultations.factories import at, conference, in_members_round
from tests.finance.factories import scale

pytestmark = pytest.mark.django_db(transaction=True)


class InjectedFault(Exception):
    pass


def fail_on_call(monkeypatch, model, number: int) -> None:
    """Make the `number`-th save of `model` raise, after the earlier ones went through."""
    original = model.save
    calls = {"count": 0}

    def save(self, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] == number:
            raise InjectedFault(f"{model.__name__} save #{number}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(model, "save", save)


def counts(*models) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def belize_owes_three_years():
    scale()
    for year in (2012, 2013, 2014):
        finance_services.assessments_generate(year=year)
    return Country.objects.get(pk="BZ")


@pytest.mark.parametrize("failing_allocation", [1, 2, 3])
def test_a_payment_that_fails_at_any_allocation_leaves_no_payment_and_no_allocation(
    monkeypatch, belize_owes_three_years, failing_allocation
):
    before = counts(Payment, PaymentAllocation)
    fail_on_call(monkeypatch, PaymentAllocation, failing_allocation)
    with pytest.raises(InjectedFault):
        # US$15,000 covers 2012, 2013 and 2014 (US$5,000 a year): three allocations.
        finance_services.payment_apply(
            country=belize_owes_three_years,
            received_on=datetime.date(2014, 6, 1),
            amount_usd=Decimal("15000.00"),
        )
    assert counts(Payment, PaymentAllocation) == before


CONSULTATION_TABLES = (
    Consultation,
    ConsultationRound,
    ConsultationTransition,
    Meeting,
    Participation,
    Agreement,
    FollowUp,
)


@pytest.mark.parametrize("failing_model", [Meeting, Agreement, ConsultationTransition])
def test_agreeing_a_consultation_that_fails_midway_leaves_no_outcome(monkeypatch, failing_model):
    setting = conference(members=("MX", "GT", "CR"))
    consultation = in_members_round(setting)
    for code in setting.members:
        consultation_services.consultation_answer(
            consultation=consultation,
            by=setting.focal_points[code],
            answer="agree",
            now=at("2026-12-21"),
        )
    before = counts(*CONSULTATION_TABLES)
    fail_on_call(monkeypatch, failing_model, 1)
    with pytest.raises(InjectedFault):
        consultation_services.consultation_agree(
            consultation=consultation, by=setting.ppt, now=at("2026-12-22")
        )
    assert counts(*CONSULTATION_TABLES) == before
    consultation.refresh_from_db()
    assert (consultation.state, consultation.agreement_id) == ("members_round", None)
