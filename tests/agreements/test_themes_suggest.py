"""Plan of Action themes suggested from an agreement's text (English and Spanish), marked as
suggested until TS staff confirm them."""

import pytest
from django.core.exceptions import PermissionDenied

from agreements.models import AgreementTheme
from agreements.themes_suggest import (
    agreement_themes_confirm,
    agreements_suggest_themes,
    suggest_codes,
)
from tests.factories import AgreementFactory, ThemeFactory, UserFactory, ts_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    top = {code: ThemeFactory(code=code, name_en=name) for code, name in [
        ("1", "Migration Policy and Management"), ("2", "Human Rights"),
        ("3", "Migration and Development"),
    ]}  # fmt: skip
    children = ThemeFactory(code="2.2", name_en="Children, Women", parent=top["2"])
    trafficking = ThemeFactory(code="1.2", name_en="Trafficking", parent=top["1"])
    health = ThemeFactory(code="2.1.5", name_en="Migration and Health", parent=top["2"])
    cooperation = ThemeFactory(code="3.7", name_en="Cooperation", parent=top["3"])
    return {"2.2": children, "1.2": trafficking, "2.1.5": health, "3.7": cooperation}


def codes_of(agreement) -> set[str]:
    return set(agreement.theme_links.values_list("theme__code", flat=True))


def test_an_english_text_suggests_its_theme():
    assert suggest_codes("Workshop on Migration and Health, to be held in Costa Rica.") == ["2.1.5"]


def test_a_spanish_text_suggests_the_same_theme():
    assert suggest_codes("Taller sobre Migración y Salud, en Costa Rica.") == ["2.1.5"]


def test_a_text_may_suggest_several_themes():
    assert set(suggest_codes("Diploma course on labour migration.")) == {"3.2", "1.2.9"}


def test_an_item_on_the_conference_itself_is_suggested_cooperation():
    assert suggest_codes("To recommend approval of the 2022 Budget of the Secretariat.") == ["3.7"]


def test_a_text_with_nothing_to_go_on_suggests_nothing():
    assert suggest_codes("Thank the Coordinator for the explanation.") == []


def test_suggested_themes_are_stored_marked_as_suggested(themes):
    agreement = AgreementFactory(text_en="Seminar on Migrant Children and Adolescents.")
    assert agreements_suggest_themes() == 1
    link = AgreementTheme.objects.get(agreement=agreement)
    assert (link.theme.code, link.suggested) == ("2.2", True)


def test_a_sub_item_with_nothing_to_go_on_takes_its_parents_suggestion(themes):
    parent = AgreementFactory(ref="7", text_en="On trafficking in persons, it was agreed:")
    child = AgreementFactory(
        ref="7.a", parent=parent, meeting=parent.meeting, text_en="Case detection."
    )
    agreements_suggest_themes()
    assert codes_of(child) == {"1.2"}


def test_an_agreement_that_carries_themes_is_left_as_it_is(themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    AgreementTheme.objects.create(agreement=agreement, theme=themes["3.7"])
    assert agreements_suggest_themes() == 0
    assert codes_of(agreement) == {"3.7"}
    assert not agreement.theme_links.get().suggested


def test_suggesting_twice_changes_nothing(themes):
    AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    assert agreements_suggest_themes() == 0
    assert AgreementTheme.objects.count() == 1


def test_ts_staff_confirm_suggested_themes(themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    assert agreement_themes_confirm(agreements=[agreement], by=ts_staff_user()) == 1
    assert not agreement.theme_links.get().suggested


def test_someone_who_is_not_ts_staff_cannot_confirm_themes_and_nothing_changes(themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    with pytest.raises(PermissionDenied):
        agreement_themes_confirm(agreements=[agreement], by=UserFactory(is_staff=True))
    assert agreement.theme_links.get().suggested


def test_ts_staff_confirm_from_the_admin_list_in_one_click(client, themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    client.force_login(ts_staff_user())
    response = client.post(
        "/admin/agreements/agreement/",
        {"action": "confirm_suggested_themes", "_selected_action": [agreement.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not agreement.theme_links.get().suggested


def test_the_agreement_page_marks_a_suggested_theme(client, themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    text = client.get(agreement.get_absolute_url()).text
    assert "2.1.5 Migration and Health" in text
    assert '<span class="badge">suggested</span>' in text


def test_the_agreement_page_marks_it_in_spanish(client, themes):
    agreement = AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    assert "sugerido" in client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").text


def test_the_dashboard_counts_suggested_themes(client, themes):
    AgreementFactory(text_en="Workshop on migration and health.")
    agreements_suggest_themes()
    response = client.get("/follow-up/?theme=2")
    assert response.status_code == 200
    assert "Workshop on migration and health." in response.text


def test_a_theme_code_that_is_not_numbers_separated_by_dots_is_refused():
    from django.core.exceptions import ValidationError

    from agreements.models import Theme

    theme = Theme(code="2.x", name_en="Migration")
    with pytest.raises(ValidationError) as refused:
        theme.full_clean()
    assert "code" in refused.value.message_dict
