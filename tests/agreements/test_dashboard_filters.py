"""The dashboard's filter drawer and the chips of the active filters."""

import datetime
import re
from html import unescape

import pytest

from agreements.models import Status
from tests.factories import AgreementFactory, member_country

pytestmark = pytest.mark.django_db


def chips(response) -> dict[str, str]:
    """Each chip's words and the address it links to."""
    found = re.findall(r'<a class="chip" href="([^"]*)"[^>]*>(.*?)</a>', response.text, re.S)
    visible = (
        re.sub(r'<span class="visually-hidden">.*?</span>', "", label) for _h, label in found
    )
    return {
        re.sub(r"<[^>]+>|\s+", " ", unescape(label)).strip(" ×"): unescape(href)
        for (href, _label), label in zip(found, visible, strict=True)
    }


def test_the_filters_are_a_drawer_of_groups_with_boxes_to_tick_for_the_status(client):
    response = client.get("/follow-up/")
    assert '<details class="filter-drawer"' in response.text
    for legend in ("Words and status", "Who must act", "Where it was adopted", "Deadline"):
        assert f"<legend>{legend}</legend>" in response.text
    assert 'type="checkbox" name="status" value="open"' in response.text
    assert '<select name="status"' not in response.text


def test_without_filters_there_is_no_chip(client):
    assert chips(client.get("/follow-up/")) == {}


def test_each_active_filter_is_a_chip_whose_link_removes_it(client, mexico):
    AgreementFactory(responsible=[mexico])
    response = client.get("/follow-up/?country=MX&overdue=true&page=2")
    assert chips(response) == {
        "Overdue: Overdue only": "?country=MX",
        "Country: Mexico": "?overdue=true",
    }


def test_removing_one_of_two_statuses_keeps_the_other(client):
    response = client.get("/follow-up/?status=open&status=done")
    assert chips(response) == {"Status: Open": "?status=done", "Status: Done": "?status=open"}


def test_the_last_chip_leads_back_to_the_whole_dashboard(client):
    assert chips(client.get("/follow-up/?q=children")) == {"Search: children": "?"}


def test_a_chip_speaks_the_readers_language(client, mexico):
    client.cookies["django_language"] = "es"
    response = client.get(f"/follow-up/?country=MX&status={Status.IN_PROGRESS}")
    assert set(chips(response)) == {"Estado: En curso", "País: México"}


def test_the_dashboard_country_filter_counts_only_what_the_country_must_do(client):
    guatemala, mexico = member_country("GT"), member_country("MX")
    past = datetime.date(2020, 1, 1)
    own = AgreementFactory(responsible=[guatemala], deadline=past)
    AgreementFactory(responsible=[mexico], mentions=[guatemala], deadline=past)
    response = client.get("/follow-up/?country=GT")
    assert response.context["counts"]["total"] == 1
    assert response.context["counts"]["overdue"] == 1
    assert [row.pk for row in response.context["page"]] == [own.pk]


def test_the_theme_filter_lists_the_themes_in_the_plan_of_actions_order(client):
    from tests.factories import ThemeFactory

    for code in ("2", "2.10", "2.9", "10", "3"):
        ThemeFactory(code=code)
    response = client.get("/follow-up/")
    offered = [code for code, _label in response.context["filter"].form.fields["theme"].choices]
    assert [code for code in offered if code] == ["2", "2.9", "2.10", "3", "10"]


def test_the_table_names_responsible_actors_in_the_readers_language(client):
    from agreements.models import AgreementOrganisation
    from tests.factories import OrganisationFactory

    guatemala = member_country("GT", name_en="Guatemala", name_es="Guatemala")
    iom = OrganisationFactory(acronym="IOM", acronym_es="OIM")
    agreement = AgreementFactory(responsible=[guatemala])
    AgreementOrganisation.objects.create(agreement=agreement, organisation=iom, responsible=True)

    spanish = client.get("/follow-up/", HTTP_ACCEPT_LANGUAGE="es").text

    assert '<abbr title="Guatemala">GT</abbr>' in spanish
    assert "OIM" in spanish
