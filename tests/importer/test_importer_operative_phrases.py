"""Operative phrases ("Se acuerda:", "The RCGM decided to:", "RESUELVEN LO SIGUIENTE:") over
the items they introduce: context, not the items' group label; a theme or an addressee stays a
label. Small documents written for these tests in the conference's ways of writing (none is the
record of a real meeting). No database."""

import pytest

from agreements.importer import parse_record
from agreements.importer.parser_sections import operative_phrase

GRCM_ES = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión del Grupo Regional de Consulta sobre Migración\n"
    "Ciudad de Guatemala, Guatemala, 12 y 13 de marzo de 2015\n\n"
)
RCGM_EN = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Regional Consultation Group on Migration\n"
    "Guatemala City, Guatemala, March 12-13, 2015\n\n"
)


def groups(record) -> list[tuple[str, str]]:
    return [(item.ref, item.group) for item in record.walk()]


def test_se_acuerda_over_lettered_items_of_minutes_is_context_not_their_group():
    record = parse_record(
        GRCM_ES + "1. Informe de la Secretaría Técnica\n\n"
        "La Secretaría Técnica presentó su informe de actividades.\n\n"
        "Se acuerda:\n"
        "a) Aprobar el informe de actividades de la Secretaría Técnica.\n"
        "b) Solicitar a la Secretaría Técnica que circule el plan de trabajo.\n"
    )
    assert groups(record) == [("1", ""), ("1.a", ""), ("1.b", "")]
    assert record.preamble == ["Se acuerda:"]


def test_the_rcgm_decided_to_over_roman_items_is_context_not_their_group():
    record = parse_record(
        RCGM_EN + "CONCLUSIONS\n\n"
        "The RCGM reviewed the progress of the work plan.\n\n"
        "The RCGM decided to:\n\n"
        "i. Approve the report of the Technical Secretariat.\n"
        "ii. Request the Technical Secretariat to circulate the draft budget.\n"
    )
    assert groups(record) == [("i", ""), ("ii", "")]
    assert "The RCGM decided to:" in record.preamble


def test_resuelven_lo_siguiente_over_a_declarations_paragraphs_is_context():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "DECLARACIÓN DE TEGUCIGALPA\n"
        "Tegucigalpa, Honduras, 20 de junio de 2018\n\n"
        "Reconociendo la importancia de la cooperación regional;\n\n"
        "RESUELVEN LO SIGUIENTE:\n\n"
        "1. Instruir a la Secretaría Técnica que elabore un informe anual.\n"
        "2. Agradecer al Gobierno de Honduras su hospitalidad.\n"
    )
    assert groups(record) == [("1", ""), ("2", "")]
    assert "RESUELVEN LO SIGUIENTE:" in record.preamble


def test_items_after_an_operative_phrase_leave_the_addressee_label_of_the_bullets_above():
    record = parse_record(
        GRCM_ES + "Secretaría Pro-Témpore\n"
        "• Circular el informe de la reunión.\n"
        "• Convocar a la próxima reunión.\n\n"
        "Los Viceministros acordaron además:\n"
        "• Aprobar el presupuesto de la Secretaría Técnica para 2016.\n"
    )
    assert groups(record) == [
        ("1", "Secretaría Pro-Témpore"),
        ("2", "Secretaría Pro-Témpore"),
        ("3", ""),
    ]
    assert record.preamble == ["Los Viceministros acordaron además:"]


def test_se_recomienda_over_numbered_items_makes_them_recommendations():
    record = parse_record(
        GRCM_ES + "CONCLUSIONES Y RECOMENDACIONES\n\n"
        "1. El GRCM aprobó el informe de la Secretaría Técnica.\n\n"
        "Se recomienda:\n\n"
        "2. Elaborar una guía regional de atención a personas migrantes.\n"
        "3. Fortalecer la cooperación entre los ministerios de salud.\n"
    )
    assert [(item.ref, item.group, item.action) for item in record.walk()] == [
        ("1", "", "approve"),
        ("2", "", "recommend"),
        ("3", "", "recommend"),
    ]


