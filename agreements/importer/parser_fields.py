"""Lines that end a record or join the next one: who wrote it up ("Relatoría: …"), the closing
place and date, and "Acuerdo:" alone over its paragraph."""

from __future__ import annotations

import re

from .deadlines_vocabulary import MONTH_FULL
from .gazetteer import fold

# What closes a record after its last paragraph: "Santo Domingo, 2 de octubre de 2019",
# "Relatoría: Secretaría Técnica de la CRM", "Prepared by: …".
WRITTEN_BY = re.compile(
    r"^(?:relatori[ao]|rapporteur|elaborad[oa]\s+por|prepared\s+by|redactad[oa]\s+por)\s*:",
    re.IGNORECASE,
)
_END_MATTER = re.compile(
    rf"{WRITTEN_BY.pattern}|^[a-z][^,.;:]{{1,40}},\s[^.;:]{{0,40}}\b(?:19|20)\d\d\.?$",
    re.IGNORECASE,
)
# "Panama City, May 19, 2004", "San Salvador, 24 de agosto de 2016": where and when, alone.
_PLACE_AND_DATE = re.compile(
    rf"^[a-z][a-z .'-]{{1,40}},\s+(?:(?:el\s+)?\d{{1,2}}\s+(?:de\s+)?{MONTH_FULL}\s+"
    rf"(?:de\s+|del\s+)?|{MONTH_FULL}\s+\d{{1,2}},?\s+)(?:19|20)\d\d\.?$"
)
# "That the RCGM consider …", "Que la Secretaría Técnica elabore …": a recommendation's own form.
RECOMMENDED_THAT = re.compile(
    r"^[\s\-–·•\"“]*(?:that|que)\s+(?:the|la|el|los|las)\s", re.IGNORECASE
)


def place_and_date(text: str) -> bool:
    """A line that only says where and when the record was adopted: its close."""
    return bool(_PLACE_AND_DATE.match(fold(" ".join(text.split()))))


_LONE_AGREED = re.compile(
    r"^(?:acuerdo|agreed|agreement|decisi[oó]n|decision)\s*:$",
    re.IGNORECASE,
)


def join_lone_agreed(lines: list[str]) -> list[str]:
    """ "Acuerdo:" alone on its line over one paragraph (minutes): the two are one agreement,
    "Acuerdo: Aprobar en lo general …". Over a list ("- Tomar nota …") the label stays; "Se
    acuerda:" may open several paragraphs and is left alone."""
    lines = list(lines)
    for index, line in enumerate(lines):
        if not _LONE_AGREED.match(line.strip()):
            continue
        below = next(
            (i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), None
        )
        if below is None or not lines[below].strip()[:1].isupper():
            continue
        lines[index] = f"{line.strip()} {lines[below].strip()}"
        lines[below] = ""
    return lines
