"""The follow-up matrix: agreements addressed to several countries × the member countries."""

import datetime

import pytest

from agreements import matrix, services
from tests.factories import AgreementFactory, member_country

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 3, 31)


def test_each_cell_links_to_the_agreement_at_that_countrys_part(client, mexico, guatemala):
    agreement = AgreementFactory(responsible=[mexico, guatemala])
    response = client.get("/follow-up/matrix/")
    assert f'href="/agreements/{agreement.pk}/#country-MX"' in response.text
    page = client.get(f"/agreements/{agreement.pk}/")
    assert 'id="country-MX"' in page.text


def test_a_cell_says_its_status_in_words_and_marks_an_overdue_part(
    client, mexico, guatemala, ts_staff
):
    agreement = AgreementFactory(responsible=[mexico, guatemala], deadline=PAST)
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    cells = {c.country.code: c for c in client.get("/follow-up/matrix/").context["rows"][0].cells}
    assert (cells["MX"].label, cells["MX"].overdue, cells["MX"].css) == ("Done", False, "done")
    assert (cells["GT"].label, cells["GT"].overdue, cells["GT"].css) == ("Open", True, "overdue")


def test_a_country_not_addressed_reads_as_such(client, mexico, guatemala):
    member_country("HN")
    AgreementFactory(responsible=[mexico, guatemala])
    response = client.get("/follow-up/matrix/")
    cells = {c.country.code: c for c in response.context["rows"][0].cells}
    assert (cells["HN"].status, cells["HN"].css) == ("", "none")
    assert "not addressed" in response.text


def test_an_agreement_for_one_country_is_not_a_row(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico])
    several = AgreementFactory(responsible=[mexico, guatemala])
    assert [row.agreement for row in client.get("/follow-up/matrix/").context["rows"]] == [several]


def test_the_matrix_comes_a_page_at_a_time(client, mexico, guatemala, monkeypatch):
    monkeypatch.setattr(matrix, "PAGE_SIZE", 2)
    AgreementFactory.create_batch(5, responsible=[mexico, guatemala])
    first = client.get("/follow-up/matrix/")
    last = client.get("/follow-up/matrix/?page=3")
    assert (len(first.context["rows"]), len(last.context["rows"])) == (2, 1)
    assert 'rel="next"' in first.text


def test_the_matrix_keeps_the_dashboards_filters(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico, guatemala], deadline=PAST)
    AgreementFactory(responsible=[mexico, guatemala])
    rows = client.get("/follow-up/matrix/?overdue=true").context["rows"]
    assert [row.agreement.deadline for row in rows] == [PAST]


def test_the_matrix_filters_sit_in_the_dashboards_drawer_with_removable_chips(
    client, mexico, guatemala
):
    AgreementFactory(responsible=[mexico, guatemala], deadline=PAST)
    html = client.get("/follow-up/matrix/?overdue=true").text
    assert '<details class="filter-drawer"' in html
    assert 'class="chips"' in html
    assert 'href="/follow-up/matrix/"' in html  # the chip that removes the only filter


@pytest.mark.parametrize("count", [1, 120])
def test_the_matrix_runs_four_queries_whatever_its_size(
    client, django_assert_num_queries, mexico, guatemala, count
):
    AgreementFactory.create_batch(count, responsible=[mexico, guatemala])
    # the records' version (the key of the kept page); the filters' options (with the member
    # countries, the columns); the count of the rows; the page of agreements with their
    # countries' statuses.
    with django_assert_num_queries(4):
        response = client.get("/follow-up/matrix/?page=2")
    assert len(response.context["rows"]) == min(count, matrix.PAGE_SIZE)  # page 2, or the last


def test_the_matrix_has_its_own_scrolling_box_with_sticky_headers(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico, guatemala])
    response = client.get("/follow-up/matrix/")
    assert 'class="matrix-scroll"' in response.text
    assert "css/matrix.css" in response.text


def test_the_matrix_offers_its_xlsx_export_with_the_same_filters(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico, guatemala])
    response = client.get("/follow-up/matrix/?country=MX")
    assert 'href="/follow-up/matrix/export.xlsx?country=MX"' in response.text


def test_a_repeated_label_shows_as_printed_with_its_list(client, mexico, guatemala):
    AgreementFactory(ref="1.b-3", responsible=[mexico, guatemala])
    response = client.get("/follow-up/matrix/")
    assert "1.b (occurrence 3)" in response.text
    assert "1.b-3" not in response.text


def test_the_matrix_rejects_a_bad_page_without_an_error(client):
    assert client.get("/follow-up/matrix/?page=abc").status_code == 200


def test_the_matrix_says_which_agreements_nobody_has_reported_on(client, mexico, guatemala):
    AgreementFactory(responsible=[mexico, guatemala])
    html = client.get("/follow-up/matrix/").text
    assert 'class="badge state-not-reported"' in html
