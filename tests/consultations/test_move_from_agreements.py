"""The consultations left the agreements app without losing a row, a history entry, a permission
given to a group or an admin log entry: a database at the schema before the move, with
consultations in it, migrates forward with every row in place."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from consultations.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationRound,
    ConsultationTransition,
    ConsultationVersion,
)
from rcm.testing.shared_rows import built_once
from tests.consultations.factories import agreed, at, conference, country

pytestmark = pytest.mark.django_db

MOVE = ("agreements", "0009_consultations_move_to_their_own_app")
TABLES = [
    "consultation",
    "consultationversion",
    "consultationround",
    "consultationround_countries",
    "consultationanswer",
    "consultationtransition",
    "historicalconsultation",
    "historicalconsultationversion",
    "historicalconsultationround",
    "historicalconsultationround_countries",
    "historicalconsultationanswer",
    "historicalconsultationtransition",
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def before_the_move() -> tuple[str, str]:
    """The agreements migration the move follows."""
    graph = MigrationExecutor(connection).loader.graph
    (parent,) = [key for key in graph.node_map[MOVE].parents if key[0] == "agreements"]
    return parent


def tables(prefix: str) -> set[str]:
    names = set(connection.introspection.table_names())
    return {table for table in TABLES if f"{prefix}_{table}" in names}


def snapshot() -> dict:
    """Every consultation row as the application reads it."""
    return {
        "consultations": list(Consultation.objects.values().order_by("pk")),
        "versions": list(ConsultationVersion.objects.values().order_by("pk")),
        "rounds": list(ConsultationRound.objects.values().order_by("pk")),
        "asked": list(
            ConsultationRound.countries.through.objects.values_list(
                "consultationround_id", "country_id"
            ).order_by("pk")
        ),
        "answers": list(ConsultationAnswer.objects.values().order_by("pk")),
        "steps": list(ConsultationTransition.objects.values().order_by("pk")),
        "history": [
            list(model.history.values_list("history_id", "id", "history_type").order_by("pk"))
            for model in (Consultation, ConsultationVersion, ConsultationRound, ConsultationAnswer)
        ],
    }


def records():
    """An agreed consultation (versions, both kinds of rounds, answers, steps, history), a
    group allowed to change consultations and an admin log entry about one."""
    setting = conference()
    consultation = agreed(setting)
    country("HN")  # a member since, not asked
    content_type = ContentType.objects.get(app_label="consultations", model="consultation")
    editors = Group.objects.create(name="Consultation editors")
    editors.permissions.add(
        Permission.objects.get(content_type=content_type, codename="change_consultation")
    )
    LogEntry.objects.create(
        user=setting.ts,
        content_type=content_type,
        object_id=str(consultation.pk),
        object_repr=str(consultation),
        action_flag=CHANGE,
    )
    # The schema changes below may not wait for the foreign keys' deferred checks.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return setting, consultation, content_type


def records_at_the_schema_before_the_move():
    rows = records()
    expected = snapshot()
    executor = migrate([before_the_move(), ("consultations", None)])
    return rows, expected, executor


@pytest.fixture(scope="module")
def before_the_move_once(django_db_setup, django_db_blocker):
    # Migrating backwards re-renders every model state (most of this module's time): it is done
    # once, and each test (a savepoint of this transaction: DDL in PostgreSQL is transactional)
    # starts from the old schema with the rows in it.
    yield from built_once(django_db_blocker, records_at_the_schema_before_the_move)
    ContentType.objects.clear_cache()


@pytest.fixture
def at_the_schema_before_the_move(before_the_move_once):
    ContentType.objects.clear_cache()
    yield before_the_move_once
    ContentType.objects.clear_cache()


def test_before_the_move_the_tables_and_content_types_are_the_agreements_ones(
    at_the_schema_before_the_move,
):
    (setting, consultation, content_type), _expected, _executor = at_the_schema_before_the_move
    assert tables("agreements") == set(TABLES)
    assert tables("consultations") == set()
    moved = ContentType.objects.get(pk=content_type.pk)
    assert (moved.app_label, moved.model) == ("agreements", "consultation")


def test_every_consultation_row_is_there_after_the_move(at_the_schema_before_the_move):
    (setting, consultation, content_type), expected, executor = at_the_schema_before_the_move
    # A row written at the old schema, through the models as they were then.
    old_apps = executor.loader.project_state(before_the_move()).apps
    OldAnswer = old_apps.get_model("agreements", "ConsultationAnswer")
    OldRound = old_apps.get_model("agreements", "ConsultationRound")
    old_round = OldRound.objects.get(consultation_id=consultation.pk, kind="members")
    old_round.countries.add("HN")
    OldAnswer.objects.create(
        round_id=old_round.pk,
        country_id="HN",
        answer="no_answer",
        answered_at=at("2026-12-21"),
    )

    migrate(executor.loader.graph.leaf_nodes())

    assert tables("consultations") == set(TABLES)
    assert tables("agreements") == set()
    after = snapshot()
    late = after["answers"].pop()
    assert after["asked"].pop() == (old_round.pk, "HN")
    assert after == expected
    assert (late["round_id"], late["country_id"], late["answer"]) == (
        old_round.pk,
        "HN",
        "no_answer",
    )
    assert late["answered_at"] == at("2026-12-21")
    assert Consultation.objects.get().agreement.meeting.starts_on == datetime.date(2026, 12, 22)


def test_permissions_and_the_admin_log_follow_the_consultations(at_the_schema_before_the_move):
    (setting, consultation, content_type), _expected, executor = at_the_schema_before_the_move
    migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    moved = ContentType.objects.get(pk=content_type.pk)
    assert (moved.app_label, moved.model) == ("consultations", "consultation")
    editors = Group.objects.get(name="Consultation editors")
    assert list(editors.permissions.values_list("content_type__app_label", "codename")) == [
        ("consultations", "change_consultation")
    ]
    entry = LogEntry.objects.get(object_id=str(consultation.pk))
    assert entry.content_type_id == content_type.pk
    assert entry.get_edited_object() == consultation
