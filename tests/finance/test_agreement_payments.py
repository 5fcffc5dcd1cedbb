"""Agreements that urge the countries' payments show the countries' standing beside them, for
members only, and the finance pages link back to those agreements."""

import datetime
import re
from decimal import Decimal

import pytest

from agreements.models import Status
from finance.agreement_standing import agreement_standing
from finance.models import FinanceAgreement, FinanceTopic, PaymentStatus
from rcm.models import Visibility, access_for
from tests.factories import AgreementFactory
from tests.finance.factories import AssessmentFactory, contribution, members, pay, rcgm

pytestmark = pytest.mark.django_db

MEETING_DAY = datetime.date(2021, 12, 1)


@pytest.fixture
def urging(db):
    """The RCGM of 1 December 2021 urges payment; Belize paid 2021 in full before it, Mexico
    paid part after it, Guatemala has no assessment on record."""
    members(["BZ", "MX", "GT"])
    AssessmentFactory(country_id="BZ", year=2021, amount_usd=Decimal("5000.00"))
    AssessmentFactory(country_id="MX", year=2021, amount_usd=Decimal("33364.00"))
    pay("BZ", "5000.00", datetime.date(2021, 6, 1))
    pay("MX", "1000.00", datetime.date(2022, 2, 1))
    agreement = AgreementFactory(
        meeting=rcgm(starts_on=MEETING_DAY, ends_on=MEETING_DAY),
        ref="2",
        text_en="To encourage Member Countries that have not provided their annual "
        "contributions to do so as soon as possible.",
    )
    FinanceAgreement.objects.create(agreement=agreement, topic=FinanceTopic.CONTRIBUTIONS)
    return agreement


def signed_in(client, user):
    client.force_login(user)
    return client


def row_of(html: str, country: str) -> str:
    match = re.search(rf">{country}</a></th>(.*?)</tr>", html, re.S)
    assert match, country
    return match.group(1)


def test_each_members_contributions_are_given_for_the_year_of_the_meeting(urging, ts_staff):
    standing = agreement_standing(agreement=urging, access=access_for(ts_staff))
    rows = {row.country.code: row for row in standing["rows"]}
    assert standing["year"] == 2021
    assert (rows["BZ"].assessed, rows["BZ"].paid, rows["BZ"].status) == (
        Decimal("5000.00"),
        Decimal("5000.00"),
        PaymentStatus.PAID,
    )
    assert rows["MX"].unpaid_at_meeting == Decimal("33364.00")
    assert rows["MX"].unpaid_today == Decimal("32364.00")
    assert rows["MX"].status == PaymentStatus.PARTIAL


def test_a_country_with_no_assessment_reads_not_recorded_and_never_zero(
    urging, client, focal_point_gt
):
    response = signed_in(client, focal_point_gt).get(urging.get_absolute_url())
    guatemala = row_of(response.text, "Guatemala")
    assert guatemala.count("not recorded") == 5
    assert "0.00" not in guatemala
    assert "5,000.00" in row_of(response.text, "Belize")


def test_the_public_sees_no_figures_beside_the_agreement(urging, client):
    response = client.get(urging.get_absolute_url())
    assert response.status_code == 200
    assert 'id="agreement-payments"' not in response.text
    assert "33,364.00" not in response.text


def test_an_observer_sees_no_figures_beside_the_agreement(urging, client, observer_org_user):
    response = signed_in(client, observer_org_user).get(urging.get_absolute_url())
    assert response.status_code == 200
    assert 'id="agreement-payments"' not in response.text


def test_an_agreement_about_no_payment_shows_no_figures(urging, client, ts_staff):
    other = AgreementFactory(meeting=urging.meeting, ref="5", text_en="To thank Mexico.")
    response = signed_in(client, ts_staff).get(other.get_absolute_url())
    assert 'id="agreement-payments"' not in response.text


