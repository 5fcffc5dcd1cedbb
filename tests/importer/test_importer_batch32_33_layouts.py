"""The layouts and wordings of held-out batches 32 and 33 (heldout/README.md), one behaviour
each: documents written for these tests in the conference's ways of writing (none is the record
of a real meeting). No database."""

import datetime

from agreements.importer import parse_record
from agreements.importer.actions import classify_action
from agreements.importer.deadlines import resolve_deadline
from agreements.importer.responsible import responsible

ROADMAP = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Grupo Ad Hoc sobre Migración Extrarregional\n"
    "Segunda reunión – San José, Costa Rica, 15 y 16 de marzo de 2016\n\n"
    "HOJA DE RUTA 2016-2017\n\n"
    "Fase 1: Diagnóstico\n\n"
    "Actividad 1.1. Compilar la información estadística disponible (Responsables: Costa Rica "
    "y Panamá; Fecha: 31 de mayo de 2016).\n\n"
    "Actividad 1.2. Remitir a la Secretaría Técnica un informe nacional (Responsables: Países "
    "Miembros; Fecha: 31 de mayo de 2016).\n"
)


def test_activities_named_by_their_dotted_number_are_items():
    assert [item.ref for item in parse_record(ROADMAP).walk()] == ["1.1", "1.2"]


def test_the_place_after_the_meetings_name_and_a_dash_is_its_city():
    meeting = parse_record(ROADMAP).meeting
    assert (meeting.city, meeting.country) == ("San José", "CR")


def test_a_delegation_that_se_comprometio_a_remitir_submits():
    text = (
        "La delegación de Guatemala se comprometió a remitir a la Secretaría Técnica el documento."
    )
    assert classify_action(text, "es") == "submit"


def test_con_fecha_limite_and_fecha_de_entrega_introduce_the_deadline():
    for text in (
        "Remitir el documento a la ST, con fecha límite el 30 de noviembre de 2010.",
        "Compartir la información, siendo la fecha de entrega el 31 de enero de 2011.",
    ):
        assert resolve_deadline(text, datetime.date(2010, 11, 16), "es").date is not None


def test_who_is_left_in_charge_is_responsible():
    text = (
        "Remitir el presente informe al GRCM, quedando a cargo de la Presidencia Pro Tempore su "
        "presentación."
    )
    assert responsible(text, language="es") == ["PPT"]
