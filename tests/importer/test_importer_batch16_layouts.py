"""The layouts of held-out batch 16 (heldout/README.md), one behaviour each: documents written
for these tests in the conference's ways of writing (none is the record of a real meeting).
No database."""

from agreements.importer import parse_record

COMMUNIQUE_ES = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Reunión Viceministerial\n"
    "COMUNICADO CONJUNTO\n"
    "San Salvador, El Salvador, 21 y 22 de junio de 2012\n\n"
    "Los Viceministros acordaron:\n\n"
    "Aprobar el informe de la Presidencia Pro Tempore.\n\n"
    "Aprobar el calendario de reuniones del segundo semestre.\n\n"
    "{phrase}\n\n"
    "Secretaría Técnica\n"
    "• Circular el informe del taller sobre retorno a más tardar el 31 de julio de 2012.\n\n"
    "Presidencia Pro Tempore\n"
    "• Convocar a la próxima reunión del GRCM.\n"
)


def test_a_paragraph_above_the_bullets_of_an_addressee_is_an_item_not_more_of_the_one_above():
    record = parse_record(COMMUNIQUE_ES.format(phrase="Los Viceministros acordaron además:"))
    assert [(item.ref, item.group, item.text[:22]) for item in record.walk()] == [
        ("1", "", "Aprobar el informe de "),
        ("2", "", "Aprobar el calendario "),
        ("3", "Secretaría Técnica", "Circular el informe de"),
        ("4", "Presidencia Pro Tempore", "Convocar a la próxima "),
    ]


def test_a_phrase_that_names_the_tasks_it_entrusts_is_context_not_an_item():
    phrase = "Asimismo, los Viceministros acordaron encomendar las siguientes tareas:"
    record = parse_record(COMMUNIQUE_ES.format(phrase=phrase))
    assert all("tareas" not in item.text for item in record.walk())
    assert phrase in record.preamble


def test_paragraphs_under_declaran_that_open_with_a_noun_are_the_declarations_items():
    record = parse_record(
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
        "DECLARACIÓN DE SAN SALVADOR\n"
        "San Salvador, El Salvador, 22 de junio de 2012\n\n"
        "Los Viceministros de los Países Miembros,\n\n"
        "Reconociendo la importancia de la cooperación regional;\n\n"
        "DECLARAN:\n\n"
        "Su compromiso con la protección de los derechos humanos de las personas migrantes.\n\n"
        "Su voluntad de fortalecer el retorno digno, seguro y ordenado.\n\n"
        "RESUELVEN:\n\n"
        "Encomendar a la Secretaría Técnica un informe sobre el Fondo de Reserva.\n"
    )
    assert [item.text[:16] for item in record.walk()] == [
        "Su compromiso co",
        "Su voluntad de f",
        "Encomendar a la ",
    ]


def test_paragraphs_under_declare_that_open_with_a_noun_are_the_declarations_items():
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "DECLARATION OF SAN SALVADOR\n"
        "San Salvador, El Salvador, June 22, 2012\n\n"
        "We, the Vice-Ministers of the Member Countries,\n\n"
        "Recognizing the importance of regional cooperation;\n\n"
        "DECLARE:\n\n"
        "Our commitment to the protection of the human rights of migrants.\n\n"
        "Our resolve to strengthen dignified, safe and orderly return.\n"
    )
    assert [item.text[:14] for item in record.walk()] == ["Our commitment", "Our resolve to"]


def test_a_long_theme_before_an_operative_phrase_is_the_group_of_its_items():
    theme = "Reserve Fund for the Assisted Return of Migrants in Situations of Vulnerability"
    record = parse_record(
        "REGIONAL CONFERENCE ON MIGRATION\n"
        "Vice-Ministerial Meeting\n"
        "JOINT COMMUNIQUÉ\n"
        "Managua, Nicaragua, June 27-28, 2013\n\n"
        f"Regarding the {theme}, the Vice-Ministers decided:\n\n"
        "To thank the Government of Canada for its contribution to the Reserve Fund.\n\n"
        "To ask the Technical Secretariat to report on the use of the Reserve Fund.\n"
    )
    assert [item.group for item in record.walk()] == [theme, theme]
