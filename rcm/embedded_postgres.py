"""The embedded PostgreSQL server that runs when no DATABASE_URL is given.

A newcomer needs nothing but Python: the `pgserver` package carries PostgreSQL's binaries, and
the first command that needs the database starts a server whose data lives under `.data/`.
The server is left running so that later commands (and the development server's reloader)
reuse it instead of paying the start-up again.
"""

import warnings
from pathlib import Path
from urllib.parse import quote


def database_url(
    pgdata: Path, *, database: str = "postgres", cleanup_mode: str | None = None
) -> str:
    """Start (or reuse) the server that keeps its data in `pgdata` and return its URL."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver

        pgdata.mkdir(parents=True, exist_ok=True)
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
