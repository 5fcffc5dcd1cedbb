"""The layouts and wordings of held-out batches 40 and 41 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.responsible import responsible

MINUTES = (
    "Grupo de Trabajo sobre Protección\n"
    "MINUTA DE LA REUNIÓN VIRTUAL N.º 1/2019\n"
    "Martes 5 de noviembre de 2019\n"
    "Modalidad: videoconferencia convocada por la Presidencia Pro Tempore de Guatemala\n\n"
    "Agenda\n"
    "1. Seguimiento de los acuerdos de la primera reunión (Ciudad de Guatemala, 10 y 11 de "
    "septiembre de 2019).\n\n"
    "Acuerdos\n\n"
    "Al término de la reunión, los delegados acordaron: a) aprobar en lo general el borrador "
    "de términos de referencia del Grupo; b) solicitar a El Salvador que circule la versión "
    "revisada entre los miembros del Grupo dentro de los 15 días hábiles siguientes a la "
    "presente reunión; c) instar a Nicaragua a designar a su punto focal ante el Grupo; y d) "
    "agradecer a la PPT de Guatemala la convocatoria.\n\n"
    "Sin otro asunto que tratar, la reunión concluyó a las 11:40 horas.\n"
)


def test_lettered_agreements_run_in_on_one_paragraph_are_items():
    assert [item.ref for item in parse_record(MINUTES).walk()] == ["a", "b", "c", "d"]


def test_a_virtual_meeting_has_no_city_whatever_place_its_agenda_names():
    meeting = parse_record(MINUTES).meeting
    assert (meeting.city, meeting.country) == ("", "GT")


def test_sin_otro_asunto_que_tratar_closes_the_record():
    last = list(parse_record(MINUTES).walk())[-1]
    assert "Sin otro asunto" not in last.text


WRAPPED = (
    "RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES\n"
    "Antigua Guatemala, Guatemala, 16 de noviembre de 2009\n\n"
    "ACUERDOS\n\n"
    "La Red acordó:\n\n"
    "1. Solicitar a la Secretaría Técnica que a) concluya el directorio regional de fiscalías\n"
    "   y unidades policiales especializadas; b) incorpore en él los datos que Belice y\n"
    "   Panamá remitan; y c) lo circule entre los funcionarios de enlace.\n"
    "   A cargo de: Secretaría Técnica\n"
    "   Fecha límite: 15 de enero de 2010\n"
)


def test_lettered_items_run_in_across_a_wrapped_paragraph_are_sub_items():
    assert [item.ref for item in parse_record(WRAPPED).walk()] == ["1", "1.a", "1.b", "1.c"]


def test_who_acts_named_after_the_last_semicolon_is_responsible():
    gazetteer = default_gazetteer()
    for text, language, who in (
        ("Remitir las estadísticas a más tardar el 27 de febrero de 2004; Países Miembros.", "es",
         sorted(["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"])),
        ("Circulate the statement of contributions within 20 days; responsibility of the "
         "Technical Secretariat.", "en", ["TS"]),
    ):  # fmt: skip
        actors = gazetteer.find(text, language)
        found = responsible(text, actors, "submit", gazetteer=gazetteer, language=language)
        assert sorted(found) == who


def test_of_an_intermediate_and_a_final_deadline_the_final_one_counts():
    found = resolve_deadline(
        "To prepare the overview, circulate a first draft by June 30, 2012 and the final version "
        "by October 31, 2012.",
        datetime.date(2012, 3, 14),
    )
    assert found.date == datetime.date(2012, 10, 31)


COMMUNIQUE = (
    "XVI CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Santo Domingo, República Dominicana, 23 y 24 de junio de 2011\n\n"
    "ACORDARON:\n\n"
    "1.\tTomar nota del informe de la OIM sobre el Fondo de Reserva y solicitar:\n"
    "\ta)\ta la OIM, que continúe presentando al GRCM el detalle de los casos atendidos;\n"
    "\tb)\ta la Presidencia Pro Tempore, que revise el Protocolo del Fondo.\n\n"
    "2.\tAgradecer al Gobierno de la República Dominicana su hospitalidad.\n\n"
    "Santo Domingo, República Dominicana, 24 de junio de 2011.\n"
)


def test_sub_items_under_and_request_complete_the_last_verb_each_naming_whom():
    items = {item.ref: item for item in parse_record(COMMUNIQUE).walk()}
    assert (items["1.a"].action, items["1.a"].responsible) == ("request", ["IOM"])
    assert (items["1.b"].action, items["1.b"].responsible) == ("request", ["PPT"])


def test_the_place_and_date_with_a_full_stop_close_the_record():
    assert parse_record(COMMUNIQUE).agreements[-1].text.endswith("su hospitalidad.")


MINUTES_NUMBERED = (
    "WORKING GROUP ON IRREGULAR AND MASS MIGRATION\n"
    "Minutes of the second meeting\n\n"
    "Date:          22–23 October 2019\n"
    "Venue:         Tegucigalpa, Honduras\n\n"
    "1. Opening and adoption of the agenda\n\n"
    "1.1 The Chair welcomed the delegations and the agenda was adopted.\n\n"
    "2. Actions arising from the first meeting (San Salvador, 13 June 2019)\n\n"
    "2.1 The TS presented the action log of the first meeting:\n\n"
    "Action 2.4 – Member countries to designate their focal points – outstanding for Belize.\n\n"
    "3. Regional early-warning mechanism\n\n"
    "3.1 Mexico and Guatemala presented their concept note on a regional early-warning "
    "mechanism.\n\n"
    "3.2 The Group agreed to adopt the concept note as the basis for the design of the "
    "mechanism.\n"
    "ACTION: Mexico and Guatemala, with the support of IOM – by 15 January 2020\n\n"
    "3.3 The member countries that have not yet done so will send the TS their plans.\n"
)


def test_in_minutes_only_the_numbered_paragraphs_that_decide_are_items():
    assert [item.ref for item in parse_record(MINUTES_NUMBERED).walk()] == ["3.2", "3.3"]


def test_an_action_line_names_who_acts_and_by_when():
    item = parse_record(MINUTES_NUMBERED).agreements[0]
    assert sorted(item.responsible) == ["GT", "MX"]
    assert str(item.deadline) == "2020-01-15"


BY_TOPIC = (
    "Meeting of the Regional Consultation Group on Migration (RCGM)\n"
    "Guatemala City, Guatemala, 11 and 12 June 2019\n\n"
    "SUMMARY OF CONCLUSIONS\n\n"
    "Chair: Pro Tempore Presidency of Guatemala.\n"
    "Rapporteur: Technical Secretariat (TS).\n\n"
    "Agenda: The RCGM adopted the agenda of the meeting with the addition of one item.\n\n"
    "Budget: The RCGM approved the draft budget of the Technical Secretariat for 2020 and agreed "
    "to recommend its adoption.\n\n"
    "Contributions: The RCGM urged the member countries with outstanding contributions to pay "
    "them before the end of the third quarter of 2019.\n\n"
    "Next meeting:\n"
    "The next meeting of the RCGM will be held in Guatemala City on 12 November 2019.\n\n"
    "Other business: No other business was raised by the delegations at the meeting.\n\n"
    "Acknowledgements: The RCGM thanked the Government of Guatemala for its hospitality and "
    "support.\n"
)


def test_a_summary_by_topic_makes_each_topic_paragraph_an_item_under_it():
    items = list(parse_record(BY_TOPIC).walk())
    assert [item.group for item in items] == [
        "Agenda",
        "Budget",
        "Contributions",
        "Next meeting",
        "Acknowledgements",
    ]
    assert items[0].text.startswith("The RCGM adopted")


UNNUMBERED_SUBPOINTS = (
    "MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)\n"
    "Mexico City, Mexico, November 16-17, 2010\n\n"
    "CONCLUSIONS AND RECOMMENDATIONS\n\n"
    "Having examined the items on its agenda, the RCGM agreed on the following:\n"
    "To approve the agenda of the meeting.\n"
    "To take note of the report of the Technical Secretariat and to request the TS to:\n"
    "\tinclude in the final version of the report the contributions received;\n"
    "\tcirculate the final version to the focal points by December 10, 2010.\n"
    "To thank the Government of Mexico for its hospitality.\n"
)


def test_lower_case_lines_under_an_item_ending_with_a_colon_are_its_sub_items():
    refs = [item.ref for item in parse_record(UNNUMBERED_SUBPOINTS).walk()]
    assert refs == ["1", "2", "2.1", "2.2", "3"]


def test_recommends_that_the_rcgm_over_lower_case_lines_makes_each_a_recommendation_to_it():
    text = (
        "WORKING GROUP ON LABOUR MIGRATION\n"
        "Tegucigalpa, Honduras, August 23–24, 2016\n\n"
        "Recommendations to the RCGM\n\n"
        "The Working Group recommends that the RCGM:\n\n"
        "    approve the work plan of the Working Group for 2016–2017;\n\n"
        "    consider, at its meeting of November 2016, the proposal of Mexico.\n"
    )
    items = list(parse_record(text).walk())
    assert [(item.ref, item.action, item.responsible) for item in items] == [
        ("1", "recommend", ["RCGM"]),
        ("2", "recommend", ["RCGM"]),
    ]


WRAPPED_PHRASE = (
    "RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES\n"
    "Managua, Nicaragua, 23 de junio de 2014\n\n"
    "ACUERDOS\n\n"
    "Los funcionarios de enlace acordaron:\n\n"
    "Aprobar el informe de la reunión anterior de la Red.\n\n"
    "Asimismo, los funcionarios de enlace instaron a los Países Miembros que\n"
    "aún no lo han hecho a:\n\n"
    "remitir a la Secretaría Técnica sus estadísticas de 2013 sobre víctimas de\n"
    "trata de personas identificadas y asistidas;\n\n"
    "designar a un funcionario de enlace suplente ante la Red.\n\n"
    "Finalmente, la Red acordó:\n\n"
    "Agradecer al Gobierno de Nicaragua su hospitalidad.\n"
)


def test_a_phrase_cut_by_the_wrapping_still_opens_its_list_and_numbering_goes_on():
    items = list(parse_record(WRAPPED_PHRASE).walk())
    assert [item.ref for item in items] == ["1", "2", "3", "4"]
    assert items[1].action == "urge" and len(items[1].responsible) == 11


JOINT = (
    "REUNIÓN CONJUNTA DE LAS REDES DE FUNCIONARIOS DE ENLACE\n"
    "Tegucigalpa, Honduras, 3 y 4 de mayo de 2016\n\n"
    "Acuerdos de la sesión conjunta\n\n"
    "1. Aprobar el Protocolo de Coordinación entre ambas Redes.\n\n"
    "2. Agradecer al UNICEF y a la OIM las presentaciones realizadas.\n\n"
    "Acuerdos de la Red de Protección Consular\n\n"
    "1. Tomar nota del informe de la Presidencia Pro Tempore sobre la Guía Regional.\n\n"
    "Acuerdos de la Red contra el Tráfico Ilícito de Migrantes y la Trata de Personas\n\n"
    "1. Aprobar el Plan de Trabajo 2016-2017 de la Red.\n"
)


def test_each_networks_agreements_in_a_joint_record_run_under_its_heading():
    items = list(parse_record(JOINT).walk())
    assert [item.ref for item in items] == ["1", "2", "B.1", "C.1"]
    assert items[3].group.startswith("Acuerdos de la Red contra el Tráfico")


DASHES = (
    "XX REUNIÓN VICEMINISTERIAL DE LA CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Ciudad de México, 19 y 20 de noviembre de 2015\n\n"
    "Los Viceministros y Jefes de Delegación acuerdan:\n\n"
    "–\tAprobar el informe de la Presidencia Pro Tempore.\n\n"
    "Asimismo, los Viceministros y Jefes de Delegación acuerdan instruir a la Secretaría Técnica\n"
    "que:\n\n"
    "–\tpublique en el sitio web de la Conferencia los documentos aprobados; y\n\n"
    "–\tmantenga actualizado el registro de seguimiento de los acuerdos.\n\n"
    "Ciudad de México, 20 de noviembre de 2015\n\n"
    "CRM – XX Reunión Viceministerial – Comunicado Conjunto                         2/2\n"
)


def test_what_the_ts_is_instructed_in_a_wrapped_phrase_is_one_item_per_dash():
    items = list(parse_record(DASHES).walk())
    assert [item.ref for item in items] == ["1", "2", "3"]
    assert [(item.action, item.responsible) for item in items[1:]] == [
        ("request", ["TS"]),
        ("request", ["TS"]),
    ]
    assert items[-1].text.endswith("de los acuerdos.")


TABS_LEFT = (
    "XI Reunión Viceministerial\n"
    "San Salvador, El Salvador, 4 y 5 de mayo de 2006\n\n"
    "COMUNICADO CONJUNTO\n\n"
    "Los Viceministros conocieron el informe de la Presidencia Pro Tempore y acordaron lo "
    "siguiente:\n\n"
    "Asuntos institucionales y financieros\n"
    "\tAprobar el informe de la Presidencia Pro Tempore de El Salvador.\n"
    "\tAprobar el presupuesto de la Secretaría Técnica e instar a los Países Miembros a:\n"
    "\t\tcubrir sus contribuciones a más tardar el 30 de septiembre de 2006;\n"
    "\t\tcomunicar a la Secretaría Técnica el nombre de la institución responsable del pago.\n"
    "Otros asuntos\n"
    "\tAgradecer al pueblo y al Gobierno de El Salvador su hospitalidad.\n"
)


def test_tabs_left_by_lost_numbering_give_items_sub_items_and_their_subtitles():
    items = list(parse_record(TABS_LEFT).walk())
    assert [(item.ref, item.group) for item in items] == [
        ("1", "Asuntos institucionales y financieros"),
        ("2", "Asuntos institucionales y financieros"),
        ("2.1", "Asuntos institucionales y financieros"),
        ("2.2", "Asuntos institucionales y financieros"),
        ("3", "Otros asuntos"),
    ]


def test_the_rcgm_alone_over_its_decisions_is_no_group():
    text = (
        "MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION\n"
        "Panama City, Panama, 20–21 March 2018\n\n"
        "The RCGM:\n\n"
        "1. Adopted the agenda of the meeting.\n"
        "2. Took note of the report of the Technical Secretariat.\n"
    )
    assert [item.group for item in parse_record(text).walk()] == ["", ""]


def test_recommendations_under_a_los_paises_miembros_are_addressed_to_them():
    text = (
        "TALLER REGIONAL SOBRE DERIVACIÓN DE CASOS\n"
        "San Salvador, El Salvador, 22 y 23 de agosto de 2017\n\n"
        "RECOMENDACIONES\n\n"
        "A los Países Miembros:\n\n"
        "1. Designar puntos focales institucionales para la derivación de casos.\n\n"
        "Al Grupo Regional de Consulta sobre Migración:\n\n"
        "2. Considerar, en su próxima reunión, la elaboración de una guía regional.\n"
    )
    items = list(parse_record(text).walk())
    assert len(items[0].responsible) == 11
    assert items[1].responsible == ["RCGM"]


def test_a_rule_line_at_a_page_break_is_no_part_of_the_item_above():
    text = (
        "REUNIÓN VICEMINISTERIAL EXTRAORDINARIA\n"
        "Tegucigalpa, Honduras, 14 de abril de 2016\n\n"
        "RESUELVEN:\n\n"
        "1.- Solicitar a la Red de Funcionarios de Enlace para la Protección Consular que:\n"
        "________________________________\n"
        "      i. actualice el directorio regional de autoridades consulares;\n"
        "      ii. identifique buenas prácticas en la atención consular.\n"
    )
    items = {item.ref: item for item in parse_record(text).walk()}
    assert items["1"].text.endswith("que:")
    assert items["1.i"].responsible == ["LN-CP"]
