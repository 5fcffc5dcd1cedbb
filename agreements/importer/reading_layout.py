"""Tables laid out with spaces, as a PDF's text extraction keeps them (``pdftotext -layout``):
the columns are where the header row's names start, each cell may wrap over several lines, and
a row starts where its first column holds a number.

::

     N°   Acuerdo                                   Responsable          Plazo
     1    Compartir con la Secretaría Técnica los   Países Miembros      30 de junio de 2018
          protocolos nacionales.
     2    Elaborar una guía regional para la        México y Guatemala   antes de la próxima
          investigación del tráfico de migrantes.                        reunión de la Red

Each row becomes one line that says what its cells are, as a table copied from Word does
(reading._table_rows): "1. Compartir … protocolos nacionales. — Responsable: Países Miembros —
Plazo: 30 de junio de 2018". Only a header of column names the conference uses (agreement,
responsible, deadline…) opens a table, so a paragraph whose words happen to be spaced out is
left alone.
"""

from __future__ import annotations

import re
import unicodedata

_CHUNK = re.compile(r"\S+(?: \S+)*")
_COLUMN_NAMES = re.compile(
    r"^(?:n[°ºo.]*|no\.?|num(?:ero)?\.?|#|acuerdos?|agreements?|decisions?|decisiones|actividad(?:es)?"
    r"|activit(?:y|ies)|acci(?:on|ones)|actions?|tareas?|tasks?|responsables?|responsible|lead"
    r"|a cargo(?: de)?|plazos?|deadlines?|fechas?(?: limite)?|dates?|timeline|cronograma"
    r"|addressed to|time ?frame|plazo (?:sugerido|propuesto)"
    r"|estado|status|observaciones|remarks|comments|comentarios)$"
)
_LABEL = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[IVXivx]{1,5})[.)]?$")
_TOLERANCE = 2


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _chunks(line: str) -> list[tuple[int, str]]:
    """The runs of text of a line that two or more spaces keep apart, with where they start."""
    return [(match.start(), match.group()) for match in _CHUNK.finditer(line)]


def _header(line: str) -> list[tuple[int, str]] | None:
    chunks = _chunks(line)
    if len(chunks) < 3:
        return None
    named = sum(bool(_COLUMN_NAMES.match(_fold(text).strip(" :"))) for _start, text in chunks)
    if named < len(chunks) - 1 or named < 2:
        return None
    return chunks


def _column(columns: list[int], start: int) -> int | None:
    found = None
    for index, column in enumerate(columns):
        if column <= start + _TOLERANCE:
            found = index
    return found


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if re.search(r"[^\W\d_]-$", left) and right[:1].islower():
        return left[:-1] + right  # a word hyphenated at the cell's edge
    return f"{left} {right}"


def layout_tables(text: str) -> str:
    """Every table laid out with spaces under a header of column names, one line per row."""
    if "   " not in text:
        return text
    return replace_tables(text.split("\n"), _table_at)


