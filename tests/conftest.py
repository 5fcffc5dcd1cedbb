import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test.utils import override_settings
from django.utils import translation

from rcm.models import Role
from tests import factories


@pytest.fixture(autouse=True, scope="session")
def _fast_test_settings(tmp_path_factory):
    # The production hasher takes about 0.3 s per password by design; tests create hundreds of
    # users. Only the test run changes it: production settings keep Django's default.
    # WhiteNoise reads every file under STATIC_ROOT each time a test client starts (once per
    # test); tests run as a fresh clone does, before any collectstatic.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        STATIC_ROOT=str(tmp_path_factory.mktemp("staticfiles")),
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # The API throttles count requests in the cache: a test starts with none counted, whichever
    # tests ran before it in the same worker.
    cache.clear()


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _site_language():
    # A request in Spanish leaves its language active in the thread; each test starts from the
    # site's own, whichever tests ran before it in the same worker.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database; transactional tests' flushes then put back the rows the
    migrations made instead of rebuilding them (rcm.testing.flush)."""
    from rcm.testing import flush

    with django_db_blocker.unblock():
        flush.keep_rows_made_by_migrations()
    flush.put_back_instead_of_post_migrate()
    yield
    flush.post_migrate_as_django_does()


@pytest.fixture(scope="session")
def live_server(request, django_db_setup):
    """pytest-django's live server, whose request threads borrow open database connections
    instead of opening one each (rcm.testing.live_server). It stops, closing them, before the
    test database is dropped."""
    from pytest_django.live_server_helper import LiveServer

    from rcm.testing.live_server import ConnectionLendingServer

    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.server_class = ConnectionLendingServer
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mexico(db):
    return factories.member_country("MX", name_en="Mexico", name_es="México")


@pytest.fixture
def guatemala(db):
    return factories.member_country("GT", name_en="Guatemala", name_es="Guatemala")


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def ts_staff(db):
    return factories.ts_staff_user(username="ts-staff")


@pytest.fixture
def focal_point_mx(mexico):
    return factories.focal_point_user(mexico, username="fp-mx", language="es")


@pytest.fixture
def focal_point_gt(guatemala):
    return factories.focal_point_user(guatemala, username="fp-gt")


@pytest.fixture
def observer_org(db):
    return factories.OrganisationFactory(
        acronym="IOM", name_en="International Organization for Migration"
    )


@pytest.fixture
def observer_org_user(observer_org):
    return factories.observer_user(organisation=observer_org, username="iom-delegate")


@pytest.fixture
def roles():
    return Role


def pytest_addoption(parser):
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=3,
        help="Examples per API operation in the schema-fuzzing test (make fuzz uses more).",
    )
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="Browser tests save full-page screenshots to test-artifacts/screenshots/.",
    )


# --- Tests without a database first, in each worker's share ----------------------------------
# A worker's first database test waits for the template database below (about 20 s on two cores),
# and pytest-django puts the tests that need no database last. Each worker starts with its share
# of those instead, so that the wait is spent working, then runs its share of the database tests
# (plain, then transactional, as pytest-django orders them), the longest first.
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def _needs_database(item) -> bool:
    return bool(
        item.get_closest_marker("django_db")
        or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


def _longest_first(item) -> int:
    for rank, marker in enumerate(("fuzz", "browser", "slow")):
        if item.get_closest_marker(marker):
            return rank
    return 3


# About how long a test of each rank takes, in seconds (make test's durations): enough to share
# the long ones out fairly.
RANK_SECONDS = {0: 20.0, 1: 3.0, 2: 2.0, 3: 0.2}


def _modules_longest_first(items) -> list[list]:
    """The items by module (a module's fixtures are built once per worker, so a module stays
    on one), the modules holding the longest tests first, the larger first among equals."""
    modules: dict = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    return sorted(
        modules.values(),
        key=lambda tests: (min(_longest_first(test) for test in tests), -len(tests)),
    )


def _shares(items, workers: int) -> list[list] | None:
    """Each worker's queue: its tests without a database, then its plain database tests, then
    its transactional ones (pytest-django's order: a flush after a transactional test empties
    what the migrations wrote), the longest first within each, the modules dealt out so that
    each worker gets about the same time. xdist's worksteal hands the first worker the first
    len // workers tests of the list, and so on: the tests without a database even the counts
    out. None if they cannot."""
    without = [item for item in items if not _needs_database(item)]
    plain = [item for item in items if _needs_database(item) and not _transactional(item)]
    transactional = [item for item in items if _transactional(item)]
    seconds = [0.0] * workers
    queues: list[list] = [[] for _ in range(workers)]
    for kind in (plain, transactional):
        dealt: list[list] = [[] for _ in range(workers)]
        for tests in _modules_longest_first(kind):
            share = seconds.index(min(seconds))
            dealt[share] += tests
            seconds[share] += sum(RANK_SECONDS[_longest_first(test)] for test in tests)
        for share in range(workers):
            queues[share] += dealt[share]
    sizes = [len(items) // workers] * workers
    sizes[-1] += len(items) - sum(sizes)
    fillers = [size - len(queue) for size, queue in zip(sizes, queues, strict=True)]
    if min(fillers) < 0:
        return None
    ordered = []
    start = 0
    for filler, queue in zip(fillers, queues, strict=True):
        ordered.append(without[start : start + filler] + queue)
        start += filler
    return ordered


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    if workers < 2:
        return
    shares = _shares(items, workers)
    if shares is not None:
        items[:] = [item for share in shares for item in share]
        return
    # A collection too lopsided to even out (a few files chosen by hand): each worker starts
    # with its share of the tests without a database, then the database tests in order.
    without = [item for item in items if not _needs_database(item)]
    with_database = [item for item in items if _needs_database(item)]
    ordered = []
    for share in range(workers):
        ordered += without[share * len(without) // workers : (share + 1) * len(without) // workers]
        ordered += with_database[
            share * len(with_database) // workers : (share + 1) * len(with_database) // workers
        ]
    items[:] = ordered


# --- One migrated database per run, cloned for each xdist worker -------------------------------
# Running the migrations is most of a worker's start-up (about 30 s of CPU: Django renders the
# model states again after each operation). Under xdist the controller migrates a template
# database once, in a subprocess that overlaps the workers' start-up and collection; each worker
# then copies it (CREATE DATABASE … TEMPLATE, well under a second) and pytest-django finds its test
# database already migrated. The migrations still run from zero on every run, and
# tests/consultations/test_move_from_agreements.py still migrates backwards and forwards. Without
# xdist, with --reuse-db or --no-migrations, or if the template's migrate fails, the test
# databases are created as pytest-django always does (a failing migration then fails there).
TEMPLATE_ENV = "RCM_TEST_TEMPLATE_DATABASE"
TEMPLATE_DONE_ENV = "RCM_TEST_TEMPLATE_DONE"
# After migrating, the same subprocess's thread loads the real records into a copy of the
# template (about 8 s of CPU), once per run instead of once per worker.
REAL_RECORDS_DONE_ENV = "RCM_TEST_REAL_RECORDS_DONE"


def _admin_connection(database_url: str):
    import dj_database_url
    import psycopg2

    params = dj_database_url.parse(database_url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=params["USER"],
        password=params["PASSWORD"] or None,
        host=params["HOST"],
        port=params["PORT"] or None,
    )
    connection.autocommit = True
    return connection


def _with_database(database_url: str, name: str) -> str:
    return f"{database_url.rsplit('/', 1)[0]}/{name}"


def _create_database(database_url: str, name: str, template: str | None = None) -> None:
    from psycopg2 import sql

    connection = _admin_connection(database_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template:
                create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            cursor.execute(create)
    finally:
        connection.close()


def _drop_database(database_url: str, name: str) -> None:
    from psycopg2 import sql

    connection = _admin_connection(database_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    finally:
        connection.close()


def _real_records_template(template: str) -> str:
    return f"{template}_real_records"


def _start_template_migration(config) -> None:
    url = os.environ["DATABASE_URL"]
    name = f"test_rcm_template_{os.getpid()}"
    _create_database(url, name)
    directory = Path(tempfile.mkdtemp(prefix="rcm-test-template-"))
    migrated, loaded = directory / "migrated", directory / "loaded"
    log = (directory / "manage.log").open("wb")
    manage = [sys.executable, str(Path(__file__).resolve().parents[1] / "manage.py")]
    processes = []

    def run(arguments: list[str], database: str) -> int:
        process = subprocess.Popen(
            [*manage, *arguments, "--verbosity", "0", "--skip-checks"],
            env={**os.environ, "DATABASE_URL": _with_database(url, database)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        return process.wait()

    def finish(flag: Path, returncode: int) -> None:
        try:
            flag.with_suffix(".tmp").write_text(str(returncode))
            flag.with_suffix(".tmp").rename(flag)
        except FileNotFoundError:
            pass  # the run ended first (a short selection) and removed the directory

    def prepare() -> None:
        returncode = run(["migrate", "--noinput"], name)
        finish(migrated, returncode)
        if returncode == 0:
            try:
                _create_database(url, _real_records_template(name), template=name)
                returncode = run(["load_records"], _real_records_template(name))
            except Exception:  # noqa: BLE001 - the workers then load the records themselves
                returncode = 1
        finish(loaded, returncode)
        log.close()

    threading.Thread(target=prepare, daemon=True).start()
    # The workers start after pytest_configure and inherit the environment.
    os.environ[TEMPLATE_ENV] = name
    os.environ[TEMPLATE_DONE_ENV] = str(migrated)
    os.environ[REAL_RECORDS_DONE_ENV] = str(loaded)
    config._rcm_template = (name, processes, directory)


def pytest_configure(config):
    is_controller = not hasattr(config, "workerinput")
    workers = getattr(config.option, "numprocesses", None)
    if (
        is_controller
        and workers
        and config.getoption("dist", "no") != "no"
        and not config.getvalue("reuse_db")
        and not config.getvalue("nomigrations")
        and os.environ.get("DATABASE_URL")
    ):
        _start_template_migration(config)


def pytest_unconfigure(config):
    template = getattr(config, "_rcm_template", None)
    if template is None:
        return
    name, processes, directory = template
    for process in processes:
        process.kill()
        process.wait()
    shutil.rmtree(directory, ignore_errors=True)
    url = os.environ["DATABASE_URL"]
    _drop_database(url, _real_records_template(name))
    _drop_database(url, name)


def _finished(flag_env: str) -> bool:
    """Waits for the controller's subprocess to say it is done; True if it succeeded."""
    done = Path(os.environ[flag_env])
    deadline = time.monotonic() + 900
    while not done.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return done.read_text().strip() == "0"


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """True with --reuse-db as pytest-django has it; also True in an xdist worker once its test
    database is a copy of the run's migrated template (pytest-django then only checks it)."""
    if request.config.getvalue("reuse_db"):
        yield True
        return
    template = os.environ.get(TEMPLATE_ENV)
    worker = hasattr(request.config, "workerinput")
    if not template or not worker or not _finished(TEMPLATE_DONE_ENV):
        yield False
        return
    from django.db import connections

    name = connections["default"].creation._get_test_db_name()
    url = os.environ["DATABASE_URL"]
    _create_database(url, name, template=template)
    yield True
    # pytest-django keeps a database it did not create; the copy goes with the worker.
    connections.close_all()
    _drop_database(url, name)


