"""A yes/no filter answers 400 to a value it does not understand, instead of filtering nothing."""

import pytest

from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/agreements/?overdue=perhaps",
        "/api/v1/agreements/?stale=perhaps",
        "/api/v1/follow-ups/?agreement_stale=perhaps",
        "/api/v1/follow-ups/?agreement_not_reported=yes",
    ],
)
def test_a_yes_no_filter_with_a_value_other_than_true_or_false_is_a_400(client, query):
    response = client.get(query)
    assert response.status_code == 400
    assert "true or false" in response.text


@pytest.mark.parametrize("value", ["true", "false", "True", ""])
def test_a_yes_no_filter_accepts_true_false_or_nothing(client, value):
    AgreementFactory()
    assert client.get(f"/api/v1/agreements/?overdue={value}").status_code == 200


def test_the_dashboard_with_a_mistyped_yes_no_filter_shows_no_agreements_and_no_error_page(client):
    AgreementFactory()
    response = client.get("/follow-up/?stale=perhaps")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