def test_a_recommending_phrase_right_above_the_first_item_makes_them_recommendations():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Workshop on Migration and Health\n"
        "San Jose, Costa Rica, October 4-5, 2011\n\n"
        "The participants recommended:\n\n"
        "1. Prepare a regional guide on the care of migrants in health services.\n"
        "2. Strengthen cooperation between the ministries of health.\n"
    )
    assert [item.action for item in record.walk()] == ["recommend", "recommend"]
    assert record.preamble == ["The participants recommended:"]


def test_what_se_recomienda_introduces_stays_a_recommendation_whatever_its_verb():
    record = parse_record(
        GRCM_ES + "Se recomienda:\n"
        "- Fortalecer la cooperación entre los ministerios de salud.\n"
        "- Elaborar una guía regional de atención a personas migrantes.\n"
    )
    assert [item.action for item in record.walk()] == ["recommend", "recommend"]


def test_se_acuerda_after_a_narrating_paragraph_opens_the_agreements_and_is_none():
    record = parse_record(
        GRCM_ES + "Los participantes analizaron el informe de la Secretaría Técnica.\n\n"
        "Se acuerda:\n\n"
        "Aprobar el informe financiero de la Secretaría Técnica.\n\n"
        "Solicitar a la Secretaría Técnica que circule el plan de trabajo.\n"
    )
    assert [item.text for item in record.walk()] == [
        "Aprobar el informe financiero de la Secretaría Técnica.",
        "Solicitar a la Secretaría Técnica que circule el plan de trabajo.",
    ]


def test_the_theme_before_an_operative_phrase_is_the_group_of_its_items():
    record = parse_record(
        GRCM_ES + "Sobre el Fondo de Reserva, el GRCM acordó:\n\n"
        "Solicitar a la Secretaría Técnica un informe sobre el uso del Fondo.\n\n"
        "Agradecer al Gobierno de Canadá su contribución.\n"
    )
    assert groups(record) == [("1", "Fondo de Reserva"), ("2", "Fondo de Reserva")]


def test_the_theme_before_an_english_operative_phrase_over_bullets_is_their_group():
    record = parse_record(
        RCGM_EN + "With regard to the Reserve Fund, the RCGM agreed:\n"
        "• To request the Technical Secretariat to report on its use.\n"
        "• To thank Canada for its contribution.\n"
    )
    assert groups(record) == [("1", "Reserve Fund"), ("2", "Reserve Fund")]


def test_the_addressee_after_an_operative_phrase_is_the_group_of_its_items():
    record = parse_record(
        GRCM_ES + "CONCLUSIONES\n\n"
        "1. El GRCM aprobó el informe de la Presidencia Pro Tempore.\n\n"
        "Se recomienda a la Secretaría Técnica:\n\n"
        "2. Elaborar un informe sobre el Fondo de Reserva.\n"
    )
    assert groups(record) == [("1", ""), ("2", "Secretaría Técnica")]
    assert record.by_ref()["2"].action == "recommend"


def test_an_agreement_before_the_bullets_of_a_group_label_is_an_item_not_context():
    record = parse_record(
        RCGM_EN + "The RCGM agreed to:\n\n"
        "Approve the financial report of the Technical Secretariat.\n\n"
        "Technical Secretariat:\n"
        "• Circulate the work plan to the focal points.\n"
    )
    assert groups(record) == [("1", ""), ("2", "Technical Secretariat")]
    assert record.preamble == ["The RCGM agreed to:"]


def test_se_acuerda_with_its_agreement_on_one_long_line_is_one_agreement_under_its_item():
    agreement = (
        "Encomendar a la Red de Funcionarios de Enlace para la Protección Consular la "
        "actualización de la Guía de Protección Consular durante el primer semestre de 2016."
    )
    record = parse_record(
        GRCM_ES + "1. Red de Funcionarios de Enlace\n\n"
        "La Presidencia Pro Tempore informó sobre la última reunión de la Red.\n\n"
        f"Se acuerda: {agreement}\n\n"
        "2. Asuntos varios\n"
    )
    assert record.by_ref()["1.1"].text == agreement


