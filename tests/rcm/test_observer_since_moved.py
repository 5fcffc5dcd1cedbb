"""An organisation's observer-since year is read from its observer statuses, the one record of
observer status: the migration moves the old field's years there, and the API keeps the field."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rcm.models import ObserverStatus, Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

BEFORE = ("rcm", "0003_observer_status_periods")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def migrate_to_the_latest():
    # The schema changes below may not wait for the foreign keys' deferred checks.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def before_the_move():
    migrate([BEFORE])
    yield MigrationExecutor(connection).loader.project_state([BEFORE]).apps
    migrate_to_the_latest()


def old_organisation(apps, acronym, observer_since, **fields):
    return apps.get_model("rcm", "Organisation").objects.create(
        acronym=acronym,
        name_en=acronym,
        kind="observer",
        observer_since=observer_since,
        source=f"publication, {acronym}",
        **fields,
    )


def test_an_observer_since_year_becomes_an_open_status_naming_the_same_source(before_the_move):
    old_organisation(before_the_move, "IOM", 1996)
    migrate_to_the_latest()
    status = ObserverStatus.objects.get(organisation__acronym="IOM")
    assert (status.from_year, status.to_year, status.source) == (1996, None, "publication, IOM")
    assert Organisation.objects.get(acronym="IOM").observer_since == 1996


def test_a_year_already_recorded_as_a_status_is_not_recorded_twice(before_the_move):
    organisation = old_organisation(before_the_move, "IOM", 1996)
    before_the_move.get_model("rcm", "ObserverStatus").objects.create(
        organisation=organisation, from_year=1996, source="the status's own source"
    )
    migrate_to_the_latest()
    assert list(ObserverStatus.objects.values_list("from_year", "source")) == [
        (1996, "the status's own source")
    ]


def test_an_earlier_year_than_the_statuses_ends_before_the_first_of_them(before_the_move):
    organisation = old_organisation(before_the_move, "ICRC", 2005)
    before_the_move.get_model("rcm", "ObserverStatus").objects.create(
        organisation=organisation, recorded_in=2021, source="2021 conclusions"
    )
    migrate_to_the_latest()
    assert list(
        ObserverStatus.objects.order_by("pk").values_list("from_year", "to_year", "recorded_in")
    ) == [(None, None, 2021), (2005, 2020, None)]


def test_the_api_gives_the_first_stated_year_and_filters_and_sorts_by_it(client):
    for acronym, year in [("UNHCR", 1997), ("IOM", 1996), ("ICRC", None)]:
        organisation = OrganisationFactory(acronym=acronym)
        ObserverStatus.objects.create(
            organisation=organisation,
            from_year=year,
            recorded_in=None if year else 2021,
            source="test",
        )
    rows = client.get("/api/v1/organisations/?ordering=observer_since").json()["results"]
    assert [(row["acronym"], row["observer_since"]) for row in rows] == [
        ("IOM", 1996),
        ("UNHCR", 1997),
        ("ICRC", None),
    ]
    rows = client.get("/api/v1/organisations/?observer_since=1997").json()["results"]
    assert [row["acronym"] for row in rows] == ["UNHCR"]


def test_the_api_does_not_write_the_derived_year(client, ts_staff):
    organisation = OrganisationFactory(acronym="IOM")
    client.force_login(ts_staff)
    url = f"/api/v1/organisations/{organisation.pk}/"
    response = client.patch(
        url,
        {"observer_since": 1990, "name_en": "International Organization for Migration"},
        content_type="application/json",
        HTTP_IF_MATCH=client.get(url)["ETag"],
    )
    assert response.status_code == 200
    assert response.json()["observer_since"] is None
    assert not organisation.observer_statuses.exists()


def test_an_organisation_that_is_not_an_observer_may_not_have_an_observer_status():
    organisation = OrganisationFactory(acronym="UNA", kind="cooperating")
    status = ObserverStatus(organisation=organisation, from_year=2000, source="test")
    with pytest.raises(Exception, match="Only observer organisations"):
        status.full_clean()


def test_the_admin_list_shows_the_first_observer_year(client, ts_staff):
    organisation = OrganisationFactory(acronym="IOM")
    ObserverStatus.objects.create(organisation=organisation, from_year=1996, source="test")
    client.force_login(ts_staff)
    response = client.get("/admin/rcm/organisation/")
    assert response.status_code == 200
    assert "1996" in response.text
