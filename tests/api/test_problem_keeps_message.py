"""A refusal's problem document says why, in the words of the rule that refused."""

from django.core.exceptions import PermissionDenied
from rest_framework import status

from rcm.problems import exception_handler


def test_a_refusal_keeps_the_rules_message():
    response = exception_handler(PermissionDenied("Only its author may withdraw an update."), {})

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert response.data["detail"] == "Only its author may withdraw an update."


def test_a_refusal_without_a_message_gives_the_general_one():
    response = exception_handler(PermissionDenied(), {})

    assert response.data["detail"] == "You do not have permission to perform this action."
