"""Turn an uploaded file into plain text the parser can read.

Two kinds of upload arrive at the Technical Secretariat: the text extracted from a published PDF
(``.txt``, in whatever encoding the extraction tool wrote) and the Word original (``.docx``).

For Word files the visible list labels matter most: the conference numbers its agreements with
Word's automatic numbering, and ``python-docx``'s ``paragraph.text`` leaves those labels out. We
rebuild them from ``numbering.xml`` the way Word does (ECMA-376 §17.9): counters are kept per
abstract numbering definition, so several ``w:num`` instances of one definition continue one
sequence, and a ``startOverride`` restarts it the first time its instance is used.

Headers, footers, footnotes and floating text boxes are left out on purpose: in the conference's
documents they only carry page furniture (logos, banners, page numbers).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import PurePath

from .reading_cell_lines import cells_one_per_line
from .reading_layout import layout_tables
from .reading_numbering import _Numbering, _w
from .reading_ocr import undo_ocr

__all__ = ["UnreadableDocument", "normalise_text", "read_document", "SUPPORTED_EXTENSIONS"]

SUPPORTED_EXTENSIONS = (".txt", ".text", ".docx")
# A .docx is a zip: what it unpacks to is checked before anything is unpacked. The conference's
# documents unpack to well under 5 MB, their XML compressing 5–15 times; a "zip bomb" declares
# hundreds of megabytes, compressed a thousandfold.
MAX_DOCX_UNPACKED_BYTES = 25 * 1024 * 1024
MAX_DOCX_RATIO = 100
MAX_DOCX_ENTRIES = 2000


class UnreadableDocument(ValueError):
    """The upload cannot be turned into text; the message is meant for the person uploading."""


# --- Plain-text normalisation --------------------------------------------------------------------

# Spaces that PDF extraction and Word leave in: all become an ordinary space.
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t",
    ),
    " ",
)
# Invisible characters that only break words apart.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Bullets drawn with the Symbol/Wingdings fonts come out as private-use characters.
_SYMBOL_BULLETS = dict.fromkeys(
    map(ord, "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0a2\uf09f\uf0e0\uf0de"), "·"
)
_LINE_BREAKS = re.compile(r"\r\n|\r|\f|\v|\u2028|\u2029|\x85")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_PRIVATE_USE_BULLET = re.compile(r"(?m)(?:^ *|(?<= ))[\ue000-\uf8ff](?= )|^ *[\ue000-\uf8ff]$")
_LIGATURES = re.compile(r"[\ufb00-\ufb06]")


def normalise_text(text: str) -> str:
    """Normalise line ends, odd spaces, ligatures and symbol-font bullets; keep everything else.

    The result is stable: normalising twice changes nothing. Footnote markers (U+FFFD) are kept,
    because the parser uses them to recognise footnote text.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if "|" in text:
        text = _pipe_rows(text)
    if "\t" in text:
        text = _table_rows(_tab_levels(text))
    text = cells_one_per_line(text)
    text = text.translate(_SPACES).translate(_INVISIBLE).translate(_SYMBOL_BULLETS)
    # Any other symbol-font glyph where a bullet stands (at a line's start, or between spaces
    # where line breaks were lost) is a bullet too: dropped, its line would join the one above.
    text = _PRIVATE_USE_BULLET.sub(lambda m: m.group()[:-1] + "·", text)
    text = _PRIVATE_USE.sub("", text)
    text = layout_tables(undo_ocr(text))
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


# A table written with pipes (copied from an e-mail or a wiki): "| 1 | To approve … | RCGM | - |"
# over a rule "|---|---|". Its cells become tab-separated, as a table copied from Word.
_PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*\|.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|[\s:|\-–—+=]+\|\s*$")


