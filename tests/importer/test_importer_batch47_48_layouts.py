"""The layouts and wordings of held-out batches 47 and 48 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.responsible import responsible

JOINT_MEETING = (
    "Reunión Conjunta de las Redes de Funcionarios de Enlace\n"
    "San Salvador, El Salvador, 19 y 20 de junio de 2017\n\n"
    "ACUERDOS\n\n"
    "1. Encomendar a las delegaciones de Costa Rica y Panamá, con el acompañamiento del ACNUR, "
    "la preparación de un documento de referencia sobre la identificación, en los consulados, "
    "de niñas, niños y adolescentes con necesidades de protección internacional, que será "
    "circulado entre los puntos focales de ambas Redes antes del 15 de septiembre de 2017.\n\n"
    "2. Aceptar la propuesta de Guatemala de organizar, con el apoyo de la OIM, un taller "
    "regional sobre documentos de viaje, durante el último trimestre de 2017.\n\n"
    "3. Agradecer al UNICEF la presentación de los resultados preliminares de su estudio, y "
    "solicitarle que remita la versión final a la Secretaría Técnica.\n\n"
    "4. Invitar a las demás delegaciones a compartir prácticas similares en la próxima reunión "
    "de la Red de Protección Consular.\n"
)

RECOMMENDATIONS = (
    "Meeting of the Liaison Officers Network to Combat Migrant Smuggling and Trafficking in "
    "Persons\nSan Salvador, El Salvador, 6-7 November 2006\n\n"
    "RECOMMENDATIONS TO THE RCGM\n\n"
    "1. That the RCGM consider the final draft of the Regional Guidelines for Special "
    "Protection in Cases of Repatriation of Child Victims of Trafficking.\n\n"
    "2. To request the Technical Secretariat to circulate the report before December 15, 2006.\n"
    "\nSan Salvador, 7 November 2006\n"
)

AGREEMENTS = {item.ref: item for item in parse_record(JOINT_MEETING).walk()}
GAZETTEER = default_gazetteer()


def test_those_entrusted_with_a_long_task_are_responsible_not_who_supports_them():
    assert AGREEMENTS["1"].responsible == ["CR", "PA"]


def test_whoever_proposed_to_organise_is_responsible_once_the_proposal_is_accepted():
    assert (AGREEMENTS["2"].action, AGREEMENTS["2"].responsible) == ("accept", ["GT"])


def test_the_last_quarter_of_a_year_ends_on_31_december():
    assert AGREEMENTS["2"].deadline == datetime.date(2017, 12, 31)


def test_a_pronoun_after_thanks_makes_the_one_thanked_responsible():
    assert (AGREEMENTS["3"].action, AGREEMENTS["3"].responsible) == ("thank", ["UNICEF"])


def test_an_english_pronoun_after_thanks_makes_those_thanked_responsible():
    text = "To thank Mexico and Guatemala for the report, and to request them to share it."
    assert responsible(text, action="thank", gazetteer=GAZETTEER, language="en") == ["MX", "GT"]


def test_the_next_meeting_of_a_network_named_in_full_is_the_deadline_phrase():
    assert AGREEMENTS["4"].deadline_text == "en la próxima reunión de la Red de Protección Consular"


def test_the_next_joint_meeting_of_the_networks_is_the_deadline_phrase():
    text = "Que la Secretaría Técnica la presente en la próxima reunión conjunta de las Redes."
    found = resolve_deadline(text, datetime.date(2017, 6, 20), "es")
    assert found.phrase == "en la próxima reunión conjunta de las Redes"


def test_in_the_course_of_the_month_of_october_is_a_deadline():
    text = "Presenten los resultados al Grupo en el transcurso del mes de octubre de 2016."
    assert resolve_deadline(text, datetime.date(2016, 8, 24), "es").date == datetime.date(
        2016, 10, 31
    )


def test_that_the_rcgm_consider_among_recommendations_is_a_recommendation():
    first = parse_record(RECOMMENDATIONS).agreements[0]
    assert (first.action, first.responsible) == ("recommend", ["RCGM"])


def test_the_closing_place_and_date_before_a_page_break_is_not_the_last_items_text():
    text = RECOMMENDATIONS.replace(
        "\nSan Salvador, 7 November 2006\n",
        "\nSan Salvador, 7 November 2006\n\n\n                    2\n"
        "LN-SMTP - Report - San Salvador, November 2006\n\nANNEX\nAgenda\n",
    )
    last = parse_record(text).agreements[-1]
    assert last.text.endswith("before December 15, 2006.")


def test_a_joint_meeting_over_two_networks_named_a_line_each_is_theirs():
    text = (
        "INFORME DE LA REUNIÓN CONJUNTA\n"
        "Red de Funcionarios de Enlace para la Protección Consular\n"
        "Red de Funcionarios de Enlace para la Protección de Niñas, Niños y Adolescentes "
        "Migrantes\n\nSan Salvador, El Salvador, 19 y 20 de junio de 2017\n\n"
        + JOINT_MEETING[JOINT_MEETING.index("ACUERDOS") :]
    )
    meeting = parse_record(text).meeting
    assert (meeting.kind, meeting.body) == ("joint_networks", "LN-CP/LN-CHILD")


def test_the_smuggling_and_trafficking_network_named_in_full_acts_in_the_future_tense():
    text = (
        "la Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la "
        "Trata de Personas presentará una propuesta de contenidos mínimos de capacitación."
    )
    assert responsible(text, gazetteer=GAZETTEER, language="es") == ["LN-SMTP"]


def test_the_network_en_materia_de_proteccion_consular_is_the_consular_network():
    text = "la Red de Funcionarios de Enlace en materia de Protección Consular elaborará un mapeo."
    assert responsible(text, gazetteer=GAZETTEER, language="es") == ["LN-CP"]
