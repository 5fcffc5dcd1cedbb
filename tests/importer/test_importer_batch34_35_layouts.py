"""The layouts and wordings of held-out batches 34 and 35 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.reading_nouns import one_noun_each
from agreements.importer.responsible import responsible

RESOLUTION = (
    "XVIII CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n\n"
    "DECLARACIÓN DE SAN JOSÉ\n\n"
    "Los Viceministros y Jefes de Delegación de Belice, Canadá, Costa Rica, El Salvador, Estados "
    "Unidos de América, Guatemala, Honduras, México, Nicaragua, Panamá y República Dominicana, "
    "reunidos en San José, Costa Rica, los días 27 y 28 de junio de 2013,\n\n"
    "RECORDANDO la Declaración adoptada en la XVII Reunión Viceministerial;\n\n"
    "TENIENDO PRESENTE el Diálogo de Alto Nivel que se celebrará en octubre de 2013;\n\n"
    "REAFIRMAN su compromiso con el respeto de los derechos humanos de las personas migrantes;\n\n"
    "INSTRUYEN a la Secretaría Técnica para que:\n"
    "i. elabore un documento de análisis sobre las políticas de integración;\n"
    "ii. publique en el sitio web los documentos adoptados, a más tardar el 31 de julio de "
    "2013;\n\n"
    "ENCOMIENDAN al Grupo Regional de Consulta sobre Migración el análisis de los mecanismos de "
    "diálogo, cuyos resultados serán presentados en la XIX Reunión Viceministerial;\n\n"
    "AGRADECEN a la delegación canadiense el apoyo financiero brindado al Fondo de Reserva.\n\n"
    "Adoptada en San José, Costa Rica, el veintiocho de junio de dos mil trece.\n\n"
    "Por Belice\tPor Canadá\n"
)


def test_a_resolutions_operative_paragraphs_in_capitals_are_its_items():
    refs = [item.ref for item in parse_record(RESOLUTION).walk()]
    assert refs == ["1", "2", "2.i", "2.ii", "3", "4"]


def test_a_resolutions_preambular_paragraphs_and_signatures_are_context():
    record = parse_record(RESOLUTION)
    preamble = " ".join(record.preamble)
    assert "RECORDANDO" in preamble and "Adoptada en San José" in preamble
    assert all("Por Belice" not in item.text for item in record.walk())


def test_the_list_under_an_operative_paragraph_is_its_children():
    items = {item.ref: item for item in parse_record(RESOLUTION).walk()}
    assert items["2.ii"].responsible == ["TS"]
    assert str(items["2.ii"].deadline) == "2013-07-31"


def test_results_to_be_presented_at_a_numbered_meeting_are_due_there():
    item = {item.ref: item for item in parse_record(RESOLUTION).walk()}["3"]
    assert item.deadline is None
    assert "XIX Reunión Viceministerial" in item.deadline_text


REPORT = (
    "REGIONAL CONFERENCE ON MIGRATION (RCM)\n"
    "Liaison Officers Network to Combat Migrant Smuggling and Trafficking in Persons\n\n"
    "MEETING REPORT\n\n"
    "San Salvador, El Salvador, June 20–21, 2017\n\n"
    "I. SUMMARY OF PRESENTATIONS\n\n"
    "•\tThe TS presented the status of the agreements adopted at the previous meeting.\n"
    "•\tIOM presented the regional information campaign, to be launched in 2017.\n\n"
    "II. AGREEMENTS\n\n"
    "1.\tRegional training plan – The Network approved the Regional Training Plan for "
    "2017–2018, prepared by the TS with the support of UNODC.\n\n"
    "2.\tRecommendation to the RCGM – The Network agreed to recommend that the RCGM include "
    "migrant smuggling by sea in the agenda of its meeting in November 2017.\n\n"
    "3.\tNext meeting – The next meeting of the Network will take place in Panama City during "
    "the first semester of 2018.\n"
)


def test_narrating_bullets_under_a_summary_of_presentations_are_no_items():
    assert [item.ref for item in parse_record(REPORT).walk()] == ["1", "2", "3"]


def test_a_title_run_in_with_a_dash_is_the_items_group():
    first = parse_record(REPORT).agreements[0]
    assert first.group == "Regional training plan"
    assert first.text.startswith("The Network approved")


def test_a_network_that_agreed_to_recommend_recommends():
    assert parse_record(REPORT).agreements[1].action == "recommend"


def test_a_meeting_that_will_take_place_is_held():
    assert parse_record(REPORT).agreements[2].action == "hold"


def test_a_report_received_with_satisfaction_is_noted():
    text = "The RCGM received with satisfaction the Activity Report of the Technical Secretariat."
    assert classify_action(text, "en") == "note"


def test_another_bodys_technical_secretariat_is_not_the_conferences():
    text = (
        "The Network requested the PPT to invite the Technical Secretariat of the Regional "
        "Coalition against Trafficking in Persons to its next meeting."
    )
    gazetteer = default_gazetteer()
    actors = gazetteer.find(text, "en")
    assert responsible(text, actors, "request", gazetteer=gazetteer, language="en") == ["PPT"]


CONCLUSIONS = (
    "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
    "Antigua Guatemala, Guatemala, 17 y 18 de noviembre de 2009\n\n"
    "CONCLUSIONES Y RECOMENDACIONES\n\n"
    "1. Agradecer a las delegaciones hondureña y salvadoreña la presentación de los resultados "
    "del mecanismo binacional. Ambas delegaciones presentarán un informe de seguimiento.\n\n"
    "2. Solicitar a la Secretaría Técnica que:\n"
    "i. circule entre los puntos focales el proyecto de presupuesto para el año 2010;\n"
    "ii. consolide los comentarios recibidos y los someta a consideración de la Troika.\n"
    "Plazo: 31 de enero de 2010.\n\n"
    "3. Agradecer al Gobierno de Guatemala su hospitalidad.\n"
)


def test_a_deadline_under_the_last_sub_item_is_the_lists_parent():
    items = {item.ref: item for item in parse_record(CONCLUSIONS).walk()}
    assert str(items["2"].deadline) == "2010-01-31"
    assert "Plazo" not in items["2.ii"].text


def test_the_sub_items_of_a_request_with_its_deadline_below_are_still_requested():
    items = {item.ref: item for item in parse_record(CONCLUSIONS).walk()}
    assert (items["2.i"].action, items["2.i"].responsible) == ("request", ["TS"])


def test_one_noun_shared_by_two_demonyms_names_both_countries():
    item = parse_record(CONCLUSIONS).agreements[0]
    assert sorted(item.responsible) == ["HN", "SV"]


def test_english_demonyms_sharing_delegations_name_both_countries():
    text = "The Canadian and U.S. delegations will co-organize a virtual workshop in 2020."
    gazetteer = default_gazetteer()
    reading = one_noun_each(text)
    actors = gazetteer.find(reading, "en")
    assert classify_action(text, "en") == "hold"
    assert sorted(responsible(reading, actors, "hold", gazetteer=gazetteer, language="en")) == [
        "CA",
        "US",
    ]


WORKSHOP = (
    "REGIONAL WORKSHOP ON TEMPORARY LABOUR MIGRATION PROGRAMMES\n"
    "Santo Domingo, Dominican Republic, October 4-5, 2011\n\n"
    "4. RECOMMENDATIONS\n\n"
    "No.\tRecommendation\tResponsible\tTimeframe\n"
    "1\tTo prepare a comparative study of the temporary labour migration programmes.\n"
    "The study should cover the bilateral agreements in force.\tTechnical Secretariat\t"
    "First half of 2012\n"
    "2\tTo consider the proposal of the Canadian delegation to hold, in 2012, a virtual "
    "exchange.\tCanadian delegation\tBefore the next RCGM meeting\n\n"
    "5. CLOSING\n\n"
    "6. The PPT thanked the delegations for their participation and closed the meeting.\n"
)


def test_a_tabbed_row_whose_first_cell_has_two_paragraphs_keeps_its_other_cells():
    first = parse_record(WORKSHOP).agreements[0]
    assert first.responsible == ["TS"]
    assert str(first.deadline) == "2012-06-30"
    assert "bilateral agreements in force" in first.text


def test_the_deadline_column_wins_over_a_year_in_the_agreements_words():
    second = parse_record(WORKSHOP).agreements[1]
    assert second.deadline is None
    assert "next RCGM meeting" in second.deadline_text


def test_a_closing_part_narrating_the_end_of_the_meeting_holds_no_item():
    assert [item.ref for item in parse_record(WORKSHOP).walk()] == ["1", "2"]
