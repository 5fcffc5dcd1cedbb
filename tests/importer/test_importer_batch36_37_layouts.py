"""The layouts and wordings of held-out batches 36 and 37 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.responsible import responsible

SCAN = (
    "MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION\n"
    "Guatemala City, Guatemala\n"
    "November 20 - 21, 2002\n\n"
    "                                CONCLUSIONS\n\n"
    "1. To approve the agenda of the meeting.\n\n"
    "2 . To urge the member countries that have not yet done so to pay their 2002\n"
    "contributions before the end of the year.\n\n"
    "3. To accept the offer of the Dominican Republic to host a workshop, with the techni-\n\n"
    "                                                                        1\n\n"
    "GRCM/GUA/2002/Concl.                                                    1\n\n"
    "                             CONCLUSIONS (cont.)\n\n"
    "cal assistance of IOM.\n\n"
    "4. To thank IOM and UNHCR for their presentations.\n\n"
    "Guatemala City, November 21, 2002\n\n"
    "______________________________________________________________________\n"
    "Este mensaje ha sido analizado por el sistema antivirus de la red.\n"
)


def test_a_label_with_a_space_before_its_dot_is_a_label():
    assert [item.ref for item in parse_record(SCAN).walk()] == ["1", "2", "3", "4"]


def test_a_heading_carried_over_and_a_code_footer_are_page_furniture():
    third = parse_record(SCAN).agreements[2]
    assert third.text.endswith("with the technical assistance of IOM.")


def test_a_rule_over_a_mail_servers_footer_ends_the_record():
    assert parse_record(SCAN).agreements[-1].text == (
        "To thank IOM and UNHCR for their presentations."
    )


MINUTES = (
    "ACTA DE LA SEGUNDA REUNIÓN DEL GRUPO DE TRABAJO SOBRE GESTIÓN DE FRONTERAS\n\n"
    "Lugar: San José, Costa Rica\n"
    "Fechas: 19 y 20 de febrero de 2020\n\n"
    "Punto 1 – Seguimiento de los acuerdos\n\n"
    "La Secretaría Técnica presentó la matriz de seguimiento.\n\n"
    "Se acordó:\n"
    "- Tomar nota de la matriz de seguimiento presentada por la Secretaría Técnica.\n"
    "- Solicitar a Panamá que remita su diagnóstico a más tardar el 31 de marzo de 2020.\n\n"
    "Punto 2 – Propuesta de Plan de Trabajo\n\n"
    "La delegación de Guatemala presentó la propuesta de Plan de Trabajo.\n\n"
    "Acuerdo:\n"
    "Aprobar en lo general el Plan de Trabajo 2020-2021.\n\n"
    "Acta – II Reunión del GT – San José, 19 y 20 de febrero de 2020        Página 1 de 2\n\n"
    "Punto 3 – Intercambio de información biométrica\n\n"
    "UNODC presentó los resultados de su programa de control de contenedores.\n\n"
    "Se acordó que México y los Estados Unidos elaboren una nota conceptual sobre el tema.\n"
)


def test_what_se_acordo_lists_under_an_agenda_point_is_that_points():
    groups = [item.group for item in parse_record(MINUTES).walk()]
    assert groups[:2] == ["Seguimiento de los acuerdos", "Seguimiento de los acuerdos"]


def test_acuerdo_alone_on_its_line_is_the_agreement_below_it():
    items = list(parse_record(MINUTES).walk())
    assert items[2].text == "Aprobar en lo general el Plan de Trabajo 2020-2021."
    assert items[2].group == "Propuesta de Plan de Trabajo"


def test_an_agenda_point_after_a_page_footer_is_no_running_header():
    last = list(parse_record(MINUTES).walk())[-1]
    assert last.group == "Intercambio de información biométrica"
    assert last.text.startswith("Se acordó que México")


def test_what_a_point_narrates_after_the_bullets_above_is_context():
    items = list(parse_record(MINUTES).walk())
    assert all("UNODC presentó" not in item.text for item in items)


BILINGUAL = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Reunión Viceministerial Extraordinaria\n"
    "Managua, Nicaragua, 24 y 25 de julio de 2014\n"
    "ACUERDOS\n"
    "N.º\nEspañol\nEnglish\n"
    "1\n"
    "Instruir a la Secretaría Técnica que convoque una reunión técnica de los puntos focales.\n"
    "Instruct the Technical Secretariat to convene a technical meeting of the focal points.\n"
    "2\n"
    "Exhortar a los Países Miembros a:\n"
    "a) designar un punto focal para la reunión técnica;\n"
    "b) compartir sus estadísticas con la Secretaría Técnica.\n"
    "Urge the Member Countries to:\n"
    "a) designate a focal point for the technical meeting;\n"
    "b) share their statistics with the Technical Secretariat.\n"
    "Managua, 25 de julio de 2014\n"
)


def test_a_bilingual_table_one_cell_per_line_gives_one_item_in_both_languages():
    items = list(parse_record(BILINGUAL).walk())
    assert [item.ref for item in items] == ["1", "2", "2.a", "2.b"]
    assert items[0].text.endswith("technical meeting of the focal points.")
    assert items[2].text.startswith("designar") and "designate" in items[2].text


NOMINAL = (
    "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
    "San Salvador, El Salvador, 14 y 15 de noviembre de 2006\n\n"
    "CONCLUSIONES\n\n"
    "Se acordó:\n\n"
    "1. Agradecimiento a la OIM por la presentación del informe sobre el Fondo de Reserva.\n\n"
    "2. Reconocimiento a la Red de Protección Consular por su informe, y encargo a dicha Red de "
    "una propuesta de guía, que será presentada antes de la próxima reunión del GRCM.\n\n"
    "3. Elaboración, por parte de la Secretaría Técnica, de un cuadro comparativo de la "
    "legislación de los países miembros.\n\n"
    "4. Aceptación del ofrecimiento de Guatemala de ser sede del seminario regional.\n\n"
    "RECOMENDACIONES A LA XII REUNIÓN VICEMINISTERIAL\n\n"
    "Se acordó recomendar a los Viceministros:\n\n"
    "a) Aprobación del presupuesto de la Secretaría Técnica para el período 2007-2008.\n"
)


def test_agreements_written_as_nouns_take_the_nouns_action():
    actions = [item.action for item in parse_record(NOMINAL).walk()]
    assert actions == ["thank", "thank", "submit", "accept", "recommend"]


def test_what_is_recommended_to_an_addressee_is_the_addressees():
    last = list(parse_record(NOMINAL).walk())[-1]
    assert last.responsible == ["VMM"]


def test_a_future_in_a_relative_clause_says_nothing_of_the_agreement():
    text = "Reconocimiento a la Red por su informe, que será presentada al GRCM."
    assert classify_action(text, "es") == "thank"


def test_antes_de_finalizar_la_presente_presidencia_is_a_deadline_without_a_date():
    found = resolve_deadline(
        "Elaborar una propuesta antes de finalizar la presente Presidencia Pro Tempore.",
        datetime.date(2006, 11, 15),
        "es",
    )
    assert found.date is None and "presente Presidencia" in found.phrase


COMMUNIQUE = (
    "QUINTA CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Washington, D.C., 23 y 24 de marzo de 2000\n\n"
    "COMUNICADO CONJUNTO\n\n"
    "Los Viceministros conocieron el informe de la Presidencia Pro Tempore y en el curso de sus "
    "deliberaciones:\n\n"
    "Asuntos institucionales\n\n"
    "1.\tAprobaron la incorporación de la CIDH como organismo observador de la Conferencia.\n\n"
    "Otros asuntos\n\n"
    "2.\tExpresaron su agradecimiento al pueblo y al Gobierno de los Estados Unidos de América.\n"
)


def test_a_theme_under_the_operative_phrase_is_the_first_items_group():
    items = list(parse_record(COMMUNIQUE).walk())
    assert [item.group for item in items] == ["Asuntos institucionales", "Otros asuntos"]


def test_expresaron_su_agradecimiento_thanks():
    assert parse_record(COMMUNIQUE).agreements[1].action == "thank"


def test_whom_the_asked_are_to_invite_is_not_responsible():
    gazetteer = default_gazetteer()
    text = "To ask the PPT to invite UNICEF to present its study."
    actors = gazetteer.find(text, "en")
    assert responsible(text, actors, "request", gazetteer=gazetteer, language="en") == ["PPT"]
