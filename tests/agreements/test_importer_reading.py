"""Turning an uploaded .txt or .docx file into text."""

import datetime
import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from agreements.importer import UnreadableDocument, parse_record, read_document

# --- Plain text ----------------------------------------------------------------------------------


def test_utf8_text_is_read():
    assert read_document("1. Agradecer a México.".encode(), "acta.txt") == "1. Agradecer a México."


def test_a_utf8_byte_order_mark_is_dropped():
    data = b"\xef\xbb\xbf" + b"CONCLUSIONES\n1. Aprobar."
    assert read_document(data, "acta.txt") == "CONCLUSIONES\n1. Aprobar."


def test_windows_1252_text_is_decoded():
    data = "1. Agradecer a Panamá – “gracias”.".encode("cp1252")
    assert read_document(data, "acta.txt") == "1. Agradecer a Panamá – “gracias”."


def test_latin_1_text_is_decoded_when_cp1252_cannot():
    data = "Migración".encode("latin-1") + b"\x81"
    assert read_document(data, "acta.txt").startswith("Migración")


def test_utf16_text_with_a_byte_order_mark_is_read():
    data = "1. Tomar nota.\r\n2. Aprobar.".encode("utf-16")
    assert read_document(data, "acta.txt") == "1. Tomar nota.\n2. Aprobar."


def test_windows_and_old_mac_line_ends_become_newlines():
    assert read_document(b"a\r\nb\rc\fd", "x.txt") == "a\nb\nc\nd"


def test_non_breaking_spaces_and_tabs_become_plain_spaces():
    text = read_document("1.\tTo thank\u00a0Panama.\u202f".encode(), "x.txt")
    assert text == "1. To thank Panama."


def test_symbol_font_bullets_become_middle_dots():
    assert read_document("\uf0b7 IOM\n\uf0a7 UNHCR".encode(), "x.txt") == "· IOM\n· UNHCR"


def test_ligatures_from_pdf_extraction_are_expanded():
    assert read_document("ﬁnancial ﬂows".encode(), "x.txt") == "financial flows"


def test_footnote_markers_are_kept_for_the_parser():
    assert "\ufffd" in read_document("\ufffd Concept".encode(), "x.txt")


# --- Unreadable files ----------------------------------------------------------------------------


def test_an_empty_file_is_unreadable():
    with pytest.raises(UnreadableDocument, match="empty"):
        read_document(b"", "acta.txt")


def test_a_file_of_blank_lines_is_unreadable():
    with pytest.raises(UnreadableDocument, match="empty"):
        read_document(b"  \r\n\n\t ", "acta.txt")


def test_text_with_nul_bytes_is_binary_and_unreadable():
    with pytest.raises(UnreadableDocument, match="binary"):
        read_document(b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x10", "acta.txt")


def test_a_pdf_renamed_to_txt_is_unreadable_with_a_helpful_message():
    with pytest.raises(UnreadableDocument, match="PDF"):
        read_document(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "acta.txt")


def test_an_image_is_unreadable():
    with pytest.raises(UnreadableDocument, match="image"):
        read_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.txt")


def test_a_pdf_extension_is_not_supported():
    with pytest.raises(UnreadableDocument, match=r"\.txt.*\.docx"):
        read_document(b"%PDF-1.7", "acta.pdf")


def test_an_old_word_document_is_not_supported():
    with pytest.raises(UnreadableDocument, match="save it as .docx"):
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "acta.doc")


def test_an_unknown_extension_is_not_supported():
    with pytest.raises(UnreadableDocument, match="only plain text"):
        read_document(b"hello", "acta.odt")


def test_a_damaged_docx_is_unreadable():
    with pytest.raises(UnreadableDocument, match="damaged"):
        read_document(b"PK\x03\x04 this is not really a zip", "acta.docx")


def test_a_zip_without_a_word_document_is_unreadable():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(UnreadableDocument, match="damaged"):
        read_document(buffer.getvalue(), "acta.docx")


def test_plain_text_named_docx_is_unreadable():
    with pytest.raises(UnreadableDocument, match="not a Word document"):
        read_document(b"1. Aprobar.", "acta.docx")


def test_unreadable_document_is_a_value_error():
    assert issubclass(UnreadableDocument, ValueError)


