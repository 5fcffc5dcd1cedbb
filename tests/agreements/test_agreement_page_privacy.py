"""An agreement's page names only the records its reader may see (issue 14, F2, F11)."""

import pytest

from agreements.models import EventKind, InstrumentEvent
from rcm.models import Visibility
from tests.factories import AgreementFactory, InstrumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement_with_a_restricted_instrument():
    agreement = AgreementFactory()
    instrument = InstrumentFactory(
        name_en="Closed-door protocol on returns", visibility=Visibility.RESTRICTED
    )
    InstrumentEvent.objects.create(
        instrument=instrument, kind=EventKind.APPROVED, year=2013, agreement=agreement
    )
    return agreement


def test_a_public_agreements_page_does_not_name_a_restricted_instrument(
    client, agreement_with_a_restricted_instrument
):
    response = client.get(agreement_with_a_restricted_instrument.get_absolute_url())
    assert response.status_code == 200
    assert "Closed-door protocol on returns" not in response.text


def test_ts_staff_see_the_restricted_instrument_on_the_page(
    client, ts_staff, agreement_with_a_restricted_instrument
):
    client.force_login(ts_staff)
    response = client.get(agreement_with_a_restricted_instrument.get_absolute_url())
    assert "Closed-door protocol on returns" in response.text


def test_a_parts_page_does_not_name_an_item_it_is_part_of_that_its_reader_may_not_see(client):
    hidden = AgreementFactory(ref="7", visibility=Visibility.MEMBERS)
    part = AgreementFactory(meeting=hidden.meeting, parent=hidden, ref="7.a")
    response = client.get(part.get_absolute_url())
    assert response.status_code == 200
    assert hidden.get_absolute_url() not in response.text


def test_a_parts_page_links_the_item_it_is_part_of(client):
    parent = AgreementFactory(ref="7")
    part = AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a")
    assert parent.get_absolute_url() in client.get(part.get_absolute_url()).text
