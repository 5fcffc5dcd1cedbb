"""An organisation's observer status over time, in the years the sources state: who was an
observer in a year, on the page, in the API and in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from rcm.models import ObserverStatus, Organisation
from tests.factories import OrganisationFactory, observer_country

pytestmark = pytest.mark.django_db


def observer(acronym, *, from_year=None, to_year=None, recorded_in=None) -> Organisation:
    organisation = OrganisationFactory(acronym=acronym)
    ObserverStatus.objects.create(
        organisation=organisation,
        from_year=from_year,
        to_year=to_year,
        recorded_in=recorded_in,
        source="test",
    )
    return organisation


def acronyms(queryset) -> set[str]:
    return set(queryset.values_list("acronym", flat=True))


def test_an_organisation_is_an_observer_in_the_years_its_status_covers():
    observer("IOM", from_year=1996)
    observer("OLD", from_year=2003, to_year=2010)
    observer("SEGIB", from_year=2007)
    assert acronyms(Organisation.objects.observers(2011)) == {"IOM", "SEGIB"}
    assert acronyms(Organisation.objects.observers(2005)) == {"IOM", "OLD"}


def test_a_status_whose_start_is_not_stated_counts_from_the_year_a_source_records_it():
    observer("ICRC", recorded_in=2021)
    assert acronyms(Organisation.objects.observers(2011)) == set()
    assert acronyms(Organisation.objects.observers(2021)) == {"ICRC"}


def test_a_status_with_no_year_stated_counts_for_today_only():
    observer("UNDP")
    observer("OLD", from_year=2003, to_year=2010)
    assert acronyms(Organisation.objects.observers()) == {"UNDP"}
    assert acronyms(Organisation.objects.observers(2026)) == set()


def test_a_status_cannot_end_before_it_begins():
    with pytest.raises(IntegrityError), transaction.atomic():
        observer("IOM", from_year=2010, to_year=2003)


def test_a_status_gives_its_start_or_the_year_it_is_recorded_not_both():
    with pytest.raises(IntegrityError), transaction.atomic():
        observer("IOM", from_year=2010, recorded_in=2011)


def test_two_statuses_of_one_organisation_may_not_overlap():
    organisation = observer("IOM", from_year=1996)
    status = ObserverStatus(organisation=organisation, from_year=2000, source="test")
    with pytest.raises(ValidationError, match="already has an observer status"):
        status.full_clean()


def test_a_change_to_a_status_is_kept_in_its_history():
    organisation = observer("IOM", from_year=1996)
    status = organisation.observer_statuses.get()
    status.to_year = 2020
    status.save()
    assert status.history.count() == 2


def test_the_api_lists_the_observers_of_a_year(client):
    observer("IOM", from_year=1996)
    observer("ICRC", recorded_in=2021)
    response = client.get("/api/v1/organisations/?observer_in=2011")
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["acronym"] == "IOM"
    assert row["observer_statuses"] == [
        {"from_year": 1996, "to_year": None, "recorded_in": None, "source": "test"}
    ]


def test_the_api_refuses_a_year_that_is_not_one(client):
    response = client.get("/api/v1/organisations/?observer_in=last-year")
    assert response.status_code == 400


@pytest.mark.parametrize("count", [1, 20])
def test_the_organisations_api_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    for number in range(count):
        observer(f"ORG{number}", from_year=2000)
    # the count; the page of organisations; their observer statuses.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(4):
        assert client.get("/api/v1/organisations/?observer_in=2011").status_code == 200


def test_the_observers_page_shows_those_of_the_year_asked_for(client):
    observer("IOM", from_year=1996)
    observer("ICRC", recorded_in=2021)
    observer_country("AR")
    response = client.get("/observers/?year=2011")
    table = response.text.split('id="observer-organisations"')[1].split("</table>")[0]
    assert "IOM" in table and "since 1996" in table
    assert "ICRC" not in table
    assert "Country AR" in response.text.split('id="observer-states"')[1]


def test_the_observers_page_refuses_a_year_that_is_not_one(client):
    assert client.get("/observers/?year=1066").status_code == 400


def test_the_observers_page_speaks_spanish(client):
    observer("IOM", from_year=1996)
    response = client.get("/observers/?year=2011", HTTP_ACCEPT_LANGUAGE="es")
    assert "Observadores en 2011" in response.text
    assert "desde 1996" in response.text


@pytest.mark.parametrize("count", [1, 20])
def test_the_observers_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    for number in range(count):
        observer(f"ORG{number}", from_year=2000)
        observer_country()
    # the observer organisations; their statuses; the observer states.
    with django_assert_num_queries(3):
        assert client.get("/observers/?year=2011").status_code == 200


def test_ts_staff_keep_an_organisations_observer_statuses_in_its_admin_page(client, ts_staff):
    organisation = observer("IOM", from_year=1996)
    client.force_login(ts_staff)
    response = client.get(f"/admin/rcm/organisation/{organisation.pk}/change/")
    assert response.status_code == 200
    assert 'name="observer_statuses-0-from_year"' in response.text