def test_an_agreement_on_the_reserve_fund_shows_the_fund_contributions(urging, ts_staff):
    FinanceAgreement.objects.create(agreement=urging, topic=FinanceTopic.RESERVE_FUND)
    contribution("2500.00", datetime.date(2021, 3, 1), country_id="MX")
    contribution("700.00", datetime.date(2022, 3, 1), country_id="MX")
    rows = {
        row.country.code: row
        for row in agreement_standing(agreement=urging, access=access_for(ts_staff))["rows"]
    }
    assert rows["MX"].fund_in_year == Decimal("2500.00")
    assert rows["MX"].fund_since_meeting == Decimal("700.00")
    assert rows["GT"].fund_in_year is None


def test_the_contributions_page_links_to_the_agreements_that_urge_them(
    urging, client, focal_point_gt
):
    response = signed_in(client, focal_point_gt).get("/finance/")
    section = response.text.split('id="agreements-urging"')[1]
    assert f'href="{urging.get_absolute_url()}"' in section


def test_the_reserve_fund_page_links_only_to_the_agreements_on_the_fund(urging, client, ts_staff):
    fund_agreement = AgreementFactory(meeting=urging.meeting, ref="3")
    FinanceAgreement.objects.create(agreement=fund_agreement, topic=FinanceTopic.RESERVE_FUND)
    section = signed_in(client, ts_staff).get("/finance/reserve-fund/").text
    section = section.split('id="agreements-urging"')[1]
    assert f'href="{fund_agreement.get_absolute_url()}"' in section
    assert f'href="{urging.get_absolute_url()}"' not in section


def test_an_agreement_the_user_may_not_see_is_not_linked_from_the_finance_pages(
    urging, client, focal_point_gt
):
    hidden = AgreementFactory(
        meeting=urging.meeting, ref="9", visibility=Visibility.RESTRICTED, status=Status.OPEN
    )
    FinanceAgreement.objects.create(agreement=hidden, topic=FinanceTopic.CONTRIBUTIONS)
    response = signed_in(client, focal_point_gt).get("/finance/")
    assert f'href="{hidden.get_absolute_url()}"' not in response.text


def test_an_agreement_cannot_be_linked_twice_to_the_same_topic(urging):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        FinanceAgreement(agreement=urging, topic=FinanceTopic.CONTRIBUTIONS).full_clean()


def test_the_figures_beside_the_agreement_speak_spanish(urging, client, focal_point_mx):
    response = signed_in(client, focal_point_mx).get(
        urging.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert "Los pagos de los países que este acuerdo insta" in response.text
    assert "no registrado" in row_of(response.text, "Guatemala")


@pytest.mark.parametrize("count", [1, 11])
def test_the_agreement_page_with_figures_runs_a_fixed_number_of_queries(
    client, ts_staff, django_assert_num_queries, count
):
    codes = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"][:count]
    members(codes)
    for code in codes:
        AssessmentFactory(country_id=code, year=2021, amount_usd=Decimal("5000.00"))
        pay(code, "100.00", datetime.date(2021, 6, 1))
        contribution("10.00", datetime.date(2021, 6, 1), country_id=code)
    agreement = AgreementFactory(meeting=rcgm(starts_on=MEETING_DAY, ends_on=MEETING_DAY))
    for topic in FinanceTopic.values:
        FinanceAgreement.objects.create(agreement=agreement, topic=topic)
    client = signed_in(client, ts_staff)
    # The page's own queries (NUM_PAGE), then: the agreement's payment topics; the member
    # countries; unpaid contributions at the meeting and today; Reserve Fund contributions.
    with django_assert_num_queries(NUM_PAGE + 5):
        assert client.get(agreement.get_absolute_url()).status_code == 200


# The agreement page without this section: session, user, roles; the agreement; its sub-items;
# lineage both ways in one query; follow-up updates (pending ones among them); themes;
# instrument events; activities.
NUM_PAGE = 10


def test_ts_staff_link_an_agreement_to_payments_in_the_admin(urging, client, ts_staff):
    other = AgreementFactory(meeting=urging.meeting, ref="3")
    response = signed_in(client, ts_staff).post(
        "/admin/finance/financeagreement/add/",
        {"agreement": other.pk, "topic": FinanceTopic.RESERVE_FUND, "source": "item 3"},
    )
    assert response.status_code == 302
    link = FinanceAgreement.objects.get(agreement=other)
    assert link.topic == FinanceTopic.RESERVE_FUND
    assert link.history.count() == 1
