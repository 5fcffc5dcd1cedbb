"""Reaffirming and reiterating are read as what they restate (issue 17): a commitment or a
support restated is approve; thanks, a request, a recommendation or a call restated keep their
own kind. Adverbs, the subject first, the passive, the subjunctive and misspellings read the same.
No database."""

import pytest

from agreements.importer import classify_action


@pytest.mark.parametrize(
    "text, language",
    [
        ("To reaffirm the commitment of the Member Countries to regional dialogue.", "en"),
        ("Reafirmar el compromiso de los países miembros con el diálogo regional.", "es"),
        ("To strongly reaffirm the support to the Regional Guidelines.", "en"),
        ("Reiterar el apoyo a los Lineamientos Regionales.", "es"),
        ("Nuevamente reiterar el apoyo de la CRM a la Red.", "es"),
        ("Reaffirming its commitment to the protection of migrants.", "en"),
        ("Se reafirma el compromiso con la protección de las personas migrantes.", "es"),
        ("Que se reafirme el compromiso de la Conferencia.", "es"),
        ("The commitment to regional dialogue was reaffirmed.", "en"),
        ("Fue reiterado el compromiso con el diálogo regional.", "es"),
        ("The Vice-Ministers reaffirmed their support to the Plan of Action.", "en"),
        ("Los Viceministros reafirmaron su compromiso con el Plan de Acción.", "es"),
        ("Reafrimar el compromiso de la CRM.", "es"),  # misspelt
    ],
)
def test_a_restated_commitment_or_support_is_approve(text, language):
    assert classify_action(text, language) == "approve"


@pytest.mark.parametrize(
    "text, language, action",
    [
        ("To reiterate its thanks to the Government of Mexico for its hospitality.", "en", "thank"),
        ("Reiterar el agradecimiento al Gobierno de Honduras.", "es", "thank"),
        ("Los países miembros reiteraron su agradecimiento a México.", "es", "thank"),
        ("Reiterar a la OIM la solicitud de apoyo técnico.", "es", "request"),
        ("To reitarate the request to UNHCR to share its report.", "en", "request"),  # misspelt
        ("Se reitera a los países la solicitud de enviar sus aportes.", "es", "request"),
        ("Reiterar la recomendación de la Red sobre retornos.", "es", "recommend"),
        ("To reaffirm the call on Member Countries to pay their contributions.", "en", "urge"),
        ("Que se reitere el llamado a los países a designar puntos focales.", "es", "urge"),
        ("Reitirar la invitación a UNICEF.", "es", "urge"),  # misspelt
        ("The Vice-Ministers reiterated their call on countries to ratify.", "en", "urge"),
    ],
)
def test_what_is_reiterated_decides_the_kind(text, language, action):
    assert classify_action(text, language) == action
