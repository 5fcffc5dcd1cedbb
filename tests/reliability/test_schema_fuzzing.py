"""Schema fuzzing: schemathesis drives every API operation of the published OpenAPI schema
against a live server, as an anonymous client, a focal point and TS staff.

No answer may be a 5xx, contradict the schema, or use a status the schema does not document.
CI runs a few examples per operation (--fuzz-examples, default 3); `make fuzz` runs many.
"""

from functools import cache

import pytest

from rcm.services import api_token_create
from tests.factories import AgreementFactory, focal_point_user, member_country, ts_staff_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.fuzz]


# Every check schemathesis has (its `--checks all`): no 5xx, statuses, media types, headers and
# bodies as documented, invalid input refused, schema-valid input accepted, authentication that
# the schema requires actually enforced, and so on.
# schemathesis and hypothesis are imported here and below, not at the top: only the worker that
# runs this module pays for importing them (about 1.5 s of CPU), not every worker's collection.
@cache
def checks() -> list:
    from schemathesis.checks import CHECKS as REGISTERED_CHECKS
    from schemathesis.checks import load_all_checks

    load_all_checks()
    return list(REGISTERED_CHECKS.get_all())


# Schema-valid data must be accepted (positive_data_acceptance): every read, list filters
# included, answers as its schema promises. A write may still be refused with a 400 that says
# why, for what no schema can state: a code or id of no record, a date the database cannot hold,
# a rule between fields (an agreement never more public than its meeting).
CONFIG = """
[[operations]]
include-method = ["POST", "PUT", "PATCH", "DELETE"]
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "400", "401", "403", "404", "409", "412", "428",
]
"""


@pytest.fixture
def tokens():
    mexico = member_country("MX")
    AgreementFactory.create_batch(2, responsible=[mexico])
    _, focal = api_token_create(user=focal_point_user(mexico), name="fuzz focal point")
    _, staff = api_token_create(user=ts_staff_user(), name="fuzz staff")
    return {"anonymous": None, "focal point": focal, "TS staff": staff}


def fuzz(operation, base_url: str, headers: dict, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings

    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case):
        case.call_and_validate(base_url=base_url, headers=headers, checks=checks())

    run()


@cache
def published_schema(url: str):
    """The published schema, fetched and read once for the three roles (about a second each)."""
    import schemathesis

    return schemathesis.openapi.from_url(
        f"{url}/api/schema/?format=json",
        config=schemathesis.config.SchemathesisConfig.from_str(CONFIG),
    )


# One test per role: a failure names the role it concerns.
@pytest.mark.parametrize("role", ["anonymous", "focal point", "TS staff"])
def test_no_operation_answers_what_the_schema_does_not_describe(live_server, tokens, request, role):
    schema = published_schema(live_server.url)
    examples = request.config.getoption("--fuzz-examples")
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40
    token = tokens[role]
    for operation in operations:
        headers = {"Authorization": f"Token {token}"} if token else {}
        try:
            fuzz(operation, live_server.url, headers, examples)
        except BaseException as error:  # noqa: BLE001 - every failure is reported, then asserted
            failures.append(f"{operation.label} as {role}: {str(error)[:3000]}")
    assert not failures, "\n\n".join(failures)
