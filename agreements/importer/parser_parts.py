"""Parts of a document and their titles: "II. Plan de trabajo" over its agreements, "Decision 3 –
Reserve Fund" over its paragraph, "DECISION No. 01/2023" over a title and its own numbering, the
next chapter of a report, a table of contents."""

from __future__ import annotations

import re

from .actions import _opening, _verb_action
from .gazetteer import fold
from .parser_labels import _BULLET, Label, parse_label
from .parser_sections import introducing_phrase

_TERMINAL = re.compile(r"[.:;!?]\s*[\"'”’)\]]*\s*$")


_TITLED_PART = re.compile(
    r"^(?P<label>[IVX]{1,4}|[A-H])[.)-]\s+(?P<rest>[A-ZÁÉÍÓÚÑ][^.:;]{2,80}):?$"
)


_NUMBERED_TITLE = re.compile(r"^(?P<label>\d{1,2})\.?\s+(?P<rest>[A-ZÁÉÍÓÚÑ][^.:;]{2,80})$")


def _titled_part(lines: list[str], position: int, stripped: str) -> str | None:
    """ "II. Plan de trabajo" followed by a paragraph or "Acuerdos": a part of a report numbered
    like a chapter but not in capitals. An item ("II. To approve…", "III. Solicitar…:") ends
    with punctuation or is followed by its sub-items. "2. Protección" over "2.1 …", "2.2 …" is
    the title of the items its number opens."""
    numbered = _NUMBERED_TITLE.match(stripped)
    if numbered and len(numbered["rest"].split()) <= 14:
        following = next((line for line in lines[position + 1 : position + 4] if line.strip()), "")
        parsed = parse_label(following)
        # A title is no task: it opens with no infinitive ("To approve…", "Aprobar…"), though
        # its noun may look like a verb ("Follow-up of the Plan of Action").
        if (
            parsed
            and parsed[0].path[:1] == (numbered["label"],)
            and not re.match(r"^(?:to\s+\w|\w{3,}(?:ar|er|ir)\b)", fold(numbered["rest"]))
        ):
            return "part"
    match = _TITLED_PART.match(stripped)
    # A long title only over agreements named by their number ("III. Sesión de la Red contra el
    # Tráfico Ilícito de Migrantes y la Trata de Personas" over "Acuerdo 7/2022.").
    long_title = match is not None and len(match["rest"].split()) > 8
    if not match or len(match["rest"].split()) > 16:
        return None
    if stripped.endswith(":") and introducing_phrase(match["rest"]):
        return None  # "B. Sobre el Fondo de Reserva, el GRCM acordó:" over "1. …" is an item
    titled = _verb_action(_opening(match["rest"])) is None
    for line in lines[position + 1 : position + 6]:
        if line.strip():
            parsed = parse_label(line)
            if long_title and (not parsed or parsed[0].deco != "named" or not titled):
                return None
            if not parsed:
                return "part" if match["label"][0] in "IVX" or titled else None
            # "B. Plan de trabajo" over "1. Aprobar…", "A. Identification of migrants" over
            # "(i) To member countries: …": a titled part of a report whose numbering starts
            # again; "B. To request the TS:" over "1. …" is an item.
            other_style = (
                parsed[0].deco == "named"  # "I. Sesión conjunta" over "Acuerdo 1/2022. …"
                or parsed[0].raw[:1].isdigit()
                or parsed[0].raw[:1] in "("
                or (parsed[0].raw[:1].islower())
            )
            return "part" if titled and other_style and not stripped.endswith(":") else None
    return None


# A table of contents' line: "Decision No. 02/2023 – Working Group …......... 2".
_CONTENTS_LINE = re.compile(r"(?:\.\s?){5,}\s*\d{1,3}\s*$|…{2,}\s*\d{1,3}\s*$")


def _decision_over_its_paragraphs(
    lines: list[str], position: int, label: Label, rest: str
) -> tuple[int, str] | None:
    """(where, title) when "DECISION No. 01/2023" stands alone over a title line and, further
    down, its own numbered paragraphs ("1. To approve …") before the next decision."""
    if label.deco != "named" or rest.strip():
        return None
    following = [(at, line.strip()) for at, line in enumerate(lines[position + 1 :], position + 1)]
    following = [(at, line) for at, line in following if line][:60]
    if not following:
        return None
    title_at, title = following[0]
    if (
        parse_label(title)
        or len(title.split()) > 16
        or _TERMINAL.search(title)
        or title.endswith((",", ":"))
        or not title[:1].isupper()
        or _verb_action(_opening(title)) is not None
    ):
        return None
    for _at, line in following[1:]:
        parsed = parse_label(line)
        if parsed and parsed[0].deco == "named":
            return None
        if parsed and ("num", 1) in parsed[0].options and parsed[0].text == "1":
            return title_at, title
    return None


def _titles_its_paragraph(lines: list[str], position: int, label: Label, rest: str) -> bool:
    """ "Decision 3 – Reserve Fund" over its paragraph: a label named by what it numbers, whose
    line only gives the title of the decision set out below it."""
    if label.deco != "named" or not rest[:1].isupper() or _TERMINAL.search(rest):
        return False
    if len(rest.split()) > 12 or _verb_action(_opening(rest)) is not None:
        return False
    following = next((line for line in lines[position + 1 : position + 4] if line.strip()), "")
    return bool(following) and not parse_label(following) and not _BULLET.match(following)


def _next_chapter(stripped: str, chapter: int, unfinished: bool) -> bool:
    """ "5. Consideraciones finales" after the heading "4. Acuerdos alcanzados" whose items are
    numbered otherwise ("(1)" …): the next chapter of the document, not an item."""
    match = _NUMBERED_TITLE.match(stripped)
    if not chapter or unfinished or not match or int(match["label"]) != chapter + 1:
        return False
    title = match["rest"]
    return len(title.split()) <= 6 and _verb_action(_opening(title)) is None
