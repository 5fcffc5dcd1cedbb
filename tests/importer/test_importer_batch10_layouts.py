"""The wordings of held-out batch 10 (heldout/README.md), one behaviour each. No database."""

from agreements.importer import parse_record

LETTERED = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión del Grupo Regional de Consulta sobre Migración\n"
    "Panamá, Panamá, 10 y 11 de octubre de 2012\n\n"
    "CONCLUSIONES\n\n"
    "A. El GRCM aprobó el informe de la Presidencia Pro Tempore de Panamá.\n"
    "B. {intro}\n"
    "   1. Solicitar a la Secretaría Técnica un informe sobre el Fondo de Reserva.\n"
    "   2. Que los Países Miembros informen sobre sus aportes voluntarios.\n"
)


def test_a_lettered_item_that_introduces_what_was_agreed_keeps_its_numbered_sub_items():
    record = parse_record(LETTERED.format(intro="Sobre el Fondo de Reserva, el GRCM acordó:"))
    assert [item.ref for item in record.walk()] == ["A", "B", "B.1", "B.2"]


def test_a_lettered_title_over_numbered_items_is_still_a_part():
    items = list(parse_record(LETTERED.format(intro="Fondo de Reserva")).walk())
    assert "B" not in [item.ref for item in items]
    assert [item.group for item in items][-2:] == ["Fondo de Reserva", "Fondo de Reserva"]
