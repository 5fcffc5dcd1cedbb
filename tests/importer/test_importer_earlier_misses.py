"""Misses of earlier held-out batches (heldout/README.md) read since, one behaviour each: small
documents written for these tests (none is the record of a real meeting). No database."""

from agreements.importer import parse_record
from agreements.importer.actions import classify_action

MEMBERS = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]


def test_what_the_ts_is_agreed_to_consolidate_and_circulate_is_submit():
    text = (
        "Se acordó que la ST consolide los comentarios de los países al borrador y lo circule "
        "antes de la próxima reunión de la Red."
    )
    assert classify_action(text, "es") == "submit"


def test_the_group_is_the_working_group_named_earlier_in_the_item():
    record = parse_record(
        "REPORT OF THE MEETING OF THE RCGM\n"
        "San José, Costa Rica, 10 and 11 March 2023\n\n"
        "CONCLUSIONS\n\n"
        "1) Protection. The RCGM encouraged Mexico to share its experience with the Working "
        "Group on Protection.\n"
        "2) Border management. The RCGM approved the terms of reference of the Working Group on "
        "Border Management and requested the Group to hold its first meeting in 2023.\n"
    )
    assert record.by_ref()["2"].responsible == ["WG-BM"]


def test_a_dated_task_the_member_countries_commit_to_in_the_first_person_is_theirs():
    record = parse_record(
        "XXVII REGIONAL CONFERENCE ON MIGRATION\n"
        "Vice-Ministerial Meeting\n"
        "San Salvador, El Salvador, November 16th and 17th, 2022\n\n"
        "We, the Vice-Ministers and Heads of Delegation of the member countries of the RCM,\n\n"
        "Hereby commit to:\n\n"
        "i. Promote regular labour mobility pathways in the region;\n\n"
        "ii. Share with the Executive Secretariat, no later than the first quarter of 2023, "
        "updated information on the national referral mechanisms;\n"
    )
    items = record.by_ref()
    assert sorted(items["ii"].responsible) == sorted(MEMBERS)
    assert items["i"].responsible == []


def test_a_bodys_name_a_scan_split_in_two_is_read_whole():
    record = parse_record(
        "RED DE FUNCIONARIOS DE ENLACE PARA LA PROTECCIÓN CONSULAR\n"
        "San José, Costa Rica, 13 de marzo de 2006\n\n"
        "ACUERDOS\n\n"
        "1. Solicitar a la Secre taría Técnica que actualice el directorio de funcionarios "
        "consulares.\n"
    )
    assert record.by_ref()["1"].responsible == ["TS"]
