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

# Migrating backwards and forwards takes most of a minute: slow, so that it starts first.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

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


def moved_forward():
    """The records at the schema before the move, what was there before, one row written
    through the models as they were then, and the database migrated forward again."""
    setting, consultation, content_type = records()
    expected = snapshot()
    executor = migrate([before_the_move(), ("consultations", None)])
    ContentType.objects.clear_cache()
    old_type = ContentType.objects.get(pk=content_type.pk)
    before = {
        "agreements tables": tables("agreements"),
        "consultations tables": tables("consultations"),
        "content type": (old_type.app_label, old_type.model),
    }
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
    ContentType.objects.clear_cache()
    return {
        "consultation": consultation,
        "content type": content_type,
        "expected": expected,
        "before": before,
        "late round": old_round.pk,
    }


@pytest.fixture(scope="module")
def the_move(django_db_setup, django_db_blocker):
    # Migrating backwards and forwards re-renders every model state (most of this module's
    # time): it is done once, in a transaction the module's tests run inside (DDL in PostgreSQL
    # is transactional), and rolled back after them. Each test reads what it found.
    yield from built_once(django_db_blocker, moved_forward)
    ContentType.objects.clear_cache()


def test_before_the_move_the_tables_and_content_types_are_the_agreements_ones(the_move):
    assert the_move["before"] == {
        "agreements tables": set(TABLES),
        "consultations tables": set(),
        "content type": ("agreements", "consultation"),
    }


def test_every_consultation_row_is_there_after_the_move(the_move):
    assert tables("consultations") == set(TABLES)
    assert tables("agreements") == set()
    after = snapshot()
    late = after["answers"].pop()
    assert after["asked"].pop() == (the_move["late round"], "HN")
    assert after == the_move["expected"]
    assert (late["round_id"], late["country_id"], late["answer"]) == (
        the_move["late round"],
        "HN",
        "no_answer",
    )
    assert late["answered_at"] == at("2026-12-21")
    assert Consultation.objects.get().agreement.meeting.starts_on == datetime.date(2026, 12, 22)


def test_permissions_and_the_admin_log_follow_the_consultations(the_move):
    content_type = the_move["content type"]
    moved = ContentType.objects.get(pk=content_type.pk)
    assert (moved.app_label, moved.model) == ("consultations", "consultation")
    editors = Group.objects.get(name="Consultation editors")
    assert list(editors.permissions.values_list("content_type__app_label", "codename")) == [
        ("consultations", "change_consultation")
    ]
    entry = LogEntry.objects.get(object_id=str(the_move["consultation"].pk))
    assert entry.content_type_id == content_type.pk
    assert entry.get_edited_object() == the_move["consultation"]