def _pipe_rows(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        row = _PIPE_ROW.match(line)
        if _PIPE_RULE.match(line):
            continue
        if row:
            cells = [cell.strip() for cell in row["cells"].split("|")]
            line = "\t".join("" if re.fullmatch(r"[-–—]*", cell) else cell for cell in cells)
        lines.append(line)
    return "\n".join(lines)


# A table copied from Word keeps its cells apart with tabs: "1.<tab>Actualizar …<tab>Países
# Miembros<tab>30 de junio de 2010". Each row becomes one line that says what its cells are
# ("1. Actualizar … — Responsable: Países Miembros — Plazo: 30 de junio de 2010"), so that the
# number opens the item and the columns' names tell the readers who acts and by when; the row of
# column names is then said in every row, and is not kept on its own.
_CELLS = re.compile(r"[ \u00a0]*\t[\t \u00a0]*")
_LABEL_CELL = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[IVXivx]{1,5})[.)]?$")
_PAGE_OF = re.compile(
    r"\b(?:page|p[aá]gina|p[aá]g\.)\s*\d{1,3}\s*(?:of|de|/)\s*\d{1,3}\s*$", re.IGNORECASE
)
_GROUP_ROW = re.compile(r"^[A-ZÁÉÍÓÚÑÜ][^a-z.;:]{2,120}$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELLS.split(line.strip())]


def _rows_over_two_lines(text: str) -> list[str]:
    """A cell of two paragraphs breaks its row: "2<tab>To prepare a study." then "The study
    should cover …<tab>Technical Secretariat<tab>First half of 2012". When the two lines' cells
    make one row of the header's width, they are that row."""
    lines = text.split("\n")
    width = 0
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        cells = _cells(line)
        if line.count("\t") >= 2 and all(len(cell.split()) <= 3 for cell in cells):
            width = len(cells)  # a header row
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            width
            and "\t" in line
            and "\t" in following
            and len(cells) < width
            and len(cells) + len(_cells(following)) - 1 == width
        ):
            merged = _cells(following)
            cells = [*cells[:-1], f"{cells[-1]} {merged[0]}".strip(), *merged[1:]]
            out.append("\t".join(cells))
            index += 2
            continue
        width = width if line.strip() else 0
        out.append(line)
        index += 1
    return out


_ONE_TAB = re.compile(r"^\t(?=[^\t\s])")
_TWO_TABS = re.compile(r"^\t\t(?=[^\t\s])")


def _tab_levels(text: str) -> str:
    """Word's lost numbering whose tabs stayed: one tab before each agreement, two before each
    of its sub-points, a subtitle with none. Read as bullets of two levels under their labels."""
    lines = text.split("\n")
    ones = [line for line in lines if _ONE_TAB.match(line) and "\t" not in line[1:]]
    if len(ones) < 3 or sum(1 for line in lines if "\t" in line.strip()) > len(ones) // 2:
        return text
    first = next(i for i, line in enumerate(lines) if _ONE_TAB.match(line))
    last = max(i for i, line in enumerate(lines) if _ONE_TAB.match(line))
    between = [line.strip() for line in lines[first:last] if line.strip() and line[:1] != "\t"]
    if any(len(line) > 80 or line.endswith((".", ":", ";")) for line in between):
        return text  # items at the margin, their sub-points a tab in: not this layout
    out = []
    for line in lines:
        if "\t" in line.strip():
            out.append(line)
        elif _TWO_TABS.match(line):
            out.append("    ◦ " + line.strip())
        elif _ONE_TAB.match(line):
            out.append("• " + line.strip())
        else:
            out.append(line)
    return "\n".join(out)


def _table_rows(text: str) -> str:
    header: list[str] | None = None
    lines = []
    for line in _rows_over_two_lines(text):
        cells = _cells(line)
        aligned = [cell.strip() for cell in line.strip(" \r").split("\t")]
        if (
            header
            and len(aligned) == len(header)
            and aligned[0]
            and not _PAGE_OF.search(line)
            and not _GROUP_ROW.match(line.strip())
        ):
            # "Invite UNHCR …<tab>Pro Tempore Presidency<tab>": a row whose empty cells keep
            # their tabs, each cell under its column.
            cells = aligned
        elif line.count("\t") < 2 or len([cell for cell in cells if cell]) < 3:
            # A row that only names the group of the rows under it ("DIRECTORIO Y
            # COMUNICACIÓN") stays inside the table; a blank line or a paragraph ends it.
            group_row = bool(header) and bool(_GROUP_ROW.match(line.strip()))
            header = header if line.strip() and ("\t" in line or group_row) else None
            if group_row:
                lines.extend(["", line.strip(), ""])  # a paragraph of its own, over its rows
            else:
                lines.append(line)
            continue
        if all(len(cell.split()) <= 3 and not re.search(r"\d{2}", cell) for cell in cells):
            header = cells  # the names of the columns
            continue
        if header and len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))  # empty last cells lost with the line's end
        label = cells[0] if _LABEL_CELL.match(cells[0]) else ""
        body = cells[1:] if label else cells
        names = (header[1:] if label else header) if header and len(header) == len(cells) else []
        parts = [body[0]] + [
            f"{names[i]}: {cell}" if names and names[i] else cell
            for i, cell in enumerate(body)
            if i and cell
        ]
        row = " — ".join(part for part in parts if part)
        if label:
            row = f"{label if label[-1] in '.)' else label + '.'} {row}"
        elif lines and lines[-1].strip():
            lines.append("")  # an unnumbered row is a paragraph of its own
        lines.append(row)
        if not label:
            lines.append("")
    return "\n".join(lines)


