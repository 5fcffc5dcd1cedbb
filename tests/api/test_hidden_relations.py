"""An agreement names only the related agreements its reader may see (issue 14, F11)."""

import datetime

import pytest

from agreements.models import Agreement, AgreementLink, LinkKind, Status
from rcm.models import Visibility
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_with_a_hidden_part():
    """A public item 7 with a public part 7.a (open) and a members-only part 7.b (done)."""
    parent = AgreementFactory(ref="7")
    shown = AgreementFactory(meeting=parent.meeting, parent=parent, ref="7.a")
    hidden = AgreementFactory(
        meeting=parent.meeting,
        parent=parent,
        ref="7.b",
        status=Status.DONE,
        visibility=Visibility.MEMBERS,
    )
    return parent, shown, hidden


@pytest.fixture
def lineage_with_a_hidden_end():
    """A public 2013 agreement, followed up by a public and by a members-only 2014 one."""
    earlier = AgreementFactory(ref="3")
    later_meeting = MeetingFactory(starts_on=datetime.date(2014, 6, 24))
    shown = AgreementFactory(meeting=later_meeting, ref="1")
    hidden = AgreementFactory(meeting=later_meeting, ref="2", visibility=Visibility.MEMBERS)
    for later in (shown, hidden):
        AgreementLink.objects.create(later=later, earlier=earlier, kind=LinkKind.FOLLOWS_UP)
    return earlier, shown, hidden


def test_an_agreement_lists_only_the_parts_its_reader_may_see(api, item_with_a_hidden_part):
    parent, shown, _ = item_with_a_hidden_part
    data = api.get(f"/api/v1/agreements/{parent.pk}/").json()
    assert data["children"] == [shown.pk]


def test_progress_counts_only_the_parts_its_reader_may_see(api, item_with_a_hidden_part):
    parent, _, _ = item_with_a_hidden_part
    assert api.get(f"/api/v1/agreements/{parent.pk}/").json()["progress"] == 0.0


def test_a_member_sees_every_part_and_its_progress(api_as, focal_point_mx, item_with_a_hidden_part):
    parent, shown, hidden = item_with_a_hidden_part
    data = api_as(focal_point_mx).get(f"/api/v1/agreements/{parent.pk}/").json()
    assert data["children"] == [shown.pk, hidden.pk]
    assert data["progress"] == 0.5


def test_the_list_names_only_the_parts_its_reader_may_see(api, item_with_a_hidden_part):
    parent, shown, _ = item_with_a_hidden_part
    rows = {row["id"]: row for row in api.get("/api/v1/agreements/").json()["results"]}
    assert rows[parent.pk]["children"] == [shown.pk]


def test_lineage_names_only_the_agreements_its_reader_may_see(api, lineage_with_a_hidden_end):
    earlier, shown, _ = lineage_with_a_hidden_end
    lineage = api.get(f"/api/v1/agreements/{earlier.pk}/").json()["lineage"]
    assert lineage["later"] == [
        {"id": shown.pk, "kind": "follows_up", "ref": "1", "meeting": shown.meeting_id}
    ]


def test_the_etag_stays_when_a_hidden_part_changes(api, item_with_a_hidden_part):
    parent, _, hidden = item_with_a_hidden_part
    url = f"/api/v1/agreements/{parent.pk}/"
    before = api.get(url)["ETag"]
    Agreement.objects.filter(pk=hidden.pk).update(status=Status.OPEN)
    assert api.get(url)["ETag"] == before


def test_the_etag_stays_when_a_hidden_later_agreement_changes(api, lineage_with_a_hidden_end):
    earlier, _, hidden = lineage_with_a_hidden_end
    url = f"/api/v1/agreements/{earlier.pk}/"
    before = api.get(url)["ETag"]
    Agreement.objects.filter(pk=hidden.pk).update(ref="2 bis")
    assert api.get(url)["ETag"] == before
