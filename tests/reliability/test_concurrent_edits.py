"""No lost update: of N editors who PATCH the same agreement from the same ETag, one wins."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from agreements.models import Agreement
from tests.factories import AgreementFactory, ts_staff_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("editors", [2, 4, 8])
def test_concurrent_editors_from_one_etag_one_succeeds_the_others_get_412(editors):
    staff = ts_staff_user()
    agreement = AgreementFactory(deadline_text="")
    url = f"/api/v1/agreements/{agreement.pk}/"
    reader = APIClient()
    reader.force_authenticate(staff)
    etag = reader.get(url)["ETag"]
    start = threading.Barrier(editors)
    statuses: dict[int, int] = {}

    def edit(n: int) -> None:
        client = APIClient()
        client.force_authenticate(staff)
        start.wait()
        try:
            response = client.patch(
                url, {"deadline_text": f"editor {n}"}, format="json", HTTP_IF_MATCH=etag
            )
            statuses[n] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses.values()) == [200] + [412] * (editors - 1)
    winner = next(n for n, code in statuses.items() if code == 200)
    assert Agreement.objects.get(pk=agreement.pk).deadline_text == f"editor {winner}"
    assert agreement.history.count() == 2  # created, then the one winning change
