"""A production-shaped smoke test, run by .ci/run after the suite.

What a deployment runs, on this machine: a PostgreSQL server started on its own and reached
through DATABASE_URL over TCP, DEBUG off, `collectstatic`, and the app under gunicorn with the
command line of the Dockerfile, behind the proxy settings the README documents (the proxy's
X-Forwarded-Proto / X-Forwarded-For headers are sent by this script). Two gunicorn processes
serve one database: a record written through one is read through the other, and a session
opened on one is valid on the other.

It prints one line per check and exits non-zero on the first failure.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PASSWORD = secrets.token_urlsafe(16)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_binary(name: str) -> str:
    found = subprocess.run(
        [PYTHON, "-c", "import pgserver, pathlib; print(pathlib.Path(pgserver.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return str(Path(found) / "pginstall" / "bin" / name)


class PostgresServer:
    """A PostgreSQL started with initdb and pg_ctl, listening on 127.0.0.1 only."""

    def __init__(self, workdir: Path):
        self.data = workdir / "pgdata"
        self.port = free_port()
        self.user = "rcm"
        self.password = secrets.token_urlsafe(12)

    def start(self) -> str:
        pwfile = self.data.parent / "pwfile"
        pwfile.write_text(self.password)
        initdb = [pg_binary("initdb"), "-D", str(self.data), "-U", self.user]
        initdb += ["--pwfile", str(pwfile), "-A", "scram-sha-256", "-E", "UTF8"]
        run_as_postgres_user(initdb)
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories=''"
        run_as_postgres_user(
            [pg_binary("pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
             str(self.data.parent / "postgres.log"), "start"]
        )  # fmt: skip
        admin = f"postgres://{self.user}:{self.password}@127.0.0.1:{self.port}/postgres"
        subprocess.run(
            [pg_binary("psql"), admin, "-q", "-c", "CREATE DATABASE rcm"],
            check=True,
            env={**os.environ, "PGCONNECT_TIMEOUT": "10"},
        )
        return f"postgres://{self.user}:{self.password}@127.0.0.1:{self.port}/rcm"

    def stop(self) -> None:
        run_as_postgres_user(
            [pg_binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"], check=False
        )


def run_as_postgres_user(command: list[str], check: bool = True) -> None:
    # PostgreSQL refuses to run as root; CI runs as root, so the server runs as "nobody".
    if os.geteuid() == 0:
        data = Path(command[command.index("-D") + 1])
        shutil.chown(data.parent, user="nobody")
        if data.exists():
            shutil.chown(data, user="nobody")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    subprocess.run(command, check=check, stdout=subprocess.DEVNULL)


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    # As the Dockerfile runs it (CMD), on a port of this machine's loopback.
    command = [GUNICORN, "rcm.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", env.get("GUNICORN_WORKERS", "2"), "--access-logfile", "-"]
    command += ["--forwarded-allow-ips=*"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def wait_until_up(port: int) -> None:
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    fail(f"gunicorn did not start on port {port}")


class Client:
    """HTTP through the TLS proxy the README documents: it says the request came over HTTPS."""

    def __init__(self, port: int, cookies: http.cookiejar.CookieJar | None = None):
        self.base = f"http://127.0.0.1:{port}"
        # The proxy speaks HTTPS to the browser: the app's Secure cookies go back on these requests.
        policy = http.cookiejar.DefaultCookiePolicy()
        policy.return_ok_secure = lambda cookie, request: True
        self.cookies = cookies if cookies is not None else http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path, *, data=None, headers=None, proxied=True, method=None):
        headers = dict(headers or {})
        if proxied:
            headers.setdefault("X-Forwarded-Proto", "https")
            headers.setdefault("X-Forwarded-For", "203.0.113.7")
        body = data.encode() if isinstance(data, str) else data
        request = urllib.request.Request(
            self.base + path, data=body, headers=headers, method=method
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fail(message: str) -> None:
    print(f"FAILED: {message}", flush=True)
    raise SystemExit(1)


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)
    print(f"ok  {message}", flush=True)


def sign_in(client: Client, username: str, password: str) -> None:
    status, _, body = client.request("/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/"}
    )
    status, headers, _ = client.request(
        "/accounts/login/",
        data=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://127.0.0.1:{client.base.rsplit(':', 1)[1]}/accounts/login/",
        },
    )
    check(status == 302, f"TS staff sign in through the login form (answered {status})")


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="rcm-smoke-"))
    postgres = PostgresServer(workdir)
    servers: list[subprocess.Popen] = []
    try:
        database_url = postgres.start()
        print(f"ok  PostgreSQL started on its own, on 127.0.0.1:{postgres.port}", flush=True)
        ports = [free_port(), free_port()]
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": ",".join(f"https://127.0.0.1:{p}" for p in ports),
            "SITE_URL": f"https://127.0.0.1:{ports[0]}",
            "BEHIND_TLS_PROXY": "1",
            "TRUSTED_PROXY_COUNT": "1",
            "SECURE_SSL_REDIRECT": "1",
            "MEDIA_ROOT": str(workdir / "media"),
            "RCM_DATA_DIR": str(workdir / "data"),
            "GUNICORN_WORKERS": "2",
        }
        manage(env, "migrate", "--noinput")
        manage(env, "load_records", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from django.contrib.auth.models import Group\n"
            "from rcm.models import Role, User\n"
            f"u = User.objects.create_user('smoke-ts', password='{PASSWORD}', is_staff=True)\n"
            "u.groups.add(Group.objects.get_or_create(name=Role.TS_STAFF)[0])\n",
        )
        token = (
            manage(
                env,
                "shell",
                "--no-imports",
                "-c",
                "from rcm.models import User\nfrom rcm.services import api_token_create\n"
                "user = User.objects.get(username='smoke-ts')\n"
                "print(api_token_create(user=user, name='smoke')[1])",
            )
            .strip()
            .splitlines()[-1]
        )
        print("ok  migrated, loaded the real records, collected static files", flush=True)

        for index, port in enumerate(ports):
            servers.append(gunicorn(env, port, workdir / f"gunicorn-{index}.log"))
        for port in ports:
            wait_until_up(port)
        print(f"ok  two gunicorn processes up on ports {ports[0]} and {ports[1]}", flush=True)
        first, second = Client(ports[0]), Client(ports[1])

        status, headers, _ = first.request("/", proxied=False)
        check(
            status == 301 and headers.get("Location", "").startswith("https://"),
            "plain HTTP is redirected to HTTPS",
        )
        status, _, body = first.request("/health/")
        check(status == 200 and json.loads(body) == {"status": "ok"}, "/health/ answers ok")
        for path in ["/", "/meetings/", "/follow-up/", "/presidencies/", "/api/docs/"]:
            status, headers, body = first.request(path)
            check(status == 200, f"{path} answers 200 ({status})")
        status, headers, body = first.request("/")
        check("Content-Security-Policy" in headers, "pages carry a Content-Security-Policy")
        check("Strict-Transport-Security" in headers, "pages carry HSTS behind the TLS proxy")
        stylesheet = re.search(rb'href="(/static/css/app\.[0-9a-f]+\.css)"', body)
        check(stylesheet is not None, "the home page links a hashed stylesheet")
        status, headers, css = first.request(stylesheet.group(1).decode())
        check(
            status == 200 and b"{" in css and "max-age" in headers.get("Cache-Control", ""),
            "static files are served by the app, cached for long",
        )
        status, _, body = first.request("/no-such-page/")
        check(status == 404 and b"site-header" in body, "a missing page is the site's own 404")

        status, _, body = first.request("/api/v1/meetings/")
        meetings = json.loads(body)["count"]
        check(status == 200 and meetings > 50, f"the API lists the {meetings} recorded meetings")
        status, _, body = second.request("/api/v1/meetings/")
        check(json.loads(body)["count"] == meetings, "the second process reads the same records")

        auth = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        organisation = {
            "acronym": "SMOKE",
            "name_en": "Smoke-test organisation",
            "kind": "cooperating",
        }
        status, _, body = first.request(
            "/api/v1/organisations/", data=json.dumps(organisation), headers=auth
        )
        check(
            status == 201,
            f"a record is written through the first process ({status} {body[:200]!r})",
        )
        status, _, body = second.request("/api/v1/organisations/?search=SMOKE", headers=auth)
        found = [row for row in json.loads(body)["results"] if row.get("acronym") == "SMOKE"]
        check(status == 200 and found, "and read through the second")

        status, _, body = first.request("/admin/login/")
        check(status == 200 and b"csrfmiddlewaretoken" in body, "the admin login page answers")
        sign_in(first, "smoke-ts", PASSWORD)
        status, _, _ = first.request("/admin/")
        check(status == 200, "the admin opens for TS staff")
        shared_session = Client(ports[1], cookies=first.cookies)
        status, _, _ = shared_session.request("/admin/")
        check(status == 200, "the session opened on one process is valid on the other")
        print("Production smoke test passed.", flush=True)
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        postgres.stop()
        for log in sorted(workdir.glob("gunicorn-*.log")):
            errors = [line for line in log.read_text().splitlines() if '" 500 ' in line]
            if errors:
                print(f"{log.name}: server errors:\n" + "\n".join(errors))
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
