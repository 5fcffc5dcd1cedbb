"""Documents in the conference's own styles, read as a TS officer would record them (issue 17).

Each document under documents/ is written for these tests (see documents/README.md); none is
the record of a real meeting. For each: the tree (references, sections, actions), the actors and
who must act, the deadlines and the meeting. No database.
"""

import datetime as dt
from pathlib import Path

import pytest

from agreements.importer import MEMBER_COUNTRIES, parse_record

DOCUMENTS = Path(__file__).resolve().parent / "documents"
MEMBERS = list(MEMBER_COUNTRIES)


def document(name):
    return parse_record((DOCUMENTS / name).read_text(encoding="utf-8"))


def tree(record):
    return [(item.section, item.ref, item.ref_assigned, item.action) for item in record.walk()]


def meeting(record):
    found = record.meeting
    return (found.kind, found.city, found.country, found.start, found.end)


# --- "PRIMERO.- … SEXTO.-": ordinal words --------------------------------------------------------


@pytest.fixture(scope="module")
def ordinals():
    return document("crm-2015-11-acta-ordinales.txt")


def test_ordinal_words_number_the_items(ordinals):
    assert tree(ordinals) == [
        ("decision", "1", False, "approve"),
        ("decision", "2", False, "approve"),  # "Reafirmar el compromiso…"
        ("decision", "3", False, "request"),
        ("decision", "4", False, "urge"),
        ("decision", "5", False, "thank"),
        ("decision", "6", False, "thank"),  # "Reiterar el agradecimiento…"
    ]
    assert not ordinals.warnings


def test_an_ordinal_is_not_kept_in_the_text(ordinals):
    assert ordinals.by_ref()["1"].text.startswith("Aprobar el Informe")


def test_the_heading_above_ordinals_is_read(ordinals):
    assert meeting(ordinals) == (
        "vice_ministerial", "Ciudad de Panamá", "PA", dt.date(2015, 11, 5), dt.date(2015, 11, 6)
    )  # fmt: skip
    assert ordinals.meeting.participants == [
        "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"
    ]  # fmt: skip


def test_ordinal_items_get_their_deadlines_and_addressees(ordinals):
    items = ordinals.by_ref()
    assert (items["3"].responsible, items["3"].deadline) == (["TS"], dt.date(2016, 1, 31))
    assert items["4"].responsible == MEMBERS  # "Instar a los países miembros…"
    assert items["4"].deadline_text == "antes de la próxima reunión del GRCM"
    assert items["5"].actors[:2] == ["IOM", "UNHCR"]  # "la OIM y al ACNUR"


# --- Declarations: recitals, then "Resolve:" / "Resuelven:" ---------------------------------------


@pytest.mark.parametrize(
    "name, refs, city, country",
    [
        ("rcm-2014-06-declaration-of-panama-city.txt", ["1", "2", "3", "4"], "Panama City", "PA"),
        ("crm-2014-06-declaracion-de-managua-resuelven.txt", ["a", "b", "c", "d"], "Managua", "NI"),
    ],
)
def test_a_titled_declaration_resolves_its_items_and_keeps_its_recitals(name, refs, city, country):
    record = document(name)
    assert tree(record) == [
        ("declaration", refs[0], False, "approve"),
        ("declaration", refs[1], False, "request"),
        ("declaration", refs[2], False, "urge"),
        ("declaration", refs[3], False, "thank"),
    ]
    assert meeting(record) == (
        "vice_ministerial", city, country, dt.date(2014, 6, 26), dt.date(2014, 6, 27)
    )  # fmt: skip
    # The recitals, then the operative word that opens the items: context, not an item.
    assert [recital.split()[0] for recital in record.preamble] in (
        ["Considering", "Recognizing", "Resolve:"],
        ["Considerando", "Reconociendo", "Resuelven:"],
    )
    request, urge = record.by_ref()[refs[1]], record.by_ref()[refs[2]]
    assert (request.responsible, request.deadline) == (["TS"], dt.date(2014, 12, 15))
    assert "IOM" in request.actors
    assert urge.responsible == MEMBERS
    assert record.by_ref()[refs[3]].deadline == dt.date(2015, 6, 30)  # first half of 2015


