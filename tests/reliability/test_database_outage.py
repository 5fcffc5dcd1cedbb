"""The database going away mid-request gives a clean 503, and the next request recovers."""

import psycopg2
import pytest
from django.db import connection

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def cut_connection() -> None:
    """Terminate the app's server connection from outside, as a restart or failover would."""
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = connection.settings_dict
    admin = psycopg2.connect(
        dbname=params["NAME"],
        user=params["USER"],
        host=params["HOST"],
        port=params["PORT"] or None,
        password=params["PASSWORD"] or None,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    admin.close()


def test_a_page_answers_503_when_the_database_goes_away_and_then_recovers(client):
    MeetingFactory(name_en="Seminar on Migration and Health", kind="seminar")
    cut_connection()
    failed = client.get("/meetings/")
    assert failed.status_code == 503
    assert failed["Retry-After"]
    assert "Traceback" not in failed.content.decode()
    recovered = client.get("/meetings/")
    assert recovered.status_code == 200
    assert "Seminar on Migration and Health" in recovered.text


def test_the_api_answers_a_problem_503_when_the_database_goes_away(client):
    cut_connection()
    failed = client.get("/api/v1/meetings/")
    assert failed.status_code == 503
    assert failed["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/meetings/").status_code == 200