# --- The real records, loaded once per run ----------------------------------------------------
# Six modules read the real records that `load_records` loads from fixtures/ (about 8 s of CPU
# each time). Under xdist the controller's subprocess loads them once into a copy of the
# template (above), and each worker copies that; otherwise each worker loads them once, into a
# copy of its empty test database. These modules' tests run on that copy: each test in its own
# transaction, rolled back as always; the other tests never see it.
def _use_database(name: str) -> None:
    from django.db import connections

    connections.close_all()
    connections["default"].settings_dict["NAME"] = name


@pytest.fixture(scope="session")
def _real_records_database(request, django_db_setup, django_db_blocker):
    from django.core.management import call_command
    from django.db import connections

    empty = connections["default"].settings_dict["NAME"]
    loaded = f"{empty}_real_records"
    url = os.environ["DATABASE_URL"]
    template = os.environ.get(TEMPLATE_ENV)
    prepared = (
        template is not None
        and hasattr(request.config, "workerinput")
        and _finished(REAL_RECORDS_DONE_ENV)
    )
    with django_db_blocker.unblock():
        connections.close_all()
        source = _real_records_template(template) if prepared else empty
        _create_database(url, loaded, template=source)
        if not prepared:
            _use_database(loaded)
            try:
                call_command("load_records", verbosity=0)
            finally:
                _use_database(empty)
    yield empty, loaded
    with django_db_blocker.unblock():
        connections.close_all()
        _drop_database(url, loaded)


def _on_the_real_records(databases, django_db_blocker):
    empty, loaded = databases
    with django_db_blocker.unblock():
        _use_database(loaded)
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            _use_database(empty)


@pytest.fixture(scope="module")
def real_records_for_the_module(_real_records_database, django_db_blocker):
    """The module's tests run on the real records (loaded once per worker); each test is rolled
    back to them."""
    yield from _on_the_real_records(_real_records_database, django_db_blocker)


@pytest.fixture(scope="class")
def real_records_for_the_class(_real_records_database, django_db_blocker):
    """As real_records_for_the_module, for a class's tests only."""
    yield from _on_the_real_records(_real_records_database, django_db_blocker)
