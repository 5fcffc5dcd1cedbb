"""The wordings of held-out batch 22 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

MINUTES = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión de la Red de Funcionarios de Enlace para la Protección Consular\n"
    "Ciudad de Panamá, Panamá, 11 y 12 de agosto de 2015\n\n"
    "{phrase}\n\n"
    "- {item}\n"
)


def test_a_theme_introduced_by_en_cuanto_al_is_the_group_of_what_was_agreed():
    record = parse_record(
        MINUTES.format(
            phrase="En cuanto al directorio regional de consulados, se acordó:",
            item="Actualizar el directorio a más tardar el 15 de septiembre de 2015.",
        )
    )
    assert record.by_ref()["1"].group == "Directorio regional de consulados"


def test_whom_se_insto_urged_is_responsible_for_what_it_was_urged_to_do():
    record = parse_record(
        MINUTES.format(
            phrase="Se instó a la Presidencia Pro Tempore a:",
            item="gestionar ante la OIM el financiamiento de un curso virtual.",
        )
    )
    item = record.by_ref()["1"]
    assert (item.group, item.action, item.responsible) == (
        "Presidencia Pro Tempore",
        "urge",
        ["PPT"],
    )