# --- Word documents ------------------------------------------------------------------------------

_LEVELS = {
    0: ("decimal", "%1."),
    1: ("lowerLetter", "%2)"),
    2: ("lowerRoman", "%3."),
    3: ("bullet", "\uf0b7"),
}


def _add_definition(document, abstract_id, levels, num_ids, overrides=None):
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in levels.items()
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
        ),
    )
    for num_id in num_ids:
        override = (overrides or {}).get(num_id, "")
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{override}</w:num>"
            )
        )


def _numbered(document, text, level, num_id=90):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _conclusions_docx():
    document = docx.Document()
    _add_definition(document, 90, _LEVELS, [90])
    document.add_paragraph("Reunión del Grupo Regional de Consulta sobre Migración (GRCM)")
    document.add_paragraph("Managua, Nicaragua, 24 y 25 de noviembre de 2014")
    document.add_paragraph("CONCLUSIONES")
    _numbered(document, "Aceptar el informe de la ST.", 0)
    _numbered(document, "Tomar nota de los siguientes temas:", 1)
    _numbered(document, "Identificación de víctimas.", 2)
    _numbered(document, "Atención a la niñez.", 2)
    _numbered(document, "Con el apoyo de la OIM.", 3)
    _numbered(document, "Agradecer a Guatemala.", 1)
    _numbered(document, "Instar a los Países Miembros a pagar sus contribuciones.", 0)
    return _bytes(document)


def test_word_automatic_numbering_labels_are_rebuilt():
    lines = read_document(_conclusions_docx(), "conclusiones.docx").split("\n")
    assert lines[3:] == [
        "1. Aceptar el informe de la ST.",
        "a) Tomar nota de los siguientes temas:",
        "i. Identificación de víctimas.",
        "ii. Atención a la niñez.",
        "· Con el apoyo de la OIM.",
        "b) Agradecer a Guatemala.",
        "2. Instar a los Países Miembros a pagar sus contribuciones.",
    ]


def test_a_word_list_parses_into_the_same_tree_as_typed_labels():
    record = parse_record(read_document(_conclusions_docx(), "conclusiones.docx"))
    assert [(item.ref, item.action) for item in record.walk()] == [
        ("1", "accept"),
        ("1.a", "note"),
        ("1.a.i", "note"),
        ("1.a.ii", "note"),
        ("1.b", "thank"),
        ("2", "urge"),
    ]
    assert record.by_ref()["1.a.ii"].text.endswith("\n· Con el apoyo de la OIM.")


def test_upper_case_letters_and_roman_numerals_follow_the_level_format():
    document = docx.Document()
    _add_definition(document, 91, {0: ("upperRoman", "%1."), 1: ("upperLetter", "%2.")}, [91])
    for text, level in (("Uno", 0), ("Dos", 0), ("Tres", 0), ("Cuatro", 0), ("A", 1), ("B", 1)):
        _numbered(document, text, level, num_id=91)
    text = read_document(_bytes(document), "x.docx")
    assert text.split("\n") == ["I. Uno", "II. Dos", "III. Tres", "IV. Cuatro", "A. A", "B. B"]


def test_multi_level_labels_repeat_the_upper_counters():
    document = docx.Document()
    _add_definition(document, 92, {0: ("decimal", "%1."), 1: ("decimal", "%1.%2.")}, [92])
    for text, level in (("Uno", 0), ("Sub", 1), ("Sub", 1), ("Dos", 0), ("Sub", 1)):
        _numbered(document, text, level, num_id=92)
    assert read_document(_bytes(document), "x.docx").split("\n") == [
        "1. Uno", "1.1. Sub", "1.2. Sub", "2. Dos", "2.1. Sub",
    ]  # fmt: skip


def test_two_list_instances_of_one_definition_continue_one_sequence():
    document = docx.Document()
    _add_definition(document, 93, {0: ("decimal", "%1.")}, [93, 94])
    _numbered(document, "Uno", 0, num_id=93)
    _numbered(document, "Dos", 0, num_id=94)
    _numbered(document, "Tres", 0, num_id=93)
    assert read_document(_bytes(document), "x.docx").split("\n") == ["1. Uno", "2. Dos", "3. Tres"]


