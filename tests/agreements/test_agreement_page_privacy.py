"""An agreement's page names only the records its reader may see (issue 14, F2)."""

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
