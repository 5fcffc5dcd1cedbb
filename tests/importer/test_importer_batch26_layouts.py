"""The layouts and wordings of held-out batch 26 (heldout/README.md), one behaviour each:
documents written for these tests in the conference's ways of writing (none is the record of a
real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline

LAST_DAY = datetime.date(2020, 6, 2)
RCGM = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Regional Consultation Group on Migration\n"
    "Guatemala City, Guatemala, 14 and 15 March 2023\n\n"
    "CONCLUSIONS AND RECOMMENDATIONS\n\n"
    "{body}\n"
)
MEMO = (
    "De: Secretaría Técnica CRM <st@crm.example>\n"
    "Enviado: miércoles, 3 de junio de 2020 17:26\n"
    "Para: Troika CRM <troika@crm.example>\n"
    "Asunto: Ayuda Memoria - Reunión virtual de la Troika, 2 de junio de 2020\n\n"
    "AYUDA MEMORIA\n"
    "Reunión virtual de la Troika de la Conferencia Regional sobre Migración\n\n"
    "Compromisos:\n\n"
    "- México y Guatemala: remitir a la PPT sus aportes a más tardar el miércoles 3 de junio.\n"
    "- ST: circular la versión final a los puntos focales.\n\n"
    "Saludos cordiales,\n\n"
    "Secretaría Técnica\n\n"
    "-----Mensaje original-----\n"
    "De: Presidencia Pro Tempore <ppt@crm.example>\n\n"
    "1. Situación de la CRM ante la pandemia.\n"
    "2. Otros asuntos.\n"
)


def test_a_run_in_title_is_the_items_group_and_no_part_of_its_text():
    record = parse_record(
        RCGM.format(
            body="1) Budget 2024. The RCGM recommended that the Vice-Ministers approve the "
            "budget for 2024.\n2) Report of the Pro Tempore Presidency. The RCGM took note of "
            "the report.\n3) Approve the calendar. The TS will circulate it."
        )
    )
    items = record.by_ref()
    assert (items["1"].group, items["1"].action) == ("Budget 2024", "recommend")
    assert items["1"].text.startswith("The RCGM recommended")
    assert items["2"].group == "Report of the Pro Tempore Presidency"
    assert items["3"].group == ""  # a task, not a title


def test_a_running_header_after_a_form_feed_is_no_part_of_the_item_it_cuts():
    record = parse_record(
        RCGM.format(
            body="1) Reserve Fund. The RCGM requested the TS to circulate the revised rules "
            "of the\n"
            "1/2\n\fRCGM | Guatemala City, 14–15 March 2023\nReserve Fund within 30 days.\n\n"
            "Guatemala City, 15 March 2023\n2/2"
        )
    )
    item = record.by_ref()["1"]
    assert item.text.endswith("the revised rules of the Reserve Fund within 30 days.")


def test_an_ocr_scan_is_read_where_it_matters_and_kept_as_printed():
    record = parse_record(
        "RECIBIDO  l5 MAR. 2006  |  SECRETARIA TECNICA CRM\n"
        "CONFERENCIA REGIONAL SOBRE MIGRACION\n"
        "Red de Funcionarios de Enlace para la Protecci6n Consular\n"
        "San Salvador, El Salvador, l3 de rnarzo de 2006\n\n"
        "ACUERDOS\n\n"
        "l. Aprobar el informe de la reunión anterior.\n\n"
        "2. Solicitar a la OIM un informe a más tardar el 3l de mayo de 2006. |\n\n"
        "3. Realizar un curso regional durante el segundo se mestre de 2006.\n\n"
        "1O. Tornar nota de la propuesta de Costa Rica.\n"
    )
    items = record.by_ref()
    assert list(items) == ["1", "2", "3", "10"]
    assert record.meeting.start == datetime.date(2006, 3, 13)
    assert items["2"].text.endswith("el 3l de mayo de 2006.")  # as printed
    assert items["2"].deadline == datetime.date(2006, 5, 31)
    assert items["3"].deadline == datetime.date(2006, 12, 31)
    assert items["10"].action == "note"


def test_a_memo_sent_by_e_mail_lists_its_commitments_without_the_quoted_message():
    record = parse_record(MEMO)
    assert [item.ref for item in record.agreements] == ["1", "2"]
    assert record.meeting.start == datetime.date(2020, 6, 2)


def test_the_actor_before_the_colon_of_a_commitment_is_responsible():
    first, second = parse_record(MEMO).agreements
    assert (first.action, first.responsible) == ("submit", ["MX", "GT"])
    assert first.deadline == datetime.date(2020, 6, 3)
    assert (second.action, second.responsible) == ("submit", ["TS"])


def test_a_weekday_before_a_date_and_the_course_of_a_month_are_read():
    for text, expected in [
        ("enviar la versión a más tardar el jueves 4 de junio.", datetime.date(2020, 6, 4)),
        ("presentar una nota en el transcurso del mes de agosto.", datetime.date(2020, 8, 31)),
        ("cubrir las cuotas a más tardar el 1.º de julio de 2020.", datetime.date(2020, 7, 1)),
    ]:
        assert resolve_deadline(text, LAST_DAY, "es").date == expected


def test_the_end_of_the_present_presidency_is_a_deadline_without_a_date():
    deadline = resolve_deadline(
        "convocar a una reunión antes del cierre de la presente PPT.", LAST_DAY, "es"
    )
    assert (deadline.date, deadline.phrase) == (None, "antes del cierre de la presente PPT")


def test_the_next_chapter_and_a_signature_after_the_agreements_are_no_items():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "Informe de la Presidencia Pro Tempore\n"
        "San José, Costa Rica, 25 de noviembre de 2013\n\n"
        "4. Acuerdos alcanzados\n\n"
        "Al término de sus deliberaciones, el GRCM alcanzó los siguientes acuerdos:\n\n"
        "(1) Aprobar el informe de la Secretaría Técnica.\n"
        "(2) Agradecer a la OIM su apoyo.\n\n"
        "5. Consideraciones finales\n\n"
        "La PPT agradece a los Países Miembros su participación.\n\n"
        "(f) Gloria Elena Mora Jiménez\n"
    )
    assert [item.ref for item in record.walk()] == ["1", "2"]
    assert record.by_ref()["1"].group == "Acuerdos alcanzados"
