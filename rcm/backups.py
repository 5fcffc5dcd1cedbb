"""Backups that restore: pg_dump in custom format with a checksum, and pg_restore."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


def postgres_tool(name: str) -> str:
    """The pg_dump/pg_restore that matches the server: the embedded one's when it runs."""
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        bundled = Path(POSTGRES_BIN_PATH) / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed; install the PostgreSQL client tools.")
    return found


def _connection_args(database: dict, name: str | None = None) -> tuple[list[str], dict]:
    args = ["--dbname", name or database["NAME"]]
    if database.get("HOST"):
        args += ["--host", database["HOST"]]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return args, env


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_path_default() -> Path:
    """A new dump's name under BACKUP_DIR (by default .data/backups: outside git and the image)."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"rcm-{stamp}.dump"


def _write_private(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
    path.chmod(0o600)


def backup_create(*, output: Path, using: str = "default") -> Path:
    """Dump the database to `output` (custom format) and write `output.sha256` beside it.

    A dump holds every record, restricted ones included, and the password hashes: it is created
    readable by its owner only (0600), in a directory of its own (0700) when one is made for it.
    """
    database = connections[using].settings_dict
    try:
        # mkdir's mode applies to the directories it creates, never to an existing one.
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"Cannot create {output.parent}: {error.strerror}.") from None
    args, env = _connection_args(database)
    options = ["--format=custom", "--no-owner", "--no-privileges", "--file", str(output)]
    command = [postgres_tool("pg_dump"), *options, *args]
    # umask: the file pg_dump creates is never readable by others, not even for a moment.
    result = subprocess.run(command, env=env, capture_output=True, text=True, umask=0o077)
    if result.returncode != 0:
        output.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    # pg_dump keeps the mode of a file that already existed.
    output.chmod(0o600)
    _write_private(Path(f"{output}.sha256"), f"{sha256_of(output)}  {output.name}\n")
    return output


def backup_verify(path: Path) -> None:
    checksum_file = Path(f"{path}.sha256")
    if not path.exists():
        raise BackupError(f"No backup at {path}.")
    if not checksum_file.exists():
        raise BackupError(
            f"No checksum beside the backup ({checksum_file.name}); refusing to restore."
        )
    expected = checksum_file.read_text().split()[0]
    if sha256_of(path) != expected:
        raise BackupError(f"{path.name} does not match its checksum: the file is damaged.")


def backup_restore(*, path: Path, database_name: str | None = None, using: str = "default") -> None:
    """Restore a verified backup into the database (or another one on the same server)."""
    backup_verify(path)
    database = connections[using].settings_dict
    args, env = _connection_args(database, database_name)
    options = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
    command = [postgres_tool("pg_restore"), *options, "--exit-on-error", *args, str(path)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def table_fingerprints(connection) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of the contents of every table in the public schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        fingerprints = {}
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            )
            fingerprints[table] = cursor.fetchone()
    return fingerprints
