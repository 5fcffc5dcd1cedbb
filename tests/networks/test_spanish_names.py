"""No recorded source gives the official Spanish names of the networks (fixtures/README.md): a
Spanish page shows the English name marked as English and says why; a Spanish name, once
recorded, is shown instead."""

import pytest

from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_a_spanish_page_marks_a_network_name_known_only_in_english_and_says_why(client):
    NetworkFactory(name_en="Working Group on Protection")
    client.cookies["django_language"] = "es"
    page = client.get("/networks/").text
    assert 'lang="en">Working Group on Protection' in page
    assert "ninguna fuente registrada da sus nombres oficiales en español" in page


def test_a_recorded_spanish_name_is_shown_on_a_spanish_page_without_the_note(client):
    NetworkFactory(name_en="Working Group on Protection", name_es="Grupo de Trabajo de Protección")
    client.cookies["django_language"] = "es"
    page = client.get("/networks/").text
    assert "Grupo de Trabajo de Protección" in page
    assert 'id="names-in-english"' not in page


def test_an_english_page_needs_no_note(client):
    NetworkFactory(name_en="Working Group on Protection")
    page = client.get("/networks/").text
    assert 'lang="en">Working Group' not in page
    assert 'id="names-in-english"' not in page