def test_sub_items_under_an_operative_phrase_keep_the_group_of_their_item():
    record = parse_record(
        RCGM_EN + "CONCLUSIONS\n\n"
        "Working Group on Protection:\n\n"
        "1. The Working Group presented its report on consular assistance.\n\n"
        "It was agreed that:\n\n"
        "a) The Technical Secretariat will circulate the report to the focal points.\n"
        "b) Countries will send their comments by April 30, 2015.\n"
    )
    assert {item.group for item in record.walk()} == {"Working Group on Protection"}


def test_a_passive_phrase_over_numbered_items_is_context_and_names_its_recommendations():
    record = parse_record(
        GRCM_ES + "CONCLUSIONES\n\n"
        "1. El GRCM aprobó el informe de la Secretaría Técnica.\n\n"
        "Se formularon las siguientes recomendaciones:\n\n"
        "2. Elaborar una guía regional de atención a personas migrantes.\n"
    )
    assert [(item.ref, item.group, item.action) for item in record.walk()] == [
        ("1", "", "approve"),
        ("2", "", "recommend"),
    ]
    assert record.preamble == ["Se formularon las siguientes recomendaciones:"]


def test_the_following_decisions_were_taken_is_context_not_a_group():
    record = parse_record(
        RCGM_EN + "CONCLUSIONS\n\n"
        "1. The RCGM approved the report of the Technical Secretariat.\n\n"
        "The following decisions were taken:\n\n"
        "2. To request the Technical Secretariat to circulate the draft budget.\n"
    )
    assert [item.group for item in record.walk()] == ["", ""]


@pytest.mark.parametrize(
    "line",
    [
        "Secretaría Pro-Témpore",
        "Red de Funcionarios de Enlace para la Protección Consular:",
        "A los Países Miembros:",
        "Working Group on Protection:",
        "Recommendations to the member countries:",
        "Recommend to the member countries:",
        "Recomendar a los Países Miembros:",
        "Thanks:",
    ],
)
def test_addressees_themes_and_imperatives_are_no_operative_phrase(line):
    assert operative_phrase(line) is None


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Se acuerda:", ("", None, False, False)),
        ("RESUELVEN:", ("", None, False, False)),
        ("The Vice-Ministers decided:", ("", None, False, False)),
        ("It was also agreed that:", ("", None, False, True)),
        ("Se recomienda:", ("", "recommend", False, False)),
        ("Se recomienda a la ST:", ("ST", "recommend", True, False)),
        ("On consular protection, the RCGM agreed:", ("Consular protection", None, False, False)),
    ],
)
def test_operative_phrases_name_only_their_theme_or_addressee_and_their_action(line, read):
    assert tuple(operative_phrase(line)) == read


def test_a_paragraph_under_an_operative_phrase_after_bullets_is_an_item_not_more_of_a_bullet():
    record = parse_record(
        GRCM_ES + "Los Viceministros acordaron además:\n\n"
        "Solicitar a la Secretaría Técnica que circule el informe de la reunión.\n\n"
        "Se recomienda a los Países Miembros:\n\n"
        "- fortalecer la cooperación regional en materia de retorno;\n\n"
        "Asimismo, los Viceministros acordaron:\n\n"
        "Aprobar el presupuesto de la Secretaría Técnica para 2016.\n"
    )
    assert [(item.group, item.text[:20]) for item in record.walk()] == [
        ("", "Solicitar a la Secre"),
        ("Países Miembros", "fortalecer la cooper"),
        ("", "Aprobar el presupues"),
    ]
    assert record.preamble == [
        "Los Viceministros acordaron además:",
        "Se recomienda a los Países Miembros:",
        "Asimismo, los Viceministros acordaron:",
    ]


def test_the_operative_phrase_that_opens_the_first_list_is_kept_as_context():
    record = parse_record(
        RCGM_EN + "The Regional Consultation Group on Migration agreed to:\n\n"
        "Request the Technical Secretariat to circulate the work plan.\n\n"
        "Thank the Government of Panama for its hospitality.\n"
    )
    assert [item.action for item in record.walk()] == ["request", "thank"]
    assert record.preamble == ["The Regional Consultation Group on Migration agreed to:"]
