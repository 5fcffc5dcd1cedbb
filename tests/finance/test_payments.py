"""Payments: applied to the oldest open assessment first unless assigned; the rest is credit."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from finance import services
from finance.models import Assessment, Payment, PaymentAllocation, PaymentStatus
from tests.factories import observer_country
from tests.finance.factories import pay, scale

pytestmark = pytest.mark.django_db

MARCH_2016 = datetime.date(2016, 3, 1)


@pytest.fixture
def assessed():
    """Table I's scale, and assessments for 2014, 2015 and 2016."""
    scale()
    for year in (2014, 2015, 2016):
        services.assessments_generate(year=year)


def paid(code: str, year: int) -> Decimal:
    return Assessment.objects.with_payments().get(country=code, year=year).paid_usd


def test_a_payment_goes_to_the_oldest_open_assessment_first(assessed):
    pay("BZ", "7500.00", MARCH_2016)
    assert (paid("BZ", 2014), paid("BZ", 2015), paid("BZ", 2016)) == (
        Decimal("5000.00"),
        Decimal("2500.00"),
        Decimal("0.00"),
    )


def test_a_payment_assigned_to_a_year_pays_that_year_first(assessed):
    belize_2016 = Assessment.objects.get(country="BZ", year=2016)
    pay("BZ", "7500.00", MARCH_2016, assessment=belize_2016)
    assert (paid("BZ", 2014), paid("BZ", 2015), paid("BZ", 2016)) == (
        Decimal("2500.00"),
        Decimal("0.00"),
        Decimal("5000.00"),
    )


def test_an_overpayment_is_kept_as_credit(assessed):
    payment = pay("BZ", "16000.00", MARCH_2016)
    payment = Payment.objects.with_allocation().get(pk=payment.pk)
    assert (payment.allocated_usd, payment.credit_usd) == (
        Decimal("15000.00"),
        Decimal("1000.00"),
    )


def test_payments_in_cents_add_up_to_the_cent(assessed):
    for _ in range(3):
        pay("BZ", "1666.67", datetime.date(2014, 5, 1))
    belize = Assessment.objects.with_payments().get(country="BZ", year=2014)
    assert (belize.paid_usd, belize.balance_usd) == (Decimal("5000.00"), Decimal("0.00"))
    assert belize.payment_status == PaymentStatus.PAID
    assert paid("BZ", 2015) == Decimal("0.01")


@pytest.mark.parametrize("amount", ["0.00", "-5000.00"])
def test_a_payment_of_zero_or_less_is_refused_and_nothing_is_saved(assessed, amount):
    with pytest.raises(ValidationError, match="A payment must be more than zero"):
        pay("BZ", amount, MARCH_2016)
    assert not Payment.objects.exists()
    assert not PaymentAllocation.objects.exists()


def test_a_payment_dated_in_the_future_is_refused_and_nothing_is_saved(assessed):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be dated in the future"):
        pay("BZ", "5000.00", tomorrow)
    assert not Payment.objects.exists()


def test_a_payment_assigned_to_another_country_s_assessment_is_refused(assessed):
    mexico_2014 = Assessment.objects.get(country="MX", year=2014)
    with pytest.raises(ValidationError, match="The assessment is MX's, not BZ's"):
        pay("BZ", "5000.00", MARCH_2016, assessment=mexico_2014)
    assert not Payment.objects.exists()


def test_only_member_countries_pay_contributions(assessed):
    observer_country("CO")
    with pytest.raises(ValidationError, match="Only member countries pay contributions"):
        pay("CO", "5000.00", MARCH_2016)


def test_the_database_refuses_a_payment_of_zero_too(assessed):
    with pytest.raises(IntegrityError):
        Payment.objects.create(country_id="BZ", received_on=MARCH_2016, amount_usd=Decimal("0.00"))


def test_removing_a_payment_lets_the_country_s_credit_fill_the_gap(assessed):
    first = pay("BZ", "5000.00", datetime.date(2014, 3, 1))
    pay("BZ", "15000.00", MARCH_2016)  # 2015, 2016, and 5000.00 of credit
    services.payment_delete(payment=first)
    assert (paid("BZ", 2014), paid("BZ", 2015), paid("BZ", 2016)) == (
        Decimal("5000.00"),
        Decimal("5000.00"),
        Decimal("5000.00"),
    )
    assert Payment.objects.with_allocation().get().credit_usd == Decimal("0.00")


def test_an_assessment_cannot_be_lowered_below_what_was_paid_on_it(assessed):
    pay("BZ", "5000.00", MARCH_2016)
    belize = Assessment.objects.get(country="BZ", year=2014)
    belize.amount_usd = Decimal("4000.00")
    with pytest.raises(ValidationError, match="already been paid"):
        belize.full_clean()
