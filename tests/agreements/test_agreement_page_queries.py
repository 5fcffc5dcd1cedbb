"""An agreement's page takes the same number of queries however much hangs on it."""

import pytest

from agreements.models import AgreementLink, FollowUp, LinkKind, Status, Validation
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 6])
def test_an_agreement_page_takes_eight_queries(client, django_assert_num_queries, count):
    agreement = AgreementFactory()
    for _ in range(count):
        AgreementLink.objects.create(
            later=agreement, earlier=AgreementFactory(), kind=LinkKind.FOLLOWS_UP
        )
        AgreementLink.objects.create(
            later=AgreementFactory(), earlier=agreement, kind=LinkKind.REITERATES
        )
        AgreementFactory(parent=agreement, meeting=agreement.meeting)
        FollowUp.objects.create(
            agreement=agreement, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
        )
    # The agreement with its actors and states; its sub-items; its lineage both ways; its
    # updates; its themes; the instruments' events; the activities it proposes.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(8):
        response = client.get(agreement.get_absolute_url())
    assert response.status_code == 200
    assert response.content.count(b'href="/agreements/') >= 2 * count


def test_lineage_shows_each_link_on_its_side(client):
    agreement, earlier, later = AgreementFactory(), AgreementFactory(), AgreementFactory()
    AgreementLink.objects.create(later=agreement, earlier=earlier, kind=LinkKind.FOLLOWS_UP)
    AgreementLink.objects.create(later=later, earlier=agreement, kind=LinkKind.REITERATES)
    response = client.get(agreement.get_absolute_url())
    assert [link.earlier for link in response.context["earlier"]] == [earlier]
    assert [link.later for link in response.context["later"]] == [later]
