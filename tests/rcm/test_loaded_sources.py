"""What the sources already say, loaded (tests of loading the real records): the RCGM meetings
the 2011 publication names and the documents it places there, the observer organisations of
2011, and the 2021 agreements that urge payments linked to the finance records."""

import datetime

import pytest

from agreements.models import Agreement, InstrumentEvent
from finance.models import FinanceAgreement, FinanceTopic
from meetings.models import DatePrecision, Meeting, MeetingKind
from rcm.models import ObserverStatus, Organisation
from tests.factories import ts_staff_user

pytestmark = pytest.mark.django_db

THE_EIGHT_OF_2011 = {"IOM", "ECLAC", "UNHCR", "IACHR", "SICA", "UNSR", "UNFPA", "SEGIB"}


@pytest.fixture(scope="module", autouse=True)
def real_records(real_records_for_the_module):
    """The real records, loaded once per worker, for the module's tests, which only read them."""


def rcgm(year: int, country: str) -> Meeting:
    return Meeting.objects.get(kind=MeetingKind.RCGM, year=year, country_id=country)


@pytest.mark.parametrize(
    "year, country, precision, starts_on",
    [
        (2001, "CR", DatePrecision.YEAR, None),
        (2002, "GT", DatePrecision.YEAR, None),
        (2003, "SV", DatePrecision.DAY, datetime.date(2003, 12, 2)),
        (2004, "PA", DatePrecision.YEAR, None),
        (2005, "GT", DatePrecision.YEAR, None),
        (2006, "SV", DatePrecision.MONTH, datetime.date(2006, 11, 1)),
        (2008, "HN", DatePrecision.YEAR, None),
    ],
)
def test_each_rcgm_the_publication_names_is_recorded_once_as_precisely_as_it_says(
    year, country, precision, starts_on
):
    meeting = rcgm(year, country)
    assert (meeting.date_precision, meeting.starts_on) == (precision, starts_on)
    assert "rcm-15-years-publication-2011.txt, line" in meeting.source


def test_the_documents_the_publication_places_at_those_meetings_are_linked_to_them():
    def meetings_of(name_start: str) -> set[tuple[int, str]]:
        events = InstrumentEvent.objects.filter(instrument__name_en__startswith=name_start)
        return {
            (event.meeting.year, event.meeting.country_id)
            for event in events.select_related("meeting")
            if event.meeting and event.meeting.kind == MeetingKind.RCGM
        }

    assert meetings_of("Conceptual Document for a Joint Research") == {(2001, "CR"), (2002, "GT")}
    assert meetings_of("Proposal for a project to implement the United Nations") == {(2004, "PA")}
    assert meetings_of("Conceptual document for a Workshop on Private Sector") == {(2005, "GT")}
    assert (2005, "GT") in meetings_of("Memo of Understanding between the Governments of the")
    assert meetings_of("Regional Guidelines for the Assistance to Unaccompanied") == {(2008, "HN")}


def test_no_instrument_event_still_says_its_rcgm_is_not_recorded():
    assert not InstrumentEvent.objects.filter(note__contains="meeting is not recorded").exists()


def test_the_observer_organisations_of_2011_are_the_eight_the_publication_lists():
    assert set(Organisation.objects.observers(2011).values_list("acronym", flat=True)) == (
        THE_EIGHT_OF_2011
    )


def test_the_api_gives_the_eight_observer_organisations_of_2011(client):
    response = client.get("/api/v1/organisations/?observer_in=2011&page_size=100")
    assert {row["acronym"] for row in response.json()["results"]} == THE_EIGHT_OF_2011


def test_the_observers_page_of_2011_lists_the_eight(client):
    response = client.get("/observers/?year=2011")
    table = response.text.split('id="observer-organisations"')[1].split("</table>")[0]
    assert table.count('<th scope="row"') == 8


def test_the_thirteen_observer_organisations_of_today_include_those_thanked_in_2021():
    assert Organisation.objects.observers().count() == 13
    in_2021 = set(Organisation.objects.observers(2021).values_list("acronym", flat=True))
    assert {"ICRC", "ILO"} <= in_2021


def test_every_observer_status_and_link_to_payments_names_its_source():
    assert not ObserverStatus.objects.filter(source="").exists()
    assert not FinanceAgreement.objects.filter(source="").exists()


def test_the_2021_conclusions_that_urge_contributions_are_linked_to_the_finance_records():
    linked = {
        (link.agreement.ref, link.topic)
        for link in FinanceAgreement.objects.filter(agreement__meeting_id=2).select_related(
            "agreement"
        )
    }
    assert ("2", FinanceTopic.CONTRIBUTIONS) in linked
    assert ("3", FinanceTopic.CONTRIBUTIONS) in linked


def test_the_urging_agreement_shows_not_recorded_for_every_member_to_ts_staff(client):
    agreement = Agreement.objects.get(meeting_id=2, section="conclusion", ref="2")
    client.force_login(ts_staff_user(username="ts-loaded"))
    response = client.get(agreement.get_absolute_url())
    section = response.text.split('id="agreement-payments"')[1].split("</section>")[0]
    assert section.count("<tr>") == 12  # the header and the eleven members
    assert "0.00" not in section
    assert "not recorded" in section


def test_the_finance_overview_links_to_the_2021_conclusions(client):
    client.force_login(ts_staff_user(username="ts-loaded"))
    section = client.get("/finance/").text.split('id="agreements-urging"')[1]
    for ref in ("2", "3"):
        agreement = Agreement.objects.get(meeting_id=2, section="conclusion", ref=ref)
        assert f'href="{agreement.get_absolute_url()}"' in section
