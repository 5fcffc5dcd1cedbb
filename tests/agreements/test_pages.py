import datetime

import pytest

from agreements.models import FollowUp, Status, Validation
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory, member_country

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 3, 31)


def test_dashboard_counts_agreements_by_status(client):
    AgreementFactory(status=Status.OPEN, deadline=PAST)
    AgreementFactory(status=Status.IN_PROGRESS)
    AgreementFactory(status=Status.DONE)
    response = client.get("/follow-up/")
    assert response.status_code == 200
    counts = response.context["counts"]
    assert (counts["open"], counts["in_progress"], counts["done"], counts["overdue"]) == (
        1,
        1,
        1,
        1,
    )


def test_dashboard_filters_to_a_country_overdue_items(client, mexico, guatemala):
    mine = AgreementFactory(deadline=PAST, responsible=[mexico], text_en="To urge Mexico's report.")
    AgreementFactory(deadline=PAST, responsible=[guatemala], text_en="To urge Guatemala's report.")
    response = client.get("/follow-up/?country=MX&overdue=true")
    assert list(response.context["page"]) == [mine]
    assert "Mexico&#x27;s report" in response.text
    assert "Guatemala&#x27;s report" not in response.text


def test_dashboard_highlights_overdue_rows(client):
    AgreementFactory(deadline=PAST)
    assert 'class="overdue"' in client.get("/follow-up/").text


def test_dashboard_hides_members_only_agreements_from_anonymous_users(client):
    AgreementFactory(visibility=Visibility.MEMBERS, text_en="To urge a members-only review.")
    response = client.get("/follow-up/")
    assert "members-only review" not in response.text
    assert response.context["counts"]["total"] == 0


def test_an_invalid_filter_shows_a_message_not_an_error(client):
    response = client.get("/follow-up/?deadline_before=not-a-date")
    assert response.status_code == 200
    assert "not valid" in response.text


@pytest.mark.parametrize("count", [1, 40])
def test_dashboard_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    mexico = member_country("MX")
    AgreementFactory.create_batch(count, responsible=[mexico], deadline=PAST)
    # the records' version (the key of the kept page); the summary (counts, by body, by theme,
    # not reported and stale by body and year, the charts' data and the filters' options, in
    # one query); the page of the table.
    with django_assert_num_queries(3):
        assert client.get("/follow-up/?country=MX").status_code == 200


@pytest.mark.parametrize("count", [1, 40])
def test_dashboard_for_ts_staff_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, ts_staff, count
):
    mexico = member_country("MX")
    AgreementFactory.create_batch(count, responsible=[mexico], deadline=PAST)
    client.force_login(ts_staff)
    client.get("/follow-up/")
    # the session; the user; their roles; the records' version; the summary (with the
    # validation queue's length and not reported and stale by body and year); the page of the
    # table.
    with django_assert_num_queries(6):
        assert client.get("/follow-up/?country=MX").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_country_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    from tests.factories import FocalPointFactory, ParticipationFactory, PresidencyFactory

    mexico = member_country("MX")
    AgreementFactory.create_batch(count, responsible=[mexico], deadline=PAST)
    FocalPointFactory.create_batch(count, country=mexico)
    ParticipationFactory.create_batch(count, country=mexico)
    PresidencyFactory(country=mexico)
    # the country with its standing, focal points, presidencies and meetings; its pending
    # agreements with the overdue count.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(3):
        response = client.get("/countries/MX/")
    assert len(response.context["pending"]) == count
    assert response.context["overdue_count"] == count


@pytest.mark.parametrize("count", [1, 30])
def test_search_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    from tests.factories import InstrumentFactory

    for n in range(count):
        AgreementFactory(text_en=f"To urge the payment of contributions ({n}).")
        MeetingFactory(name_en=f"Seminar on contributions {n}")
        InstrumentFactory(name_en=f"Guidelines on contributions {n}")
    # the agreements with their headlines; the instruments and meetings together.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(3):
        response = client.get("/search/?q=contributions")
    assert [len(response.context["results"][kind]) for kind in ("agreements", "meetings")] == [
        count,
        count,
    ]