def test_a_start_override_restarts_the_numbering():
    document = docx.Document()
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    _add_definition(document, 95, {0: ("decimal", "%1)")}, [95, 96], {96: restart})
    _numbered(document, "Uno", 0, num_id=95)
    _numbered(document, "Dos", 0, num_id=95)
    document.add_paragraph("Recomendaciones:")
    _numbered(document, "Otra uno", 0, num_id=96)
    _numbered(document, "Otra dos", 0, num_id=96)
    assert read_document(_bytes(document), "x.docx").split("\n") == [
        "1) Uno", "2) Dos", "Recomendaciones:", "1) Otra uno", "2) Otra dos",
    ]  # fmt: skip


def test_numbering_that_comes_from_the_paragraph_style_is_used():
    document = docx.Document()
    document.add_paragraph("Aprobar el informe.", style="List Number")
    document.add_paragraph("Agradecer a la OIM.", style="List Number")
    lines = read_document(_bytes(document), "x.docx").split("\n")
    assert lines == ["1. Aprobar el informe.", "2. Agradecer a la OIM."]


def test_bullet_styles_become_middle_dots():
    document = docx.Document()
    document.add_paragraph("la OIM", style="List Bullet")
    assert read_document(_bytes(document), "x.docx") == "· la OIM"


def test_the_text_of_table_cells_is_read():
    document = docx.Document()
    document.add_paragraph("CONCLUSIONES")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1. Aprobar el presupuesto."
    table.cell(0, 1).text = "ST"
    table.cell(1, 0).text = "2. Agradecer a Panamá."
    text = read_document(_bytes(document), "x.docx")
    assert "1. Aprobar el presupuesto.\nST\n" in text
    assert "2. Agradecer a Panamá." in text


def test_tabs_and_line_breaks_inside_a_paragraph_are_kept_as_text():
    document = docx.Document()
    paragraph = document.add_paragraph("1.")
    run = paragraph.add_run()
    run.add_tab()
    run.add_text("Aprobar")
    run.add_break()
    run.add_text("el informe.")
    assert read_document(_bytes(document), "x.docx") == "1. Aprobar\nel informe."


def _agreements_table(rows, merge_rows=None):
    document = docx.Document()
    for line in (
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN",
        "Red de Funcionarios de Enlace para la Protección Consular",
        "San José, Costa Rica, 10 y 11 de marzo de 2016",
        "ACUERDOS",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    if merge_rows:
        first, last = merge_rows
        for column in (2, 3):
            kept = table.cell(first, column).text
            table.cell(first, column).merge(table.cell(last, column)).text = kept
    document.add_paragraph("La Red agradeció al Gobierno de Costa Rica su hospitalidad.")
    return parse_record(read_document(_bytes(document), "x.docx"))


def test_a_word_table_of_agreements_says_who_acts_and_by_when_in_each_row():
    record = _agreements_table(
        [
            ("No.", "Acuerdo", "Responsable", "Plazo"),
            (
                "1",
                "Actualizar el directorio y remitirlo a la ST.",
                "Países Miembros",
                "30 de junio de 2016",
            ),
            ("2", "Elaborar una guía regional.", "México y Guatemala", "diciembre de 2016"),
        ]
    )
    first, second = record.agreements
    assert (len(first.responsible), first.deadline) == (11, datetime.date(2016, 6, 30))
    assert (second.responsible, second.deadline) == (["MX", "GT"], datetime.date(2016, 12, 31))
    assert "La Red agradeció al Gobierno de Costa Rica su hospitalidad." in record.preamble


def test_a_cell_merged_over_rows_of_a_word_table_speaks_for_each_of_them():
    record = _agreements_table(
        [
            ("No.", "Acuerdo", "Responsable", "Plazo"),
            ("1", "Actualizar el directorio.", "México", "30 de junio de 2016"),
            ("2", "Compartir los protocolos nacionales.", "", ""),
        ],
        merge_rows=(1, 2),
    )
    assert [(item.responsible, item.deadline) for item in record.agreements] == [
        (["MX"], datetime.date(2016, 6, 30)),
        (["MX"], datetime.date(2016, 6, 30)),
    ]