def replace_tables(lines: list[str], table_at) -> str:
    """The lines with each table that ``table_at(lines, index)`` finds replaced by its rows;
    ``table_at`` gives (rows, the index after the table) or None where no table starts."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        found = table_at(lines, index)
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        rows, index = found
        out.extend(rows)
    return "\n".join(out)


def _table_at(lines: list[str], index: int) -> tuple[list[str], int] | None:
    header = _header(lines[index])
    if header is None:
        return None
    rows, end = _rows(lines, index + 1, header)
    return (rows, end) if rows else None


def _rows(lines: list[str], index: int, header: list[tuple[int, str]]) -> tuple[list[str], int]:
    """The rows of the table whose header was just read, and where the table ends."""
    columns = [start for start, _name in header]
    names = [name.strip(" :") for _start, name in header]
    numbered = _LABEL.match(names[0]) is not None or bool(
        _COLUMN_NAMES.match(_fold(names[0]).strip(" :"))
        and re.match(r"^(?:n|no|num|numero|#)\b", _fold(names[0]))
    )
    rows: list[list[str]] = []
    end = index
    after_blank = False
    # A work plan's objective in the first column beside the several activities it spans ("1.
    # Fortalecer …" beside "1.1 …", "1.2 …"): each activity is a row, the objective its group.
    spanning = not numbered and len(columns) >= 3 and _spans(lines, index, columns)
    objective: list[str] = []  # the objective's text, and the rows beside it
    beside: list[int] = []
    while index < len(lines):
        line = lines[index]
        chunks = _chunks(line)
        if not chunks:
            index += 1
            after_blank = bool(rows)
            continue
        if _PAGE_FOOTER.search(line):
            break  # "CRM – Plan de Trabajo … Página 1 de 2": the page ends the table
        cells = [(_column(columns, start), text) for start, text in chunks]
        if _below_table(cells, chunks, columns):
            break
        if spanning:
            first = [text for column, text in cells if column == 0]
            if first and _OBJECTIVE_LABEL.match(first[0]):
                _objective_to_rows(rows, objective, beside)
                objective, beside = [_OBJECTIVE_LABEL.sub("", first[0])], []
            elif first:
                objective.append(first[0])
            cells = [(column, text) for column, text in cells if column != 0]
            if not cells:
                index += 1
                end = index
                continue
            opens_row = cells[0][0] == 1 and bool(_ACTIVITY_LABEL.match(cells[0][1]))
            if opens_row:
                beside.append(len(rows))
        elif numbered:
            opens_row = cells[0][0] == 0 and bool(_LABEL.match(cells[0][1]))
            # The number column holds only numbers: other text there is a paragraph below.
            if rows and not opens_row and cells[0][0] == 0:
                break
        else:
            # Without a number column, a row starts where the first column starts a sentence
            # and the one above has ended.
            above = rows[-1][0] if rows else ""
            opens_row = (
                cells[0][0] == 0
                and cells[0][1][:1].isupper()
                and (not above or above.rstrip()[-1:] in ".;:!?")
            )
        if rows and not opens_row and after_blank:
            break  # a row's lines follow one another: after a blank line, a paragraph below
        if opens_row or not rows:
            if numbered and not opens_row:
                break
            rows.append([""] * len(columns))
        for column, text in cells:
            rows[-1][column] = _join(rows[-1][column], text)
        index += 1
        after_blank = False
        end = index  # the blank lines after the last row stay in the text
    if spanning:
        _objective_to_rows(rows, objective, beside)
        names = [*names[1:], names[0]]
        rows = [[*row[1:], row[0]] for row in rows]
    lines_out = [_row_line(row, names, numbered) for row in rows]
    if not numbered:
        # Unnumbered rows are paragraphs of their own.
        lines_out = [part for line in lines_out for part in (line, "")][:-1]
    if lines_out and end < len(lines) and lines[end].strip():
        lines_out.append("")  # a paragraph right under the last row is a paragraph of its own
    return lines_out, end


_ACTIVITY_LABEL = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")
_OBJECTIVE_LABEL = re.compile(r"^\d{1,2}[.)]\s+")
_PAGE_FOOTER = re.compile(r"(?:p[aá]gina|page)\s+\d{1,3}\s+(?:de|of)\s+\d{1,3}\s*$", re.IGNORECASE)


def _spans(lines: list[str], index: int, columns: list[int]) -> bool:
    """Whether the table's first row holds an objective beside a numbered activity."""
    for line in lines[index : index + 3]:
        cells = [(_column(columns, start), text) for start, text in _chunks(line)]
        if cells:
            second = [text for column, text in cells if column == 1]
            return bool(second) and bool(_ACTIVITY_LABEL.match(second[0]))
    return False


def _objective_to_rows(rows: list[list[str]], objective: list[str], beside: list[int]) -> None:
    text = ""
    for part in objective:
        text = _join(text, part)
    for row in beside:
        rows[row][0] = text


def _below_table(
    cells: list[tuple[int | None, str]], chunks: list[tuple[int, str]], columns: list[int]
) -> bool:
    """A line that is no row of the table: text left of its first column, or a paragraph that
    runs across the columns (from the margin or from inside one), as no cell can."""
    if any(column is None for column, _text in cells):
        return True
    if len(chunks) != 1:
        return False
    column = cells[0][0]
    assert column is not None
    start, text = chunks[0]
    return column + 1 < len(columns) and start + len(text) > columns[column + 1] + 10


def _row_line(row: list[str], names: list[str], numbered: bool) -> str:
    if numbered:
        label = row[0].rstrip(".)")
        body, body_names = row[1:], names[1:]
    else:
        label, body, body_names = "", row, names
    parts = [body[0]] + [
        f"{name}: {cell}" for name, cell in zip(body_names[1:], body[1:], strict=True) if cell
    ]
    line = " — ".join(part for part in parts if part)
    return f"{label}. {line}" if label else line
