"""The layouts and wordings of held-out batch 8 (heldout/README.md), one behaviour each.
No database."""

from agreements.importer import parse_record

MEMBERS = ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]

BULLETS_WITH_FIELDS = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión del Grupo Regional de Consulta sobre Migración\n"
    "Ciudad de Guatemala, Guatemala, 26 y 27 de febrero de 2019\n\n"
    "ACUERDOS\n\n"
    "• Remitir a la Secretaría Técnica los comentarios sobre la Carta Estatutaria.\n"
    "  Responsable: Países Miembros\n"
    "  Fecha: 15 de abril de 2019\n\n"
    "• Elaborar la propuesta de presupuesto de la Secretaría Técnica para 2020.\n"
    "  Responsable: Secretaría Técnica\n"
    "  Fecha: antes de la próxima reunión del GRCM\n\n"
    "Se levantó la sesión a las 17:00 horas del 27 de febrero de 2019.\n"
)


def test_a_date_line_under_a_bullet_is_its_deadline_not_the_next_bullets_group():
    record = parse_record(BULLETS_WITH_FIELDS)
    first, second = record.agreements
    assert (str(first.deadline), second.group) == ("2019-04-15", "")
    assert first.text.endswith("Fecha: 15 de abril de 2019")


def test_a_closing_line_under_a_bullet_that_ended_with_its_date_is_context():
    record = parse_record(BULLETS_WITH_FIELDS)
    assert "Se levantó" not in record.agreements[-1].text
    assert record.preamble[-1].startswith("Se levantó la sesión")


PARENTHESES = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Meeting of the Liaison Officers Network on Consular Protection\n"
    "Mexico City, Mexico, March 10-11, 2015\n\n"
    "AGREEMENTS\n\n"
    "- To update the directory of consular officials (TS, by April 30, 2015).\n"
    "- To share the national repatriation protocols (all member countries, June 2015).\n"
    "- To present to the RCGM the results of this meeting (PPT).\n\n"
    "The Network thanked the Government of Mexico for its hospitality.\n"
)


def test_who_acts_and_by_when_in_a_closing_parenthesis_are_read():
    items = parse_record(PARENTHESES).agreements
    assert [(sorted(i.responsible), str(i.deadline)) for i in items] == [
        (["TS"], "2015-04-30"),
        (sorted(MEMBERS), "2015-06-30"),
        (["PPT"], "None"),
    ]


def test_an_acronym_in_parentheses_after_its_name_makes_nobody_responsible():
    record = parse_record(
        PARENTHESES.replace(
            "To present to the RCGM the results of this meeting (PPT).",
            "To thank the Government of Mexico for this meeting of the Regional Consultation "
            "Group on Migration (RCGM).",
        )
    )
    assert record.agreements[-1].responsible == []


def test_what_the_network_did_after_the_last_bullet_is_context():
    record = parse_record(PARENTHESES)
    assert "thanked" not in record.agreements[-1].text


def test_a_numbered_title_whose_noun_looks_like_a_verb_is_still_a_title():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Meeting of the Regional Consultation Group on Migration\n"
        "Managua, Nicaragua, November 24-25, 2014\n\n"
        "CONCLUSIONS\n\n"
        "1. Follow-up of the Plan of Action\n\n"
        "1.1. To request the Technical Secretariat to update the Plan of Action.\n"
    )
    assert [(i.ref, i.group) for i in record.walk()] == [("1.1", "Follow-up of the Plan of Action")]


def test_recommending_that_someone_acts_makes_them_responsible():
    record = parse_record(
        PARENTHESES.replace(
            "- To present to the RCGM the results of this meeting (PPT).\n",
            "- To recommend that the member countries designate a focal point.\n",
        )
    )
    assert sorted(record.agreements[-1].responsible) == sorted(MEMBERS)


def test_a_closing_parenthesis_in_thanks_or_notes_makes_nobody_responsible():
    record = parse_record(
        PARENTHESES.replace(
            "- To present to the RCGM the results of this meeting (PPT).\n",
            "- To thank the Government of the host country (Mexico).\n"
            "- To take note of the study on returns (IOM, 2013).\n",
        )
    )
    assert [(i.responsible, i.deadline) for i in record.agreements[-2:]] == [([], None)] * 2
