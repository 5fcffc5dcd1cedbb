"""The layouts and wordings of held-out batches 30 and 31 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.responsible import responsible

MEMBERS = {"BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"}

COMMUNIQUE = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "X Reunión Viceministerial\n\n"
    "COMUNICADO CONJUNTO\n\n"
    "Vancouver, Columbia Británica, Canadá, 25-26 de mayo de 2005\n\n"
    "Tras un amplio intercambio de opiniones, los Viceministros convinieron en lo siguiente:\n\n"
    "Aprobar el informe de la Presidencia Pro Tempore de Panamá.\n\n"
    "Hacer suyas las recomendaciones formuladas por el Grupo Regional de Consulta.\n\n"
    "En lo relativo a la protección consular, los Viceministros convinieron además en:\n\n"
    "Instar a los países miembros a fortalecer su presencia consular en las zonas "
    "fronterizas.\n\n"
    "Firmado en Vancouver, Canadá, el 26 de mayo de 2005.\n"
)


def test_paragraphs_after_convinieron_en_lo_siguiente_are_the_agreements():
    record = parse_record(COMMUNIQUE)
    assert [item.ref for item in record.walk()] == ["1", "2", "3"]


def test_en_lo_relativo_a_names_the_group_of_the_paragraphs_after_it():
    record = parse_record(COMMUNIQUE)
    assert record.by_ref()["3"].group == "Protección consular"


def test_hacer_suyas_las_recomendaciones_is_approval():
    assert classify_action("Hacer suyas las recomendaciones del GRCM.", "es") == "approve"


def test_a_subjunctive_task_that_ends_in_presenting_it_is_submit():
    text = (
        "Que la Secretaría Técnica, en consulta con la Troika, elabore una propuesta de "
        "mecanismo de seguimiento y la presente al GRCM antes de finalizar el año."
    )
    assert classify_action(text, "es") == "submit"


def test_what_member_countries_deberan_do_is_read_from_the_verb_after_it():
    text = (
        "Los países miembros que aún no lo hayan hecho deberán remitir a la Secretaría "
        "Técnica sus estadísticas."
    )
    assert classify_action(text, "es") == "submit"


def test_countries_asked_which_have_not_yet_done_so_are_responsible():
    text = (
        "Belize, Nicaragua and Panama, which have not yet done so, are requested to designate "
        "their alternate focal points within 30 days."
    )
    assert classify_action(text) == "request"
    assert responsible(text, language="en") == ["BZ", "NI", "PA"]


def test_the_year_a_budget_is_for_is_no_deadline():
    deadline = resolve_deadline(
        "Aprobar el presupuesto de la Secretaría Técnica para el 2012, por un monto total de "
        "US$ 282,724.00.",
        datetime.date(2011, 11, 10),
        "es",
    )
    assert deadline.date is None


def test_a_stated_day_wins_over_the_year_a_calendar_is_for():
    deadline = resolve_deadline(
        "La Secretaría Técnica elaborará el proyecto de calendario de actividades para el 2012 "
        "y lo someterá a la Troika a más tardar el 31 de enero del 2012.",
        datetime.date(2011, 11, 10),
        "es",
    )
    assert deadline.date == datetime.date(2012, 1, 31)


def test_the_country_after_the_city_where_an_activity_is_held_is_responsible():
    text = (
        "Realizar, con el apoyo financiero del Gobierno de Canadá, un Seminario sobre "
        "Integración, en San José, Costa Rica, durante el segundo semestre de 2005."
    )
    assert responsible(text, action="hold", language="es") == ["CR"]


def test_the_country_where_the_next_meeting_se_celebrara_is_responsible():
    text = "La próxima reunión ordinaria del GRCM se celebrará en Panamá en junio del 2012."
    assert responsible(text, action="hold", language="es") == ["PA"]


ACTA = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)\n\n"
    "ACTA N.º 2/2022\n"
    "REUNIÓN CONJUNTA DE LAS REDES DE FUNCIONARIOS DE ENLACE\n"
    "Antiguo Cuscatlán, La Libertad, El Salvador, 5 y 6 de octubre de 2022\n\n"
    "ACUERDOS\n\n"
    "I. Sesión conjunta\n\n"
    "Acuerdo 1/2022. Conformar un equipo de trabajo conjunto de ambas Redes.\n"
    "Responsables: Guatemala, Honduras y México, con el acompañamiento técnico de la OIM\n"
    "Plazo: tercer trimestre de 2023\n\n"
    "II. Sesión de la Red contra el Tráfico Ilícito de Migrantes y la Trata de Personas\n\n"
    "Acuerdo 2/2022. Tomar nota de la presentación de la UNODC y solicitarle que remita la "
    "versión escrita.\n"
    "Responsable: UNODC\n"
    "Plazo: segunda quincena de octubre de 2022\n\n"
    "Leída la presente acta, los participantes la aprobaron en todos sus términos.\n"
)


def test_agreements_numbered_within_the_year_keep_their_number():
    record = parse_record(ACTA)
    assert [item.ref for item in record.walk()] == ["1", "2"]


def test_a_long_roman_title_over_numbered_agreements_is_their_group():
    record = parse_record(ACTA)
    assert record.by_ref()["2"].group == (
        "Sesión de la Red contra el Tráfico Ilícito de Migrantes y la Trata de Personas"
    )


def test_who_accompanies_the_responsible_is_not_responsible():
    assert parse_record(ACTA).by_ref()["1"].responsible == ["GT", "HN", "MX"]


def test_the_second_half_of_a_month_of_a_year_is_its_last_day():
    assert parse_record(ACTA).by_ref()["2"].deadline == datetime.date(2022, 10, 31)


def test_the_minutes_read_and_approved_are_no_part_of_the_last_agreement():
    text = parse_record(ACTA).by_ref()["2"].text
    assert text.endswith("Plazo: segunda quincena de octubre de 2022")


DECISIONS = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "XXVIII Vice-Ministerial Meeting\n"
    "Panama City, Republic of Panama, 6–7 December 2023\n\n"
    "CONTENTS\n"
    "Decision No. 01/2023 – Budget of the Executive Secretariat ............ 1\n"
    "Decision No. 02/2023 – Working Group on Labour Migration ............... 2\n\n"
    "DECISION No. 01/2023\n"
    "Budget of the Executive Secretariat for 2024\n\n"
    "The Vice-Ministers and Heads of Delegation of the Member Countries,\n\n"
    "DECIDE:\n\n"
    "1. To approve the budget of the Executive Secretariat for 2024.\n\n"
    "2. To request the member countries to transfer their contributions.\n\n"
    "Adopted in Panama City on 7 December 2023.\n\n"
    "DECISION No. 02/2023\n"
    "Working Group on Labour Migration\n\n"
    "The Vice-Ministers and Heads of Delegation of the Member Countries,\n\n"
    "DECIDE:\n\n"
    "1. To take note of the report of the Working Group on Labour Migration.\n\n"
    "2. To request the Working Group to present a proposal to the RCGM in 2024.\n\n"
    "Adopted in Panama City on 7 December 2023.\n"
)


def test_each_decision_numbers_its_paragraphs_under_its_own_number():
    record = parse_record(DECISIONS)
    assert [item.ref for item in record.walk()] == ["1.1", "1.2", "2.1", "2.2"]


def test_a_decisions_title_is_the_group_of_its_paragraphs():
    assert parse_record(DECISIONS).by_ref()["2.1"].group == "Working Group on Labour Migration"


def test_the_working_group_is_the_one_its_decisions_title_names():
    assert parse_record(DECISIONS).by_ref()["2.2"].responsible == ["WG-LM"]


COURSE = (
    "REGIONAL CONFERENCE ON MIGRATION (RCM)\n\n"
    "REGIONAL TRAINING COURSE FOR BORDER OFFICIALS\n\n"
    "FINAL REPORT\n\n"
    "Dates:        March 14 to 18, 2011\n"
    "Venue:        Tapachula, Chiapas, Mexico (training centre of the National Institute)\n\n"
    "1. BACKGROUND\n\n"
    "At its meeting held in San Salvador on November 23-24, 2010, the RCGM requested the "
    "Technical Secretariat to organize a regional course.\n\n"
    "5. EVALUATION\n\n"
    "Participants completed an anonymous evaluation form.\n\n"
    "6. RECOMMENDATIONS\n\n"
    "6.1 Translate the course manual into English for the migration authorities of Belize.\n"
    "    Addressed to: IOM\n"
    "    Suggested timeframe: first half of 2011\n\n"
    "6.2 Consider including the training of border officials in the work plan.\n"
    "    Addressed to: RCGM\n"
    "    Suggested timeframe: —\n\n"
    "ANNEXES\n"
    "I. Programme of the course\n"
    "II. List of participants\n"
)


def test_the_venue_field_gives_the_city_and_country():
    meeting = parse_record(COURSE).meeting
    assert (meeting.city, meeting.country) == ("Tapachula", "MX")


def test_addressed_to_names_who_is_responsible():
    assert parse_record(COURSE).by_ref()["6.1"].responsible == ["IOM"]


def test_a_suggested_timeframe_is_the_deadline():
    assert parse_record(COURSE).by_ref()["6.1"].deadline == datetime.date(2011, 6, 30)


def test_the_list_of_annexes_adds_no_agreement():
    assert [item.ref for item in parse_record(COURSE).walk()] == ["6.1", "6.2"]


def test_a_numbered_chapter_does_not_take_the_title_of_the_chapter_before_it():
    assert parse_record(COURSE).by_ref()["6.1"].group == ""


def test_an_acronym_the_document_defines_names_its_body():
    record = parse_record(
        "REUNIÓN CONJUNTA DE LAS REDES DE FUNCIONARIOS DE ENLACE\n"
        "Red de Funcionarios de Enlace para la Protección Consular (RPC)\n"
        "San Salvador, El Salvador, 5 y 6 de octubre de 2022\n\n"
        "ACUERDOS\n\n"
        "1. Revisar el capítulo sobre personas migrantes privadas de libertad de la Guía.\n"
        "Responsable: RPC\n"
    )
    assert record.by_ref()["1"].responsible == ["LN-CP"]


def test_a_word_in_brackets_is_no_acronym():
    record = parse_record(
        "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
        "San José, Costa Rica, 10 y 11 de marzo de 2015\n\n"
        "CONCLUSIONES\n\n"
        "1. Agradecer a la Secretaría Técnica (Costa Rica) su apoyo.\n"
    )
    assert record.by_ref()["1"].actors[:1] == ["TS"]


CONSULTATION = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "PRESIDENCIA PRO TEMPORE – HONDURAS 2016\n\n"
    "Tegucigalpa, M.D.C., 15/VI/2016\n\n"
    "Asunto: RESULTADO DEL PROCEDIMIENTO DE CONSULTA DE CINCO DÍAS HÁBILES\n\n"
    "El plazo de cinco días hábiles transcurrió del lunes 6 al viernes 10 del presente mes.\n\n"
    "(Primero) Aceptar el ofrecimiento de El Salvador de ser sede del Taller, que se realizará "
    "en San Salvador los días 14 y 15 de septiembre de 2016.\n\n"
    "(Segundo) Solicitar a los Países Miembros que comuniquen los nombres de sus participantes "
    "antes del día 8 del próximo mes.\n"
)


def test_a_consultation_runs_over_the_days_its_note_gives_for_answers():
    meeting = parse_record(CONSULTATION).meeting
    assert (meeting.kind, meeting.start, meeting.end) == (
        "consultation",
        datetime.date(2016, 6, 6),
        datetime.date(2016, 6, 10),
    )


def test_a_consultation_is_held_in_no_city():
    assert parse_record(CONSULTATION).meeting.city == ""


def test_the_days_of_a_workshop_to_be_held_in_a_city_are_its_deadline():
    assert parse_record(CONSULTATION).by_ref()["1"].deadline == datetime.date(2016, 9, 15)


def test_a_day_of_next_month_counts_from_the_end_of_the_consultation():
    assert parse_record(CONSULTATION).by_ref()["2"].deadline == datetime.date(2016, 7, 8)


def test_the_recitals_under_a_decisions_title_say_who_took_it():
    record = parse_record(DECISIONS)
    assert sorted(record.meeting.participants) == sorted(MEMBERS)
    assert not any("participating" in warning for warning in record.warnings)
