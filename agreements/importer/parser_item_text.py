"""An item's own text, as the finisher reads it: its paragraphs joined, a table's last cells
(status, objective) taken off, and a title run into its first sentence."""

from __future__ import annotations

import re

from .actions import _opening, _verb_action

# A follow-up matrix's status column ("— Estado: Cumplido") closing a table's row: how the
# agreement stood when the matrix was updated, not the agreement.
_STATUS_CELL = re.compile(
    r"\s+—\s+(?:estado|estatus|status|situaci[oó]n|avance|progress)\s*:\s*(?P<cell>[^—\n]+?)\s*$",
    re.IGNORECASE,
)


# A work plan's objective spanning several activities, which the table's reading gives each of
# its rows as a last cell ("— Objetivo específico: Fortalecer …"): the activities' group.
_OBJECTIVE_CELL = re.compile(
    r"\s+—\s+(?:objetivos?(?:\s+(?:espec[ií]fico|estrat[eé]gico|general)s?)?|objectives?"
    r"(?:\s+\w+)?|eje(?:\s+tem[aá]tico)?|l[ií]nea\s+(?:de\s+acci[oó]n|estrat[eé]gica)"
    r"|resultados?(?:\s+esperados?)?|expected\s+results?|outcomes?|strategic\s+lines?)\s*:"
    r"\s*(?P<cell>[^—\n]+?)\s*$",
    re.IGNORECASE,
)


# "Budget 2024. The RCGM …", "Regional training plan – The Network approved …".
_LEAD_IN = re.compile(
    r"^(?P<title>[A-ZÁÉÍÓÚÑ][^.;:!?\n–—]{1,60}?)(?:\.|\s+[–—-])\s+(?=[A-ZÁÉÍÓÚÑ¿\"“])"
)


def _lead_in(text: str) -> str:
    """A short title run into an item's first sentence ("Agenda. The RCGM adopted …", "Budget
    2024. The RCGM recommended …"): no verb, at most six words, a full sentence after it."""
    match = _LEAD_IN.match(text)
    if not match:
        return ""
    title = match["title"].strip()
    words = title.split()
    if len(words) > 6 or re.search(r"\b[A-Z]\Z|\b(?:No|Núm|Art|Sr|Sra|Dr|Mr|Ms|St)\Z", title):
        return ""  # an initial or an abbreviation ("U.S.", "Art. 5"), not a title
    opening = _opening(title)
    if _verb_action(opening) is not None and not re.match(
        r"^[\w-]+\s+(?:of|on|de|del|sobre)\b", opening
    ):
        return ""  # "Approve the budget. …" is a task; "Report of the PPT." a title
    rest = text[match.end() :]
    if len(rest.split()) < 4:
        return ""
    return title


def _without_cell(text: str, cell: re.Pattern) -> tuple[str, str]:
    match = cell.search(text)
    if not match:
        return text, ""
    return text[: match.start()], match["cell"]


def _item_text(paragraphs: list[str]) -> str:
    cleaned = []
    for paragraph in paragraphs:
        paragraph = re.sub(r"[ \t]+", " ", paragraph).strip()
        paragraph = re.sub(r"\s+([,.;:])", r"\1", paragraph) if paragraph else paragraph
        if paragraph and paragraph != "·":
            cleaned.append(paragraph)
    return "\n".join(cleaned)
