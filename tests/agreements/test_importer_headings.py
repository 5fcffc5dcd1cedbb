"""The meeting a heading describes, in every form the conference writes it (issue 17): the body,
the dates in Spanish and English, the city and the host country found from it. No database."""

import datetime as dt

import pytest

from agreements.importer import parse_record

ES_BODY = "\n\nACUERDOS\n\n1. Aprobar el plan de trabajo.\n"
EN_BODY = "\n\nCONCLUSIONS\n\n1. To approve the work plan.\n"


def meeting(heading, body):
    return parse_record(heading + body).meeting


@pytest.mark.parametrize(
    "heading, body, expected",
    [
        (
            "XX Reunión Viceministerial de la Conferencia Regional sobre Migración (CRM)\n"
            "Celebrada en la Ciudad de Panamá, Panamá, los días 5 y 6 de noviembre de 2015",
            ES_BODY,
            ("vice_ministerial", "Ciudad de Panamá", "PA", (2015, 11, 5), (2015, 11, 6)),
        ),
        (
            "Reunión del Grupo Regional de Consulta sobre Migración (GRCM)\n"
            "Tegucigalpa, M.D.C., Honduras\ndel 24 al 26 de junio de 2014",
            ES_BODY,
            ("rcgm", "Tegucigalpa", "HN", (2014, 6, 24), (2014, 6, 26)),
        ),
        (
            "Reunión del Grupo Regional de Consulta sobre Migración (GRCM)\n"
            "San Salvador, 20 y 21 de febrero de 2013",
            ES_BODY,
            ("rcgm", "San Salvador", "SV", (2013, 2, 20), (2013, 2, 21)),
        ),
        (
            "Reunión del Grupo Regional de Consulta sobre Migración\n"
            "Ciudad de Guatemala, 1 y 2 de diciembre de 2021",
            ES_BODY,
            ("rcgm", "Ciudad de Guatemala", "GT", (2021, 12, 1), (2021, 12, 2)),
        ),
        (
            "Regional Consultation Group on Migration (RCGM) Meeting\n"
            "Panama City, Panama, June 24-26, 2014",
            EN_BODY,
            ("rcgm", "Panama City", "PA", (2014, 6, 24), (2014, 6, 26)),
        ),
        (
            "Regional Consultation Group on Migration Meeting\nTegucigalpa, 24th-26th June 2014",
            EN_BODY,
            ("rcgm", "Tegucigalpa", "HN", (2014, 6, 24), (2014, 6, 26)),
        ),
        (
            "XX Vice-Ministerial Meeting of the Regional Conference on Migration\n"
            "Held in Panama City, Panama, on November 5 and 6, 2015",
            EN_BODY,
            ("vice_ministerial", "Panama City", "PA", (2015, 11, 5), (2015, 11, 6)),
        ),
        (
            "XIX Reunión Viceministerial de la Conferencia Regional sobre Migración\n"
            "Celebrada en Tegucigalpa, M.D.C., Honduras, los días 26 y 27 de junio de 2014",
            ES_BODY,
            ("vice_ministerial", "Tegucigalpa", "HN", (2014, 6, 26), (2014, 6, 27)),
        ),
        (
            "Reunión del GRCM\nGuatemala, Guatemala, 30 de noviembre al 2 de diciembre de 2021",
            ES_BODY,
            ("rcgm", "Guatemala", "GT", (2021, 11, 30), (2021, 12, 2)),
        ),
    ],
)
def test_the_heading_gives_body_place_host_and_dates(heading, body, expected):
    found = meeting(heading, body)
    kind, city, country, start, end = expected
    assert (found.kind, found.city, found.country, found.start, found.end) == (
        kind,
        city,
        country,
        dt.date(*start),
        dt.date(*end),
    )


def test_a_place_line_after_the_participants_is_the_place():
    found = meeting(
        "Reunión del GRCM\nCon la participación de Belice, Canadá, Costa Rica, El Salvador,\n"
        "Guatemala, Honduras, México, Nicaragua\nSan José, Costa Rica, 1 y 2 de diciembre de 2021",
        ES_BODY,
    )
    assert (found.city, found.country) == ("San José", "CR")
    assert found.participants == ["BZ", "CA", "CR", "SV", "GT", "HN", "MX", "NI"]


def test_a_wrapped_list_of_countries_is_not_a_place():
    found = meeting(
        "Reunión del GRCM\nGuatemala, Honduras, México, Nicaragua\n1 y 2 de diciembre de 2021",
        ES_BODY,
    )
    assert found.country is None
