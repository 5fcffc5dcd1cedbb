"""The contribution scale: amounts per member country are the record; shares are derived."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from finance import services
from finance.models import Assessment, ContributionScale, ScaleRow
from tests.factories import observer_country
from tests.finance.factories import MEMBERS, members, scale

pytestmark = pytest.mark.django_db


def test_a_scale_sums_its_amounts_to_the_cent():
    saved = scale()
    assert ContributionScale.objects.with_total().get(pk=saved.pk).total_usd == Decimal("282724.00")


def test_the_share_of_each_country_is_derived_from_the_amounts_and_rounded_to_two_places():
    scale()
    shares = dict(ScaleRow.objects.with_share().values_list("country_id", "share"))
    assert shares["US"] == Decimal("50.00")
    assert shares["CA"] == Decimal("24.05")
    assert shares["MX"] == Decimal("11.80")
    assert shares["BZ"] == Decimal("1.77")


def test_a_share_stays_a_share_of_the_whole_scale_when_rows_are_filtered():
    scale()
    assert ScaleRow.objects.with_share().get(country_id="US").share == Decimal("50.00")


def test_a_scale_that_leaves_out_a_member_country_is_refused_and_nothing_is_saved():
    members()
    amounts = {code: row[2] for code, row in MEMBERS.items() if code != "BZ"}
    with pytest.raises(ValidationError, match="no row for BZ"):
        scale(amounts=amounts)
    assert not ContributionScale.objects.exists()
    assert not ScaleRow.objects.exists()


def test_a_scale_row_for_a_country_that_is_not_a_member_is_refused():
    members()
    observer_country("CO")
    amounts = {**{code: row[2] for code, row in MEMBERS.items()}, "CO": "5000.00"}
    with pytest.raises(ValidationError, match="CO were not members in 2005"):
        scale(amounts=amounts)
    assert not ContributionScale.objects.exists()


def test_a_row_of_zero_dollars_is_refused():
    members()
    amounts = {**{code: row[2] for code, row in MEMBERS.items()}, "BZ": "0.00"}
    with pytest.raises(ValidationError, match="must be more than zero"):
        scale(amounts=amounts)
    assert not ScaleRow.objects.exists()


def test_the_database_refuses_a_negative_row_too():
    saved = scale()
    with pytest.raises(IntegrityError):
        ScaleRow.objects.filter(scale=saved, country_id="BZ").update(amount_usd=Decimal("-1"))


def test_the_scale_in_force_is_the_latest_version_by_that_year():
    first = scale(effective_from=2001, name="2001")
    later = scale(effective_from=2005, name="2005")
    assert ContributionScale.objects.in_force(2004) == first
    assert ContributionScale.objects.in_force(2014) == later
    assert ContributionScale.objects.in_force(2000) is None


def test_a_scale_used_for_assessments_keeps_its_amounts():
    saved = scale()
    services.assessments_generate(year=2014)
    amounts = [(row.country, row.amount_usd) for row in saved.rows.all()]
    amounts[0] = (amounts[0][0], amounts[0][1] + 1)
    with pytest.raises(ValidationError, match="record a new version"):
        services.scale_save(scale=saved, rows=amounts)
    assert Assessment.objects.count() == 11
    assert ContributionScale.objects.with_total().get().total_usd == Decimal("282724.00")


def test_a_scale_approved_by_an_agreement_takes_the_agreement_s_meeting():
    from tests.factories import AgreementFactory

    agreement = AgreementFactory()
    saved = scale(approval_agreement=agreement)
    assert saved.approval_meeting == agreement.meeting
