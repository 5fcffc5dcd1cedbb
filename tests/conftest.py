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
