"""A table copied from Word or a PDF viewer one cell per line: the header's column names each on a
line ("Tema", "Acuerdo", "Responsable", "Plazo"), then each row's cells one under another. A
cell merged over several rows (the theme) is printed once, above the first of them; an empty
cell is printed as "—". The header comes back after a page break.

::

    Tema
    Acuerdo
    Responsable
    Plazo
    Contribuciones
    Instar a los Países Miembros … a cubrir sus contribuciones.
    Países Miembros
    Primer trimestre de 2009

Each row becomes one paragraph, its cells named as a table copied from Word as text gives them
(reading._table_rows): "Instar a los Países Miembros … — Responsable: Países Miembros — Plazo:
Primer trimestre de 2009", under its theme as a paragraph of its own. The agreement's cell is
told from the others by being a sentence (it ends with a full stop, or is long); the cells after
it are as many as the header has columns after it.
"""

from __future__ import annotations

import re
import unicodedata

from .gazetteer_fold import detect_language
from .reading_layout import replace_tables

_NAME = re.compile(
    r"^(?:n[°ºo.]*|no\.?|num(?:ero)?\.?|#|tema|temas|theme|topic|area|eje|asunto|subject"
    r"|acuerdos?|agreements?|decisions?|decisiones|recomendaci(?:on|ones)|recommendations?"
    r"|actividad(?:es)?|activit(?:y|ies)|acci(?:on|ones)|actions?|tareas?|tasks?|compromisos?"
    r"|responsables?|responsible|lead|a cargo(?: de)?|plazos?|deadlines?|fechas?(?: limite)?"
    r"|dates?|timeline|time ?frame|cronograma|estado|status|observaciones|remarks)$"
)
_AGREEMENT_COLUMN = re.compile(
    r"^(?:acuerdos?|agreements?|decisions?|decisiones|recomendaci(?:on|ones)|recommendations?"
    r"|actividad(?:es)?|activit(?:y|ies)|acci(?:on|ones)|actions?|tareas?|tasks?|compromisos?)$"
)
_NUMBER_COLUMN = re.compile(r"^(?:n[°ºo.]*|no\.?|num(?:ero)?\.?|#)$")
_FOOTER = re.compile(r"(?:p[aá]gina|page)\s+\d{1,3}\s+(?:de|of)\s+\d{1,3}\s*$", re.IGNORECASE)
_EMPTY = frozenset({"—", "–", "-", "--", "n/a", "N/A", ""})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower().rstrip(":"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# "N.º / Español / English": a bilingual table, each row's number alone, then its text in each
# language.
_LANGUAGE_COLUMN = re.compile(
    r"^(?:espanol|spanish|castellano|ingles|english|frances|french|texto en \w+|text in \w+)$"
)
_ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")
_SUB_LABEL = re.compile(r"^(?P<label>[a-z][.)]|[ivx]{1,4}[.)])\s+(?P<text>\S.*)$")
_PLACE_AND_DATE = re.compile(r"^[A-ZÁÉÍÓÚÑ][^,]{1,40},\s[^.]{0,40}\b(?:19|20)\d\d\.?$")


def _bilingual_header(lines: list[str], index: int) -> int:
    """How many lines the header of a bilingual table takes at ``index`` (0: none)."""
    names = [_fold(line) for line in lines[index : index + 3]]
    if len(names) == 3 and _NUMBER_COLUMN.match(names[0]):
        if all(_LANGUAGE_COLUMN.match(name) for name in names[1:]):
            return 3
    return 0


def _header_at(lines: list[str], index: int) -> list[str] | None:
    names = []
    while index + len(names) < len(lines) and _NAME.match(_fold(lines[index + len(names)])):
        names.append(lines[index + len(names)].strip().rstrip(":"))
    agreements = [n for n in names if _AGREEMENT_COLUMN.match(_fold(n))]
    return names if len(names) >= 3 and len(agreements) == 1 else None


def _sentence(line: str) -> bool:
    return line.endswith((".", ";")) or len(line) >= 60


def cells_one_per_line(text: str) -> str:
    """The text with each table laid out one cell per line read as one paragraph per row."""
    if "\n" not in text:
        return text
    return replace_tables(text.split("\n"), _table_at)


def _table_at(lines: list[str], index: int) -> tuple[list[str], int] | None:
    if len(lines[index].strip()) > 30:
        return None  # a header's names are short
    bilingual = _bilingual_header(lines, index)
    if bilingual:
        rows, end = _bilingual_rows(lines, index + bilingual)
        if rows:
            return rows, end
    header = _header_at(lines, index)
    if header is None:
        return None
    rows, end = _rows(lines, index + len(header), header)
    return (rows, end) if len(rows) >= 2 else None


def _rows(lines: list[str], index: int, names: list[str]) -> tuple[list[str], int]:
    column = next(i for i, name in enumerate(names) if _AGREEMENT_COLUMN.match(_fold(name)))
    after = names[column + 1 :]
    numbered = column > 0 and bool(_NUMBER_COLUMN.match(_fold(names[0])))
    out: list[str] = []
    group = label = ""
    end = index
    while index < len(lines):
        line = lines[index].strip()
        if not line or _FOOTER.search(line):
            following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
            if following is None or not (
                _FOOTER.search(lines[following]) or _header_at(lines, following) == names
            ):
                break  # a paragraph under the table
            index = following
            continue
        if _header_at(lines, index) == names:
            index += len(names)  # the header again, after a page break
            continue
        if _sentence(line):
            cells = [cell.strip() for cell in lines[index + 1 : index + 1 + len(after)]]
            if len(cells) < len(after) or any(_sentence(cell) and len(cell) > 80 for cell in cells):
                break
            named = "".join(
                f" — {name}: {cell}"
                for name, cell in zip(after, cells, strict=True)
                if cell not in _EMPTY
            )
            out.extend([f"{label}. {line}{named}" if label else f"• {line}{named}", ""])
            label = ""
            index += 1 + len(after)
            end = index
            continue
        if column == 0 or len(line) > 80:
            break
        if numbered and re.fullmatch(r"\d{1,3}[.)]?", line):
            label = line.rstrip(".)")
        elif line != group:
            group = line  # a theme merged over the rows below it
            out.extend(["", line, ""])
        index += 1
    return out, end


def _bilingual_rows(lines: list[str], index: int) -> tuple[list[str], int]:
    """Each row as its numbered item: the text in the first language, then the other's as more
    of the same paragraph; a list inside the cell ("a) designar …" then "a) designate …") as
    sub-items in both languages."""
    out: list[str] = []
    end = index
    while index < len(lines) and _ROW_NUMBER.match(lines[index].strip()):
        number = lines[index].strip().rstrip(".)")
        cell: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index].strip()
            if not line or _ROW_NUMBER.match(line) or _PLACE_AND_DATE.match(line):
                break
            cell.append(line)
            index += 1
        runs: list[list[str]] = []
        for line in cell:
            language = detect_language(_SUB_LABEL.sub(r"\g<text>", line))
            if runs and (runs[-1][0] == language or len(line.split()) < 4):
                runs[-1][1].append(line)
            else:
                runs.append([language, [line]])
        out.extend(_paired(number, [lines for _language, lines in runs]))
        end = index
        while index < len(lines) and not lines[index].strip():
            index += 1
    return out, end


def _paired(number: str, runs: list[list[str]]) -> list[str]:
    if len(runs) != 2:
        return [f"{number}. " + " ".join(line for run in runs for line in run)]
    first, second = (_segments(run) for run in runs)
    if [label for label, _text in first] != [label for label, _text in second]:
        return [f"{number}. " + " ".join(runs[0]) + " " + " ".join(runs[1])]
    out = []
    for (label, text), (_label, other) in zip(first, second, strict=True):
        out.append(f"{label or number + '.'} {text} {other}")
    return out


def _segments(run: list[str]) -> list[tuple[str, str]]:
    """The cell's text, then each of its sub-items, as (label, text)."""
    segments: list[tuple[str, str]] = [("", "")]
    for line in run:
        sub = _SUB_LABEL.match(line)
        if sub:
            segments.append((sub["label"], sub["text"]))
        else:
            label, text = segments[-1]
            segments[-1] = (label, f"{text} {line}".strip())
    return segments
