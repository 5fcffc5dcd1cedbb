"""The gaps the held-out documents found (issue 17), one behaviour each. No database."""

import datetime as dt

import pytest

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.deadlines import find_date_range, resolve_deadline
from agreements.importer.gazetteer import default_gazetteer
from agreements.importer.responsible import responsible

GAZETTEER = default_gazetteer()


def who(text):
    return responsible(text, gazetteer=GAZETTEER)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A network named past the first "to" of its own name.
        (
            "To instruct the Liaison Officers Network to Combat Migrant Smuggling and Trafficking "
            "in Persons to follow up on the campaign.",
            ["LN-SMTP"],
        ),
        (
            "Encargar a la Red de Funcionarios de Enlace para la Protección Consular el "
            "seguimiento de los casos.",
            ["LN-CP"],
        ),
        (
            "Encargar al Grupo de Trabajo sobre Migración Laboral la revisión de los lineamientos.",
            ["WG-LM"],
        ),
        (
            "Encomendar al Grupo Regional de Consulta sobre Migración que elabore una propuesta.",
            ["RCGM"],
        ),
        ("To entrust the Technical Secretariat with the follow-up of this Declaration.", ["TS"]),
        (
            "To call on the observer organizations, in particular UNHCR and IOM, to support it.",
            ["UNHCR", "IOM"],
        ),
        ("Invitar al ACNUR y a la OIM a presentar un estudio conjunto.", ["UNHCR", "IOM"]),
        (
            "To instruct the Liaison Officers Networks to follow up on this agreement.",
            ["LN-CP", "LN-SMTP"],
        ),
        (
            "En atención a los compromisos asumidos, se resolvió que la Secretaría Técnica "
            "presente un informe.",
            ["TS"],
        ),
        ("Que la Secretaría Técnica elabore un informe sobre la situación.", ["TS"]),
        ("El Salvador and Honduras, will share a summary with the Network.", ["SV", "HN"]),
        ("Encargar a la Troika y a la Secretaría Técnica la preparación de la propuesta.", ["TS"]),
    ],
)
def test_the_addressee_of_a_task_is_responsible(text, expected):
    assert who(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("To warmly welcome the offer of Panama to host a workshop on labour migration.", ["PA"]),
        (
            "Acoger con beneplácito el ofrecimiento de Honduras para ejercer la Presidencia Pro "
            "Tempore.",
            ["HN"],
        ),
        (
            "To hold a regional seminar on trafficking in persons in Costa Rica in October 2003.",
            ["CR"],
        ),
        (
            "Se realice un taller regional sobre retorno en Guatemala durante el segundo semestre.",
            ["GT"],
        ),
    ],
)
def test_who_offers_or_hosts_an_activity_is_responsible(text, expected):
    assert who(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "En atención a lo acordado, se resolvió que la Secretaría Técnica presente un informe.",
            "submit",
        ),
        ("The TS will compile the reports of the countries and circulate them.", "submit"),
    ],
)
def test_the_action_is_read_past_an_opening_phrase_or_a_first_verb(text, expected):
    assert classify_action(text) == expected


MEETING_END = dt.date(2011, 11, 18)


@pytest.mark.parametrize(
    "text, date",
    [
        ("Dichos países informarán sobre su ejecución a finales de 2011.", dt.date(2011, 12, 31)),
        (
            "Presentar una propuesta de presupuesto para 2012 a más tardar el primer trimestre de "
            "2012.",
            dt.date(2012, 3, 31),
        ),
    ],
)
def test_deadlines_the_conference_writes(text, date):
    assert resolve_deadline(text, MEETING_END).date == date


@pytest.mark.parametrize(
    "text",
    [
        "Aprobar el informe de actividades correspondiente al segundo semestre de 2011.",
        'To recommend that the Vice-Ministers approve the theme "Migration and Family" for the '
        "XVI RCM in 2012.",
        "To accept the offer of Guatemala to hold the Presidency Pro Tempore in 2012.",
    ],
)
def test_a_reported_period_a_theme_or_a_term_of_office_is_no_deadline(text):
    assert resolve_deadline(text, MEETING_END).date is None


