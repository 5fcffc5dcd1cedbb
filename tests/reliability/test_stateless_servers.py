"""Two app processes on one database serve the same records: the app scales out."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import orjson
import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import override_settings

from rcm.services import api_token_create
from tests.factories import MeetingFactory, ts_staff_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    params = connection.settings_dict
    host = params["HOST"].replace("/", "%2F")
    port = f":{params['PORT']}" if params["PORT"] else ""
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    return f"postgres://{params['USER']}{password}@{host}{port}/{params['NAME']}"


@pytest.fixture(scope="module")
def two_app_servers(tmp_path_factory, django_db_setup):
    # Started once for the module: the servers keep nothing between requests, and each test
    # writes its own records (committed, then flushed after it).
    # One shared store for uploads, as a load-balanced deployment has (a volume or S3).
    media_root = str(tmp_path_factory.mktemp("shared") / "media")
    with override_settings(MEDIA_ROOT=media_root):
        yield from start_two_app_servers(
            {
                **os.environ,
                "DATABASE_URL": database_url(),
                "ALLOWED_HOSTS": "127.0.0.1",
                "MEDIA_ROOT": media_root,
                "CONN_MAX_AGE": "0",
            }
        )


def start_two_app_servers(env: dict):
    servers = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--skip-checks",
            ],
            cwd=Path(django_settings.BASE_DIR),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        servers.append((process, f"http://127.0.0.1:{port}"))
    try:
        for _, base in servers:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/health/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
        yield [base for _, base in servers]
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=10)


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return orjson.loads(response.read())


def test_two_app_processes_serve_the_same_records(two_app_servers):
    MeetingFactory(name_en="Seminar on Migration and Family", kind="seminar")
    first, second = (get_json(f"{base}/api/v1/meetings/") for base in two_app_servers)
    assert first == second
    assert first["results"][0]["name_en"] == "Seminar on Migration and Family"


def request(url: str, *, method="GET", token=None, headers=None, body=None):
    data = orjson.dumps(body) if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", f"Token {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    with urllib.request.urlopen(req, timeout=10) as response:
        return response.headers, orjson.loads(response.read() or b"null")


def test_a_change_made_through_one_process_is_seen_by_the_other(two_app_servers):
    _, key = api_token_create(user=ts_staff_user(), name="load balancer test")
    meeting = MeetingFactory(name_en="Workshop")
    server_a, server_b = two_app_servers
    headers, _ = request(f"{server_b}/api/v1/meetings/{meeting.pk}/", token=key)
    request(
        f"{server_a}/api/v1/meetings/{meeting.pk}/",
        method="PATCH",
        token=key,
        headers={"If-Match": headers["ETag"]},
        body={"name_en": "Workshop on Migration and Health"},
    )
    _, data = request(f"{server_b}/api/v1/meetings/{meeting.pk}/", token=key)
    assert data["name_en"] == "Workshop on Migration and Health"


def test_evidence_uploaded_through_one_process_downloads_from_the_other(two_app_servers):
    from django.core.files.base import ContentFile

    from agreements import services
    from tests.factories import AgreementFactory

    staff = ts_staff_user()
    update = services.followup_record(
        agreement=AgreementFactory(),
        author=staff,
        status="done",
        evidence=ContentFile(b"%PDF-1.4 decree", name="decree.pdf"),
    )
    server_a, server_b = two_app_servers
    for base in (server_a, server_b):
        with urllib.request.urlopen(f"{base}/follow-ups/{update.pk}/evidence", timeout=10) as r:
            assert r.read() == b"%PDF-1.4 decree"
