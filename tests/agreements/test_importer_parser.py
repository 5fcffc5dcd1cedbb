"""The document parser on the seed documents, Spanish test documents and small cases.

No database: the parser uses the built-in gazetteer.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from agreements.importer import (
    MEMBER_COUNTRIES,
    Entry,
    Gazetteer,
    NoAgreementsFound,
    parse_record,
    section_heading,
)

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
DOCUMENTS = Path(__file__).resolve().parent / "documents"
MEMBERS = list(MEMBER_COUNTRIES)
FURNITURE = ("GOBIERNO", "CONFERENCIA REGIONAL", "\ufffd", "HYPERLINK")


def seed(name):
    return parse_record((SEEDS / name).read_text(encoding="utf-8"))


def document(name):
    return parse_record((DOCUMENTS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def san_jose_2013():
    return seed("rcgm-2013-11-san-jose-conclusions.txt")


@pytest.fixture(scope="module")
def mexico_2021():
    return seed("rcgm-2021-12-mexico-city-conclusions.txt")


@pytest.fixture(scope="module")
def adhoc_2013():
    return seed("rcm-rncom-adhoc-wg-2013-02-san-salvador.txt")


@pytest.fixture(scope="module")
def san_jose_2013_es():
    return document("grcm-2013-11-san-jose-conclusiones.txt")


@pytest.fixture(scope="module")
def tegucigalpa_2017():
    return document("grcm-2017-06-tegucigalpa-conclusiones.txt")


@pytest.fixture(scope="module")
def managua_2014():
    return document("grcm-2014-11-managua-conclusiones-y-recomendaciones.txt")


@pytest.fixture(scope="module")
def adhoc_2013_es():
    return document("grupo-ad-hoc-crm-rrocm-2013-02-san-salvador.txt")


@pytest.fixture(scope="module")
def vice_ministerial():
    return document("rcm-xviii-vice-ministerial-declaration-and-decisions.txt")


def tree(record):
    """(ref, parent ref, action) of every item, in document order."""
    rows = []

    def walk(items, parent):
        for item in items:
            rows.append((item.ref, parent, item.action))
            walk(item.children, item.ref)

    walk(record.agreements, None)
    return rows


# --- The 2013 San José RCGM ----------------------------------------------------------------------

SAN_JOSE_2013_TREE = [
    ("1", None, "accept"),
    ("1.a", "1", "note"),
    ("1.b", "1", "thank"),
    ("1.c", "1", "submit"),
    ("2", None, "note"),
    ("2.a", "2", "note"),
    ("2.b", "2", "note"),
    ("2.c", "2", "note"),
    ("3", None, "thank"),
    ("4", None, "thank"),
    ("5", None, "note"),
    ("6", None, "thank"),
    ("7", None, "thank"),
    ("8", None, "approve"),
    ("9", None, "thank"),
    ("10", None, "note"),
    ("11", None, "note"),
    ("12", None, "thank"),
    ("13", None, "thank"),
    ("14", None, "thank"),
    ("15", None, "thank"),
    ("16", None, "note"),
    ("17", None, "note"),
    ("18", None, "note"),
    ("19", None, "note"),
    ("1", None, "consider"),
    ("2", None, "consider"),
]


def test_the_2013_rcgm_tree_has_every_ref_parent_and_action(san_jose_2013):
    assert tree(san_jose_2013) == SAN_JOSE_2013_TREE


def test_the_2013_rcgm_heading_gives_body_place_and_dates(san_jose_2013):
    meeting = san_jose_2013.meeting
    assert (meeting.body, meeting.kind) == ("RCGM", "rcgm")
    assert meeting.title == "Meeting of the Regional Consultation Group on Migration (RCGM)"
    assert (meeting.city, meeting.country) == ("San Jose", "CR")
    assert (meeting.start, meeting.end) == (dt.date(2013, 11, 18), dt.date(2013, 11, 19))
    assert meeting.language == "en"


def test_the_2013_rcgm_participants_are_the_ten_countries_listed(san_jose_2013):
    expected = ["CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
    assert san_jose_2013.meeting.participants == expected


def test_the_2013_recommendations_are_a_section_of_their_own(san_jose_2013):
    sections = [(item.section, item.ref) for item in san_jose_2013.agreements]
    assert sections[-2:] == [("recommendation", "1"), ("recommendation", "2")]
    assert {section for section, _ in sections[:-2]} == {"conclusion"}


def test_a_two_month_period_counts_from_the_last_day_of_the_2013_meeting(san_jose_2013):
    item = san_jose_2013.by_ref()["16"]
    assert item.deadline == dt.date(2014, 1, 19)
    assert item.deadline_text == "within a two-month period"
    assert item.deadline_precision == "relative"


def test_the_activity_bullets_of_item_19_stay_in_its_text_with_their_deadline(san_jose_2013):
    item = san_jose_2013.by_ref()["19"]
    assert item.children == []
    assert item.text.count("\n· ") == 3
    assert item.deadline == dt.date(2014, 4, 30)
    assert item.deadline_text == "should be held on April 2014"


def test_an_unnumbered_paragraph_belongs_to_the_item_above(san_jose_2013):
    item = san_jose_2013.by_ref()["11"]
    assert "\nTake note of the proposal made by the PPT" in item.text
    assert "UN High Level Dialogue on International Migration" in item.text


def test_dates_of_things_already_held_are_not_deadlines(san_jose_2013):
    items = san_jose_2013.by_ref()
    for ref in ("2.a", "2.b", "2.c", "7", "11", "15"):
        assert items[ref].deadline is None, ref
        assert items[ref].deadline_text == "", ref


def test_the_secretariat_is_responsible_for_what_it_will_circulate(san_jose_2013):
    items = san_jose_2013.by_ref()
    assert items["1.c"].responsible == ["TS"]
    assert items["5"].responsible == ["TS"]
    assert items["16"].responsible == ["TS"]


def test_countries_urged_to_act_are_all_the_members(san_jose_2013):
    assert san_jose_2013.by_ref()["4"].responsible == MEMBERS


def test_a_proposal_bullet_names_who_will_act(san_jose_2013):
    assert san_jose_2013.by_ref()["19"].responsible == ["CA", "GT"]


def test_thanks_without_a_task_have_no_responsible(san_jose_2013):
    items = san_jose_2013.by_ref()
    for ref in ("6", "7", "9", "13", "14", "17", "18"):
        assert items[ref].responsible == [], ref


def test_the_2013_actors_are_found_in_order_of_mention(san_jose_2013):
    items = san_jose_2013.by_ref()
    assert items["9"].actors == ["CR", "DO", "US"]
    assert items["8"].actors == ["LN-CP", "LN-SMTP"]
    assert items["18"].actors == ["IOM", "UNHCR", "ICRC"]
    assert items["15"].actors == ["GT", "CA"]
    assert items["3"].actors[:3] == ["RNCOM", "AHG-RNCOM", "TS"]
    assert items["4"].actors[:2] == ["MX", "AHG-EXTRA"]


# --- The 2021 Mexico City RCGM -------------------------------------------------------------------

MEXICO_2021_TREE = [
    ("1", None, "approve"),
    ("1.a", "1", "urge"),
    ("1.b", "1", "urge"),
    ("1.c", "1", "thank"),
    ("1.d", "1", "thank"),
    ("1.e", "1", "note"),
    ("2", None, "accept"),
    ("2.a", "2", "accept"),
    ("2.b", "2", "recommend"),
    ("3", None, "accept"),
    ("4", None, "thank"),
    ("4.a", "4", "thank"),
    ("4.b", "4", "hold"),
    ("4.c", "4", "note"),
    ("4.d", "4", "accept"),
    ("4.e", "4", "note"),
    ("5", None, "thank"),
    ("5.a", "5", "thank"),
    ("5.b", "5", "thank"),
    ("5.c", "5", "urge"),
    ("5.d", "5", "urge"),
    ("6", None, "thank"),
    ("6.a", "6", "note"),
    ("6.b", "6", "urge"),
    ("7", None, "approve"),
    ("7.a", "7", "hold"),
    ("7.b", "7", "hold"),
    ("7.c", "7", "hold"),
    ("7.d", "7", "hold"),
    ("7.e", "7", "other"),
    ("7.f", "7", "consider"),
    ("7.g", "7", "other"),
    ("7.h", "7", "hold"),
    ("7.i", "7", "hold"),
    ("7.j", "7", "other"),
    ("7.k", "7", "hold"),
    ("7.l", "7", "hold"),
    ("7.m", "7", "hold"),
    ("7.n", "7", "hold"),
    ("7.o", "7", "hold"),
    ("7.p", "7", "hold"),
    ("7.p.i", "7.p", "hold"),
    ("7.p.ii", "7.p", "hold"),
    ("7.p.iii", "7.p", "hold"),
    ("7.q", "7", "consider"),
    ("7.r", "7", "hold"),
    ("7.s", "7", "hold"),
    ("7.t", "7", "hold"),
    ("7.u", "7", "hold"),
    ("7.u.i", "7.u", "recommend"),
    ("7.v", "7", "hold"),
    ("7.w", "7", "hold"),
    ("8", None, "recommend"),
    ("8.a", "8", "recommend"),
    ("8.b", "8", "recommend"),
    ("9", None, "thank"),
    ("10", None, "thank"),
    ("11", None, "thank"),
    ("12", None, "thank"),
]


def test_the_2021_rcgm_tree_has_every_ref_parent_and_action(mexico_2021):
    assert tree(mexico_2021) == MEXICO_2021_TREE


def test_the_2021_rcgm_heading_gives_body_place_and_date(mexico_2021):
    meeting = mexico_2021.meeting
    assert (meeting.body, meeting.kind) == ("RCGM", "rcgm")
    assert (meeting.city, meeting.country) == ("Mexico City", "MX")
    assert (meeting.start, meeting.end) == (dt.date(2021, 12, 1), dt.date(2021, 12, 1))


def test_the_2021_rcgm_participants_are_the_ten_countries_listed(mexico_2021):
    expected = ["BZ", "CA", "CR", "DO", "SV", "GT", "MX", "NI", "PA", "US"]
    assert mexico_2021.meeting.participants == expected


def test_a_roman_i_after_a_letter_p_opens_a_sub_list(mexico_2021):
    items = mexico_2021.by_ref()
    assert [child.ref for child in items["7.p"].children] == ["7.p.i", "7.p.ii", "7.p.iii"]
    assert items["7.i"].text.startswith("Workshops on implementation")


def test_a_letter_after_a_roman_sub_item_goes_back_to_the_letter_list(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["7.v"].text.startswith("II Meeting on Good Practices")
    assert [child.ref for child in items["7.u"].children] == ["7.u.i"]


def test_group_labels_name_the_items_that_follow_them(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["7.a"].group == items["7.e"].group == "Working Group on Labour Migration"
    assert items["7.f"].group == "Working Group on Irregular and Mass Migration"
    assert items["7.h"].group == items["7.n"].group == "Working Group on Protection"
    assert items["7.o"].group == items["7.r"].group == "Working Group on Border Management"
    assert items["7.p.ii"].group == "Working Group on Border Management"
    assert items["7.s"].group == items["7.w"].group == "RCM Structural Meetings"
    assert items["7"].group == items["8"].group == ""


def test_a_sentence_broken_by_page_furniture_is_joined_back(mexico_2021):
    text = mexico_2021.by_ref()["4.a"].text
    assert text.endswith("shared perspectives and challenges and the importance of cooperation.")
    assert "\n" not in text


def test_the_banner_in_the_middle_of_the_2021_list_is_dropped(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["8.b"].text == (
        "Operational Guide for the Determination of the Best Interests of the Child in Contexts "
        "of Human Mobility."
    )
    assert items["9"].text.startswith("To thank the Observer Organizations")


def test_recommend_items_of_a_combined_list_are_recommendations(mexico_2021):
    sections = {item.ref: item.section for item in mexico_2021.walk()}
    recommendations = {ref for ref, section in sections.items() if section == "recommendation"}
    assert recommendations == {"2.b", "7.u.i", "8", "8.a", "8.b"}
    assert set(sections.values()) == {"conclusion", "recommendation"}


def test_the_first_quarter_of_2022_resolves_to_its_last_day(mexico_2021):
    item = mexico_2021.by_ref()["1.e"]
    assert item.deadline == dt.date(2022, 3, 31)
    assert item.deadline_text == "no later than the first quarter of the year 2022"
    assert item.deadline_precision == "quarter"


def test_as_soon_as_possible_keeps_its_phrase_without_a_date(mexico_2021):
    item = mexico_2021.by_ref()["2"]
    assert item.deadline is None
    assert item.deadline_text == "as soon as possible"
    assert item.deadline_precision == "none"


def test_countries_that_need_more_time_are_responsible_for_the_review(mexico_2021):
    assert mexico_2021.by_ref()["1.e"].responsible == ["BZ", "DO"]


def test_urged_member_countries_are_responsible(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["1.a"].responsible == MEMBERS
    assert items["2"].responsible == MEMBERS
    assert items["5.c"].responsible == ["SACM"]


def test_the_host_of_an_activity_to_be_held_is_responsible(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["7.k"].responsible == ["SV"]
    assert items["7.l"].responsible == ["CR"]


def test_panama_and_colombia_in_brackets_are_actors(mexico_2021):
    assert mexico_2021.by_ref()["5"].actors == ["MX", "PPT", "PA", "CO"]


def test_possessive_country_names_are_actors(mexico_2021):
    items = mexico_2021.by_ref()
    assert items["4.c"].actors[0] == "PA"
    assert items["2.a"].actors[0] == "CA"
    assert items["5.b"].actors == ["MX"]


def test_the_sacm_presidency_and_its_secretariat_are_not_the_rcm_ones(mexico_2021):
    assert mexico_2021.by_ref()["11"].actors == ["CL", "SACM"]


# --- The 2013 ad-hoc RCM–RNCOM group -------------------------------------------------------------

ADHOC_2013_TREE = [
    ("1", None, "approve"),
    ("1.a", "1", "other"),
    ("1.b", "1", "consider"),
    ("1.c", "1", "approve"),
    ("1.a-2", "1", "approve"),
    ("1.b-2", "1", "approve"),
    ("1.a-3", "1", "submit"),
    ("1.b-3", "1", "consider"),
    ("1.c-2", "1", "request"),
    ("2", None, "approve"),
    ("3", None, "approve"),
    ("3.a", "3", "approve"),
    ("3.b", "3", "approve"),
    ("3.c", "3", "approve"),
    ("3.d", "3", "approve"),
    ("3.e", "3", "approve"),
    ("3.f", "3", "approve"),
    ("3.g", "3", "approve"),
    ("3.h", "3", "approve"),
]


def test_the_adhoc_tree_has_every_ref_parent_and_action(adhoc_2013):
    assert tree(adhoc_2013) == ADHOC_2013_TREE


def test_the_adhoc_heading_names_the_group_place_and_dates(adhoc_2013):
    meeting = adhoc_2013.meeting
    assert (meeting.body, meeting.kind) == ("AHG-RNCOM", "ad_hoc_group")
    assert (meeting.city, meeting.country) == ("San Salvador", "SV")
    assert (meeting.start, meeting.end) == (dt.date(2013, 2, 20), dt.date(2013, 2, 21))
    assert meeting.participants == []
    assert "The participating countries were not found in the heading." in adhoc_2013.warnings


def test_the_adhoc_agreements_are_working_group_agreements(adhoc_2013):
    assert {item.section for item in adhoc_2013.walk()} == {"working_group"}


def test_the_discussion_summary_before_the_agreements_is_not_items(adhoc_2013):
    texts = " ".join(item.text for item in adhoc_2013.walk())
    assert "During the first part of the meeting" not in texts
    assert "Systematization of best practices" not in texts


def test_repeated_letters_under_one_item_get_unique_refs_and_a_warning(adhoc_2013):
    items = adhoc_2013.by_ref()
    assert items["1.a-2"].text.startswith("Topics:")
    assert items["1.b-2"].text.startswith("Targeted to:")
    assert any("1.a-3" in warning for warning in items["1.a-3"].warnings)
    assert items["1.a"].warnings == []


def test_a_bullet_before_a_restarted_list_goes_to_the_parent(adhoc_2013):
    items = adhoc_2013.by_ref()
    assert "· Training and awareness of stakeholders" in items["1"].text
    assert "Training and awareness" not in items["1.c"].text


def test_it_was_also_agreed_that_is_context_not_a_group_label(adhoc_2013):
    items = adhoc_2013.by_ref()
    assert items["1.a-3"].group == items["1.c-2"].group == items["1.a"].group == ""
    assert adhoc_2013.preamble == ["It was also agreed that:"]


def test_a_group_label_followed_only_by_bullets_is_text_of_the_enclosing_item(adhoc_2013):
    items = adhoc_2013.by_ref()
    assert "It was also agreed that:\n· The RNCOM requested the TS RCM" in items["3"].text
    assert "Final considerations:" in items["3"].text
    assert "Costa Rica committed" not in items["3.h"].text


def test_march_31st_without_a_year_is_the_next_march_31st(adhoc_2013):
    item = adhoc_2013.by_ref()["1.a-3"]
    assert item.deadline == dt.date(2013, 3, 31)
    assert item.deadline_text == "by March 31st at the latest"
    assert item.responsible == ["RNCOM"]


def test_a_date_to_be_determined_keeps_its_phrase(adhoc_2013):
    item = adhoc_2013.by_ref()["2"]
    assert (item.deadline, item.deadline_text) == (None, "on a date to be determined")


def test_footnotes_and_field_codes_are_dropped(adhoc_2013):
    texts = "\n".join(item.text for item in adhoc_2013.walk())
    assert "Gabriela" not in texts
    assert "Child Protection Officers (OPI's Spanish acronym)" not in texts
    assert "http" not in texts


def test_a_line_continuing_a_bullet_is_joined_to_it(adhoc_2013):
    text = adhoc_2013.by_ref()["3.b"].text
    assert "Child Protection Officers (OPIs) regarding the assistance to migrant children." in text


# --- All seeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "rcgm-2013-11-san-jose-conclusions.txt",
        "rcgm-2021-12-mexico-city-conclusions.txt",
        "rcm-rncom-adhoc-wg-2013-02-san-salvador.txt",
    ],
)
def test_no_seed_text_keeps_page_furniture(name):
    for item in seed(name).walk():
        for furniture in FURNITURE:
            assert furniture not in item.text, (item.ref, furniture)
        assert not item.text.startswith(("-", "·", " "))


@pytest.mark.parametrize(
    "name",
    [
        "rcgm-2013-11-san-jose-conclusions.txt",
        "rcgm-2021-12-mexico-city-conclusions.txt",
        "rcm-rncom-adhoc-wg-2013-02-san-salvador.txt",
    ],
)
def test_refs_are_unique_within_each_seed(name):
    refs = [(item.section, item.ref) for item in seed(name).walk()]
    assert len(refs) == len(set(refs))


def test_as_dict_follows_the_json_contract(mexico_2021):
    data = json.loads(json.dumps(mexico_2021.as_dict()))
    assert set(data) == {"meeting", "agreements", "warnings", "preamble"}
    assert set(data["meeting"]) == {
        "body", "kind", "title", "city", "country", "start", "end", "participants", "language",
    }  # fmt: skip
    first = data["agreements"][0]
    assert set(first) == {
        "ref", "section", "group", "text", "action", "actors", "responsible", "deadline",
        "deadline_text", "deadline_precision", "warnings", "ref_assigned", "children",
    }  # fmt: skip
    assert first["ref_assigned"] is False  # printed numbers
    assert data["meeting"]["start"] == "2021-12-01"
    quarter = data["agreements"][0]["children"][4]
    assert (quarter["ref"], quarter["deadline"]) == ("1.e", "2022-03-31")


# --- Spanish: the 2013 San José conclusions ------------------------------------------------------


def test_the_spanish_2013_conclusions_give_the_same_tree_as_the_english(
    san_jose_2013_es, san_jose_2013
):
    assert tree(san_jose_2013_es) == tree(san_jose_2013)


def test_the_spanish_2013_heading_is_read(san_jose_2013_es):
    meeting = san_jose_2013_es.meeting
    assert (meeting.body, meeting.kind, meeting.language) == ("RCGM", "rcgm", "es")
    assert (meeting.city, meeting.country) == ("San José", "CR")
    assert (meeting.start, meeting.end) == (dt.date(2013, 11, 18), dt.date(2013, 11, 19))
    assert meeting.participants == ["CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]


def test_the_spanish_2013_deadlines_resolve_like_the_english(san_jose_2013_es):
    items = san_jose_2013_es.by_ref()
    assert (items["16"].deadline, items["16"].deadline_text) == (
        dt.date(2014, 1, 19),
        "en un plazo de dos meses",
    )
    assert items["19"].deadline == dt.date(2014, 4, 30)
    assert (items["4"].deadline, items["4"].deadline_text) == (None, "a la brevedad")


def test_the_spanish_2013_banner_and_page_number_are_dropped(san_jose_2013_es):
    items = san_jose_2013_es.by_ref()
    assert items["6"].text.endswith("migración y desastres naturales.")
    assert all("- 2 -" not in item.text for item in san_jose_2013_es.walk())


def test_spanish_responsible_actors_are_found(san_jose_2013_es):
    items = san_jose_2013_es.by_ref()
    assert items["1.c"].responsible == ["TS"]
    assert items["4"].responsible == MEMBERS
    assert items["5"].responsible == ["TS"]
    assert items["19"].responsible == ["CA", "GT"]


# --- Spanish: Tegucigalpa 2017, hard-wrapped with 1) and a) --------------------------------------

TEGUCIGALPA_TREE = [
    ("1", None, "accept"),
    ("1.a", "1", "urge"),
    ("1.b", "1", "request"),
    ("2", None, "thank"),
    ("3", None, "note"),
    ("4", None, "approve"),
    ("4.a", "4", "approve"),
    ("4.b", "4", "hold"),
    ("4.c", "4", "approve"),
    ("4.d", "4", "submit"),
    ("4.e", "4", "note"),
    ("4.e.i", "4.e", "note"),
    ("4.e.ii", "4.e", "note"),
    ("4.f", "4", "hold"),
    ("5", None, "thank"),
    ("6", None, "thank"),
    ("1", None, "recommend"),
    ("2", None, "recommend"),
]


def test_the_tegucigalpa_tree_has_every_ref_parent_and_action(tegucigalpa_2017):
    assert tree(tegucigalpa_2017) == TEGUCIGALPA_TREE


def test_the_tegucigalpa_heading_on_one_line_is_read(tegucigalpa_2017):
    meeting = tegucigalpa_2017.meeting
    assert (meeting.city, meeting.country) == ("Tegucigalpa", "HN")
    assert (meeting.start, meeting.end) == (dt.date(2017, 6, 13), dt.date(2017, 6, 14))
    assert meeting.participants == MEMBERS_IN_SPANISH_ORDER


MEMBERS_IN_SPANISH_ORDER = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]


def test_hard_wrapped_lines_are_joined_into_one_text(tegucigalpa_2017):
    item = tegucigalpa_2017.by_ref()["1.b"]
    assert item.text == (
        "Solicitar a la ST que presente el informe de ejecución del Fondo de Reserva para la "
        "Asistencia a Migrantes Intrarregionales en Situación de Alta Vulnerabilidad a más "
        "tardar el 15 de octubre de 2017."
    )


def test_a_bullet_alone_on_its_line_takes_the_next_line_as_text(tegucigalpa_2017):
    text = tegucigalpa_2017.by_ref("conclusion")["2"].text
    assert text.split("\n") == [
        "Agradecer a:",
        "· México, por el informe sobre el Taller Regional sobre Niñez Migrante no Acompañada, a "
        "realizarse en la Ciudad de Panamá durante el primer semestre de 2018.",
        "· Guatemala, por la propuesta de llevar a cabo un Seminario sobre Migración y "
        "Desarrollo, con el apoyo de la OIM y la CEPAL.",
    ]


def test_el_primer_semestre_de_2018_resolves_to_june_30(tegucigalpa_2017):
    item = tegucigalpa_2017.by_ref("conclusion")["2"]
    assert item.deadline == dt.date(2018, 6, 30)
    assert item.deadline_precision == "semester"


def test_spanish_deadlines_of_the_tegucigalpa_document(tegucigalpa_2017):
    items = tegucigalpa_2017.by_ref("conclusion")
    expected = {
        "1.a": (None, "lo antes posible"),
        "1.b": (dt.date(2017, 10, 15), "a más tardar el 15 de octubre de 2017"),
        "3": (dt.date(2017, 8, 14), "en un plazo de dos meses"),
        "4.b": (dt.date(2017, 12, 31), "durante el segundo semestre de 2017"),
        "4.c": (dt.date(2017, 8, 31), "antes del 31 de agosto"),
        "4.d": (dt.date(2017, 7, 14), "en un plazo de 30 días"),
        "4.f": (dt.date(2017, 11, 30), "a finales de noviembre de 2017"),
    }
    for ref, (deadline, phrase) in expected.items():
        assert (items[ref].deadline, items[ref].deadline_text) == (deadline, phrase), ref


def test_a_group_label_wrapped_over_two_lines_is_whole(tegucigalpa_2017):
    items = tegucigalpa_2017.by_ref()
    assert items["4.a"].group == "Red de Funcionarios de Enlace para la Protección Consular"
    assert items["4.c"].group == (
        "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la "
        "Trata de Personas"
    )
    assert items["4.e.i"].group == items["4.c"].group


def test_footnote_markers_and_footnote_text_are_dropped(tegucigalpa_2017):
    items = tegucigalpa_2017.by_ref()
    assert "Migrantes, que será circulada" in items["3"].text
    assert all("¹" not in item.text for item in tegucigalpa_2017.walk())
    assert all("noviembre de\n2016" not in item.text for item in tegucigalpa_2017.walk())


def test_the_honduras_banner_between_pages_is_dropped(tegucigalpa_2017):
    for item in tegucigalpa_2017.walk():
        assert "GOBIERNO" not in item.text
        assert "Conferencia Regional sobre Migración" not in item.text


def test_recommendations_to_the_vice_ministers_name_them(tegucigalpa_2017):
    items = tegucigalpa_2017.by_ref("recommendation")
    assert items["1"].responsible == ["VMM"]
    assert items["2"].responsible == ["VMM", "TS"]
    assert items["2"].deadline == dt.date(2018, 12, 31)


# --- Spanish: Managua 2014, combined list --------------------------------------------------------

MANAGUA_TREE = [
    ("1", None, "other"),
    ("1.a", "1", "accept"),
    ("1.b", "1", "note"),
    ("1.c", "1", "recommend"),
    ("2", None, "thank"),
    ("2.a", "2", "note"),
    ("3", None, "thank"),
    ("4", None, "approve"),
    ("4.a", "4", "hold"),
    ("4.b", "4", "hold"),
    ("4.c", "4", "hold"),
    ("4.d", "4", "hold"),
    ("4.e", "4", "hold"),
    ("4.f", "4", "hold"),
    ("4.g", "4", "hold"),
    ("4.h", "4", "hold"),
    ("4.i", "4", "hold"),
    ("4.j", "4", "hold"),
    ("4.k", "4", "hold"),
    ("4.k.i", "4.k", "hold"),
    ("4.k.ii", "4.k", "hold"),
    ("5", None, "note"),
    ("6", None, "urge"),
    ("7", None, "recommend"),
    ("7.a", "7", "recommend"),
    ("7.b", "7", "recommend"),
    ("8", None, "thank"),
    ("9", None, "thank"),
]


def test_the_managua_tree_has_every_ref_parent_and_action(managua_2014):
    assert tree(managua_2014) == MANAGUA_TREE


def test_an_i_after_h_is_a_letter_and_an_i_under_k_is_roman(managua_2014):
    items = managua_2014.by_ref()
    assert items["4.i"].text.startswith("Foro regional sobre reintegración")
    assert items["4.k.i"].text.startswith("Reunión de la Red de Funcionarios de Enlace")


def test_a_number_alone_on_its_line_takes_the_next_line(managua_2014):
    assert managua_2014.by_ref()["5"].text.startswith("Tomar nota de la propuesta de México")


def test_a_finales_de_marzo_de_2015_resolves_to_march_31(managua_2014):
    item = managua_2014.by_ref()["5"]
    assert (item.deadline, item.deadline_text) == (
        dt.date(2015, 3, 31),
        "a finales de marzo de 2015",
    )
    assert item.responsible == ["PPT"]


def test_a_running_header_and_page_number_are_dropped(managua_2014):
    for item in managua_2014.walk():
        assert "Conclusiones y Recomendaciones –" not in item.text
    assert managua_2014.by_ref()["7.b"].text.endswith("Situación de Vulnerabilidad.")


def test_a_spanish_sentence_broken_by_a_page_break_is_joined(managua_2014):
    assert managua_2014.by_ref()["3"].text.endswith(
        "sobre los retos y la importancia de la cooperación entre gobiernos y sociedad civil."
    )


def test_a_year_describing_a_report_is_not_a_deadline(managua_2014):
    assert managua_2014.by_ref()["2"].deadline_text == ""


def test_spanish_combined_list_separates_recommendations(managua_2014):
    sections = {item.ref: item.section for item in managua_2014.walk()}
    assert {ref for ref, s in sections.items() if s == "recommendation"} == {
        "1.c", "7", "7.a", "7.b",
    }  # fmt: skip


def test_spanish_group_labels_are_recorded(managua_2014):
    items = managua_2014.by_ref()
    assert items["4.a"].group == "Actividades de las Redes de Funcionarios de Enlace"
    assert items["4.j"].group == items["4.k.ii"].group == "Reuniones estructurales de la CRM"


def test_a_meeting_to_be_held_in_a_country_makes_it_the_host(managua_2014):
    items = managua_2014.by_ref()
    assert items["4.j"].responsible == ["MX"]
    assert items["4.j"].deadline == dt.date(2015, 6, 30)
    assert items["4.a"].responsible == ["HN"]


# --- Spanish: the ad-hoc group -------------------------------------------------------------------


def test_the_spanish_adhoc_agreements_nest_like_the_english(adhoc_2013_es):
    assert tree(adhoc_2013_es) == ADHOC_2013_TREE[:-3]


def test_the_spanish_adhoc_heading_reads_20_y_21_de_febrero_de_2013(adhoc_2013_es):
    meeting = adhoc_2013_es.meeting
    assert (meeting.start, meeting.end) == (dt.date(2013, 2, 20), dt.date(2013, 2, 21))
    assert (meeting.body, meeting.kind) == ("AHG-RNCOM", "ad_hoc_group")
    assert (meeting.city, meeting.country) == ("San Salvador", "SV")


def test_the_spanish_adhoc_deadline_without_a_year_follows_the_meeting(adhoc_2013_es):
    item = adhoc_2013_es.by_ref()["1.a-3"]
    assert (item.deadline, item.deadline_text) == (
        dt.date(2013, 3, 31),
        "a más tardar el 31 de marzo",
    )
    assert item.group == "También se acordó que"


def test_the_spanish_adhoc_footnote_is_dropped(adhoc_2013_es):
    texts = "\n".join(item.text for item in adhoc_2013_es.walk())
    assert "figura creada" not in texts
    assert "(OPI) en lo relativo a la atención de la niñez migrante." in texts


# --- A Vice-Ministerial Declaration and Decisions -------------------------------------------------


def test_a_declaration_and_its_decisions_are_two_sections(vice_ministerial):
    assert [(item.ref, item.section, item.action) for item in vice_ministerial.walk()] == [
        ("1", "declaration", "approve"),  # "Reaffirm our commitment…"
        ("2", "declaration", "thank"),
        ("3", "declaration", "thank"),
        ("1", "decision", "approve"),
        ("2", "decision", "approve"),
        ("3", "decision", "urge"),
        ("4", "decision", "accept"),
        ("5", "decision", "request"),
        ("6", "decision", "note"),
        ("7", "decision", "hold"),
        ("8", "decision", "thank"),
    ]


def test_a_vice_ministerial_heading_is_the_rcm_itself(vice_ministerial):
    meeting = vice_ministerial.meeting
    assert (meeting.body, meeting.kind) == ("RCM", "vice_ministerial")
    assert (meeting.city, meeting.country) == ("San José", "CR")
    assert (meeting.start, meeting.end) == (dt.date(2013, 6, 26), dt.date(2013, 6, 27))
    assert meeting.participants == MEMBERS


def test_the_vice_ministerial_deadlines(vice_ministerial):
    items = vice_ministerial.by_ref("decision")
    assert items["3"].deadline == dt.date(2014, 6, 30)
    assert items["3"].deadline_text == "before the end of the first semester of 2014"
    assert items["5"].deadline == dt.date(2013, 12, 27)
    assert items["7"].deadline == dt.date(2013, 12, 31)
    assert items["1"].deadline is None


def test_observer_countries_are_actors_of_a_welcome(vice_ministerial):
    assert vice_ministerial.by_ref("declaration")["3"].actors == ["AR", "CO", "EC", "JM", "PE"]


# --- Structure rules on small texts --------------------------------------------------------------

HEADING = (
    "Meeting of the Regional Consultation Group on Migration (RCGM)\n"
    "Panama City, Panama\nMarch 3 – 4, 2016\n\n"
)


def parse(body, **kwargs):
    return parse_record(HEADING + body, **kwargs)


def test_a_text_that_is_no_meeting_record_raises_no_agreements_found():
    with pytest.raises(NoAgreementsFound, match="not a meeting record"):
        parse_record("Shopping list\n\n· Bread.\n· Butter.\n")


def test_bullets_under_a_heading_without_numbers_are_items():
    # Issue 17: this layout used to be refused with "No numbered agreements were found".
    record = parse("CONCLUSIONS\n\n· To thank Panama.\n· To thank IOM.\n")
    assert [(item.ref, item.ref_assigned, item.actors) for item in record.walk()] == [
        ("1", True, ["PA"]),
        ("2", True, ["IOM"]),
    ]


def test_no_agreements_found_is_a_value_error():
    with pytest.raises(ValueError):
        parse_record("")


def test_a_jump_in_numbering_gives_a_warning():
    record = parse("CONCLUSIONS\n1. To thank Panama.\n2. To thank IOM.\n4. To thank ILO.\n")
    items = record.by_ref()
    assert list(items) == ["1", "2", "4"]
    assert items["4"].warnings == ["The numbering jumps from '2' to '4'."]
    assert items["2"].warnings == []


def test_a_repeated_number_keeps_both_items_with_unique_refs():
    record = parse("CONCLUSIONS\n1. To thank Panama.\n2. To thank IOM.\n2. To thank ILO.\n")
    assert [item.ref for item in record.walk()] == ["1", "2", "2-2"]
    assert record.by_ref()["2-2"].warnings


def test_parenthesised_and_upper_case_labels_nest():
    record = parse(
        "DECISIONS\nA. To approve the reports:\n(a) of the TS;\n(b) of IOM.\nB. To thank Panama.\n"
    )
    assert [(item.ref, item.action) for item in record.walk()] == [
        ("A", "approve"),
        ("A.a", "approve"),
        ("A.b", "approve"),
        ("B", "thank"),
    ]


def test_a_label_of_a_wrapped_line_is_not_taken_for_an_item():
    record = parse(
        "CONCLUSIONS\n"
        "1. To thank Panama for the report presented by the Director General of\n"
        "c. Migration, as well as its staff.\n"
        "2. To thank IOM.\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "2"]
    assert record.by_ref()["1"].text.endswith(
        "Director General of c. Migration, as well as its staff."
    )


def test_a_section_continuing_the_numbering_needs_no_prefix():
    record = parse(
        "CONCLUSIONS\n1. To thank Panama.\n2. To thank IOM.\n\n"
        "RECOMMENDATIONS\n3. To recommend approval of the budget.\n"
    )
    assert [(item.ref, item.section) for item in record.walk()] == [
        ("1", "conclusion"),
        ("2", "conclusion"),
        ("3", "recommendation"),
    ]


def test_a_roman_numbered_section_heading_is_not_an_item():
    record = parse(
        "I. CONCLUSIONS\n1. To thank Panama.\n"
        "II. RECOMMENDATIONS\n1. To recommend approval of the budget.\n"
    )
    assert [(item.ref, item.section) for item in record.walk()] == [
        ("1", "conclusion"),
        ("1", "recommendation"),
    ]


def test_the_meeting_last_day_given_by_the_caller_anchors_relative_deadlines():
    body = "CONCLUSIONS\n1. The TS will circulate the document within 30 days.\n"
    assert parse(body).by_ref()["1"].deadline == dt.date(2016, 4, 3)
    record = parse(body, meeting_last_day=dt.date(2016, 5, 1))
    assert record.by_ref()["1"].deadline == dt.date(2016, 5, 31)


def test_an_unknown_actor_looking_name_gives_a_warning():
    record = parse("CONCLUSIONS\n1. To thank Haiti for its presentation.\n2. To thank Panama.\n")
    items = record.by_ref()
    assert items["1"].warnings == ["Actor not recognised: 'Haiti'."]
    assert items["2"].warnings == []


def test_a_heading_without_dates_is_reported():
    record = parse_record("CONCLUSIONS\n1. To thank Panama.\n")
    assert record.meeting.start is None
    assert any(w.startswith("The meeting's dates were not found") for w in record.warnings)


def test_a_city_heading_line_names_the_host_country():
    record = parse("CONCLUSIONS\n1. To thank Panama.\n")
    assert (record.meeting.city, record.meeting.country) == ("Panama City", "PA")


def test_the_section_headings_the_conference_uses_are_recognised():
    assert section_heading("CONCLUSIONS AND RECOMMENDATIONS:") == "combined"
    assert section_heading("CONCLUSIONES Y RECOMENDACIONES") == "combined"
    assert section_heading("Recommendations:") == "recommendation"
    assert section_heading("Conclusions and agreements") == "agreements"
    assert section_heading("ACUERDOS") == "agreements"
    assert section_heading("DECISIONES") == "decision"
    assert section_heading("DECLARACIÓN DE SAN JOSÉ") == "declaration"
    assert section_heading("The Vice-Ministers, meeting in Managua, DECIDE:") == (
        "agreements_operative"
    )
    assert section_heading("Regional Consultation Group on Migration") is None
    assert section_heading("To take note of the recommendations:") is None


# --- Actors --------------------------------------------------------------------------------------


def test_the_gazetteer_finds_spanish_names_without_accents_or_case():
    gazetteer = Gazetteer.default()
    text = "la republica dominicana, MEXICO, los Estados Unidos y EE.UU. con la OIM y el ACNUR"
    assert gazetteer.find(text) == ["DO", "MX", "US", "IOM", "UNHCR"]


def test_the_dominican_republic_is_one_mention():
    assert Gazetteer.default().find("the Dominican Republic and Dominican nationals") == ["DO"]


def test_member_countries_expand_to_the_eleven_members():
    gazetteer = Gazetteer.default()
    assert gazetteer.find("the RCM Member Countries that have not yet done so") == MEMBERS
    assert gazetteer.find("los Países Miembros") == MEMBERS


def test_the_conference_itself_is_not_an_actor():
    assert Gazetteer.default().find("within the framework of the RCM and the CRM") == []


def test_city_names_are_places_not_actors():
    gazetteer = Gazetteer.default()
    assert gazetteer.find("a meeting in Mexico City") == []
    assert gazetteer.find("en la Ciudad de Guatemala y en San Salvador") == []


def test_a_country_where_something_was_held_is_not_an_actor():
    gazetteer = Gazetteer.default()
    assert gazetteer.find("a workshop held in Tapachula, Chiapas, Mexico") == []
    assert gazetteer.find("a workshop to be held in Tapachula, Chiapas, Mexico") == ["MX"]


def test_es_is_the_secretariat_only_as_an_english_acronym():
    gazetteer = Gazetteer.default()
    assert gazetteer.find("the RCM Executive Secretariat (ES)") == ["TS"]
    assert gazetteer.find("the ES will report") == ["TS"]
    assert gazetteer.find("es importante que la ST informe", language="es") == ["TS"]
    assert gazetteer.find("se acordó que la PPT", language="es") == ["PPT"]


def test_bodies_networks_and_groups_have_their_codes():
    gazetteer = Gazetteer.default()
    cases = {
        "Presidencia Pro Tempore": "PPT",
        "the Vice-Ministers": "VMM",
        "Reunión Viceministerial": "VMM",
        "Grupo Regional de Consulta sobre Migración": "RCGM",
        "Red de Funcionarios de Enlace para la Protección Consular": "LN-CP",
        "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la "
        "Trata de Personas": "LN-SMTP",
        "Liaison Officers Network for the Protection of Migrant Girls, Boys and Adolescents": (
            "LN-CHILD"
        ),
        "Grupo de Trabajo sobre Migración Laboral": "WG-LM",
        "Working Group on Irregular and Mass Migration": "WG-IMM",
        "Grupo de Trabajo sobre Protección": "WG-PROT",
        "Working Group on Border Management": "WG-BM",
        "Grupo Ad Hoc CRM-RROCM": "AHG-RNCOM",
        "Coalición Regional contra la Trata de Personas": "RCATP",
        "Conferencia Suramericana sobre Migraciones": "SACM",
        "Relator Especial de las Naciones Unidas sobre los Derechos Humanos de los Migrantes": (
            "UNSR"
        ),
        "CEPAL/CELADE": "ECLAC",
        "la Cruz Roja": "ICRC",
        "Secretaría Ejecutiva": "TS",
    }
    for text, code in cases.items():
        assert gazetteer.find(text, language="es") == [code], text


def test_the_gazetteer_can_be_extended_with_names_from_the_database():
    gazetteer = Gazetteer.default()
    gazetteer.extend([Entry("HT", "country", ("Haiti", "Haití"))])
    gazetteer.extend([Entry("IOM", "organisation", ("UN Migration",))])
    assert gazetteer.find("Haití y UN Migration") == ["HT", "IOM"]


def test_an_extended_gazetteer_silences_the_unknown_actor_warning():
    gazetteer = Gazetteer.default()
    gazetteer.extend([Entry("HT", "country", ("Haiti",))])
    record = parse("CONCLUSIONS\n1. To thank Haiti for its presentation.\n", gazetteer=gazetteer)
    item = record.by_ref()["1"]
    assert (item.actors, item.warnings) == (["HT"], [])


# --- More headings and furniture -----------------------------------------------------------------


def test_participants_listed_after_the_following_countries_are_found():
    record = parse_record(
        "Meeting of the RCGM\nManagua, Nicaragua, June 3, 2014\n"
        "The RCGM met with the participation of the following countries: Belize, Canada, "
        "Mexico and Colombia as observer.\nCONCLUSIONS\n1. To thank Panama.\n"
    )
    assert record.meeting.participants == ["BZ", "CA", "MX", "CO"]


def test_participants_under_participating_countries_are_found():
    record = parse_record(
        "Reunión del GRCM\nManagua, Nicaragua, 3 de junio de 2014\n"
        "Países participantes: Belice, Canadá, México.\nCONCLUSIONES\n1. Agradecer a Panamá.\n"
    )
    assert record.meeting.participants == ["BZ", "CA", "MX"]
    assert record.meeting.language == "es"


def test_a_joint_meeting_of_the_networks_with_page_footers():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Joint Meeting of the Liaison Officer Networks\n"
        "Guatemala City, Guatemala, June 14, 2016          Page 1 of 2\n\n"
        "The Liaison Officers of Belize, Canada and Mexico met in Guatemala City.\n\n"
        "AGREEMENTS\n"
        "1. Request the TS to circulate the directory within 10 working days.\n\n"
        "Joint Meeting of the Liaison Officer Networks – June 2016          Page 2 of 2\n\n"
        "2. To thank the Government of Guatemala for hosting the meeting.\n"
    )
    meeting = record.meeting
    assert (meeting.kind, meeting.body) == ("joint_networks", "LN-CP/LN-SMTP")
    assert (meeting.city, meeting.country) == ("Guatemala City", "GT")
    assert meeting.participants == ["BZ", "CA", "MX"]
    assert record.by_ref()["1"].text.endswith("within 10 working days.")
    assert record.by_ref()["1"].deadline == dt.date(2016, 6, 28)


def test_a_numbered_part_in_capitals_is_not_an_item():
    record = parse(
        "I. CONCLUSIONS\n1. To thank Panama.\nII. OTHER MATTERS\n1. To thank Canada.\n"
        "III. RECOMMENDATIONS\n1. To recommend approval of the budget.\n"
    )
    assert [(item.ref, item.section, item.group) for item in record.walk()] == [
        ("1", "conclusion", ""),
        ("C1", "conclusion", "OTHER MATTERS"),
        ("1", "recommendation", ""),
    ]


def test_a_group_label_used_twice_is_not_taken_for_a_running_header():
    record = parse(
        "CONCLUSIONS\n1. To update the calendar:\nWorking Group on Protection\n"
        "a. Workshop on health.\nWorking Group on Border Management\nb. Technical exchange.\n"
        "2. To update the work plans:\nWorking Group on Protection\na. Review of the guide.\n"
    )
    items = record.by_ref()
    assert items["1.a"].group == items["2.a"].group == "Working Group on Protection"
    assert items["1.b"].group == "Working Group on Border Management"


def test_a_section_title_above_the_heading_does_not_hide_the_meeting():
    record = parse_record(
        "CONCLUSIONS AND RECOMMENDATIONS\n"
        "Meeting of the Regional Consultation Group on Migration (RCGM)\n"
        "San José, Costa Rica, June 25, 2013\n"
        "The RCGM, at a meeting held on June 25, 2013, with the participation of "
        "representatives from Belize, Canada and Mexico, reached the following:\n"
        "1. To thank Costa Rica.\n"
        "2. To recommend approval of the budget.\n"
    )
    meeting = record.meeting
    assert (meeting.body, meeting.city, meeting.country) == ("RCGM", "San José", "CR")
    assert meeting.start == dt.date(2013, 6, 25)
    assert meeting.participants == ["BZ", "CA", "MX"]
    assert [(item.ref, item.section) for item in record.walk()] == [
        ("1", "conclusion"),
        ("2", "recommendation"),
    ]


def test_hard_wrapping_at_any_width_gives_the_same_tree():
    import textwrap

    text = (SEEDS / "rcgm-2021-12-mexico-city-conclusions.txt").read_text(encoding="utf-8")
    expected = tree(parse_record(text))
    for width in (60, 72, 80):
        wrapped = "\n".join(
            "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) or line
            for line in text.split("\n")
        )
        record = parse_record(wrapped)
        assert tree(record) == expected, width
        assert record.by_ref()["4.a"].text.endswith("challenges and the importance of cooperation.")
