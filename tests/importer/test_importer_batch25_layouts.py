"""The layouts and wordings of held-out batch 25 (heldout/README.md), one behaviour each:
documents written for these tests in the conference's ways of writing (none is the record of a
real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

FAX = (
    "29-ENE-1999  18:42      DE: CANCILLERIA  DGPE      A: 506 000 0000        P.01/02\n\n"
    "CONFERENCIA REGIONAL SOBRE MIGRACION\n"
    "IV REUNION VICEMINISTERIAL\n"
    "SAN SALVADOR, EL SALVADOR, 28 Y 29 DE ENERO DE 1999\n\n"
    "TRAS UN AMPLIO INTERCAMBIO DE OPINIONES, LOS VICEMINISTROS ACORDARON:\n\n"
    "1.  APROBAR EL PLAN DE ACCION DE LA CONFERENCIA REGIONAL SOBRE MIGRACION.\n\n"
    "2.  ACOGER CON BENEPLACITO LA INCORPORACION DE LA REPUBLICA DOMINICANA COMO\n"
    "PAIS MIEMBRO DE LA CONFERENCIA.\n\n"
    "3.  REALIZAR UN SEMINARIO REGIONAL SOBRE MIGRACION Y DERECHOS HUMANOS EN LA\n"
    "29-ENE-1999  18:43      DE: CANCILLERIA  DGPE      A: 506 000 0000        P.02/02\n"
    "CIUDAD DE MEXICO EN EL PRIMER TRIMESTRE DEL PROXIMO AÑO.\n\n"
    "LOS JEFES DE DELEGACION SUSCRIBEN EL PRESENTE COMUNICADO CONJUNTO EN SAN SALVADOR.\n"
)
WORK_PLAN = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Red de Funcionarios de Enlace para la Protección Consular\n"
    "San José, Costa Rica, 18 y 19 de febrero de 2020\n\n"
    "PLAN DE TRABAJO 2020-2021\n\n"
    "Objetivo                Actividad                         Responsable      Fecha\n"
    "1. Fortalecer la        1.1 Actualizar el directorio.     ST               15.05.2020\n"
    "protección consular     1.2 Realizar un taller regional   México           Mayo-junio\n"
    "                        sobre atención consular.                           2020\n"
    "2. Dar seguimiento al   2.1 Presentar al GRCM un          Presidencia Pro  Próxima\n"
    "Plan de Trabajo         informe de avance.                Tempore          reunión del\n"
    "                                                                           GRCM\n\n"
    "Nota: Las fechas indicadas son tentativas.\n"
)
WORKSHOP = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Regional Workshop on Referral of Migrants in Vulnerable Situations\n"
    "Santo Domingo, Dominican Republic, 24 and 25 April 2012\n\n"
    "Recommendations\n\n"
    "A.\tIdentification of migrants\n\n"
    "(i)\tTo member countries: send to the Technical Secretariat the name of a focal point.\n"
    "(ii)\tTo member countries, with the support of UNHCR: include a module on protection.\n\n"
    "B.\tFollow-up\n\n"
    "(i)\tTo the Technical Secretariat: compile the national forms and circulate them.\n"
)


def test_a_communique_in_capitals_numbers_its_agreements_and_drops_the_fax_lines():
    record = parse_record(FAX)
    items = record.by_ref()
    assert [item.ref for item in record.agreements] == ["1", "2", "3"]
    assert items["2"].text.endswith("PAIS MIEMBRO DE LA CONFERENCIA.")
    assert "P.02/02" not in items["3"].text
    assert (record.meeting.city, record.meeting.country) == ("San Salvador", "SV")


def test_in_capitals_a_seminar_in_la_ciudad_de_mexico_is_held_by_mexico_next_year():
    item = parse_record(FAX).by_ref()["3"]
    assert (item.responsible, item.deadline) == (["MX"], datetime.date(2000, 3, 31))


def test_the_signing_of_a_communique_is_no_part_of_its_last_agreement():
    record = parse_record(FAX)
    assert not record.by_ref()["3"].text.endswith("EN SAN SALVADOR.")
    assert any("SUSCRIBEN EL PRESENTE" in line for line in record.preamble)


def test_a_work_plans_objective_beside_several_activities_is_their_group():
    record = parse_record(WORK_PLAN)
    items = {item.ref: item for item in record.walk()}
    assert list(items) == ["1.1", "1.2", "2.1"]
    assert items["1.2"].group == "Fortalecer la protección consular"
    assert items["2.1"].group == "Dar seguimiento al Plan de Trabajo"
    assert items["1.2"].text.startswith("Realizar un taller regional sobre atención consular.")


def test_a_work_plans_dates_are_read_from_its_date_column():
    items = {item.ref: item for item in parse_record(WORK_PLAN).walk()}
    assert items["1.1"].deadline == datetime.date(2020, 5, 15)
    assert items["1.2"].deadline == datetime.date(2020, 6, 30)
    assert items["2.1"].deadline is None
    assert "reunión del GRCM" in items["2.1"].deadline_text


def test_lettered_themes_over_roman_items_are_groups_and_prefix_the_references():
    record = parse_record(WORKSHOP)
    items = {item.ref: item for item in record.walk()}
    assert list(items) == ["A.i", "A.ii", "B.i"]
    assert (items["A.i"].group, items["B.i"].group) == ("Identification of migrants", "Follow-up")


def test_an_addressee_before_the_colon_is_responsible_and_its_verb_is_the_action():
    items = {item.ref: item for item in parse_record(WORKSHOP).walk()}
    assert (items["A.i"].action, len(items["A.i"].responsible)) == ("submit", 11)
    assert len(items["A.ii"].responsible) == 11  # who supports is not addressed
    assert (items["B.i"].action, items["B.i"].responsible) == ("submit", ["TS"])


def test_the_year_of_a_presidency_pro_tempore_is_no_deadline():
    text = (
        "Accept the offer of Guatemala to assume the Pro Tempore Presidency of the Regional "
        "Conference on Migration in 2023;"
    )
    assert resolve_deadline(text, datetime.date(2022, 11, 17), "en").date is None


def test_where_a_declaration_was_adopted_is_no_part_of_its_last_paragraph():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Declaration of San Salvador\n"
        "San Salvador, El Salvador, 16 and 17 November 2022\n\n"
        "We, the Vice-Ministers, hereby commit to:\n\n"
        "i. Strengthen regional cooperation on migration;\n\n"
        "ii. Express our gratitude to the Government of El Salvador.\n\n"
        "Adopted in San Salvador, El Salvador, on the seventeenth day of November 2022.\n"
    )
    assert record.by_ref()["ii"].text == "Express our gratitude to the Government of El Salvador."
