"""The embedded PostgreSQL server that runs when no DATABASE_URL is given.

A newcomer needs nothing but Python: the `pgserver` package carries PostgreSQL's binaries, and
the first command that needs the database starts a server whose data lives under `.data/`.
The server is left running so that later commands (and the development server's reloader)
reuse it instead of paying the start-up again.
"""

import logging
import warnings
from pathlib import Path
from urllib.parse import quote

logger = logging.getLogger(__name__)


def database_url(
    pgdata: Path, *, database: str = "postgres", cleanup_mode: str | None = None
) -> str:
    """Start (or reuse) the server that keeps its data in `pgdata` and return its URL."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver
        from pgserver.postgres_server import PostgresServer

        pgdata.mkdir(parents=True, exist_ok=True)
        # The lock pgserver holds while it starts a server: no other command starts one on
        # this directory while the lock files are judged.
        with PostgresServer._lock:
            remove_stale_lock_files(pgdata)
        server = pgserver.get_server(pgdata, cleanup_mode=cleanup_mode)
        info = server.get_postmaster_info()
    # The server listens on a Unix socket; dj-database-url reads a percent-encoded host as
    # a socket directory.
    host = quote(str(info.socket_dir), safe="") if info.socket_dir else "localhost"
    port = f":{info.port}" if not info.socket_dir and info.port else ""
    base = f"postgres://postgres@{host}{port}"
    if database != "postgres":
        _ensure_database(f"{base}/postgres", database)
    return f"{base}/{database}"


def _ensure_database(admin_url: str, name: str) -> None:
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    params = dj_database_url.parse(admin_url)
    connection = psycopg2.connect(
        dbname=params["NAME"], user=params["USER"], host=params["HOST"], port=params["PORT"] or None
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def remove_stale_lock_files(pgdata: Path) -> list[Path]:
    """Remove postmaster.pid (and the socket's lock file) when no server of `pgdata` runs.

    A server killed or a machine restarted can leave the file empty, cut short, or naming a
    process id that now belongs to another program. pgserver then fails to read it or takes
    the server for running, PostgreSQL refuses to start over it, and every command fails until
    someone deletes it by hand. A file whose server is alive is never touched.
    """
    pgdata = pgdata.resolve()
    if _server_process_running(pgdata):
        return []
    removed = []
    for lock_file in [pgdata / "postmaster.pid", *pgdata.glob(".s.PGSQL.*.lock")]:
        if lock_file.exists():
            lock_file.unlink(missing_ok=True)
            removed.append(lock_file)
    if removed:
        logger.warning(
            "Removed %s left by a PostgreSQL server that no longer runs.",
            ", ".join(path.name for path in removed),
        )
    return removed


def _server_process_running(pgdata: Path) -> bool:
    """Whether a PostgreSQL server process runs on `pgdata`: the one the pid file names, or,
    when the file names none (empty, cut short), any postgres process started on it."""
    import psutil

    pid = _pid_in(pgdata / "postmaster.pid")
    if pid is not None:
        try:
            return _serves(psutil.Process(pid), pgdata)
        except psutil.NoSuchProcess:
            return False
    return any(_serves(process, pgdata) for process in psutil.process_iter())


def _pid_in(pid_file: Path) -> int | None:
    try:
        first_line = pid_file.read_text(errors="replace").partition("\n")[0].strip()
    except FileNotFoundError:
        return None
    return int(first_line) if first_line.isdigit() else None


def _serves(process, pgdata: Path) -> bool:
    """Whether `process` is a postgres server process on `pgdata` (`postgres -D pgdata …`)."""
    import psutil

    try:
        if process.name() not in {"postgres", "postmaster"}:
            return False
        command = process.cmdline()
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        # A postgres process whose command line is hidden from us may be this server: keep it.
        return True
    return str(pgdata) in command
