"""Obligations: the clauses of an item that give someone a task, whatever its opening verb.

An item that opens with "take note" or "thank" may still ask something of someone further on:
"The TS will circulate the document and request Member Countries to submit their input",
"which will be circulated by the TS for feedback … within a two-month period", "Request the
review no later than the first quarter of the year 2022". Such an item is followed up. A thank
or a note that asks nothing of anyone is not.

Pure text, English and Spanish; no database. `Agreement.needs_follow_up` is where the answer is
used, so that the importer, the services and the loaded records decide it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Obligation", "find_obligations", "has_obligation", "meeting_deadline"]

_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)"
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_MESES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
# Participles of what a task does with a document or a report ("to be circulated").
_DONE_TO = (
    r"(?:presented|circulated|submitted|sent|shared|analy[sz]ed|reviewed|distributed|forwarded|"
    r"reported|confirmed|incorporated|drafted|completed|updated|prepared|translated)"
)
_HECHO = (
    r"(?:presentad|circulad|enviad|remitid|compartid|sometid|analizad|revisad|distribuid|"
    r"elaborad|preparad|actualizad|traducid|confirmad)[oa]s?"
)
_VERBOS = (
    r"(?:presentar|circular|enviar|remitir|compartir|someter|preparar|elaborar|informar|"
    r"incorporar|revisar|confirmar|analizar|difundir|distribuir|consultar|actualizar|"
    r"traducir|organizar|realizar)"
)

# Each pattern finds words that give someone a task; the name says which kind, for the reader.
PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        # "will circulate", "should do so", "shall submit", "must confirm"; not "political will
        # of", where "will" is a noun.
        "modal",
        re.compile(
            r"\b(?:will|shall|should|must)\s+(?!of\b|to\b|and\b|the\b|a\b)"
            r"(?:also\s+|then\s+|jointly\s+)?[a-z]{2,}",
            re.IGNORECASE,
        ),
    ),
    ("is_to", re.compile(r"\b(?:is|are)\s+to\s+(?:be\s+)?[a-z]{3,}", re.IGNORECASE)),
    (
        "asked",
        re.compile(
            r"\b(?:is|are|were|was)\s+(?:hereby\s+)?(?:urged|requested|asked|encouraged|"
            r"called\s+upon|instructed|entrusted)\s+to\b",
            re.IGNORECASE,
        ),
    ),
    # "to urge the Member Countries to submit", "encourage Member Countries … to do so": the
    # object comes before "to". "encourage a dialogue" (a recommendation noted) has no "to".
    (
        "urge",
        re.compile(
            r"\b(?:urges?|encourages?|calls?\s+(?:up)?on)\b[^.;]{0,160}?\bto\s+[a-z]{2,}",
            re.IGNORECASE,
        ),
    ),
    # "request Member Countries to submit", "Request the review": the verb, not the noun
    # ("the request of", "a request for").
    (
        "request",
        re.compile(
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)(?<!'s\s)"
            r"\b(?:requests?|requested)\b(?!\s+(?:for|of|from|by|made)\b)",
            re.IGNORECASE,
        ),
    ),
    ("to_be_done", re.compile(rf"\bbe\s+{_DONE_TO}\b", re.IGNORECASE)),
    (
        "within",
        re.compile(
            rf"\bwithin\s+(?:the\s+next\s+|a\s+period\s+of\s+)?{_NUMBER}[\s-]+"
            r"(?:days?|weeks?|months?|years?)\b|\bwithin\s+a\s+[\w-]+[\s-]period\b",
            re.IGNORECASE,
        ),
    ),
    ("no_later_than", re.compile(r"\bno\s+later\s+than\b|\bat\s+the\s+latest\b", re.IGNORECASE)),
    (
        "by_date",
        re.compile(
            rf"\bby\s+(?:the\s+end\s+of\s+|mid-?\s*)?(?:{_MONTHS}\b|\d{{4}}\b|the\s+next\s+"
            r"(?:meeting|rcgm|rcm|vice-?ministerial)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "before_next",
        re.compile(r"\bbefore\s+the\s+next\s+(?:meeting|rcgm|rcm|vice-?ministerial)\b", re.I),
    ),
    ("asap", re.compile(r"\bas\s+soon\s+as\s+possible\b", re.IGNORECASE)),
    # Spanish.
    ("deber", re.compile(r"\bdeber[áa]n?\b|\bdeben?\s+(?:ser\s+)?[a-záéíóú]{3,}", re.I)),
    (
        "se_solicita",
        re.compile(r"\bse\s+(?:solicita|insta|pide|encarga|exhorta|acuerda\s+solicitar)\b", re.I),
    ),
    (
        "solicitar",
        re.compile(
            r"\b(?:solicit(?:a|an|ar|ó)|inst(?:a|an|ar|ó)|exhort(?:a|an|ar|ó)|ped(?:ir)|"
            r"encarg(?:a|ar|ó))\s+(?:a|al|la|el|los|las)\b",
            re.IGNORECASE,
        ),
    ),
    ("futuro", re.compile(rf"\b{_VERBOS}(?:á|a)n?\b(?!\w)", re.IGNORECASE)),
    ("ser_hecho", re.compile(rf"\b(?:ser[áa]n?|sea|sean|ser)\s+{_HECHO}\b", re.IGNORECASE)),
    ("compromete", re.compile(r"\bse\s+compromete[n]?\s+a\b", re.IGNORECASE)),
    (
        "plazo",
        re.compile(
            r"\ba\s+m[áa]s\s+tardar\b|\ben\s+un\s+plazo\s+(?:m[áa]ximo\s+)?de\b|"
            r"\bdentro\s+de(?:l)?\s+(?:un|una|los|las|\d+|dos|tres|cuatro|seis)\s+"
            r"(?:\w+\s+)?(?:d[íi]as|semanas|mes(?:es)?|a[ñn]os?|plazo)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "antes_de",
        re.compile(rf"\bantes\s+de(?:l)?\s+(?:la\s+pr[óo]xima|{_MESES}|\d{{1,2}}\s+de)\b", re.I),
    ),
    ("cuanto_antes", re.compile(r"\blo\s+antes\s+posible\b|\ba\s+la\s+brevedad\b", re.I)),
]

# Sentences, bullets and lines: each is a clause of its own.
_CLAUSE_SPLIT = re.compile(r"(?<=[.;:])\s+|\n+|\s+·\s+")


@dataclass(frozen=True)
class Obligation:
    """A clause that gives someone a task, and the words that do."""

    clause: str
    words: str
    kind: str


def _clauses(text: str) -> list[str]:
    return [clause.strip(" ·-\t") for clause in _CLAUSE_SPLIT.split(text or "") if clause.strip()]


def find_obligations(text_en: str, text_es: str = "") -> list[Obligation]:
    """The clauses of an item (English and Spanish text) that ask something of someone."""
    found = []
    for text in (text_en, text_es):
        for clause in _clauses(text):
            for kind, pattern in PATTERNS:
                match = pattern.search(clause)
                if match:
                    found.append(Obligation(clause=clause, words=match.group(0), kind=kind))
                    break
    return found


def has_obligation(text_en: str, text_es: str = "") -> bool:
    return bool(find_obligations(text_en, text_es))


# "at the next meeting of the RCGM", "before the next RCM", "en la próxima reunión del GRCM".
_NEXT_MEETING = [
    (
        "rcgm",
        re.compile(
            r"\bnext\s+(?:meeting\s+of\s+the\s+)?(?:rcgm|grcm|regional\s+consultation\s+group)\b"
            r"|\bpr[óo]xima\s+(?:reuni[óo]n\s+(?:del?\s+)?)?(?:grcm|rcgm|grupo\s+regional)",
            re.IGNORECASE,
        ),
    ),
    (
        "vice_ministerial",
        re.compile(
            r"\bnext\s+(?:meeting\s+of\s+the\s+)?(?:rcm|crm|vice-?ministerial(?:\s+meeting)?)\b"
            r"|\bpr[óo]xima\s+(?:reuni[óo]n\s+(?:de\s+la\s+)?)?(?:crm|viceministerial)",
            re.IGNORECASE,
        ),
    ),
]


def meeting_deadline(text: str) -> str | None:
    """The body whose next meeting a phrase sets as the deadline ("rcgm", "vice_ministerial")."""
    for kind, pattern in _NEXT_MEETING:
        if pattern.search(text or ""):
            return kind
    return None
