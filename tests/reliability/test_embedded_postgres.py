"""The embedded PostgreSQL starts again over the lock file of a server that no longer runs
(empty, cut short, or naming a process that is not the server), and never touches a running
server's. Each command here is a separate process, as `manage.py` commands are."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow  # each test starts or stops a PostgreSQL server

START_AND_QUERY = """
import sys
from pathlib import Path

import psycopg2

from rcm.embedded_postgres import database_url

cleanup_mode = None if sys.argv[2] == "none" else sys.argv[2]
url = database_url(Path(sys.argv[1]), database="rcm", cleanup_mode=cleanup_mode)
with psycopg2.connect(url) as connection, connection.cursor() as cursor:
    cursor.execute("SELECT pg_backend_pid() > 0")
    print("answered", cursor.fetchone()[0])
"""


def command(pgdata: Path, *, leave_running: bool = False) -> subprocess.CompletedProcess:
    """What every manage.py command does first: start or reuse the server, then query it."""
    cleanup_mode = "none" if leave_running else "stop"
    return subprocess.run(
        [sys.executable, "-c", START_AND_QUERY, str(pgdata), cleanup_mode],
        cwd=CHECKOUT,
        env={**os.environ, "PYTHONPATH": str(CHECKOUT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def stop(pgdata: Path) -> None:
    from pgserver._commands import pg_ctl

    user = "pgserver" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)


@pytest.fixture(scope="module")
def data_directory(tmp_path_factory):
    """A data directory made once for these tests (initdb is the slow part)."""
    pgdata = (tmp_path_factory.mktemp("embedded") / "postgres").resolve()
    first = command(pgdata)
    assert first.returncode == 0, first.stderr
    return pgdata


@pytest.fixture
def stopped_server(data_directory):
    """The directory of a server that ran and was stopped cleanly: no lock files left."""
    yield data_directory
    # A failed test leaves its lock files behind (no server runs): clear them for the next one.
    for path in [data_directory / "postmaster.pid", *data_directory.glob(".s.PGSQL.*.lock")]:
        path.unlink(missing_ok=True)


@pytest.fixture
def another_program():
    """A live process that is not PostgreSQL, as the old server's id may be after a restart."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    yield process.pid
    process.kill()
    process.wait()


@pytest.fixture
def running_server(stopped_server):
    first = command(stopped_server, leave_running=True)
    assert first.returncode == 0, first.stderr
    yield stopped_server
    stop(stopped_server)


def assert_the_command_works(pgdata: Path, *, leave_running: bool = False) -> None:
    result = command(pgdata, leave_running=leave_running)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "answered True" in result.stdout


def test_a_command_starts_the_server_over_an_empty_pid_file(stopped_server):
    (stopped_server / "postmaster.pid").write_text("")
    assert_the_command_works(stopped_server)


def test_a_command_starts_the_server_over_a_pid_file_cut_short(stopped_server):
    (stopped_server / "postmaster.pid").write_text("4242\n")
    assert_the_command_works(stopped_server)


def test_a_command_starts_the_server_over_a_pid_file_naming_another_live_process(
    stopped_server, another_program
):
    (stopped_server / "postmaster.pid").write_text(
        f"{another_program}\n{stopped_server}\n1700000000\n5432\n{stopped_server}\n\n"
        "  5342490         4\nready   \n"
    )
    assert_the_command_works(stopped_server)


def test_a_command_starts_the_server_over_a_stale_socket_lock(stopped_server, another_program):
    (stopped_server / "postmaster.pid").write_text("")
    (stopped_server / ".s.PGSQL.5432.lock").write_text(f"{another_program}\n{stopped_server}\n")
    assert_the_command_works(stopped_server)


def test_a_running_servers_pid_file_is_left_alone(running_server):
    from rcm.embedded_postgres import remove_stale_lock_files

    pid_file = running_server / "postmaster.pid"
    before = pid_file.read_text()
    assert remove_stale_lock_files(running_server) == []
    assert pid_file.read_text() == before
    assert_the_command_works(running_server, leave_running=True)
    assert pid_file.read_text().split()[0] == before.split()[0]
