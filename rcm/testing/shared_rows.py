"""Rows that every test of a module (or class) only reads, built once for all of them.

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        yield from built_once(django_db_blocker, build_world)

The rows are written inside a transaction that stays open for the whole scope; each test runs in
a savepoint of it (pytest-django's `db` nests in it) and is rolled back to these rows, so what one
test writes never reaches the next. The transaction is rolled back when the scope ends. Only for
tests that use `db` (not `transactional_db` or `live_server`, which would see none of the rows).

Every test that runs while the scope is open sees the rows, whether it asked for them or not:
give the module's fixture `autouse=True` (every test there reads the rows), or use a class
(`scope="class"`) when tests beside them need an empty database.
"""

import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.db import transaction

T = TypeVar("T")


def built_once(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    with django_db_blocker.unblock():
        scope = transaction.atomic()
        scope.__enter__()
        try:
            rows = build()
        except BaseException:
            scope.__exit__(*sys.exc_info())
            raise
    try:
        yield rows
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            scope.__exit__(None, None, None)
