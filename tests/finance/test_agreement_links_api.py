"""The link between agreements and the countries' payments in the API: the agreement's detail
names the payments it urges, the finance records name the agreements that urge them, to finance
readers only, and TS staff link and unlink them."""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from finance.models import FinanceAgreement, FinanceTopic
from rcm.models import Visibility
from tests.factories import AgreementFactory
from tests.finance.factories import AssessmentFactory, members, pay, rcgm

pytestmark = pytest.mark.django_db

MEETING_DAY = datetime.date(2021, 12, 1)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def urging():
    members(["BZ"])
    AssessmentFactory(country_id="BZ", year=2021, amount_usd=Decimal("5000.00"))
    pay("BZ", "1000.00", datetime.date(2021, 6, 1))
    agreement = AgreementFactory(meeting=rcgm(starts_on=MEETING_DAY, ends_on=MEETING_DAY), ref="2")
    FinanceAgreement.objects.create(
        agreement=agreement, topic=FinanceTopic.CONTRIBUTIONS, source="2021 conclusion 2"
    )
    return agreement


def test_the_agreement_detail_names_the_payments_it_urges_to_a_member(urging, focal_point_gt):
    data = api(focal_point_gt).get(f"/api/v1/agreements/{urging.pk}/").json()
    assert data["payments_urged"] == [{"topic": "contributions", "source": "2021 conclusion 2"}]


def test_an_agreement_urging_nothing_gives_an_empty_list_to_a_member(focal_point_gt):
    agreement = AgreementFactory()
    data = api(focal_point_gt).get(f"/api/v1/agreements/{agreement.pk}/").json()
    assert data["payments_urged"] == []


@pytest.mark.parametrize("reader", ["anonymous", "observer_org_user"])
def test_a_reader_who_may_not_see_finance_gets_null_whether_linked_or_not(urging, reader, request):
    user = None if reader == "anonymous" else request.getfixturevalue(reader)
    unlinked = AgreementFactory(meeting=urging.meeting)
    for agreement in (urging, unlinked):
        data = api(user).get(f"/api/v1/agreements/{agreement.pk}/").json()
        assert data["payments_urged"] is None


def test_the_agreement_list_is_unchanged(urging, focal_point_gt):
    [row] = api(focal_point_gt).get("/api/v1/agreements/").json()["results"]
    assert "payments_urged" not in row


@pytest.mark.parametrize("resource", ["assessments", "balances", "payments"])
def test_finance_records_name_the_agreements_that_urge_them(urging, focal_point_gt, resource):
    [row] = api(focal_point_gt).get(f"/api/v1/{resource}/").json()["results"]
    assert row["urged_by"] == [
        {
            "id": urging.pk,
            "ref": "2",
            "meeting": urging.meeting_id,
            "meeting_name": "RCGM San José 2021",
        }
    ]


def test_the_arrears_name_the_agreements_that_urge_them(urging, focal_point_gt):
    [row] = api(focal_point_gt).get("/api/v1/balances/arrears/?year=2021").json()
    assert [agreement["id"] for agreement in row["urged_by"]] == [urging.pk]


def test_finance_records_do_not_name_an_agreement_the_reader_may_not_see(urging, focal_point_gt):
    hidden = AgreementFactory(meeting=urging.meeting, visibility=Visibility.RESTRICTED)
    FinanceAgreement.objects.create(agreement=hidden, topic=FinanceTopic.CONTRIBUTIONS)
    [row] = api(focal_point_gt).get("/api/v1/payments/").json()["results"]
    assert [agreement["id"] for agreement in row["urged_by"]] == [urging.pk]
    links = api(focal_point_gt).get("/api/v1/agreements-on-payments/").json()["results"]
    assert [link["agreement"] for link in links] == [urging.pk]


def test_those_who_may_not_see_finance_see_no_links(urging, observer_org_user):
    assert api(observer_org_user).get("/api/v1/agreements-on-payments/").json()["results"] == []
    assert api().get("/api/v1/agreements-on-payments/").json()["results"] == []


def test_ts_staff_link_an_agreement_to_payments(ts_staff):
    agreement = AgreementFactory(ref="3")
    response = api(ts_staff).post(
        "/api/v1/agreements-on-payments/",
        {"agreement": agreement.pk, "topic": "reserve_fund", "source": "2021 conclusion 3"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    link = FinanceAgreement.objects.get()
    assert (link.agreement, link.topic, link.source) == (
        agreement,
        "reserve_fund",
        "2021 conclusion 3",
    )


@pytest.mark.parametrize(
    "body",
    [
        {"agreement": 999999, "topic": "contributions"},
        {"agreement": "two", "topic": "contributions"},
        {"topic": "contributions"},
        {"agreement": "AGREEMENT", "topic": "bribes"},
    ],
)
def test_a_link_to_no_agreement_or_no_topic_is_refused_and_nothing_changes(ts_staff, body):
    if body.get("agreement") == "AGREEMENT":
        body["agreement"] = AgreementFactory().pk
    response = api(ts_staff).post("/api/v1/agreements-on-payments/", body, format="json")
    assert response.status_code == 400
    assert not FinanceAgreement.objects.exists()


def test_the_same_link_twice_is_refused(urging, ts_staff):
    response = api(ts_staff).post(
        "/api/v1/agreements-on-payments/",
        {"agreement": urging.pk, "topic": "contributions"},
        format="json",
    )
    assert response.status_code == 400
    assert "already linked" in str(response.json())
    assert FinanceAgreement.objects.count() == 1


def test_a_member_may_not_link_an_agreement(urging, focal_point_gt):
    response = api(focal_point_gt).post(
        "/api/v1/agreements-on-payments/",
        {"agreement": urging.pk, "topic": "reserve_fund"},
        format="json",
    )
    assert response.status_code == 403
    assert FinanceAgreement.objects.count() == 1


def test_ts_staff_unlink_an_agreement_and_its_detail_says_so(urging, ts_staff):
    client = api(ts_staff)
    link = FinanceAgreement.objects.get()
    etag = client.get(f"/api/v1/agreements-on-payments/{link.pk}/")["ETag"]
    response = client.delete(f"/api/v1/agreements-on-payments/{link.pk}/", HTTP_IF_MATCH=etag)
    assert response.status_code == 204
    assert client.get(f"/api/v1/agreements/{urging.pk}/").json()["payments_urged"] == []


@pytest.mark.parametrize("count", [1, 10])
def test_the_links_list_runs_a_fixed_number_of_queries(
    focal_point_gt, django_assert_num_queries, count
):
    for number in range(count):
        FinanceAgreement.objects.create(
            agreement=AgreementFactory(ref=str(number)), topic=FinanceTopic.CONTRIBUTIONS
        )
    client = api(focal_point_gt)
    # the reader's roles and standing; the count; the page of links with their agreements.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(4):
        assert client.get("/api/v1/agreements-on-payments/").status_code == 200


@pytest.mark.parametrize("count", [1, 10])
def test_the_payments_list_asks_for_the_urging_agreements_once(
    urging, focal_point_gt, django_assert_max_num_queries, count
):
    for day in range(1, count):
        pay("BZ", "10.00", datetime.date(2021, 7, day))
    client = api(focal_point_gt)
    client.get("/api/v1/payments/")  # the reader's access, cached for the request alike
    # the reader's roles; the count; the page; its allocations; the urging agreements.
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/payments/").status_code == 200
