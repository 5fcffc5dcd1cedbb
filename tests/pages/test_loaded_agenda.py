"""On the loaded real records: the XXVI RCM's agenda links the December 2021 RCGM's
recommendations to the Vice-Ministers (2.b, 8.a and 8.b)."""

import pytest

from agreements.models import Agreement, Section
from meetings.models import Meeting, MeetingKind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_records_for_the_module")]


def test_the_xxvi_rcm_agenda_links_the_2021_rcgm_recommendations(client):
    xxvi = Meeting.objects.get(kind=MeetingKind.VICE_MINISTERIAL, ordinal=26)
    rcgm = Meeting.objects.get(kind=MeetingKind.RCGM, starts_on="2021-12-01")
    wanted = {
        ref: Agreement.objects.get(meeting=rcgm, section=Section.RECOMMENDATION, ref=ref)
        for ref in ("2.b", "8.a", "8.b")
    }

    page = client.get(f"/meetings/{xxvi.pk}/agenda/").content.decode()

    for agreement in wanted.values():
        assert f'href="/agreements/{agreement.pk}/"' in page