@pytest.mark.parametrize(
    "text", ["El Grupo de Trabajo revisará el estudio en su próxima reunión.",
             "The RCGM will analyze the proposal at its next meeting."],
)  # fmt: skip
def test_its_next_meeting_is_a_deadline_without_a_date(text):
    found = resolve_deadline(text, MEETING_END)
    assert (found.date, found.precision) == (None, "relative")


def test_a_spanish_date_with_the_month_first():
    assert find_date_range("Octubre 3 y 4 de 2005") == (dt.date(2005, 10, 3), dt.date(2005, 10, 4))


def test_a_one_line_heading_names_the_meeting_then_its_place():
    record = parse_record(
        "XV Reunión Viceministerial de la Conferencia Regional sobre Migración, Ciudad de Panamá, "
        "20 y 21 de mayo de 2010\n\nACUERDOS\n\n1. Aprobar la agenda.\n"
    )
    meeting = record.meeting
    assert (meeting.kind, meeting.city, meeting.country) == (
        "vice_ministerial", "Ciudad de Panamá", "PA"
    )  # fmt: skip
    assert meeting.title == "XV Reunión Viceministerial de la Conferencia Regional sobre Migración"


def test_the_network_of_a_network_report_is_its_network():
    record = parse_record(
        "Meeting of the Liaison Officers Network for Consular Protection\n"
        "Managua, Nicaragua, October 14-15, 2014\n\nAGREEMENTS\n\n"
        "1) To instruct the Network to follow up on the Regional Guidelines.\n"
    )
    assert record.by_ref()["1"].responsible == ["LN-CP"]


def test_both_organizations_are_the_organisations_just_named():
    record = parse_record(
        "Meeting of the Regional Consultation Group on Migration\nManagua, Nicaragua, "
        "October 3-4, 2005\n\nCONCLUSIONS\n\n1. To thank IOM and UNHCR for their support. Both "
        "organizations will present a joint proposal in the first quarter of 2006.\n"
    )
    assert record.by_ref()["1"].responsible == ["IOM", "UNHCR"]


def test_a_running_header_before_a_page_number_is_no_group_label():
    record = parse_record(
        "Reunión del Grupo Regional de Consulta sobre Migración\nSan Salvador, El Salvador, 16 y "
        "17 de noviembre de 2021\n\nCONCLUSIONES\n\n1. Aprobar la agenda.\n\n"
        "CRM – GRCM – Conclusiones, noviembre de 2021\nPágina 2 de 3\n\n"
        "2. Solicitar a la Secretaría Técnica que circule el informe.\n"
    )
    assert [item.group for item in record.walk()] == ["", ""]


def test_a_lettered_titled_part_over_a_list_numbered_again_is_no_item():
    record = parse_record(
        "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\nSan José, Costa "
        "Rica, del 8 al 10 de junio de 2011\n\nINFORME\n\nA. Informes de los países\n"
        "1. Tomar nota de los informes.\n\nB. Plan de trabajo\n1. Aprobar el plan de trabajo.\n"
        "2. Solicitar a México que elabore un glosario.\n"
    )
    assert [(item.ref, item.group) for item in record.walk()] == [
        ("A.1", "Informes de los países"),
        ("B.1", "Plan de trabajo"),
        ("B.2", "Plan de trabajo"),
    ]


def test_group_labels_over_bullets_that_look_like_banners_or_verbs():
    record = parse_record(
        "Reunión del Grupo Regional de Consulta sobre Migración\nSan Salvador, El Salvador, 14 y "
        "15 de mayo de 2001\n\nEl Grupo acordó lo siguiente:\n\nSecretaría Técnica\n"
        "• Aprobar el informe de la Secretaría Técnica.\nPresidencia Pro Tempore\n"
        "• Instar a la Presidencia Pro Tempore a que convoque una reunión.\n"
        "Observer Organizations\n"
        "• Agradecer a la OIM su apoyo.\n"
    )
    assert [item.group for item in record.walk()] == [
        "Secretaría Técnica", "Presidencia Pro Tempore", "Observer Organizations"
    ]  # fmt: skip
