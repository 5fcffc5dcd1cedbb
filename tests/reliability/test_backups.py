"""A backup restores into a scratch database with the same rows in every table."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from rcm.backups import table_fingerprints
from tests.factories import AgreementFactory, member_country

pytestmark = pytest.mark.slow  # pg_dump and pg_restore of the whole test database


@pytest.fixture
def scratch_database(transactional_db):
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fingerprints_of(database_name: str) -> dict:
    import psycopg2

    params = connection.settings_dict
    other = psycopg2.connect(
        dbname=database_name,
        user=params["USER"],
        host=params["HOST"],
        port=params["PORT"] or None,
        password=params["PASSWORD"] or None,
    )
    try:
        return table_fingerprints(other)
    finally:
        other.close()


def test_a_backup_restores_with_identical_rows_in_every_table(tmp_path, scratch_database):
    AgreementFactory.create_batch(3, responsible=[member_country("MX")])
    backup = tmp_path / "records.dump"
    call_command("backup_database", output=backup)
    call_command("restore_database", str(backup), database_name=scratch_database)
    assert fingerprints_of(scratch_database) == table_fingerprints(connection)


def test_a_damaged_backup_is_refused(tmp_path, scratch_database):
    backup = tmp_path / "records.dump"
    call_command("backup_database", output=backup)
    with backup.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"damaged")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore_database", str(backup), database_name=scratch_database)


def test_a_backup_without_its_checksum_is_refused(tmp_path, scratch_database):
    backup = tmp_path / "records.dump"
    call_command("backup_database", output=backup)
    (tmp_path / "records.dump.sha256").unlink()
    with pytest.raises(CommandError, match="No checksum"):
        call_command("restore_database", str(backup), database_name=scratch_database)
