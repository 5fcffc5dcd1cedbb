"""The author hears from the TS's decision on her update, in her language."""

import pytest
from django.core import mail

from agreements import services
from agreements.models import Status
from tests.factories import AgreementFactory, focal_point_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(guatemala):
    return focal_point_user(guatemala, username="fp-gt-es", language="es", email="fp@example.gt")


@pytest.fixture
def pending(author, guatemala):
    agreement = AgreementFactory(responsible=[guatemala])
    return services.followup_record(
        agreement=agreement, author=author, status=Status.DONE, note="Protocolo firmado."
    )


def test_the_author_is_told_in_spanish_that_the_update_was_accepted(
    pending, ts_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.followup_accept(follow_up=pending, reviewer=ts_staff)

    [message] = mail.outbox
    assert message.to == ["fp@example.gt"]
    assert "fue aceptada" in message.subject
    assert "La Secretaría Técnica aceptó" in message.body


def test_the_author_is_told_why_the_update_was_sent_back(
    pending, ts_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.followup_return(follow_up=pending, reviewer=ts_staff, reason="Falta el anexo.")

    [message] = mail.outbox
    assert "fue devuelta" in message.subject
    assert "Falta el anexo." in message.body


def test_no_mail_when_the_decision_fails(pending, author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017
        services.followup_accept(follow_up=pending, reviewer=author)

    assert mail.outbox == []


def test_the_email_writes_out_the_meetings_acronym(
    pending, ts_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.followup_accept(follow_up=pending, reviewer=ts_staff)

    [message] = mail.outbox
    assert "GRCM (Grupo Regional de Consulta sobre Migración)" in message.body
