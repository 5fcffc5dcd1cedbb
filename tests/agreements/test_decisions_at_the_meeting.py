"""A decision taken at the meeting itself (approve, adopt, accept, endorse, welcome, reiterate a
position…) asks nothing of anyone, unless a clause gives someone a task."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agreements.importer.obligations import decided_at_the_meeting, find_obligations
from agreements.models import Action, Agreement, AgreementCountry, Status
from rcm.testing.shared_rows import built_once
from tests.factories import MeetingFactory, UserFactory, member_country

# One item per verb family, English and Spanish, that decides something there and then.
DECIDED = [
    (Action.APPROVE, "To approve the Terms of Reference of the Ad-hoc Group on Migrant Children."),
    (Action.APPROVE, "Aprobar los Términos de Referencia del Grupo Ad-hoc."),
    (Action.APPROVE, "The Vice-Ministers adopted the Declaration of San José."),
    (Action.APPROVE, "Adoptar la Declaración de San José."),
    (Action.ACCEPT, "To accept the TS Activity and Financial Report for the May – October period."),
    (Action.ACCEPT, "Aceptar el Informe de Actividades y Financiero de la ST."),
    (Action.APPROVE, "To endorse the Regional Guidelines for the Preliminary Identification."),
    (Action.APPROVE, "Respaldar los Lineamientos Regionales para la Identificación Preliminar."),
    (Action.OTHER, "To welcome the progress of the Working Group on Labour Migration."),
    (Action.OTHER, "Acoger con beneplácito los avances del Grupo de Trabajo."),
    (Action.OTHER, "To congratulate Mexico for its Presidency Pro-Tempore."),
    (Action.OTHER, "Felicitar a México por su Presidencia Pro-Tempore."),
    (Action.APPROVE, "To reiterate its commitment to the protection of migrant children."),
    (Action.APPROVE, "Reiterar su compromiso con la protección de la niñez migrante."),
    (Action.OTHER, "To recognize the efforts of Panama and Colombia."),
    (Action.OTHER, "Reconocer los esfuerzos de Panamá y Colombia."),
    (Action.APPROVE, "To agree on a common position of the RCM at the IMRF."),
    (Action.APPROVE, "Se aprueba el informe de la Red de Funcionarios de Enlace."),
    (Action.APPROVE, "We reaffirm our commitment to the protection of the rights of migrants."),
    (Action.APPROVE, "Reafirmamos nuestro compromiso con la protección de los derechos."),
]
# The same families, each with a clause that gives someone a task.
WITH_A_TASK = [
    (Action.APPROVE, "To approve the work plan and request the TS to circulate it."),
    (Action.APPROVE, "Aprobar el plan de trabajo y solicitar a la ST circularlo."),
    (
        Action.APPROVE,
        "To approve holding a workshop on health in Costa Rica in 2022.",
    ),
    (Action.APPROVE, "Aprobar la realización de un taller sobre migración y salud en Costa Rica."),
    (
        Action.APPROVE,
        "To adopt the Declaration, which will be circulated by the TS.",
    ),
    (Action.APPROVE, "Adoptar la Declaración, que será circulada por la ST."),
    (Action.ACCEPT, "To accept the offer of Guatemala to host the next meeting of the RCGM."),
    (Action.ACCEPT, "Aceptar el ofrecimiento de Guatemala de organizar la próxima reunión."),
    (Action.ACCEPT, "To accept Canada's recommendation to submit the budget one month in advance."),
    (Action.APPROVE, "To endorse the Guide. Member Countries should report on its use."),
    (Action.APPROVE, "Respaldar la Guía. Los países deberán informar sobre su uso."),
    (Action.OTHER, "To welcome the proposal of Mexico and to invite countries to take part."),
    (Action.OTHER, "Acoger la propuesta y exhortar a los países a participar."),
    (Action.APPROVE, "To reiterate the call to Member Countries to pay their contributions."),
    (Action.APPROVE, "Reiterar el llamado a los Países Miembros a pagar sus contribuciones."),
    (Action.APPROVE, "To agree to hold the III Plenary Meeting between the RCM and the SACM."),
    (Action.APPROVE, "To approve the report and to consider the establishment of a working group."),
]


@pytest.mark.parametrize(("action", "text"), DECIDED)
def test_a_decision_taken_at_the_meeting_needs_no_follow_up(action, text):
    agreement = Agreement(action=action, text_en=text)
    assert not agreement.needs_follow_up
    assert agreement.initial_status == Status.NO_FOLLOW_UP


@pytest.mark.parametrize(("action", "text"), WITH_A_TASK)
def test_a_decision_that_gives_someone_a_task_is_followed_up(action, text):
    agreement = Agreement(action=action, text_en=text)
    assert agreement.needs_follow_up
    assert agreement.initial_status == Status.OPEN


@pytest.mark.parametrize(
    "text",
    [
        "To approve holding a workshop in Costa Rica in 2022.",
        "To accept the offer of Mexico to host the workshop.",
        "Aprobar la celebración de un seminario en Panamá.",
    ],
)
def test_an_activity_approved_to_be_held_is_a_task_for_its_host(text):
    [obligation] = find_obligations(text)
    assert obligation.kind == "decided_task"


@pytest.mark.parametrize(
    "text",
    [
        # Noting or welcoming a proposal is no decision to carry it out.
        "To take note of Mexico's proposal to hold a II Workshop on the results of the RCM.",
        "To welcome Mexico's initiative to hold this type of High-Level meeting.",
        "To accept the invitation to Mexico City.",
        "Aceptar la propuesta de Guatemala.",
    ],
)
def test_a_proposal_noted_or_an_invitation_named_gives_no_task(text):
    assert find_obligations(text) == []


def test_an_item_that_opens_with_another_verb_stays_followed_up():
    agreement = Agreement(
        action=Action.APPROVE,
        text_en="To update the RCM calendar as follows and reiterate the importance of "
        "active participation by RCM Member Countries:",
    )
    assert agreement.needs_follow_up


def test_a_further_sentence_that_is_not_a_decision_keeps_the_item_followed_up():
    assert not decided_at_the_meeting(
        "To accept the report. Member Countries are invited to share good practices."
    )


def test_the_english_text_decides_when_the_spanish_is_only_a_label():
    assert decided_at_the_meeting("To approve the work plan.", "Tema: la migración laboral.")


# The loaded records (2013 and 2021 RCGM conclusions), as the seeds word them.
REAL_DECIDED = [
    "To accept the TS Activity and Financial Report for the May – October 2013 period.",
    "Approve the reports of the Liaison Officers Network for Consular Protection and the Liaison "
    "Officers Network to Combat Migrant Smuggling and Trafficking in Persons.",
    "To approve the reports from the Working Groups presented by Mexico as the Presidency "
    "Pro-Tempore (PPT) and to thank them for the achievements to date.",
]
REAL_TASKS = [
    "To accept Canada's recommendation to submit the budget for the following year one month in "
    "advance for review and consideration by the Member Countries, as well as to consider the use "
    "of virtual tools as a mechanism for saving resources.",
    "To accept Canada's recommendation to implement lines of action identified in the Joint "
    "Communiqué between the RCM and the SACM.",
    "To accept and thank the RCM Executive Secretariat (ES) for the Financial and Activity Report. "
    "In addition, encourage RCM Member Countries that have not provided their annual "
    "contributions to the Budget of the RCM-ES, as stipulated in the Statutory Charter of the "
    "RCM, to do so as soon as possible.",
]


@pytest.mark.parametrize("text", REAL_DECIDED)
def test_the_real_reports_approved_or_accepted_at_the_meeting_need_no_follow_up(text):
    assert not Agreement(action=Action.APPROVE, text_en=text).needs_follow_up


@pytest.mark.parametrize("text", REAL_TASKS)
def test_the_real_acceptances_that_give_a_task_stay_followed_up(text):
    assert Agreement(action=Action.ACCEPT, text_en=text).needs_follow_up


@pytest.mark.django_db
def test_demo_approvals_and_acceptances_follow_the_same_rule():
    call_command("seed_demo", scale=0.02, seed=3, stdout=StringIO())
    decided = Agreement.objects.filter(action__in=[Action.APPROVE, Action.ACCEPT])
    assert decided.exists()
    assert set(decided.values_list("status", flat=True)) == {Status.NO_FOLLOW_UP}
    for agreement in Agreement.objects.all()[:200]:
        assert (agreement.status == Status.NO_FOLLOW_UP) == (not agreement.needs_follow_up)


# The data migration re-derives the records already loaded.
BEFORE = ("agreements", "0016_reported_at_by_statement")
APPROVE_REPORTS = "Approve the reports of the Liaison Officers Networks."


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def old_item(apps, ref, *, text=APPROVE_REPORTS, **fields):
    meeting = MeetingFactory()
    return apps.get_model("agreements", "Agreement").objects.create(
        meeting_id=meeting.pk,
        section="conclusion",
        ref=ref,
        text_en=text,
        action="approve",
        status="open",
        visibility=meeting.visibility,
        **fields,
    )


def migrate_to_the_latest():
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def items_migrated_over_the_rule() -> dict[str, int]:
    """Four items written at the schema before the rule, one for each case below, and the
    database migrated over it once."""
    migrate([BEFORE])
    apps = MigrationExecutor(connection).loader.project_state([BEFORE]).apps
    closed = old_item(apps, "8")
    apps.get_model("agreements", "AgreementCountry").objects.create(
        agreement_id=closed.pk, country_id=member_country("MX").pk, responsible=True, status="open"
    )
    task = old_item(apps, "9", text="Approve the work plan and request the TS to act.")
    decided_by_ts = old_item(
        apps,
        "10",
        follow_up_override="follow_up",
        follow_up_override_reason="The networks present their reports again at the next RCGM.",
    )
    reported = old_item(apps, "11")
    apps.get_model("agreements", "FollowUp").objects.create(
        agreement_id=reported.pk,
        author_id=UserFactory().pk,
        status="open",
        note="The reports were published.",
        validation="accepted",
    )
    migrate_to_the_latest()
    return {
        "closed": closed.pk,
        "task": task.pk,
        "decided by the TS": decided_by_ts.pk,
        "reported": reported.pk,
    }


@pytest.fixture(scope="module")
def migrated(django_db_setup, django_db_blocker):
    # Migrating backwards and forwards takes seconds: done once for the four tests, in a
    # transaction they run inside and that is rolled back after them (DDL in PostgreSQL is
    # transactional).
    yield from built_once(django_db_blocker, items_migrated_over_the_rule)


@pytest.mark.django_db
def test_the_migration_closes_an_approval_that_gives_no_task_and_says_why(migrated):
    agreement = Agreement.objects.get(pk=migrated["closed"])
    assert agreement.status == Status.NO_FOLLOW_UP
    assert AgreementCountry.objects.get(agreement=agreement).status == ""
    assert "decision taken at the meeting" in agreement.history.latest().history_change_reason


@pytest.mark.django_db
def test_the_migration_keeps_an_approval_that_gives_a_task_open(migrated):
    assert Agreement.objects.get(pk=migrated["task"]).status == Status.OPEN


@pytest.mark.django_db
def test_the_migration_keeps_what_ts_staff_decided(migrated):
    assert Agreement.objects.get(pk=migrated["decided by the TS"]).status == Status.OPEN


@pytest.mark.django_db
def test_the_migration_never_hides_an_item_someone_reported_on(migrated):
    assert Agreement.objects.get(pk=migrated["reported"]).status == Status.OPEN
