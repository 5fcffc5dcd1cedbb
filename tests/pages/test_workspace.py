"""A focal point's workspace at /my/: their country's part of each agreement, their updates and
their contributions, in their language."""

import datetime

import pytest
from django.utils import timezone

from agreements.models import FollowUp, Status, Validation
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, focal_point_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def meeting():
    return MeetingFactory(starts_on=datetime.date(2021, 12, 1))


def test_the_workspace_groups_the_countrys_part_by_what_is_due(
    client, focal_point_gt, guatemala, meeting
):
    overdue = AgreementFactory(meeting=meeting, deadline=days(-10), responsible=[guatemala])
    soon = AgreementFactory(meeting=meeting, deadline=days(30), responsible=[guatemala])
    later = AgreementFactory(meeting=meeting, deadline=days(200), responsible=[guatemala])
    undated = AgreementFactory(meeting=meeting, responsible=[guatemala])
    client.force_login(focal_point_gt)

    workspace = client.get("/my/").context["workspace"]

    assert [a.pk for a in workspace.overdue] == [overdue.pk]
    assert [a.pk for a in workspace.due_soon] == [soon.pk]
    assert [a.pk for a in workspace.due_later] == [later.pk]
    assert [a.pk for a in workspace.no_date] == [undated.pk]


def test_the_workspace_leaves_out_what_the_country_has_done_and_other_countries_items(
    client, focal_point_gt, guatemala, mexico, meeting
):
    shared = AgreementFactory(meeting=meeting, responsible=[guatemala, mexico])
    shared.country_links.filter(country=guatemala).update(status=Status.DONE)
    AgreementFactory(meeting=meeting, responsible=[mexico])
    client.force_login(focal_point_gt)

    workspace = client.get("/my/").context["workspace"]

    assert workspace.no_date == []


def test_the_workspace_shows_how_long_since_the_last_update(
    client, focal_point_gt, guatemala, meeting
):
    reported = AgreementFactory(meeting=meeting, responsible=[guatemala])
    FollowUp.objects.create(
        agreement=reported, country=guatemala, status=Status.IN_PROGRESS,
        validation=Validation.ACCEPTED,
    )  # fmt: skip
    silent = AgreementFactory(meeting=meeting, responsible=[guatemala])
    client.force_login(focal_point_gt)

    response = client.get("/my/")

    rows = {a.pk: a for a in response.context["workspace"].no_date}
    assert rows[reported.pk].last_update_at is not None
    assert rows[silent.pk].last_update_at is None
    assert "none since adoption (2021)" in response.content.decode()


def test_a_row_with_an_update_awaiting_the_ts_says_so_instead_of_not_reported(
    client, focal_point_gt, guatemala, meeting
):
    agreement = AgreementFactory(meeting=meeting, deadline=days(-10), responsible=[guatemala])
    FollowUp.objects.create(
        agreement=agreement, country=guatemala, author=focal_point_gt, status=Status.IN_PROGRESS
    )
    client.force_login(focal_point_gt)

    response = client.get("/my/", HTTP_ACCEPT_LANGUAGE="es")

    (row,) = response.context["workspace"].overdue
    assert row.awaiting_validation
    text = response.content.decode()
    row_html = text[text.index(agreement.get_absolute_url()) :].split("</tr>")[0]
    assert "actualización pendiente de validación" in row_html
    assert "sin informes" not in row_html


def test_pending_and_sent_back_updates_are_listed_until_answered(
    client, focal_point_gt, guatemala, meeting
):
    agreement = AgreementFactory(meeting=meeting, responsible=[guatemala])
    pending = FollowUp.objects.create(
        agreement=agreement, country=guatemala, author=focal_point_gt, status=Status.DONE
    )
    returned = FollowUp.objects.create(
        agreement=AgreementFactory(meeting=meeting, responsible=[guatemala]),
        country=guatemala, author=focal_point_gt, status=Status.DONE,
        validation=Validation.RETURNED, review_note="Attach the signed protocol.",
    )  # fmt: skip
    client.force_login(focal_point_gt)

    response = client.get("/my/")

    assert [u.pk for u in response.context["workspace"].awaiting] == [pending.pk]
    assert [u.pk for u in response.context["workspace"].returned] == [returned.pk]
    assert "Attach the signed protocol." in response.content.decode()

    FollowUp.objects.create(
        agreement=returned.agreement, country=guatemala, author=focal_point_gt,
        status=Status.DONE, note="With the protocol.",
    )  # fmt: skip
    assert client.get("/my/").context["workspace"].returned == []


def test_a_guatemalan_focal_point_reads_the_workspace_in_spanish(client, guatemala):
    user = focal_point_user(guatemala, username="fp-gt-es", language="es")
    client.force_login(user)
    client.cookies["django_language"] = "es"

    response = client.get("/my/")

    assert response["Content-Language"] == "es"
    assert "Mi país" in response.content.decode()
    assert "su espacio de trabajo" in response.content.decode()


def test_contributions_not_recorded_show_as_unknown_not_as_zero(client, focal_point_gt):
    client.force_login(focal_point_gt)

    page = client.get("/my/").content.decode()

    assert "unknown: no assessment or payment is recorded for your country." in page
    assert "0.00" not in page


def test_the_workspace_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/my/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_user_who_speaks_for_no_member_country_is_sent_home(client, ts_staff):
    client.force_login(ts_staff)

    assert client.get("/my/")["Location"] == "/"


def test_the_navigation_offers_my_country_to_users_with_a_country(client, focal_point_gt):
    client.force_login(focal_point_gt)

    assert 'href="/my/"' in client.get("/").content.decode()


def test_the_workspace_lists_only_agreements_the_reader_may_see(client, focal_point_gt, guatemala):
    restricted = MeetingFactory(visibility=Visibility.RESTRICTED)
    AgreementFactory(meeting=restricted, responsible=[guatemala])
    client.force_login(focal_point_gt)

    assert client.get("/my/").context["workspace"].no_date == []


# 1 session, 2 user, 3 roles and standing, 4 the country, 5 its part of the agreements,
# 6 pending updates, 7 sent-back updates, 8 contributions (assessments with totals),
# 9 the credit and 10 the country's line on the scale, when nothing is assessed; 11 the records'
# version, the page being kept until they change.
WORKSPACE_QUERIES = 11


@pytest.mark.parametrize("count", [1, 40])
def test_the_workspace_answers_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, focal_point_gt, guatemala, meeting, count
):
    for n in range(count):
        agreement = AgreementFactory(
            meeting=meeting, deadline=days(n - 20), responsible=[guatemala]
        )
        FollowUp.objects.create(
            agreement=agreement, country=guatemala, author=focal_point_gt, status=Status.DONE
        )
    client.force_login(focal_point_gt)

    with django_assert_max_num_queries(WORKSPACE_QUERIES):
        response = client.get("/my/")

    assert len(response.context["workspace"].awaiting) == count
