"""The layouts and wordings of held-out batch 6 (heldout/README.md), one behaviour each.
No database."""

from agreements.importer import classify_action, parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]

VIRTUAL = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión virtual del Grupo Regional de Consulta sobre Migración (GRCM)\n"
    "Convocada por la Presidencia Pro Tempore de Costa Rica, los días 9 y 10 de marzo de 2020\n\n"
    "ACUERDOS\n\n"
    "1. Aprobar el informe de la Secretaría Técnica.\n"
)


def test_a_virtual_meeting_has_no_city_and_is_hosted_by_the_presidency_that_convened_it():
    meeting = parse_record(VIRTUAL).meeting
    assert (meeting.city, meeting.country, str(meeting.start), str(meeting.end)) == (
        "",
        "CR",
        "2020-03-09",
        "2020-03-10",
    )


def test_a_meeting_with_no_place_that_is_not_virtual_names_no_host():
    meeting = parse_record(VIRTUAL.replace("Reunión virtual", "Reunión")).meeting
    assert meeting.country is None


COMMUNIQUE = (
    "VII REGIONAL CONFERENCE ON MIGRATION\n\nJOINT COMMUNIQUÉ\n\n"
    "The Vice-Ministerial Meeting was held in Antigua Guatemala, Guatemala, on May 23 and 24, "
    "2002.\n\n"
    "The Vice-Ministers agreed:\n\n"
    "(a) To adopt the report of the Regional Consultation Group on Migration.\n\n"
    "(b) {item}\n"
)


def test_an_english_that_clause_is_the_task_of_its_subject():
    record = parse_record(
        COMMUNIQUE.format(
            item="That the member countries send their migration legislation to the Pro "
            "Tempore Presidency by August 30, 2002."
        )
    )
    item = record.agreements[1]
    assert (item.action, sorted(item.responsible)) == ("submit", sorted(MEMBERS))


def test_an_english_that_clause_that_states_a_fact_is_no_task():
    assert classify_action("That migration is a shared responsibility of the region.") == "other"


def test_a_capitalised_task_under_an_entrusting_item_is_for_whom_it_entrusts():
    record = parse_record(
        VIRTUAL.replace(
            "1. Aprobar el informe de la Secretaría Técnica.\n",
            "1. Encomendar a la Red de Funcionarios de Enlace para la Protección Consular:\n"
            "1.1. Elaborar un mapeo de los servicios consulares prestados en línea.\n"
            "1.2. Presentar una propuesta de capacitación virtual en 2021.\n",
        )
    )
    children = record.agreements[0].children
    assert [(c.ref, c.action, c.responsible) for c in children] == [
        ("1.1", "request", ["LN-CP"]),
        ("1.2", "request", ["LN-CP"]),
    ]


def test_what_minutes_agree_on_an_agenda_item_in_one_line_is_an_item_below_it():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "ACTA DE LA REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\n"
        "Ciudad de Panamá, Panamá, 10 y 11 de noviembre de 2015\n\n"
        "1. Informe de la Secretaría Técnica\n\n"
        "La Secretaría Técnica presentó el informe de sus actividades.\n\n"
        "Se acuerda: Aprobar el informe de actividades de la Secretaría Técnica.\n\n"
        "2. Asuntos varios\n\n"
        "Se acuerda: Realizar la próxima reunión del GRCM en Honduras.\n"
    )
    items = [(item.ref, item.text) for item in record.walk()]
    assert ("1.1", "Aprobar el informe de actividades de la Secretaría Técnica.") in items
    assert ("2.1", "Realizar la próxima reunión del GRCM en Honduras.") in items
    assert "Se acuerda" not in record.agreements[0].text


def test_the_working_group_named_in_its_own_report_is_that_group():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Meeting of the Working Group on Labour Migration\n"
        "San Salvador, El Salvador, May 14-15, 2019\n\n"
        "RECOMMENDATIONS\n\n"
        "1. To request the ILO to prepare, with the Working Group, a guide on fair recruitment.\n"
    )
    item = record.agreements[0]
    assert item.responsible == ["ILO"]
    assert "WG-LM" in item.actors


def test_the_group_named_in_an_ad_hoc_groups_own_report_is_that_group():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Report of the Meeting of the Ad Hoc Working Group on Extra-Regional Migration\n"
        "Panama City, Panama, September 9-10, 2014\n\n"
        "It was agreed that:\n"
        "(i) Panama will prepare a diagnosis of extra-regional migration flows;\n"
        "(ii) the Technical Secretariat will convene a virtual meeting of the Group in 2015.\n"
    )
    item = record.agreements[-1]
    assert item.responsible == ["TS"]
    assert "AHG-EXTRA" in item.actors
