"""A final report whose agreements are a Word table pasted one cell per line, its theme cell
merged over several rows and its header repeated after a page break, under a table of contents
and a part narrating the meeting (held-out batch 32, heldout/README.md). The document is written
for these tests in the conference's manner; it is not the record of a real meeting. No
database."""

from agreements.importer import parse_record
from agreements.importer.reading import normalise_text

REPORT = (
    "INFORME FINAL\n"
    "Reunión del Grupo Regional de Consulta sobre Migración (GRCM)\n"
    "La Ceiba, Atlántida, Honduras\n"
    "19 y 20 de noviembre de 2008\n\n"
    "CONTENIDO\n"
    "1. Antecedentes\n"
    "2. Desarrollo de la reunión\n"
    "3. Matriz de acuerdos\n\n"
    "1. ANTECEDENTES\n"
    "La Presidencia Pro Tempore de Honduras convocó a la segunda reunión del GRCM del año 2008.\n\n"
    "2. DESARROLLO DE LA REUNIÓN\n"
    "2.1 Informe de la Secretaría Técnica. La Coordinadora de la Secretaría Técnica presentó el "
    "Informe de Actividades.\n"
    "2.2 Trata de personas. Guatemala propuso organizar un seminario regional.\n\n"
    "3. MATRIZ DE ACUERDOS\n"
    "Tema\nAcuerdo\nResponsable\nPlazo\n"
    "Informe de la Secretaría Técnica\n"
    "Aprobar el Informe de Actividades y Financiero de la Secretaría Técnica.\n—\n—\n"
    "Solicitar a la Secretaría Técnica que circule el informe entre los Países Miembros.\n"
    "Secretaría Técnica\n15 de diciembre de 2008\n\n"
    "Informe Final – GRCM – La Ceiba, noviembre de 2008          Página 3 de 4\n\n"
    "Tema\nAcuerdo\nResponsable\nPlazo\n"
    "Contribuciones\n"
    "Instar a los Países Miembros que aún no lo han hecho a cubrir sus contribuciones.\n"
    "Países Miembros\nPrimer trimestre de 2009\n"
    "Recomendar a los Viceministros la aprobación de la propuesta de la Presidencia.\n"
    "Viceministros\nXIV Reunión Viceministerial\n\n"
    "La próxima reunión del GRCM se celebrará en el marco de la XIV Conferencia.\n"
)


def _items():
    return list(parse_record(REPORT).walk())


def test_each_row_of_cells_one_per_line_is_an_item():
    assert [item.ref for item in _items()] == ["1", "2", "3", "4"]


def test_the_merged_theme_cell_is_the_group_of_its_rows():
    assert [item.group for item in _items()] == [
        "Informe de la Secretaría Técnica",
        "Informe de la Secretaría Técnica",
        "Contribuciones",
        "Contribuciones",
    ]


def test_the_cells_after_the_agreement_say_who_and_by_when():
    second = _items()[1]
    assert second.responsible == ["TS"]
    assert str(second.deadline) == "2008-12-15"


def test_a_dash_cell_is_empty():
    assert "—" not in normalise_text(REPORT).split("Aprobar", 1)[1].split("\n", 1)[0]


def test_a_numbered_meeting_in_the_deadline_column_is_a_deadline_without_a_date():
    last = _items()[-1]
    assert last.deadline is None and "XIV Reunión Viceministerial" in last.deadline_text


def test_a_table_of_contents_and_the_narrated_proceedings_are_no_items():
    assert all("Antecedentes" not in item.text and "presentó" not in item.text for item in _items())


def test_a_paragraph_under_the_table_is_no_row():
    assert all("próxima reunión del GRCM" not in item.text for item in _items())
