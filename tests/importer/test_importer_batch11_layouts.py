"""The layouts and wordings of held-out batch 11 (heldout/README.md), one behaviour each.
No database."""

import datetime as dt

from agreements.importer import parse_record, resolve_deadline


def test_a_work_plan_of_a_year_over_a_spaced_table_is_the_list_of_agreements():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Meeting of the Liaison Officers Network for the Protection of Migrant Children\n"
        "Tegucigalpa, Honduras, May 17, 2016\n\n"
        "WORK PLAN 2016\n\n"
        "Activity                                    Responsible               Date\n"
        "Prepare a regional map of the services      Honduras and Guatemala    August 31, 2016\n"
        "for returned unaccompanied children.\n"
        "Present the results to the RCGM.            Pro Tempore Presidency    November 2016\n"
    )
    assert [(item.responsible, str(item.deadline)) for item in record.walk()] == [
        (["HN", "GT"], "2016-08-31"),
        (["PPT"], "2016-11-30"),
    ]
    assert not any("not recognised" in warning for warning in record.warnings)


DECLARATION = (
    "XIX CONFERENCIA REGIONAL SOBRE MIGRACIÓN\nDECLARACIÓN DE MANAGUA\n\n"
    "Los Viceministros y Viceministras, reunidos en Managua, Nicaragua, los días 26 y 27 de "
    "junio de 2014,\n\n"
    "DECLARAMOS:\n\n"
    "1. Reafirmar nuestro compromiso con el combate de la trata de personas.\n"
    "2. Encomendar a la Secretaría Técnica un informe regional antes de finalizar el año.\n\n"
    "Por Belice, Canadá, Costa Rica, El Salvador, Estados Unidos, Guatemala, Honduras, México, "
    "Nicaragua, Panamá y República Dominicana.\n"
)


def test_the_signatories_under_the_last_item_are_no_part_of_it():
    record = parse_record(DECLARATION)
    assert record.agreements[-1].text.endswith("antes de finalizar el año.")
    assert record.preamble[-1].startswith("Por Belice, Canadá")


def test_before_the_year_ends_is_the_last_day_of_the_meetings_year():
    found = resolve_deadline("Presentarlo antes de finalizar el año.", dt.date(2014, 6, 27), "es")
    assert (str(found.date), found.phrase) == ("2014-12-31", "antes de finalizar el año")


def test_a_communique_that_numbers_every_paragraph_says_where_and_when_in_the_first():
    meeting = parse_record(
        "XIV REGIONAL CONFERENCE ON MIGRATION\nJOINT COMMUNIQUÉ\n\n"
        "1. The Vice-Ministerial Meeting of the XIV Regional Conference on Migration was held in "
        "Guatemala City, Guatemala, on July 23 and 24, 2009, under the Pro Tempore Presidency of "
        "Guatemala.\n\n"
        "2. The Vice-Ministers thanked the Government of Guatemala for its hospitality.\n"
    ).meeting
    assert (meeting.city, meeting.country, str(meeting.start), str(meeting.end)) == (
        "Guatemala City",
        "GT",
        "2009-07-23",
        "2009-07-24",
    )