# --- Page breaks with furniture ------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_breaks_es():
    return document("grcm-2012-06-page-breaks.txt")


def test_an_item_split_by_a_page_break_is_joined_without_the_furniture(page_breaks_es):
    item = page_breaks_es.by_ref()["2"]
    assert item.text.endswith("a más tardar el 30 de agosto de 2012.")
    assert "www" not in item.text and "Página" not in item.text
    assert item.deadline == dt.date(2012, 8, 30)
    texts = " ".join(i.text for i in page_breaks_es.walk())
    assert "crmsv" not in texts and "Reunión del GRCM" not in texts


def test_the_items_around_page_breaks_keep_their_numbers(page_breaks_es):
    assert [(i.ref, i.action) for i in page_breaks_es.walk()] == [
        ("1", "note"), ("2", "request"), ("3", "thank"), ("4", "request"), ("5", "hold"),
    ]  # fmt: skip


def test_a_spanish_demonym_names_the_country(page_breaks_es):
    assert page_breaks_es.by_ref()["3"].actors == ["MX", "HN"]  # "la delegación mexicana"


def test_organisations_by_their_spanish_acronyms(page_breaks_es):
    assert page_breaks_es.by_ref()["4"].actors == ["TS", "IOM", "UNHCR"]
    assert page_breaks_es.by_ref()["5"].actors == ["OCAM", "SICA"]
    assert page_breaks_es.by_ref()["5"].deadline == dt.date(2012, 12, 31)


@pytest.fixture(scope="module")
def page_furniture_en():
    return document("rcgm-2016-03-page-furniture.txt")


def test_a_running_header_after_a_page_number_is_furniture_even_once(page_furniture_en):
    item = page_furniture_en.by_ref()["2"]
    assert "REGIONAL CONFERENCE" not in item.text and "Page" not in item.text
    assert item.text.endswith("before the next meeting of the RCGM.")
    assert item.deadline_text == "before the next meeting of the RCGM"
    assert item.responsible == MEMBERS


def test_an_english_demonym_names_the_country_without_a_warning(page_furniture_en):
    item = page_furniture_en.by_ref()["3"]
    assert item.actors[0] == "GT"  # "the Guatemalan delegation"
    assert item.responsible == ["HN", "SV"]  # "Both countries will report…"
    assert item.warnings == []


def test_a_subject_first_task_is_its_verb(page_furniture_en):
    item = page_furniture_en.by_ref()["4"]
    assert (item.action, item.responsible) == ("submit", ["TS"])
    assert item.deadline == dt.date(2016, 4, 8)  # thirty days after March 9


# --- A network's report: parts numbered I, II with "Acuerdos" in each -----------------------------


def test_a_report_numbered_again_under_each_part_is_referenced_by_the_part():
    record = document("red-trata-2018-10-informe-acuerdos.txt")
    assert [(i.ref, i.group, i.action) for i in record.walk()] == [
        ("I.1", "Presentaciones de los países", "thank"),
        ("I.2", "Presentaciones de los países", "request"),
        ("II.1", "Plan de trabajo", "approve"),
        ("II.2", "Plan de trabajo", "hold"),
        ("II.3", "Plan de trabajo", "submit"),
    ]
    assert record.meeting.kind == "liaison_network"
    assert record.by_ref()["I.2"].deadline == dt.date(2018, 11, 30)
    assert record.by_ref()["II.2"].actors == ["IOM", "UNICEF"]
    assert record.by_ref()["II.2"].deadline == dt.date(2019, 3, 31)
    assert all(not item.warnings for item in record.walk())


# --- Roman numerals, letters and a roman sub-list ------------------------------------------------


