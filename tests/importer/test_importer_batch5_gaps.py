"""The gaps left after held-out batch 4 (heldout/README.md), one behaviour each. No database."""

import pytest

from agreements.importer import classify_action, normalise_text, parse_record

NETWORK_REPORT = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\n"
    "San José, Costa Rica, 8 y 9 de marzo de 2012\n\n"
    "ACUERDOS\n\n"
    "1. Presentar al GRCM una propuesta de protocolo regional. {who}\n"
    "2. Circular el informe entre los países miembros. Responsable: Secretaría Técnica\n"
)
NETWORK_REPORT_EN = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Liaison Officers Network for Consular Protection\n"
    "San José, Costa Rica, March 8-9, 2012\n\n"
    "AGREEMENTS\n\n"
    "1. To present a regional protocol to the RCGM. {who}\n"
    "2. To circulate the report among the member countries. Responsible: Technical Secretariat\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Actualizar el directorio de funcionarios de enlace y remitirlo a la Secretaría Técnica.",
        "Actualizar el directorio y hacerlo llegar a la Presidencia Pro Tempore.",
        "Que la Secretaría Técnica actualice el directorio y lo remita a los países.",
        "To update the directory of liaison officers and submit it to the TS.",
        "To update the list of focal points and forward it to the PPT before June 2012.",
        "The Technical Secretariat will update the directory and circulate it.",
        "To update the calendar of activities and to share it with the member countries.",
        "Actualizar el calendario de actividades y publicarlo en el sitio web de la CRM.",
        "To update the list of focal points and publish it on the RCM website.",
        "Los países actualizarán sus puntos de contacto y los enviarán a la Secretaría Técnica.",
    ],
)
def test_updating_something_and_sending_it_on_is_a_task_to_submit(text):
    assert classify_action(text) == "submit"


@pytest.mark.parametrize(
    "text", ["To update the RCM calendar.", "Actualizar el calendario de actividades de la CRM."]
)
def test_updating_what_the_group_adopts_stays_an_approval(text):
    assert classify_action(text) == "approve"


def test_whoever_must_update_and_send_it_is_responsible():
    record = parse_record(
        NETWORK_REPORT.replace(
            "1. Presentar al GRCM una propuesta de protocolo regional. {who}",
            "1. Los países actualizarán sus puntos de contacto y los enviarán a la Secretaría "
            "Técnica.",
        )
    )
    item = record.agreements[0]
    assert (item.action, len(item.responsible)) == ("submit", 11)


@pytest.mark.parametrize(
    "who",
    [
        "Responsable: Red de Funcionarios de Enlace",
        "Responsables: Red de Funcionarios de Enlace",
        "A cargo de: Red de Funcionarios de Enlace",
        "Responsable: la Red",
        "Responsable: Red",
        "A cargo de: Red de Enlace",
    ],
)
def test_the_generic_network_named_responsible_in_its_report_is_that_network(who):
    record = parse_record(NETWORK_REPORT.format(who=who))
    assert record.agreements[0].responsible == ["LN-CP"]


@pytest.mark.parametrize(
    "who",
    [
        "Responsible: Liaison Officers Network",
        "Responsible: Liaison Network",
        "Responsible: the Network",
        "Responsible: Network",
        "In charge: Liaison Network",
    ],
)
def test_the_generic_network_named_responsible_in_an_english_report_is_that_network(who):
    record = parse_record(NETWORK_REPORT_EN.format(who=who))
    assert record.agreements[0].responsible == ["LN-CP"]


def test_a_list_of_responsible_actors_resolves_the_network_among_them():
    record = parse_record(
        NETWORK_REPORT.format(who="Responsables: México, Red de Funcionarios de Enlace y OIM")
    )
    assert sorted(record.agreements[0].responsible) == ["IOM", "LN-CP", "MX"]


def test_the_generic_network_in_a_joint_report_is_both_networks():
    text = NETWORK_REPORT.replace(
        "Reunión de la Red de Funcionarios de Enlace para la Protección Consular",
        "Reunión conjunta de las Redes de Funcionarios de Enlace",
    ).format(who="Responsable: Red de Funcionarios de Enlace")
    assert sorted(parse_record(text).agreements[0].responsible) == ["LN-CP", "LN-SMTP"]


CONCLUSIONS = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión del GRCM celebrada en Panamá, Panamá\n4 y 5 de noviembre de 2004\n\n"
    "CONCLUSIONES\n\n"
    "1. Tomar nota del informe de la Secretaría Técnica.\n\n"
    "2. Realizar un taller sobre trata de personas en El Salvador, en marzo de 2005.\n\n"
    "{glyph} Los países informarán a la Secretaría Técnica sobre sus participantes a más tardar "
    "el 15 de febrero de 2005.\n\n"
    "3. Agradecer a la OIM por su apoyo.\n"
)


@pytest.mark.parametrize(
    "glyph",
    list("➢➤►▪■□◦●") + ["\uf0d8", "\uf0a7", "\uf0fc", "\uf0b7", "\uf071", "\uf0e8"],
)
def test_a_bullet_under_a_finished_item_is_an_item_of_its_own(glyph):
    record = parse_record(CONCLUSIONS.format(glyph=glyph))
    workshop = record.agreements[1]
    assert workshop.responsible == ["SV"]
    assert [(child.ref, child.ref_assigned, len(child.responsible)) for child in
            workshop.children] == [("2.1", True, 11)]  # fmt: skip
    assert [item.ref for item in record.agreements] == ["1", "2", "3"]


def test_bullets_under_an_item_that_introduces_them_stay_its_text():
    text = CONCLUSIONS.replace("en marzo de 2005.", "con estos temas:").format(glyph="➢")
    text = text.replace("\n\n➢", "\n➢").replace(
        "2005.\n\n3.", "2005.\n➢ Identificación de víctimas de trata en las fronteras.\n\n3."
    )
    record = parse_record(text)
    workshop = record.agreements[1]
    assert workshop.children == []
    assert workshop.text.count("· ") == 2


@pytest.mark.parametrize("glyph", ["\uf071", "\uf0e8", "\uf076", "\uf0d8"])
def test_a_symbol_font_glyph_opening_a_line_is_read_as_a_bullet(glyph):
    assert normalise_text(f"{glyph} Los países informarán.") == "· Los países informarán."


def test_a_symbol_font_glyph_inside_a_word_is_dropped():
    assert normalise_text("Migra\uf020ción") == "Migración"


def test_a_bullet_under_an_item_that_ends_naming_who_acts_is_an_item_of_its_own():
    record = parse_record(
        NETWORK_REPORT.format(who="Responsable: Red de Funcionarios de Enlace").replace(
            "\n2. Circular",
            "\n\n\uf0d8 La Secretaría Técnica circulará el borrador entre los países miembros.\n"
            "\n2. Circular",
        )
    )
    first = record.agreements[0]
    assert [(child.ref, child.responsible) for child in first.children] == [("1.1", ["TS"])]
    assert first.responsible == ["LN-CP"]


def test_a_bullet_wrapped_over_two_lines_under_a_finished_item_is_an_item_of_its_own():
    text = CONCLUSIONS.format(glyph="➢").replace(
        "sobre sus participantes", "sobre sus\nparticipantes"
    )
    workshop = parse_record(text).agreements[1]
    assert workshop.responsible == ["SV"]
    assert [child.text for child in workshop.children] == [
        "Los países informarán a la Secretaría Técnica sobre sus participantes a más tardar el 15 "
        "de febrero de 2005."
    ]