# --- Entry point ---------------------------------------------------------------------------------


def read_document(data: bytes, filename: str) -> str:
    """Return the text of an uploaded ``.txt`` or ``.docx`` file, normalised.

    Raises :class:`UnreadableDocument` with a message for a person when the file is empty, is
    not text (a PDF, an image, any binary), has an unsupported extension or is a damaged .docx.
    """
    name = PurePath(filename or "").name or "the file"
    extension = PurePath(filename or "").suffix.lower()
    if not data or not data.strip():
        raise UnreadableDocument(f"{name} is empty: there is no text to read.")
    if extension in (".txt", ".text"):
        text = _read_text(data, name)
    elif extension == ".docx":
        text = _read_docx(data, name)
    else:
        raise UnreadableDocument(_unsupported_message(name, extension))
    text = normalise_text(text)
    if not text.strip():
        raise UnreadableDocument(f"{name} contains no text.")
    return text


def _unsupported_message(name: str, extension: str) -> str:
    if extension == ".pdf":
        return (
            f"{name} is a PDF. Upload the text extracted from it (.txt) or the Word original "
            "(.docx)."
        )
    if extension == ".doc":
        return f"{name} is an old Word (.doc) file. Open it in Word and save it as .docx."
    shown = extension or "no extension"
    return f"{name} has {shown}; only plain text (.txt) and Word (.docx) documents can be read."


# --- .txt ----------------------------------------------------------------------------------------

# File signatures of things that are not text, with what to tell the uploader.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "is a PDF, not text. Upload the text extracted from it or the .docx original."),
    (b"PK\x03\x04", "is a Word or zip file, not text. Upload a .docx with the .docx extension."),
    (b"\xd0\xcf\x11\xe0", "is an old Office file, not text. Save it as .docx and upload that."),
    (b"{\\rtf", "is an RTF file. Save it as .docx or as plain text (.txt)."),
    (b"\x89PNG", "is an image (PNG), not text."),
    (b"\xff\xd8\xff", "is an image (JPEG), not text."),
    (b"GIF8", "is an image (GIF), not text."),
    (b"II*\x00", "is an image (TIFF), not text."),
    (b"MM\x00*", "is an image (TIFF), not text."),
)


def _read_text(data: bytes, name: str) -> str:
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableDocument(f"{name} {message}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", name)
    if b"\x00" in data:
        # Notepad's "Unicode" without a BOM: NUL in every other byte.
        if _looks_like_utf16le(data):
            return _decode(data, "utf-16-le", name)
        raise UnreadableDocument(f"{name} contains binary data, not text.")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _reject_control_characters(text, name)
        return text
    raise UnreadableDocument(f"{name} is not in a text encoding that can be read.")  # unreachable


def _looks_like_utf16le(data: bytes) -> bool:
    odd = data[1::2]
    return len(data) % 2 == 0 and odd.count(0) >= 0.4 * len(odd) and data[0::2].count(0) == 0


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableDocument(f"{name} is not valid {encoding} text.") from error
    _reject_control_characters(text, name)
    return text


