"""A road map in phases, each with its period of execution over "Actividad 1.1." activities
(held-out batch 32, heldout/README.md). The document is written for these tests in the
conference's manner; it is not the record of a real meeting. No database."""

import datetime

from agreements.importer import parse_record

ROADMAP = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Grupo Ad Hoc sobre Migración Extrarregional\n"
    "Segunda reunión – San José, Costa Rica, 15 y 16 de marzo de 2016\n\n"
    "HOJA DE RUTA 2016-2017\n\n"
    "I. Objetivo general\n\n"
    "Contar con un marco regional de cooperación sobre los flujos extrarregionales.\n\n"
    "II. Fases y actividades\n\n"
    "Fase 1: Diagnóstico\n"
    "Período de ejecución: abril a junio de 2016\n\n"
    "Actividad 1.1. Compilar la información estadística disponible (Responsables: Costa Rica "
    "y Panamá; Fecha: 30 de abril de 2016).\n\n"
    "Actividad 1.2. Elaborar un mapeo de las rutas (Responsable: Secretaría Técnica).\n\n"
    "Actividad 1.3. Intercambiar alertas (Responsables: Países Miembros; Fecha: permanente).\n\n"
    "Fase 2: Validación\n"
    "Período de ejecución: diciembre de 2016 a junio de 2017\n\n"
    "Actividad 2.1. Someter el Marco Regional al GRCM (Responsable: el Grupo Ad Hoc).\n\n"
    "Actividad 2.2. Presentar al GRCM un informe de avance (Responsable: Presidencia Pro "
    "Tempore; Fecha: reunión del GRCM de noviembre de 2016).\n\n"
    "Actividad 2.3. Realizar una reunión virtual del Grupo para evaluar la Hoja de Ruta "
    "(Responsable: Presidencia Pro Tempore; Fecha: al término de la Fase 1).\n"
)


def _items():
    return {item.ref: item for item in parse_record(ROADMAP).walk()}


def test_the_paragraph_of_the_general_objective_is_no_activity():
    assert list(_items()) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]


def test_a_phase_names_the_group_of_its_activities():
    assert _items()["1.2"].group == "Diagnóstico"
    assert _items()["2.1"].group == "Validación"


def test_an_activity_without_a_date_is_due_when_its_phase_ends():
    item = _items()["1.2"]
    assert item.deadline == datetime.date(2016, 6, 30)
    assert item.deadline_text == "Período de ejecución: abril a junio de 2016"


def test_a_period_over_two_years_ends_in_the_second():
    assert _items()["2.1"].deadline == datetime.date(2017, 6, 30)


def test_an_activity_whose_date_is_permanent_takes_no_date_from_its_phase():
    assert _items()["1.3"].deadline is None


def test_the_end_of_a_named_phase_is_that_phases_end():
    assert _items()["2.3"].deadline == datetime.date(2016, 6, 30)


def test_the_period_line_is_not_the_text_of_any_activity():
    assert all("Período" not in item.text for item in _items().values())


def test_a_meeting_of_a_month_and_year_is_due_that_month():
    assert _items()["2.2"].deadline == datetime.date(2016, 11, 30)


def test_the_group_in_charge_of_its_own_activity_is_responsible():
    assert _items()["2.1"].responsible == ["AHG-EXTRA"]


def test_a_meeting_del_grupo_names_the_group():
    assert "AHG-EXTRA" in _items()["2.3"].actors
