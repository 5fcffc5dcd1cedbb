"""Obligations: the clauses of an item that give someone a task, whatever its opening verb.

An item that opens with "take note" or "thank" may still ask something of someone further on:
"The TS will circulate the document and request Member Countries to submit their input",
"which will be circulated by the TS for feedback … within a two-month period", "Request the
review no later than the first quarter of the year 2022". Such an item is followed up. A thank
or a note that asks nothing of anyone is not.

An item whose only act is a decision the meeting took there and then ("To approve the reports
of the networks", "To accept the TS Activity and Financial Report", "Acoger con beneplácito…")
asks nothing more of anyone either (`decided_at_the_meeting`), unless a clause gives a task:
"To approve the work plan and request the TS to circulate it", "approve holding a workshop in
Costa Rica in 2022" (the host has an activity to hold), "To accept Canada's recommendation to
submit the budget one month in advance".

Pure text, English and Spanish; no database. `Agreement.needs_follow_up` is where the answer is
used, so that the importer, the services and the loaded records decide it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Obligation",
    "decided_at_the_meeting",
    "find_obligations",
    "has_obligation",
    "meeting_deadline",
]

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

# The verbs by which the meeting decides something there and then (English, Spanish).
_DECIDE = (
    r"(?:approv(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|accept(?:s|ed|ing)?|endors(?:e|es|ed|ing)|"
    r"ratif(?:y|ies|ied)|agree(?:s|d)?|"
    r"aprob(?:ar|ó|aron|ado|ada)|aprueba[n]?|adopt(?:ar|a|an|ó|aron)|acept(?:ar|a|an|ó|aron)|"
    r"respald(?:ar|a|an|ó|aron)|aval(?:ar|a|an|ó|aron)|refrend(?:ar|a|an|ó|aron)|"
    r"ratific(?:ar|a|an|ó|aron)|acord(?:ar|ó|aron))"
)
# What a decision approves or accepts that someone then has to carry out: an activity to hold
# ("approve holding a workshop", "aprobar la realización de un taller"), or an offer, a
# proposal or a recommendation to do something ("accept the offer of Mexico to host").
_TO_DO_NOUNS = (
    r"(?:recommendations?|proposals?|offers?|initiatives?|suggestions?|requests?|invitations?|"
    r"recomendaci(?:ón|on|ones)|propuestas?|ofrecimientos?|ofertas?|iniciativas?|"
    r"solicitud(?:es)?|invitaci(?:ón|on|ones)|sugerencias?)"
)
_TO_HOLD = (
    r"(?:to\s+(?:hold|host|organi[sz]e|convene|carry\s+out|conduct)|to\s+be\s+held|holding|"
    r"hosting|organi[sz]ing|the\s+(?:holding|organi[sz]ation)\s+of|"
    r"realizar|celebrar|organizar|llevar\s+a\s+cabo|ser\s+sede|a\s+(?:realizarse|celebrarse)|"
    r"(?:la\s+)?(?:realizaci[óo]n|celebraci[óo]n|organizaci[óo]n)\s+de)"
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
    (
        "decided_task",
        re.compile(
            rf"\b{_DECIDE}\b[^.;]{{0,160}}?(?:\b{_TO_HOLD}\b|\b{_TO_DO_NOUNS}\b[^.;]{{0,80}}?"
            # The verb in lower case: "the invitation to Mexico" names someone, not a task.
            r"(?:\bto\s+(?!the\b|this\b|that\b|its\b|their\b|be\b)(?-i:[a-z]{3,})\b"
            r"|\b(?:de|para)\s+(?-i:[a-záéíóúñ]{2,}(?:ar|er|ir))\b))",
            re.IGNORECASE,
        ),
    ),
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


# The verbs of a decision the meeting takes there and then, as an item opens: approving,
# adopting, accepting, endorsing, welcoming, congratulating, recognising, restating a position,
# thanking, taking note. Not "reiterate the call / the importance / the request" (an ask
# restated: the importer reads it as urge or request) nor "agree to" do something.
_AT_THE_MEETING_EN = (
    r"(?:approv(?:e|es|ed)|adopt(?:s|ed)?|accept(?:s|ed)?|endors(?:e|es|ed)|ratif(?:y|ies|ied)|"
    r"welcom(?:e|es|ed)|congratulat(?:e|es|ed)|recogni[sz](?:e|es|ed)|acknowledg(?:e|es|ed)|"
    r"commend(?:s|ed)?|thank(?:s|ed)?|take\s+(?:due\s+)?note|took\s+note|note[sd]?|"
    r"agree(?:s|d)?(?!\s+to\b)|express(?:es|ed)?\s+(?:its\s+|their\s+)?(?:support|gratitude|"
    r"appreciation|thanks|congratulations|recognition)|"
    r"(?:reiterat(?:e|es|ed)|reaffirm(?:s|ed)?)(?!\s+(?:the\s+|its\s+|their\s+)?(?:call|appeal|"
    r"invitation|urgency|importance|need|requests?|exhortation)\b))"
)
_AT_THE_MEETING_ES = (
    r"(?:aprob(?:ar|ó|aron)|aprueba[n]?|adopt(?:ar|a|an|ó|aron)|acept(?:ar|a|an|ó|aron)|"
    r"respald(?:ar|a|an|ó|aron)|aval(?:ar|a|an|ó|aron)|ratific(?:ar|a|an|ó|aron)|"
    r"refrend(?:ar|a|an|ó|aron)|acog(?:er|e|en|ió|ieron)|felicit(?:ar|a|an|ó|aron)|"
    r"reconoc(?:er|e|en|ió|ieron)|agradec(?:er|e|en|ió|ieron)|tomar?\s+(?:debida\s+)?nota|"
    r"tom(?:an|ó|aron)\s+nota|dar?\s+la\s+bienvenida|dar\s+por\s+recibid[oa]s?|"
    r"(?:reiter(?:ar|a|an|ó|aron)|reafirm(?:ar|a|an|ó|aron))(?!\s+(?:el\s+|la\s+|su\s+)?"
    r"(?:llamado|llamamiento|invitaci[óo]n|urgencia|importancia|necesidad|solicitud|exhorto)\b))"
)
# A declaration in the first person plural: "Reafirmamos nuestro compromiso…".
_AT_THE_MEETING_WE = (
    r"(?:aprobamos|adoptamos|aceptamos|respaldamos|avalamos|ratificamos|refrendamos|acogemos|"
    r"felicitamos|reconocemos|agradecemos|tomamos\s+nota|reiteramos(?!\s+(?:el\s+|la\s+)?"
    r"(?:llamado|llamamiento|invitaci[óo]n|urgencia|importancia|necesidad|solicitud)\b)|"
    r"reafirmamos)"
)
_AT_THE_MEETING = rf"(?:{_AT_THE_MEETING_EN}|{_AT_THE_MEETING_ES}|{_AT_THE_MEETING_WE})"
# An opening: a label ("a)", "1."), who decides ("The Vice-Ministers", "Se", "It was agreed
# to"), "To", an adverb, then the verb.
_OPENING = re.compile(
    r"^\W*(?:[(\[]?[a-z0-9]{1,4}[.)\]]\s+)?"
    r"(?:(?:it\s+was\s+)?(?:agreed|decided)\s+to\s+|se\s+acord[óo]\s+|se\s+acuerda\s+|se\s+|"
    r"we\s+|"
    r"(?:the|los|las|el|la)\s+(?:[\w-]+\s+){1,6}?(?=" + _AT_THE_MEETING + r"\b))?"
    r"(?:to\s+)?(?:also\s+|further\s+|además,?\s+|asimismo,?\s+)?" + _AT_THE_MEETING + r"\b",
    re.IGNORECASE,
)
# Every further act of the item: "…and to consider…", a sentence of its own, "… y considerar…".
_FURTHER_ACT = re.compile(
    r"(?:\band\s+(?:also\s+)?to\s+|(?:^|[.;:]\s+)to\s+)(?-i:([a-z]+))"
    r"|\by\s+(?:a\s+)?(?-i:([a-záéíóúñ]{3,}(?:ar|er|ir)))\s+(?:a|al|el|la|los|las|un|una|que|con)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_AT_THE_MEETING_WORD = re.compile(rf"^{_AT_THE_MEETING}\b", re.IGNORECASE)


def decided_at_the_meeting(text_en: str, text_es: str = "") -> bool:
    """Whether the item's only act is a decision the meeting took there and then (it approves,
    adopts, accepts, endorses, welcomes, congratulates, recognises, restates a position): each
    sentence opens with such a verb, and every further act ("and to …") is one too. Whether a
    clause gives a task is asked apart (`has_obligation`)."""
    # The text the item was adopted in: the English one, else the Spanish (a translation says
    # the same; the obligations are looked for in both).
    text = " ".join((text_en if text_en and text_en.strip() else text_es or "").split())
    if not text:
        return False
    # Each sentence is an act of its own: "To accept the report. Countries are invited to…".
    if not all(_OPENING.match(sentence) for sentence in _SENTENCE.split(text) if sentence):
        return False
    for match in _FURTHER_ACT.finditer(text):
        group = 1 if match.group(1) else 2
        if match.group(group).lower() in _NOT_ACTS:
            continue
        if not _AT_THE_MEETING_WORD.match(text[match.start(group) :]):
            return False
    return True


# Words after "and to" that are no act of the item ("…and to date", "…y a la").
_NOT_ACTS = {"date", "this", "that", "the", "which", "whom", "what"}


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