def _reject_control_characters(text: str, name: str) -> None:
    """Text extracted from a document has no control characters beyond line ends and tabs."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 200):
        raise UnreadableDocument(f"{name} contains binary data, not text.")


# --- .docx ---------------------------------------------------------------------------------------


def _read_docx(data: bytes, name: str) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(
            f"{name} is an old Word (.doc) file renamed .docx. Open it in Word and save as .docx."
        )
    if not data.startswith(b"PK"):
        raise UnreadableDocument(f"{name} is not a Word document (.docx): it may be damaged.")
    try:
        _check_docx_size(data, name)
        import docx  # python-docx; imported here so reading .txt never needs it

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _Numbering.from_document(document)
        lines = list(_block_lines(body, numbering))
    except UnreadableDocument:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError, TypeError) as error:
        raise UnreadableDocument(
            f"{name} could not be opened as a Word document (.docx): the file is damaged."
        ) from error
    except Exception as error:  # lxml and python-docx raise many kinds for a broken package
        raise UnreadableDocument(
            f"{name} could not be opened as a Word document (.docx): the file is damaged."
        ) from error
    return "\n".join(lines)


def _check_docx_size(data: bytes, name: str) -> None:
    """Refuse a .docx that would unpack to too much, from its zip directory alone (zipfile never
    inflates an entry past the size its directory declares)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
    if len(entries) > MAX_DOCX_ENTRIES:
        raise UnreadableDocument(
            f"{name} holds {len(entries)} files; a Word document holds a few dozen."
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise UnreadableDocument(
            f"{name} unpacks to {unpacked / 1024 / 1024:.0f} MB; the importer reads Word "
            f"documents up to {MAX_DOCX_UNPACKED_BYTES // 1024 // 1024} MB unpacked. Save the "
            "meeting's record alone, without images, or upload its text (.txt)."
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_DOCX_RATIO * max(
            entry.compress_size, 1
        ):
            raise UnreadableDocument(
                f"{name} is compressed {entry.file_size // max(entry.compress_size, 1)} times "
                f"over ({entry.filename}): no Word document is; it is not read."
            )


def _block_lines(container, numbering: _Numbering):
    """Yield the lines of the paragraphs and tables of a body or table cell, in order."""
    for child in container.iterchildren():
        if child.tag == _w("p"):
            yield _paragraph_line(child, numbering)
        elif child.tag == _w("tbl"):
            yield from _table_lines(child, numbering)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _block_lines(content, numbering)


def _table_lines(table, numbering: _Numbering):
    """A table of three columns or more (number, agreement, who, by when) gives one line a row,
    its cells apart with tabs, as a table copied from Word as text does (_table_rows names the
    cells after the header's columns); a cell continuing a vertical merge ("Países Miembros" over
    three rows) repeats the text it continues. Any other table (a layout, two columns) gives each
    cell's paragraphs on lines of their own, which keeps numbered paragraphs inside cells
    recognisable; a blank line separates rows."""
    rows = [_row_cells(row, numbering) for row in table.iterchildren(_w("tr"))]
    tabular = sum(len([cell for cell in row if cell]) >= 3 for row in rows) >= max(
        1, len(rows) // 2
    )
    above: dict[int, str] = {}
    for row, cells in zip(table.iterchildren(_w("tr")), rows, strict=True):
        if not tabular:
            for cell in row.iterchildren(_w("tc")):
                yield from (line for line in _block_lines(cell, numbering) if line.strip())
            yield ""
            continue
        texts = []
        column = 0
        for cell, text in zip(row.iterchildren(_w("tc")), cells, strict=True):
            if _continues_merge(cell):
                text = above.get(column, "")
            above[column] = text
            texts.append(text)
            column += _grid_span(cell)
        yield "\t".join(texts) if len([text for text in texts if text]) >= 3 else " ".join(texts)
    if tabular:
        yield ""  # what follows the table is a paragraph of its own


def _row_cells(row, numbering: _Numbering) -> list[str]:
    return [
        " ".join(line.strip() for line in _block_lines(cell, numbering) if line.strip())
        for cell in row.iterchildren(_w("tc"))
    ]


def _cell_property(cell, name: str):
    properties = cell.find(_w("tcPr"))
    return properties.find(_w(name)) if properties is not None else None


def _continues_merge(cell) -> bool:
    merge = _cell_property(cell, "vMerge")
    return merge is not None and merge.get(_w("val")) in (None, "continue")


def _grid_span(cell) -> int:
    span = _cell_property(cell, "gridSpan")
    value = span.get(_w("val")) if span is not None else None
    return int(value) if value and value.isdigit() else 1


_SKIPPED = {_w("delText"), _w("instrText"), _w("footnoteReference"), _w("endnoteReference")}


def _paragraph_line(paragraph, numbering: _Numbering) -> str:
    text = "".join(_run_texts(paragraph))
    label = numbering.label_for(paragraph)
    if label:
        return f"{label} {text}".rstrip() if text else label
    return text


def _run_texts(element):
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in (_w("del"), _w("moveFrom"), _w("txbxContent"), _w("pPr"), _w("rPr")):
            continue  # deleted text, floating text boxes (banners), properties
        if tag == _w("t"):
            yield child.text or ""
        elif tag == _w("tab"):
            yield " "
        elif tag in (_w("br"), _w("cr")):
            yield "\n"
        elif tag == _w("noBreakHyphen"):
            yield "-"
        else:
            yield from _run_texts(child)