@pytest.fixture(scope="module")
def roman():
    return document("rcgm-2010-05-roman-and-lettered.txt")


def test_roman_items_with_lettered_and_roman_sub_items(roman):
    assert [i.ref for i in roman.walk()] == [
        "I", "II", "II.a", "II.b", "II.b.i", "II.b.ii", "II.c", "III", "IV",
    ]  # fmt: skip


def test_sub_items_completing_a_request_are_the_request_to_its_addressee(roman):
    items = roman.by_ref()
    assert [(items[r].action, items[r].responsible) for r in ("II", "II.a", "II.c")] == [
        ("request", ["TS"]),
        ("request", ["TS"]),
        ("request", ["TS"]),
    ]
    assert items["II.a"].deadline == dt.date(2010, 7, 31)


def test_a_place_after_meeting_held_in(roman):
    assert (roman.meeting.city, roman.meeting.country) == ("Washington", "US")
    assert roman.meeting.title == "Regional Consultation Group on Migration"


# --- Bullets of an ad-hoc group ------------------------------------------------------------------


def test_an_ad_hoc_groups_bullets_are_its_agreements_with_assigned_references():
    record = document("grupo-ad-hoc-2019-04-vinetas-y-letras.txt")
    assert tree(record) == [
        ("working_group", "1", True, "request"),
        ("working_group", "2", True, "thank"),
        ("working_group", "3", True, "urge"),
        ("working_group", "4", True, "hold"),
    ]
    items = record.by_ref()
    assert items["1"].deadline == dt.date(2019, 5, 31)
    assert items["2"].responsible == ["CR", "PA"]  # "Estos países presentarán…"
    assert items["3"].actors == ["IOM", "UNHCR"]
    assert items["4"].deadline_text == "antes de la próxima reunión del GRCM"


# --- Parts numbered "1. CAPITALS" with "Agreements" restarting, across pages ---------------------


def test_a_reports_agreements_restart_under_each_numbered_part():
    record = document("rcm-liaison-network-2019-05-report-agreements.txt")
    assert [(i.ref, i.group, i.action) for i in record.walk()] == [
        ("1.1", "CONSULAR PROTECTION OF MIGRANT CHILDREN", "note"),
        ("1.2", "CONSULAR PROTECTION OF MIGRANT CHILDREN", "submit"),
        ("2.1", "RETURN AND REINTEGRATION", "thank"),
        ("2.2", "RETURN AND REINTEGRATION", "recommend"),
        ("2.3", "RETURN AND REINTEGRATION", "hold"),
    ]
    items = record.by_ref()
    assert (items["1.2"].responsible, items["1.2"].deadline) == (["HN", "GT"], dt.date(2019, 6, 30))
    assert items["2.1"].actors == ["MX"]  # "the Mexican delegation"
    assert items["2.2"].responsible == ["RCGM"]  # recommended to the RCGM
    assert all(not item.warnings for item in record.walk())
    assert (record.meeting.kind, record.meeting.body) == ("liaison_network", "LN-CP")


# --- A joint communiqué with lettered sub-items and an impersonal restatement ---------------------


def test_a_communique_with_sub_items_and_a_reiterated_call():
    record = document("crm-2009-03-comunicado-conjunto-incisos.txt")
    assert [(i.ref, i.action) for i in record.walk()] == [
        ("1", "approve"), ("1.a", "request"), ("1.b", "request"), ("2", "urge"), ("3", "thank"),
        ("4", "hold"),
    ]  # fmt: skip
    items = record.by_ref()
    assert items["1.a"].responsible == ["TS"]
    assert (items["2"].responsible, items["2"].deadline) == (MEMBERS, dt.date(2009, 6, 30))
    assert items["3"].actors == ["SV", "SICA"]  # "la delegación salvadoreña y al SICA"
    # A seminar already held in January 2009 sets no deadline.
    assert items["3"].deadline is None
    assert items["4"].deadline == dt.date(2010, 6, 30)
