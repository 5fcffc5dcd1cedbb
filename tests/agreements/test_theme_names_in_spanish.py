"""No recorded source gives the official Spanish names of the Plan of Action's themes
(fixtures/README.md): the dashboard in Spanish shows them in English, marked as such, and
says why; a Spanish name, once recorded, is shown instead. Organisations read by their Spanish
acronyms where the records have one."""

import pytest

from tests.factories import AgreementFactory, OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_the_spanish_dashboard_marks_theme_names_known_only_in_english(client):
    AgreementFactory().themes.add(ThemeFactory(code="1", name_en="Migration policy"))
    client.cookies["django_language"] = "es"
    page = client.get("/follow-up/").text
    assert '<th scope="row" lang="en">Migration policy</th>' in page
    assert "Los temas se muestran con sus nombres en inglés" in page


def test_the_spanish_dashboard_shows_a_recorded_spanish_theme_name(client):
    theme = ThemeFactory(code="1", name_en="Migration policy", name_es="Política migratoria")
    AgreementFactory().themes.add(theme)
    client.cookies["django_language"] = "es"
    page = client.get("/follow-up/").text
    assert '<th scope="row">Política migratoria</th>' in page
    assert 'id="themes-in-english"' not in page


def test_the_spanish_dashboard_offers_organisations_by_their_spanish_acronyms(client):
    OrganisationFactory(acronym="IOM", acronym_es="OIM")
    OrganisationFactory(acronym="SICA")
    client.cookies["django_language"] = "es"
    page = client.get("/follow-up/?organisation=IOM").text
    assert '<option value="IOM" selected>OIM</option>' in page
    assert '<option value="SICA">SICA</option>' in page
    chips = page.split('aria-label="Filtros activos"')[1].split("</ul>")[0]
    assert "Organización responsable: OIM" in chips
