"""The agenda answers in a fixed number of queries, whatever the number of items."""

import datetime

import pytest

from agreements.models import Action, Section
from meetings.models import MeetingKind
from tests.factories import AgreementFactory, MeetingFactory, member_country
from tests.networks.factories import NetworkFactory, WorkPlanItemFactory

pytestmark = pytest.mark.django_db

# 1 the meeting, 2 the recommendations, 3 the items due or overdue, 4 their responsible
# countries, 5 the networks owing a report (an RCGM only), 6 the work-plan items due, 7 the open
# consultations.
AGENDA_QUERIES = 7


def records(count: int):
    country = member_country("MX", name_en="Mexico")
    earlier = MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2021, 6, 1))
    rcgm = MeetingFactory(kind=MeetingKind.RCGM, starts_on=datetime.date(2021, 12, 1))
    for n in range(count):
        AgreementFactory(
            meeting=earlier,
            section=Section.RECOMMENDATION,
            action=Action.RECOMMEND,
            ref=f"r{n}",
            deadline=datetime.date(2021, 7, 1),
            responsible=[country],
        )
        WorkPlanItemFactory(plan__network=NetworkFactory(), deadline=datetime.date(2021, 11, 1))
    return rcgm


@pytest.mark.parametrize("count", [1, 30])
def test_the_agenda_page_answers_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    rcgm = records(count)

    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(AGENDA_QUERIES + 1):
        response = client.get(f"/meetings/{rcgm.pk}/agenda/")

    assert response.status_code == 200
    assert len(response.context["agenda"].plan_items_due) == count


@pytest.mark.parametrize("count", [1, 30])
def test_the_agenda_api_answers_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    rcgm = records(count)

    with django_assert_max_num_queries(AGENDA_QUERIES):
        response = client.get(f"/api/v1/meetings/{rcgm.pk}/agenda/")

    assert response.status_code == 200
    assert len(response.json()["overdue_by_country"][0]["agreements"]) == count