def test_export_csv_holds_the_filtered_rows(client, mexico):
    AgreementFactory(responsible=[mexico], text_en="To urge Mexico.")
    AgreementFactory(text_en="To thank Canada.", action="thank")
    response = client.get("/follow-up/export.csv?country=MX")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "To urge Mexico." in body
    assert "To thank Canada." not in body


@pytest.mark.parametrize("count", [1, 30])
def test_export_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    AgreementFactory.create_batch(count, responsible=[member_country("MX")])
    # the agreements with their actors, read through a server-side cursor in chunks.
    # the member countries (a status column each); the agreements with their actors, read
    # through a server-side cursor in chunks.
    with django_assert_num_queries(2):
        response = client.get("/follow-up/export.csv")
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == count + 2  # the "as of" line, the header, the rows
    assert lines[2].split(",")[6:8] == ["MX", "MX"]


def test_export_xlsx_is_a_spreadsheet(client):
    AgreementFactory()
    response = client.get("/follow-up/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_matrix_shows_each_addressed_country_status(client, mexico, guatemala, ts_staff):
    from agreements import services

    agreement = AgreementFactory(responsible=[mexico, guatemala])
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    response = client.get("/follow-up/matrix/")
    row = response.context["rows"][0]
    statuses = {cell.country.code: cell.status for cell in row.cells}
    assert statuses == {"GT": "open", "MX": "done"}


@pytest.mark.parametrize("count", [1, 20])
def test_matrix_runs_a_fixed_number_of_queries_and_offers_the_filters(
    client, django_assert_num_queries, count
):
    mexico, guatemala = member_country("MX"), member_country("GT")
    AgreementFactory.create_batch(count, responsible=[mexico, guatemala])
    # the records' version; the filters' options (with the member countries); the count of
    # the rows; the page of agreements with their actors.
    with django_assert_num_queries(4):
        response = client.get("/follow-up/matrix/?country=MX")
    assert len(response.context["rows"]) == count
    assert '<option value="MX" selected>' in response.text


def test_validation_queue_is_for_ts_staff_only(client, focal_point_mx):
    client.force_login(focal_point_mx)
    assert client.get("/follow-up/validation/").status_code == 403


def test_ts_staff_accept_an_update_from_the_queue(client, ts_staff, focal_point_mx, mexico):
    from agreements import services

    agreement = AgreementFactory(responsible=[mexico])
    update = services.followup_record(agreement=agreement, author=focal_point_mx, status="done")
    client.force_login(ts_staff)
    assert update in client.get("/follow-up/validation/").context["updates"]
    client.post(f"/follow-up/validation/{update.pk}/", {"decision": "accept"})
    agreement.refresh_from_db()
    assert agreement.status == Status.DONE


def test_a_focal_point_posts_an_update_from_the_agreement_page(client, focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    client.force_login(focal_point_mx)
    page = client.get(f"/agreements/{agreement.pk}/")
    assert 'id="follow-up-form"' in page.text
    response = client.post(
        f"/agreements/{agreement.pk}/", {"status": "in_progress", "note": "Avance del 50 %"}
    )
    assert response.status_code == 302
    update = FollowUp.objects.get()
    assert (update.validation, update.country_id) == (Validation.PROPOSED, "MX")
    assert "awaiting validation" in client.get(f"/agreements/{agreement.pk}/").text


def test_the_update_form_is_not_offered_to_another_country(client, focal_point_gt, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    client.force_login(focal_point_gt)
    assert 'id="follow-up-form"' not in client.get(f"/agreements/{agreement.pk}/").text
    assert client.post(f"/agreements/{agreement.pk}/", {"status": "done"}).status_code == 403


def test_members_only_agreement_page_answers_404_to_anonymous_users(client):
    agreement = AgreementFactory(visibility=Visibility.MEMBERS)
    assert client.get(f"/agreements/{agreement.pk}/").status_code == 404


@pytest.mark.parametrize("updates", [1, 20])
def test_agreement_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, ts_staff, updates
):
    from agreements import services

    agreement = AgreementFactory(responsible=[member_country("MX")])
    for _ in range(updates):
        services.followup_record(agreement=agreement, author=ts_staff, status="in_progress")
    with django_assert_max_num_queries(12):
        assert client.get(f"/agreements/{agreement.pk}/").status_code == 200


def test_meeting_page_nests_agreements_as_the_document_numbers_them(client):
    meeting = MeetingFactory()
    parent = AgreementFactory(meeting=meeting, ref="7", position=1)
    AgreementFactory(meeting=meeting, ref="7.a", parent=parent, position=2, text_en="Sub-item a.")
    response = client.get(f"/meetings/{meeting.pk}/")
    tree = response.context["tree"]
    assert [node.agreement.ref for node in tree] == ["7"]
    assert [node.agreement.ref for node in tree[0].children] == ["7.a"]


def test_country_page_lists_its_pending_agreements(client, mexico):
    AgreementFactory(responsible=[mexico], text_en="To urge Mexico to report.")
    AgreementFactory(responsible=[mexico], status=Status.DONE, text_en="Already done.")
    response = client.get("/countries/mx/")
    assert response.status_code == 200
    assert "To urge Mexico to report." in response.text
    assert "Already done." not in response.text


def test_country_page_hides_contact_persons_from_anonymous_users(client, mexico):
    from tests.factories import FocalPointFactory

    FocalPointFactory(country=mexico, person_name="Ana Example", email="ana@example.org")
    assert "ana@example.org" not in client.get("/countries/MX/").text


def test_search_finds_and_marks_matches_in_english_and_spanish(client):
    AgreementFactory(text_en="To urge the payment of contributions.")
    AgreementFactory(text_en="x", text_es="Instar al pago de las contribuciones.")
    response = client.get("/search/?q=contribuciones")
    assert "<mark>contribuciones</mark>" in response.text


def test_search_never_injects_markup_from_a_record(client):
    AgreementFactory(text_en="<script>alert(1)</script> contributions")
    response = client.get("/search/?q=contributions")
    assert "<script>alert(1)</script>" not in response.text


def test_search_respects_visibility(client):
    AgreementFactory(visibility=Visibility.MEMBERS, text_en="Confidential contributions review.")
    assert "Confidential" not in client.get("/search/?q=contributions").text


def test_a_responsible_ts_is_named_in_the_readers_language_and_not_linked_as_a_country(client):
    from agreements.models import AgreementOrganisation
    from tests.factories import OrganisationFactory

    ts = OrganisationFactory(
        acronym="TS", acronym_es="ST", name_en="Technical Secretariat", name_es="Secretaría Técnica"
    )
    agreement = AgreementFactory()
    AgreementOrganisation.objects.create(agreement=agreement, organisation=ts, responsible=True)

    english = client.get(f"/agreements/{agreement.pk}/").text
    spanish = client.get(f"/agreements/{agreement.pk}/", HTTP_ACCEPT_LANGUAGE="es").text

    assert "/countries/TS/" not in english
    assert '<abbr title="Technical Secretariat">TS</abbr>' in english
    assert '<abbr title="Secretaría Técnica">ST</abbr>' in spanish


def test_an_agreement_naming_no_one_says_so(client):
    agreement = AgreementFactory()
    assert "no one named" in client.get(f"/agreements/{agreement.pk}/").text


def test_a_text_recorded_in_english_only_says_so_on_a_spanish_page(client):
    agreement = AgreementFactory(text_en="To report on the mechanism.", text_es="")
    spanish = client.get(f"/agreements/{agreement.pk}/", HTTP_ACCEPT_LANGUAGE="es").text
    english = client.get(f"/agreements/{agreement.pk}/").text
    assert '<blockquote class="agreement-text" lang="en">' in spanish
    assert "registrado solo en inglés" in spanish
    assert 'id="text-language"' not in english


def test_search_keeps_the_best_matches_first_and_only_as_many_as_asked():
    from django.contrib.auth.models import AnonymousUser

    from agreements.selectors import search_records
    from rcm.models import access_for

    AgreementFactory(text_en="Remittances.")
    best = AgreementFactory(text_en="Remittances, remittances and the remittances workshop.")
    AgreementFactory(text_en="Remittances in the region.")
    AgreementFactory(visibility=Visibility.MEMBERS, text_en="Remittances remittances remittances.")
    found = search_records("remittances", access_for(AnonymousUser()), limit=2)["agreements"]
    assert len(found) == 2
    assert found[0] == best
    assert found[0].highlight
