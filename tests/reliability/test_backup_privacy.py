"""A dump holds every record and the password hashes: only its owner reads it, and it stays
out of git and out of Docker images."""

import os
import stat
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def permissive_umask():
    """The usual umask (022) under which a plain pg_dump writes a world-readable file."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_and_its_checksum_are_readable_only_by_their_owner(tmp_path, permissive_umask):
    backup = tmp_path / "records.dump"
    call_command("backup_database", output=backup)
    assert mode_of(backup) == 0o600
    assert mode_of(tmp_path / "records.dump.sha256") == 0o600


def test_a_backup_over_an_older_readable_file_becomes_private(tmp_path, permissive_umask):
    backup = tmp_path / "records.dump"
    backup.write_bytes(b"old")
    backup.chmod(0o644)
    call_command("backup_database", output=backup)
    assert mode_of(backup) == 0o600


def test_a_backup_goes_to_the_backup_directory_by_default(
    tmp_path, settings, permissive_umask, capsys
):
    settings.BACKUP_DIR = tmp_path / "data" / "backups"
    call_command("backup_database")
    [backup] = settings.BACKUP_DIR.glob("rcm-*.dump")
    assert mode_of(backup) == 0o600
    assert mode_of(settings.BACKUP_DIR) == 0o700


def test_the_default_backup_directory_is_under_the_data_directory():
    from django.conf import settings

    assert settings.BACKUP_DIR.is_relative_to(settings.DATA_DIR)


@pytest.mark.parametrize(
    "path", ["backups/rcm-20250101-000000.dump", ".data/backups/rcm-20250101-000000.dump"]
)
def test_git_ignores_backups(path):
    ignored = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", path], cwd=CHECKOUT, check=False
    )
    assert ignored.returncode == 0, f"git would commit {path}"


@pytest.mark.parametrize("pattern", ["backups", ".data"])
def test_docker_builds_leave_backups_out(pattern):
    lines = (CHECKOUT / ".dockerignore").read_text().splitlines()
    assert pattern in {line.strip().rstrip("/") for line in lines}
