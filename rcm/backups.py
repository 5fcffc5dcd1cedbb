"""Backups that restore: pg_dump in custom format with a checksum, and pg_restore."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from django.db import connections


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


def backup_create(*, output: Path, using: str = "default") -> Path:
    """Dump the database to `output` (custom format) and write `output.sha256` beside it."""
    database = connections[using].settings_dict
    output.parent.mkdir(parents=True, exist_ok=True)
    args, env = _connection_args(database)
    options = ["--format=custom", "--no-owner", "--no-privileges", "--file", str(output)]
    command = [postgres_tool("pg_dump"), *options, *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    Path(f"{output}.sha256").write_text(f"{sha256_of(output)}  {output.name}\n")
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
