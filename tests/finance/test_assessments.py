"""Assessments: what each member country owes for a year, generated from the scale in force."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from finance import services
from finance.models import Assessment, PaymentStatus
from tests.factories import member_country
from tests.finance.factories import pay, scale

pytestmark = pytest.mark.django_db


def test_generating_a_year_assesses_every_member_country_from_the_scale():
    scale()
    result = services.assessments_generate(year=2014)
    assert len(result.created) == 11
    assert dict(
        Assessment.objects.filter(country__in=["US", "BZ"]).values_list("country_id", "amount_usd")
    ) == {"US": Decimal("141360.00"), "BZ": Decimal("5000.00")}


def test_generating_a_year_again_changes_nothing():
    scale()
    services.assessments_generate(year=2014)
    again = services.assessments_generate(year=2014)
    assert (len(again.created), again.existing) == (0, 11)
    assert Assessment.objects.count() == 11


def test_a_year_before_any_scale_is_refused():
    scale(effective_from=2005)
    with pytest.raises(ValidationError, match="No contribution scale is in force in 2003"):
        services.assessments_generate(year=2003)
    assert not Assessment.objects.exists()


def test_a_member_missing_from_the_scale_in_force_stops_the_generation():
    scale(effective_from=2005)
    member_country("XA", since=datetime.date(2010, 1, 1))
    with pytest.raises(ValidationError, match="no row for XA"):
        services.assessments_generate(year=2014)
    assert not Assessment.objects.exists()


def test_a_country_is_assessed_only_while_it_is_a_member():
    scale()
    with pytest.raises(ValidationError, match="was not a member in 1990"):
        Assessment(country_id="BZ", year=1990, amount_usd=Decimal("5000.00")).full_clean()


def test_credit_from_an_overpayment_pays_the_next_year_when_it_is_assessed():
    scale()
    services.assessments_generate(year=2014)
    pay("BZ", "7000.00", datetime.date(2014, 3, 1))
    result = services.assessments_generate(year=2015)
    assert result.credit_applied == Decimal("2000.00")
    belize_2015 = Assessment.objects.with_payments().get(country="BZ", year=2015)
    assert (belize_2015.paid_usd, belize_2015.payment_status) == (
        Decimal("2000.00"),
        PaymentStatus.PARTIAL,
    )


def test_the_command_generates_a_year_and_says_what_it_did():
    scale()
    out = StringIO()
    call_command("generate_assessments", "--year", "2014", stdout=out)
    assert "2014: 11 assessments created, 0 already there" in out.getvalue()
    call_command("generate_assessments", "--year", "2014", stdout=out)
    assert "2014: 0 assessments created, 11 already there" in out.getvalue()


def test_the_command_fails_with_the_reason_when_no_scale_is_in_force():
    with pytest.raises(CommandError, match="No contribution scale is in force in 2014"):
        call_command("generate_assessments", "--year", "2014", stdout=StringIO())
