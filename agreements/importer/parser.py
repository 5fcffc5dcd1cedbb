"""Read a meeting's "Conclusions and Recommendations" (or Declaration, Decisions, agreements) into
a numbered tree of agreements.

The document has a heading (body, place, dates, the countries that took part), then sections
(CONCLUSIONS, RECOMMENDATIONS, CONCLUSIONES Y RECOMENDACIONES, ACUERDOS, DECISIONS,
DECLARATION…), each a numbered list whose items nest (``1.``, ``a)``, ``- a.``, ``i.``, ``(a)``,
``A.``; a label may stand alone on its line with the text on the next). Text extracted from PDF
carries page furniture (logos, banners, page numbers, repeated headers, footnotes) and may be
hard-wrapped.

Representation decisions:

* **ref** is the dotted path of the labels as printed: ``7``, ``7.p``, ``7.p.ii``; ``1`` and
  ``1.a`` for ``1)`` and ``a)``; case as printed. Roman or letter is decided by the label each
  open list expects next: after ``h`` an ``i`` is a letter; after ``p`` it opens a roman list.
* **Sections.** Each section numbers its items as the document does: the 2013 RCGM's
  conclusions are 1–19 and its recommendations 1 and 2, told apart by their section (a ref is
  unique within its section). Only a second list of the *same* section that starts again (a
  part such as "II. OTHER MATTERS" under the conclusions) gets a prefix: ``C`` (conclusion),
  ``R`` (recommendation), ``D`` (decision), ``DC`` (declaration), ``W`` (working group), ``Q``
  (consultation). In a combined
  "Conclusions and Recommendations" list an item whose action is *recommend*, and its children,
  is a recommendation; the rest are conclusions. The agreements of a working or ad-hoc group are
  section ``working_group``.
* **Bullets and unnumbered paragraphs** belong to the item above: they are appended to its text,
  bullets as ``· text`` lines. They never become items, so a bullet list of proposed activities
  stays in the text of the item that introduces it (2013 item 19), and its deadline is that
  item's. Lines that only continue a sentence (hard wrapping, a sentence broken by a page break
  or a banner) are joined back into it.
* **Bullets before a restarted list** — the ad-hoc group's "· Training and awareness…" followed
  by a new ``a) Topics:`` — introduce the new run, so they go to the parent item, not to the
  last item of the previous run.
* **Group labels** ("Working Group on Protection:", "RCM Structural Meetings:", "It was also
  agreed that:") are not items; they become the ``group`` of the items that follow at that level
  (children inherit it) and do not reset numbering. A label-like line followed by bullets only
  is text of the enclosing item. A part numbered like a chapter and written in capitals
  ("IV. OTHER MATTERS") is no item either: its lists start a new run of the current section,
  grouped under the part's title.
* **The heading** is everything before the first item, so a title such as "CONCLUSIONS AND
  RECOMMENDATIONS" above the place and dates does not hide them. The meeting's last day read
  there anchors relative deadlines unless the caller gives ``meeting_last_day``.
* **Repeated labels.** When a label repeats under the same parent (the ad-hoc group numbers
  ``a) b) c)``, then ``a) b)``, then ``a) b) c)`` under item 1) every item is kept, later ones get
  ``-2``, ``-3`` (``1.a-2``), and a warning says so. Children take the disambiguated ref as their
  prefix, so parents stay right.
* **Warnings** on an item: numbering that jumps or repeats, a sub-list that does not start at its
  first label, an actor-looking name that the gazetteer cannot resolve.
* **Responsible** actors come from :func:`actions.responsible`; an item's actors are everything
  it mentions plus its responsible actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .actions import classify_action, opening_is_known, responsible
from .deadlines import find_date_range, resolve_deadline
from .gazetteer import MEMBER_COUNTRIES, Gazetteer, default_gazetteer, detect_language, fold
from .reading import normalise_text
from .schema import NoAgreementsFound, ParsedAgreement, ParsedMeeting, ParsedRecord

__all__ = [
    "NoAgreementsFound",
    "ParsedAgreement",
    "ParsedMeeting",
    "ParsedRecord",
    "parse_record",
]

# --- Labels --------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"""^\s*(?:[-–—•·]\s*)?(?:
        \((?P<paren>\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6})\)
      | (?P<dotted>\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)
      | (?P<num>\d{1,3})(?P<numdeco>\.-|\.–|\.|\)|\s+[-–](?=\s))
      | (?P<roman>[ivxlIVXL]{2,6}|[ivxIVX])(?P<romandeco>\.-|\.|\))
      | (?P<alpha>[a-zA-Z])(?P<alphadeco>\.-|\.|\))
    )(?:\s+|$)(?P<rest>.*)$""",
    re.X,
)
# "1 To approve…": a number without punctuation, trusted only where it is the expected number.
_BARE_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2})\s+(?P<rest>[A-ZÁÉÍÓÚÑ¿].*)$")
_BULLET = re.compile(
    r"^\s*(?:[·•●◦▪■□➢►‣⁃∙○*]|[-–—](?!\s*\d+\s*[-–—]\s*$)|o(?=\s+[A-ZÁÉÍÓÚÑ]))(?:\s+|$)(?P<rest>.*)$"
)

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(text: str) -> int | None:
    text = text.lower()
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    canonical = _to_roman(total)
    return total if canonical == text else None


def _to_roman(value: int) -> str:
    pairs = ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for number, numeral in pairs:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


@dataclass
class Label:
    """A list label as printed, with the list styles it can belong to."""

    raw: str
    text: str
    options: list[tuple[str, int]]
    deco: str
    weak: bool = False
    path: tuple[str, ...] = ()


def parse_label(line: str) -> tuple[Label, str] | None:
    """The label at the start of ``line`` and the text after it, or None."""
    match = _LABEL.match(line)
    if match:
        groups = match.groupdict()
        rest = groups["rest"].strip()
        if groups["paren"]:
            return _label_from(groups["paren"], "()", f"({groups['paren']})"), rest
        if groups["dotted"]:
            parts = tuple(groups["dotted"].split("."))
            label = Label(groups["dotted"], parts[-1], [(f"num{len(parts)}", int(parts[-1]))], ".")
            label.path = parts
            return label, rest
        if groups["num"]:
            deco = groups["numdeco"].strip() or "."
            return Label(
                groups["num"] + deco, groups["num"], [("num", int(groups["num"]))], deco
            ), rest
        if groups["roman"]:
            label = _label_from(
                groups["roman"], groups["romandeco"], groups["roman"] + groups["romandeco"]
            )
            return (label, rest) if label.options else None
        if groups["alpha"]:
            return _label_from(
                groups["alpha"], groups["alphadeco"], groups["alpha"] + groups["alphadeco"]
            ), rest
    bare = _BARE_NUMBER.match(line)
    if bare:
        label = Label(bare["num"], bare["num"], [("num", int(bare["num"]))], "", weak=True)
        return label, bare["rest"].strip()
    return None


def _label_from(text: str, deco: str, raw: str) -> Label:
    options: list[tuple[str, int]] = []
    if text.isdigit():
        options.append(("num", int(text)))
    else:
        upper = text.isupper()
        roman = _roman_value(text)
        if roman is not None:
            options.append(("ROMAN" if upper else "roman", roman))
        if len(text) == 1:
            options.append(("ALPHA" if upper else "alpha", ord(text.lower()) - ord("a") + 1))
    return Label(raw, text, options, deco)


# --- Section headings ----------------------------------------------------------------------------

_SECTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:the\s+following\s+)?conclusions?\s*(?:and|y|&|/)\s*recommendations?", "combined"),
    (r"conclusiones\s*(?:y|/)\s*recomendaciones", "combined"),
    (r"recommendations?\s+(?:and|y)\s+conclusions?|recomendaciones\s+y\s+conclusiones", "combined"),
    (r"(?:agreements|acuerdos)\s+(?:and|y)\s+(?:recommendations|recomendaciones)", "combined"),
    (r"conclusions?\s+(?:and|y)\s+agreements?|conclusiones\s+y\s+acuerdos", "agreements"),
    (r"(?:the\s+following\s+)?(?:conclusions?|conclusiones)", "conclusion"),
    (r"(?:the\s+following\s+)?(?:recommendations?|recomendaciones)", "recommendation"),
    (
        r"(?:the\s+following\s+)?(?:agreements?(?:\s+reached)?|acuerdos(?:\s+alcanzados)?"
        r"|agreed\s+actions|acciones\s+acordadas)",
        "agreements",
    ),
    (r"(?:vice-?ministerial\s+)?(?:decisions?|decisiones|resolutions|resoluciones)", "decision"),
    (r"(?:vice-?ministerial\s+)?(?:declaration|declaracion)", "declaration"),
    (
        r"(?:results?\s+of\s+the\s+)?consultation(?:\s+procedure)?|(?:resultados?\s+de\s+la\s+)?"
        r"consulta|(?:five|cinco)[\s-]+(?:working|business|dias)[\s-]+(?:days?|habiles)[\s-]+"
        r"(?:consultation\s+)?(?:procedure|procedimiento)",
        "consultation",
    ),
)
_SECTION_SUFFIX = (
    r"(?:\s+(?:of|to|for|from|de|del|a|para|by|adopted|approved|aprobad[oa]s|adoptad[oa]s)"
    r"\s+.{0,80})?"
)
_SECTION_RES = [
    (re.compile(rf"^(?:{pattern}){_SECTION_SUFFIX}$"), kind) for pattern, kind in _SECTION_PATTERNS
]
# "The Vice-Ministers …, DECIDE:", "Los Viceministros ACUERDAN:", "DECLARE:".
_OPERATIVE = re.compile(
    r"(?:^|\s)(?P<verb>decide|decides|deciden|decidimos|decided|agree|agrees|acuerdan|acordamos"
    r"|acordaron|resolve|resuelven|declare|declaran|declaramos|declared|hereby\s+agree)\s*:$"
)


def _numbered_part(line: str) -> str | None:
    """ "IV. OTHER MATTERS": a part of the document in capitals, numbered like a chapter. It is no
    item; its lists go on in the current kind of section."""
    match = re.match(r"^(?:[IVX]{1,4}|[A-H])[.)-]\s+(?P<rest>[^a-z]{4,80})$", line)
    if match and len(match["rest"].split()) <= 10 and re.search(r"[A-Z]{3}", match["rest"]):
        return "part"
    return None


def section_heading(line: str) -> str | None:
    """The kind of section a heading line opens ("combined", "conclusion", …) or None."""
    stripped = line.strip().strip("*_#").strip()
    if not stripped or len(stripped) > 160:
        return None
    labelled = re.match(r"^(?:[IVXivx]{1,4}|[A-H]|\d{1,2})[.)-]\s+(?P<rest>.+)$", stripped)
    candidate = labelled["rest"] if labelled else stripped
    if not candidate[:1].isupper():
        return None  # headings are capitalised; "recommendations of…" continues a sentence
    folded = fold(candidate).strip().rstrip(":").strip().rstrip(".").strip()
    folded = re.sub(r"\s+", " ", folded)
    if len(folded.split()) <= 14:
        for pattern, kind in _SECTION_RES:
            if pattern.match(folded):
                return kind
    operative = _OPERATIVE.search(fold(stripped))
    if operative and len(stripped.split()) <= 60:
        verb = operative["verb"]
        return "declaration" if verb.startswith("declar") else "agreements_operative"
    return None


# --- Page furniture ------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:page|pagina|pag\.?|p\.)?\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*(?:(?:of|de|/)\s*\d{1,3})?$"
)
_PAGE_FOOTER = re.compile(r"\b(?:page|pagina)\s+\d{1,3}\s+(?:of|de)\s+\d{1,3}\s*$")
_PAGE_SUFFIX = re.compile(r"\s{2,}(?:page|página|pagina)\s+\d{1,3}\s+(?:of|de)\s+\d{1,3}\s*$", re.I)
_URL_ONLY = re.compile(r"^[\s\"'(<\[]*(?:(?:https?://|www\.)\S+[\s\"')>\].,;]*)+$")
_FIELD_CODE = re.compile(
    r"\bHYPERLINK\b(?:\s+(?:\\l\s+)?\"[^\"]*\")?|\b(?:PAGE|NUMPAGES|MERGEFORMAT|TOC\s+\\o\s+\"[^\"]*\")\b"
)
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_BANNER_WORDS = frozenset(
    """de del la las el los y e and of the on for en sobre para a al gobierno government
    gouvernement du republica republic conferencia conference regional migracion migraciones
    migration migrations proceso process puebla crm rcm secretaria secretariat secretaria
    relaciones exteriores ministerio ministry foreign affairs gobernacion interior presidencia
    presidency pro tempore ppt estados unidos mexicanos instituto institute nacional national
    direccion directorate general extranjeria inm segob sre oim iom grcm rcgm united states
    reunion meeting viceministerial vice-ministerial ministerial""".split()
)
_BANNER_GLUE = frozenset("de del la las el los y e and of the on for en sobre para a al".split())
_FUNCTION_END = re.compile(
    r"\b(?:the|of|and|to|for|with|in|on|by|a|an|its|their|that|which|as|from|between|la|el|los"
    r"|las|de|del|y|e|en|para|con|por|a|al|que|su|sus|entre|sobre|o|u)\s*$|[,\-–]\s*$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.:;!?]\s*[\"'”’)\]]*\s*$")


def _banner_line(line: str, country_words: frozenset[str]) -> bool:
    stripped = line.strip()
    if stripped.endswith((".", ":")) or len(stripped) > 70:
        return False
    words = re.findall(r"[\w'-]+", fold(stripped))
    if not words or len(words) > 7:
        return False
    if all(word in _BANNER_GLUE for word in words) and not stripped.isupper():
        return False  # "de", "para la": a line cut out of a wrapped sentence, not a banner
    for word in words:
        if word in _BANNER_WORDS or word in country_words or word.isdigit():
            continue
        if re.fullmatch(r"[ivxlc]+", word):  # roman numerals of the meeting ("XXVI")
            continue
        return False
    return True


# --- Tokens --------------------------------------------------------------------------------------


@dataclass
class _Token:
    kind: str  # "blank", "gap", "section", "item", "bullet", "text"
    text: str = ""
    label: Label | None = None
    section: str = ""
    raw_length: int = 0
    raw: str = ""


@dataclass
class _Node:
    label: Label | None
    ref: str
    section: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    parent: _Node | None = None
    group: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Level:
    style: str
    deco: str
    last: int
    item: _Node
    group: str = ""


# --- The parser ----------------------------------------------------------------------------------


def parse_record(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    meeting_last_day: dt.date | None = None,
) -> ParsedRecord:
    """Parse a meeting document's text into a :class:`ParsedRecord`.

    ``meeting_last_day`` anchors relative deadlines; when None, the last day read from the
    document's heading is used. Raises :class:`NoAgreementsFound` when there are no numbered
    items.
    """
    gazetteer = gazetteer or default_gazetteer()
    lines = _clean_lines(normalise_text(text or "").split("\n"))
    language = detect_language("\n".join(lines))
    body_start = _body_start(lines)
    heading = lines[:body_start]
    # The meeting is described by everything before the first item: a title such as
    # "CONCLUSIONS AND RECOMMENDATIONS" may open the document above the place and dates.
    meeting, warnings = _read_meeting(lines[: _first_item(lines, body_start)], gazetteer, language)
    tokens = _tokenize(lines[body_start:], heading, gazetteer)
    builder = _TreeBuilder(meeting.kind, tokens)
    roots = builder.build()
    if not roots:
        raise NoAgreementsFound(
            "No numbered agreements were found in this document. Agreements must be numbered "
            "(1., 2. … or a), b) …) under a heading such as CONCLUSIONS or RECOMMENDATIONS."
        )
    last_day = meeting_last_day or meeting.end
    finisher = _Finisher(gazetteer, language, last_day)
    agreements = [finisher.finish(node, None) for node in roots]
    return ParsedRecord(
        meeting=meeting, agreements=agreements, warnings=warnings, language=language
    )


# --- Cleaning ------------------------------------------------------------------------------------


def _clean_lines(lines: list[str]) -> list[str]:
    """Drop footnote text and field codes; strip footnote markers. Dropped lines become blank so
    that positions and paragraph breaks survive."""
    cleaned: list[str] = []
    in_footnote = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            in_footnote = False
            cleaned.append("")
            continue
        if stripped.startswith("\ufffd") or re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹]", stripped):
            in_footnote = True  # the text of a footnote, at the foot of a page
        if in_footnote:
            cleaned.append("")
            continue
        if "HYPERLINK" in line:
            line = _FIELD_CODE.sub("", line)
            rest = re.sub(r"https?://\S+|www\.\S+|[\ufffd()\[\]\-–/.,\d\s]|E/CN", "", line)
            if len(rest) < 4:
                cleaned.append("")
                continue
        line = line.replace("\ufffd", "")
        line = _SUPERSCRIPTS.sub("", line)
        cleaned.append(line.rstrip())
    return cleaned


def _body_start(lines: list[str]) -> int:
    """Index of the first line of the agreements: the first section heading that leads to an
    item before any other heading, else the first numbered line."""
    headings = [i for i, line in enumerate(lines) if section_heading(line)]
    for index in headings:
        for line in lines[index + 1 :]:
            if not line.strip():
                continue
            if section_heading(line):
                break
            parsed = parse_label(line)
            if parsed and not parsed[0].weak:
                return index
    for index, line in enumerate(lines):
        parsed = parse_label(line)
        if parsed and not parsed[0].weak and parsed[0].options and parsed[0].options[0][1] == 1:
            return index
    return 0


def _first_item(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        parsed = parse_label(lines[index])
        if parsed and not parsed[0].weak:
            return index
    return start


def _tokenize(lines: list[str], heading: list[str], gazetteer: Gazetteer) -> list[_Token]:
    country_words = frozenset(
        word
        for entry in gazetteer.entries
        if entry.kind == "country"
        for name in entry.names
        if isinstance(name, str)
        for word in re.findall(r"[\w'-]+", fold(name))
    )
    repeated = _repeated_lines(lines, heading)
    tokens: list[_Token] = []
    previous = ""
    for position, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            tokens.append(_Token("blank"))
            continue
        key = re.sub(r"\s+", " ", fold(stripped))
        unfinished = bool(previous) and bool(_FUNCTION_END.search(previous))
        if position > 0 and (
            _PAGE_NUMBER.match(fold(stripped))
            or _PAGE_FOOTER.search(fold(stripped))
            or _URL_ONLY.match(stripped)
            or key in repeated
            or (not unfinished and _banner_line(stripped, country_words))
            or (re.fullmatch(r"[^\w\s]+", stripped) and not _BULLET.match(stripped))
        ):
            tokens.append(_Token("gap"))
            continue
        # A heading starts its own line; one that follows an unfinished line is a wrapped sentence.
        kind = None if unfinished else section_heading(stripped) or _numbered_part(stripped)
        if kind:
            tokens.append(_Token("section", stripped, section=kind))
            previous = stripped
            continue
        parsed = parse_label(line)
        if parsed:
            label, rest = parsed
            tokens.append(_Token("item", rest, label=label, raw_length=len(stripped), raw=stripped))
        else:
            bullet = _BULLET.match(line)
            if bullet:
                tokens.append(_Token("bullet", bullet["rest"].strip(), raw_length=len(stripped)))
            else:
                tokens.append(_Token("text", stripped, raw_length=len(stripped)))
        previous = stripped
    return _merge_lone_markers(tokens)


def _repeated_lines(lines: list[str], heading: list[str]) -> set[str]:
    """Running headers and footers: short lines that come back, or repeat the heading."""
    counts: dict[str, int] = {}
    shouting: dict[str, bool] = {}
    for line in lines:
        stripped = line.strip()
        if len(stripped) < 4 or len(stripped) > 100 or stripped.endswith((".", ":")):
            continue
        if parse_label(stripped) or _BULLET.match(stripped):
            continue
        key = re.sub(r"\s+", " ", fold(stripped))
        counts[key] = counts.get(key, 0) + 1
        shouting[key] = _shouting(stripped)
    # A running header names the meeting, a date or a page, or shouts; a group label that
    # comes back ("Working Group on Protection") does none of these.
    repeated = {
        key
        for key, count in counts.items()
        if count >= 2
        and not section_heading(key)
        and (re.search(r"\d|\s[-–|]\s", key) or shouting[key])
    }
    title_lines = [line.strip() for line in heading if line.strip()][:6]
    for stripped in title_lines:
        if 4 <= len(stripped) <= 120 and not parse_label(stripped) and not _BULLET.match(stripped):
            repeated.add(re.sub(r"\s+", " ", fold(stripped)))
    return repeated


def _shouting(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 6 and all(ch.isupper() for ch in letters)


def _merge_lone_markers(tokens: list[_Token]) -> list[_Token]:
    """A label or bullet alone on its line takes the text of the next line."""
    merged: list[_Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind in ("item", "bullet") and not token.text:
            following = index + 1
            while following < len(tokens) and tokens[following].kind in ("blank", "gap"):
                following += 1
            if following < len(tokens) and tokens[following].kind == "text":
                token.text = tokens[following].text
                token.raw_length = tokens[following].raw_length
                merged.append(token)
                index = following + 1
                continue
            if token.kind == "bullet":
                index += 1  # a lone symbol
                continue
        merged.append(token)
        index += 1
    return merged


# --- Building the tree ---------------------------------------------------------------------------

_PREFIXES = {
    "recommendation": "R",
    "conclusion": "C",
    "decision": "D",
    "declaration": "DC",
    "working_group": "W",
    "consultation": "Q",
}
_GROUP_KINDS = ("working_group", "ad_hoc_group")


class _TreeBuilder:
    """Walks the tokens once, keeping a stack of the open lists."""

    def __init__(self, meeting_kind: str, tokens: list[_Token]) -> None:
        self.meeting_kind = meeting_kind
        self.tokens = tokens
        self.roots: list[_Node] = []
        self.refs: set[tuple[str, str]] = set()
        self.used_sections: set[str] = set()
        self.stack: list[_Level] = []
        self.pending: list[str] = []
        self.pending_group = ""
        self.section = self._section_for(None)
        self.section_heading = ""
        self.prefix = ""
        self.section_has_items = False
        self.last_top_value = 0
        self.previous: _Token | None = None
        self.gap = False
        self._old_group = ""
        self.hard_wrapped, self.wrap_width = _wrap_width(tokens)

    def _section_for(self, heading_kind: str | None) -> str:
        if heading_kind in (None, "agreements", "agreements_operative"):
            if self.meeting_kind in _GROUP_KINDS:
                return "working_group"
            if self.meeting_kind in ("vice_ministerial", "extraordinary"):
                return "decision"
            return "conclusion" if heading_kind != "agreements_operative" else "decision"
        if heading_kind in ("conclusion", "combined") and self.meeting_kind in _GROUP_KINDS:
            return "combined_wg" if heading_kind == "combined" else "working_group"
        return heading_kind

    # --- main loop ---

    def build(self) -> list[_Node]:
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.kind in ("blank", "gap"):
                self.gap = True
            elif token.kind == "section":
                self._start_section(token)
            elif token.kind == "item" and self._place(token, index):
                pass
            elif token.kind == "bullet":
                self._bullet(token)
            elif token.kind == "item":
                # Not a label after all (a wrapped line starting like one): keep it whole.
                self._text(
                    _Token("text", token.raw or token.text, raw_length=token.raw_length), index
                )
            else:
                self._text(token, index)
            index += 1
        self._flush(None)
        return self.roots

    def _start_section(self, token: _Token) -> None:
        if token.section == "part":
            kind = self.section
            heading = token.text.split(None, 1)[-1].strip().rstrip(":")
        else:
            kind = self._section_for(token.section)
            heading = ""
        if fold(token.text) == fold(self.section_heading) and self.section_has_items:
            return  # a running header repeating the heading
        self._flush(None)
        # Each section numbers its items afresh (refs are unique within a section); only a
        # second list of the same section that starts again needs a prefix.
        self.prefix = "pending" if kind in self.used_sections else ""
        self.section = kind
        self.section_heading = token.text
        self.section_has_items = False
        self.stack = []
        self.pending_group = heading  # a part's title names the items under it
        self.previous = token
        self.gap = False

    # --- items ---

    def _place(self, token: _Token, index: int) -> bool:
        label = token.label
        assert label is not None
        unfinished = self._previous_unfinished()
        placement = self._placement(label)
        if placement is None:
            return False
        how, depth, style, value, warnings = placement
        if unfinished and how != "next" and not (how == "child" and value == 1):
            return False  # a wrapped line that happens to start like a label
        if label.weak and how != "next" and not (how == "child" and value == 1 and not self.stack):
            return False
        self._pending_label_to_group()
        if how == "restart" and not self.pending_group:
            self._flush(self.stack[depth - 1].item if depth > 0 else None, restart=True)
        else:
            self._flush(None)
        if depth == 0:
            parent = None
            if self.prefix == "pending":
                continues = value == self.last_top_value + 1
                self.prefix = "" if continues else _PREFIXES.get(self._base_section(), "S")
        else:
            parent = self.stack[depth - 1].item
        del self.stack[depth:]
        node = self._new_node(label, parent, token.text)
        node.warnings.extend(warnings)
        # A group label names the items after it at this level, until the next one.
        group = self.pending_group
        if how in ("next", "jump", "repeat"):
            group = group or self._old_group
        self.stack.append(_Level(style, label.deco, value, node, group))
        node.group = group or (parent.group if parent else "")
        self.pending_group = ""
        if depth == 0:
            self.last_top_value = value
        self.section_has_items = True
        self.previous = token
        self.gap = False
        return True

    def _placement(self, label: Label):
        """(how, depth, style, value, warnings) for a label, given the open lists."""
        self._old_group = ""
        # 1. The expected next label of an open list, deepest first.
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, value in label.options:
                if style == level.style and value == level.last + 1:
                    self._old_group = level.group
                    return "next", depth, style, value, []
        if label.weak:
            return (
                ("child", len(self.stack), "num", label.options[0][1], [])
                if (not self.stack and label.options[0][1] == 1)
                else None
            )
        # 2. A list that starts: a new sub-list, or the same list starting again.
        for style, value in sorted(label.options, key=lambda option: option[1] != 1):
            if value != 1:
                continue
            same = [d for d, level in enumerate(self.stack) if level.style == style]
            same_deco = [d for d in same if self.stack[d].deco == label.deco]
            if same_deco or (same and not style.startswith("num")):
                # The new item's reference collides with the first run's: _new_node warns.
                return "restart", (same_deco or same)[-1], style, value, []
            return "child", len(self.stack), style, value, []
        # 3. A jump or a repeat in an open list.
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, value in label.options:
                if style != level.style:
                    continue
                self._old_group = level.group
                if value > level.last + 1:
                    return (
                        "jump",
                        depth,
                        style,
                        value,
                        [
                            f"The numbering jumps from '{_show(level.last, style)}' to "
                            f"'{label.text}'."
                        ],
                    )
                return (
                    "repeat",
                    depth,
                    style,
                    value,
                    [
                        f"The label '{label.text}' repeats or goes back (after "
                        f"'{_show(level.last, style)}')."
                    ],
                )
        # 4. A sub-list that does not start at its first label.
        style, value = label.options[0]
        if not self.stack and self.roots and self.prefix == "pending" and style == "num":
            return "child", 0, style, value, []  # a section continuing the numbering
        warning = (
            []
            if not self.stack and not self.roots and value == 1
            else [f"The list starts at '{label.text}' instead of its first label."]
        )
        return "child", len(self.stack), style, value, warning

    def _new_node(self, label: Label, parent: _Node | None, text: str) -> _Node:
        prefix = "" if self.prefix in ("", "pending") else self.prefix
        base = f"{parent.ref}.{label.text}" if parent else f"{prefix}{label.text}"
        ref = base
        counter = 1
        while (self.section, ref) in self.refs:
            counter += 1
            ref = f"{base}-{counter}"
        node = _Node(label, ref, self.section, [text] if text else [""], parent=parent)
        if ref != base:
            where = parent.ref if parent else "the top level"
            node.warnings.append(
                f"The label '{label.text}' is used again under {where}; this item's reference is "
                f"{ref}."
            )
        self.refs.add((self.section, ref))
        self.used_sections.add(self.section)
        (parent.children if parent else self.roots).append(node)
        return node

    def _base_section(self) -> str:
        return (
            "recommendation"
            if self.section == "recommendation"
            else ("conclusion" if self.section in ("combined", "combined_wg") else self.section)
        )

    # --- text ---

    def _current(self) -> _Node | None:
        return self.stack[-1].item if self.stack else None

    def _previous_unfinished(self) -> bool:
        previous = self.previous
        if previous is None or previous.kind not in ("item", "bullet", "text"):
            return False
        last = self._last_text()
        if not last or _TERMINAL.search(last):
            return False
        if _FUNCTION_END.search(last):
            return True
        return not self.gap and self.hard_wrapped and previous.raw_length >= 0.8 * self.wrap_width

    def _last_text(self) -> str:
        if self.pending:
            return self.pending[-1]
        current = self._current()
        return current.paragraphs[-1] if current and current.paragraphs else ""

    def _append_to_last(self, text: str) -> None:
        if self.pending:
            self.pending[-1] = _join(self.pending[-1], text)
        elif self._current() is not None:
            current = self._current()
            current.paragraphs[-1] = _join(current.paragraphs[-1], text)

    def _continues_sentence(self, text: str) -> bool:
        if not self._last_text() or self._current() is None and not self.pending:
            return False
        if re.match(r"^[a-záéíóúñü(]", text):
            return not _TERMINAL.search(self._last_text()) or self._last_text().endswith(",")
        return self._previous_unfinished()

    def _bullet(self, token: _Token) -> None:
        if token.text and self._continues_sentence(token.text) and token.text[0].islower():
            self._append_to_last(token.text)  # "- importance of cooperation." after a page break
        else:
            self.pending.append(f"· {token.text}")
        self.previous = token
        self.gap = False

    def _text(self, token: _Token, index: int) -> None:
        text = token.text
        if self._continues_sentence(text):
            self._append_to_last(text)
        elif self._is_group_label(text, index):
            self.pending_group = text.rstrip(":").strip()
        else:
            self.pending.append(text)
        self.previous = token
        self.gap = False

    def _pending_label_to_group(self) -> None:
        """A buffered paragraph that turns out to head the next items (a group label wrapped
        over two lines) becomes their group."""
        if self.pending and not self.pending_group and _looks_like_group(self.pending[-1]):
            self.pending_group = self.pending.pop().rstrip(":").strip()

    def _is_group_label(self, text: str, index: int) -> bool:
        following = index + 1
        while following < len(self.tokens) and self.tokens[following].kind in ("blank", "gap"):
            following += 1
        if following >= len(self.tokens) or self.tokens[following].kind != "item":
            return False
        words = text.split()
        if text.endswith(":"):
            return _looks_like_group(text)
        return (
            len(words) <= 8
            and text[:1].isupper()
            and not _TERMINAL.search(text)
            and not self.tokens[following].label.weak
        )

    def _flush(self, target: _Node | None, restart: bool = False) -> None:
        """Give the buffered paragraphs to the item they belong to."""
        if not self.pending:
            return
        if target is None:
            target = self._current()
            # "It was also agreed that:" + bullets after a sub-list: text of the enclosing item.
            if (
                target is not None
                and not restart
                and self.pending[0].rstrip().endswith(":")
                and len(self.pending[0].split()) <= 12
                and len(self.stack) > 1
            ):
                target = self.stack[-2].item
        if target is not None:
            target.paragraphs.extend(self.pending)
        self.pending = []


def _looks_like_group(text: str) -> bool:
    """A short heading ending with a colon: "Working Group on Protection:", "It was also agreed
    that:", or a longer name without commas ("Red de Funcionarios de Enlace para …:")."""
    text = text.strip()
    if not text.endswith(":") or text.startswith("·"):
        return False
    words = text.split()
    return len(words) <= 12 or (len(words) <= 20 and "," not in text)


def _show(value: int, style: str) -> str:
    if style.startswith("num"):
        return str(value)
    if style in ("alpha", "ALPHA"):
        letter = chr(ord("a") + value - 1) if 1 <= value <= 26 else str(value)
        return letter.upper() if style == "ALPHA" else letter
    roman = _to_roman(value)
    return roman.upper() if style == "ROMAN" else roman


def _join(left: str, right: str) -> str:
    right = right.strip()
    if re.search(r"[A-Za-zÁÉÍÓÚáéíóúñÑ]-$", left) and right[:1].islower():
        return left[:-1] + right  # hyphenation at a line end
    if left.endswith("-"):
        return left + right
    return f"{left.rstrip()} {right}" if left.strip() else right


def _wrap_width(tokens: list[_Token]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped (lines cut at a fixed width) and that width."""
    lengths = sorted(t.raw_length for t in tokens if t.kind in ("item", "bullet", "text"))
    if len(lengths) < 8:
        return False, 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    return width <= 120, width


# --- Finishing the agreements --------------------------------------------------------------------

_SLOTS_EN = (
    r"\b(?:[Tt]hank|[Cc]ongratulate|[Rr]ecogni[sz]e|[Uu]rge|[Ee]ncourage|[Rr]equest|[Ii]nvite"
    r"|[Cc]all\s+(?:up)?on|[Aa]sk)\s+(?:and\s+\w+\s+)?(?:the\s+)?(?P<name>{NAME})",
    r"\b(?:proposals?|presentations?|invitation|offers?|initiative|recommendations?|requests?"
    r"|reports?|updates?)\s+(?:made\s+|presented\s+|submitted\s+)?(?:by|from)\s+(?:the\s+)?"
    r"(?P<name>{NAME})",
    r"(?:^|[.;]\s+|·\s*)(?:The\s+)?(?P<subject>{NAME})\s+(?:will|shall|committed|offered)\b",
    r"\bwith\s+(?:the\s+)?support\s+(?:of|from)\s+(?P<list>[^.;]+)",
    r"\b(?:co-?sponsored|hosted|organi[sz]ed|given)\s+by\s+(?:the\s+)?(?P<list>[^.;]+)",
)
_SLOTS_ES = (
    r"\b(?:[Aa]gradecer|[Ff]elicitar|[Rr]econocer|[Ii]nstar|[Ss]olicitar|[Ii]nvitar|[Ee]xhortar)"
    r"\s+a(?:l)?\s+(?:la\s+|el\s+|los\s+|las\s+)?(?P<name>{NAME})",
    r"\b(?:propuestas?|presentaci[oó]n|invitaci[oó]n|ofrecimiento|iniciativa|informes?)\s+"
    r"(?:presentad[oa]s?\s+por|de)\s+(?:la\s+|el\s+|los\s+)?(?P<name>{NAME})",
    r"\bcon\s+el\s+apoyo\s+de\s+(?P<list>[^.;]+)",
)
_NAME = (
    r"[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:\s+(?:(?:of|for|on|and|the|de|del|la|las|los|y|para|sobre)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\w'’.-]*){0,7}"
)
_GENERIC = frozenset(
    """member members countries country government governments observer observers organizations
    organisations organization organisation states state delegation delegations group groups
    working conference meeting meetings presidency secretariat secretariats participants network
    networks civil society pais paises organismos observadores estados miembros miembro
    representative representatives coordinator all each both its their rcm crm ngo ngos ong ongs
    gobierno gobiernos delegacion delegaciones grupo grupos conferencia reunion presidencia
    secretaria red redes sociedad representante representantes todos todas ambos ambas sus su
    his her this these those estos estas este esta national nacional regional international
    internacional institutions instituciones authorities autoridades plenary viceministers
    director directors directora directores minister ministers ministro ministra secretary
    secretario secretaria ambassador embajador embajadora deputy vice-minister viceministro
    vice-ministers viceministros the la el los las""".split()
)


class _Finisher:
    """Turns built nodes into ParsedAgreement with action, actors, responsible and deadline."""

    def __init__(self, gazetteer: Gazetteer, language: str, last_day: dt.date | None) -> None:
        self.gazetteer = gazetteer
        self.language = language
        self.last_day = last_day

    def finish(self, node: _Node, parent: ParsedAgreement | None) -> ParsedAgreement:
        text = _item_text(node.paragraphs)
        action = classify_action(text, self.language)
        if not opening_is_known(text) and parent is not None:
            action = parent.action
        section = self._section(node, action, parent)
        deadline = resolve_deadline(text, self.last_day, self.language)
        actors = self.gazetteer.find(text, self.language)
        who = responsible(text, actors, action, gazetteer=self.gazetteer, language=self.language)
        actors += [code for code in who if code not in actors]
        warnings = list(node.warnings) + self._unknown_actors(text)
        if deadline.phrase and deadline.date is None and deadline.precision == "day":
            warnings.append(f"The deadline '{deadline.phrase}' has no year and the meeting's date "
                            "is unknown.")  # fmt: skip
        agreement = ParsedAgreement(
            ref=node.ref,
            label=node.label.raw if node.label else "",
            section=section,
            group=node.group,
            text=text,
            action=action,
            actors=actors,
            responsible=who,
            deadline=deadline.date,
            deadline_text=deadline.phrase,
            deadline_precision=deadline.precision,
            warnings=warnings,
        )
        agreement.children = [self.finish(child, agreement) for child in node.children]
        return agreement

    def _section(self, node: _Node, action: str, parent: ParsedAgreement | None) -> str:
        if node.section in ("combined", "combined_wg"):
            if parent is not None and parent.section == "recommendation":
                return "recommendation"
            if action == "recommend":
                return "recommendation"
            return "working_group" if node.section == "combined_wg" else "conclusion"
        return node.section

    def _unknown_actors(self, text: str) -> list[str]:
        slots = _SLOTS_ES if self.language == "es" else _SLOTS_EN
        names: list[str] = []
        for slot in slots:
            for match in re.finditer(slot.replace("{NAME}", _NAME), text):
                groups = match.groupdict()
                if groups.get("list"):
                    parts = re.split(r",|\s+and\s+|\s+y\s+|\s+as\s+well\s+as\s+", groups["list"])
                    names.extend(p.strip() for p in parts if p.strip()[:1].isupper())
                elif groups.get("name"):
                    names.append(groups["name"])
                elif groups.get("subject") and (
                    len(groups["subject"].split()) > 1 or groups["subject"].isupper()
                ):
                    # One capitalised word opening a sentence ("Efforts will…") is no name.
                    names.append(groups["subject"])
        warnings = []
        for name in names:
            name = re.sub(r"\s+(?:of|for|on|and|the|de|del|la|y)$", "", name.strip(" .,;:'’"))
            name = re.sub(r"\s*\(.*$", "", name)
            if not name or self._resolved(name):
                continue
            message = f"Actor not recognised: '{name}'."
            if message not in warnings:
                warnings.append(message)
        return warnings

    def _resolved(self, name: str) -> bool:
        if self.gazetteer.mentions(name, self.language):
            return True
        words = re.findall(r"[\w'-]+", fold(name))
        if not words or words[0] in _GENERIC or words[-1] in _GENERIC:
            return True
        # Titles of things (documents, events) are capitalised too; only short names are actors.
        return len(words) > 6 or bool(re.search(r"\d", name))


def _item_text(paragraphs: list[str]) -> str:
    cleaned = []
    for paragraph in paragraphs:
        paragraph = re.sub(r"[ \t]+", " ", paragraph).strip()
        paragraph = re.sub(r"\s+([,.;:])", r"\1", paragraph) if paragraph else paragraph
        if paragraph and paragraph != "·":
            cleaned.append(paragraph)
    return "\n".join(cleaned)


# --- The meeting's heading -----------------------------------------------------------------------

_CITIES = {
    "mexico city": "MX", "ciudad de mexico": "MX", "puebla": "MX", "tapachula": "MX",
    "cancun": "MX", "san jose": "CR", "liberia": "CR", "san salvador": "SV",
    "guatemala city": "GT", "ciudad de guatemala": "GT", "antigua guatemala": "GT",
    "la antigua guatemala": "GT", "antigua": "GT", "tegucigalpa": "HN", "san pedro sula": "HN",
    "roatan": "HN", "tela": "HN", "managua": "NI", "panama city": "PA", "ciudad de panama": "PA",
    "santo domingo": "DO", "punta cana": "DO", "belize city": "BZ", "ciudad de belice": "BZ",
    "belmopan": "BZ", "washington": "US", "washington, d.c.": "US", "washington d.c.": "US",
    "washington, dc": "US", "new orleans": "US", "miami": "US", "new york": "US",
    "ottawa": "CA", "toronto": "CA", "montreal": "CA", "vancouver": "CA", "cartagena": "CO",
    "cartagena de indias": "CO", "bogota": "CO", "quito": "EC", "lima": "PE", "kingston": "JM",
    "buenos aires": "AR", "santiago": "CL", "santiago de chile": "CL",
}  # fmt: skip
_PARTICIPATION = (
    r"\b(?:with|con)\s+(?:the\s+|la\s+)?(?:participation|participacion|presence|presencia"
    r"|attendance|asistencia)\s+(?:of|de)\s+(?:(?:the|los|las)\s+(?:following|siguientes)"
    r"\s+[\w\s]{0,40}?:\s*)?(?P<list>.+?)(?=(?:,?\s+(?:reached|formulated|adopted"
    r"|agreed|approved|issued|arrived|made|came|llego|llegaron|formulo|formularon|adopto"
    r"|adoptaron|acordo|acordaron|aprobo|aprobaron|emitio|alcanzo|concluyo)\b)|[.;:]\s|[.;:]$|$)",
    r"\b(?:participating\s+countries|paises\s+participantes|countries\s+present"
    r"|paises\s+presentes)\s*:\s*(?P<list>.+?)(?=[.;]\s|$)",
    r"\b(?:integrad[oa]|compuest[oa]|conformad[oa])\s+por\s+(?:los\s+|las\s+)?\S+\s+(?:de|from)\s+"
    r"(?P<list>.+?)(?=,\s+(?:celebrad|reunid)|[.;:]\s|$)",
    r"\b(?:member\s+countries|paises\s+miembros)\s+(?:of\s+the\s+[^:,]{0,60}?|de\s+la\s+[^:,]"
    r"{0,60}?)?(?:\((?:rcm|crm)\)\s*)?(?:of|de|:)\s+(?P<list>.+?)(?=\s+(?:gathered|met|meeting"
    r"|reunid|celebrad|held|at\s+the)\b|[.;]\s|$)",
    r"\b(?:delegations?|representatives?|delegaciones|representantes|vice-?ministers|"
    r"viceministr[oa]s(?:\s+y\s+viceministr[oa]s)?|(?:liaison\s+)?officers|directors"
    r"|funcionari[oa]s(?:\s+de\s+enlace)?|directores)\s+(?:of|from|de)\s+(?P<list>.+?)"
    r"(?=\s+(?:gathered|met|reunid|celebrad|held)\b|[.;]\s|$)",
)


def _read_meeting(
    heading: list[str], gazetteer: Gazetteer, language: str
) -> tuple[ParsedMeeting, list[str]]:
    warnings: list[str] = []
    lines = [
        re.sub(r"\s+", " ", _PAGE_SUFFIX.sub("", line)).strip() for line in heading if line.strip()
    ]
    title_lines = _title_lines(lines)
    joined = _joined(lines)
    first_sentence = re.split(r"(?<=[.;:])\s+(?=[A-Z])", joined, maxsplit=1)[0] if joined else ""
    describing = " ".join(title_lines) + " " + first_sentence.split(" with the participation")[0]
    kind, body = _body_and_kind(" ".join(title_lines), describing, gazetteer)
    title = _title(title_lines)
    city, country = _place(title_lines, joined, gazetteer)
    dates = find_date_range(" ".join(title_lines)) or find_date_range(joined)
    start, end = dates if dates else (None, None)
    if dates is None:
        warnings.append(
            "The meeting's dates were not found in the heading: deadlines counted from the "
            "meeting are not resolved."
        )
    participants = _participants(joined, gazetteer)
    if not participants:
        warnings.append("The participating countries were not found in the heading.")
    meeting = ParsedMeeting(
        body=body,
        kind=kind,
        title=title,
        city=city,
        country=country,
        start=start,
        end=end,
        participants=participants,
        language=language,
    )
    return meeting, warnings


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = _join(text, line) if text else line
    return text


def _title_lines(lines: list[str]) -> list[str]:
    """The short lines that open the document; a title wrapped over two lines is one."""
    titles: list[str] = []
    for line in lines[:8]:
        if len(line) > 200 or re.search(r"particip", fold(line)):
            break
        if titles and (line[:1].islower() or _FUNCTION_END.search(titles[-1])):
            titles[-1] = _join(titles[-1], line)
        else:
            titles.append(line)
    return titles


def _title(title_lines: list[str]) -> str:
    preferred = [line for line in title_lines if re.search(r"\b(?:meeting|reunion)\b", fold(line))]
    others = [
        line
        for line in title_lines
        if re.search(
            r"\b(?:conference|conferencia|declaration|declaracion|seminar|seminario|workshop"
            r"|taller|course|curso|group|grupo|network|red)\b",
            fold(line),
        )
    ]
    chosen = (preferred or others or title_lines or [""])[0]
    return chosen.strip().rstrip(".").strip()


def _body_and_kind(title: str, describing: str, gazetteer: Gazetteer) -> tuple[str, str]:
    for text in (title, describing):
        folded = fold(text)
        codes = gazetteer.find(text)
        if re.search(r"\bad[\s-]*hoc\b", folded):
            code = next((c for c in codes if c.startswith("AHG-")), None)
            return "ad_hoc_group", code or _group_name(text, r"ad[\s-]*hoc")
        if re.search(r"\b(?:working\s+group|grupo\s+de\s+trabajo)\b", folded):
            code = next((c for c in codes if c.startswith("WG-")), None)
            return "working_group", code or _group_name(
                text, r"working\s+group|grupo\s+de\s+trabajo"
            )
        if re.search(r"\b(?:joint|conjunta)\b", folded) and re.search(
            r"\b(?:networks|redes)\b", folded
        ):
            networks = [c for c in codes if c.startswith("LN-")]
            return "joint_networks", "/".join(networks if len(networks) > 1 else _CLASSIC_PAIR)
        if re.search(r"\b(?:liaison\s+officers?|funcionari[oa]s\s+de\s+enlace)\b", folded):
            code = next((c for c in codes if c.startswith("LN-")), None)
            return "liaison_network", code or _group_name(text, r"network|red")
        if re.search(
            r"\b(?:rcgm|grcm|regional\s+consultation\s+group|grupo\s+regional\s+de\s+consulta)\b",
            folded,
        ):
            return "rcgm", "RCGM"
        if re.search(
            r"\b(?:sacm|csm|south\s+american\s+conference|conferencia\s+s[uu]d?r?americana)\b",
            folded,
        ):
            return "rcm_sacm", "RCM-SACM"
        if re.search(r"\b(?:extraordinary|extraordinaria)\b", folded):
            return "extraordinary", "RCM"
        if re.search(
            r"\bvice-?minist|\bviceminist|\bdeclaration\b|\bdeclaracion\b|\b[xvil]+\s+(?:regional"
            r"\s+conference\s+on\s+migration|conferencia\s+regional\s+sobre\s+migracion)",
            folded,
        ):
            return "vice_ministerial", "RCM"
        for pattern, kind in (
            (r"\b(?:seminar|seminario)\b", "seminar"),
            (r"\b(?:workshop|taller)\b", "workshop"),
            (r"\b(?:course|curso|diplomado|diploma)\b", "course"),
        ):
            if re.search(pattern, folded):
                return kind, "RCM"
    return "other", "RCM"


# The two networks consolidated at the VI RCM, which usually meet jointly.
_CLASSIC_PAIR = ("LN-CP", "LN-SMTP")


def _group_name(text: str, anchor: str) -> str:
    match = re.search(rf"(?i)(?:the\s+)?((?:{anchor})[^,.;]*)", fold(text, keep_case=True))
    return text[match.start(1) : match.end(1)].strip() if match else text.strip()


def _place(lines: list[str], joined: str, gazetteer: Gazetteer) -> tuple[str, str | None]:
    # A heading line "San José, Costa Rica" (possibly followed by the dates).
    for line in lines:
        if len(line) > 120:
            continue
        found = _place_from_parts(line, gazetteer, standalone=True)
        if found:
            return found
    sentence = re.search(
        r"\b(?:in|en)\s+(?:the\s+city\s+of\s+|la\s+ciudad\s+de\s+|the\s+cities\s+of\s+)?"
        r"(?P<place>[A-ZÁÉÍÓÚÑ][^,.;]*?(?:,\s*[A-ZÁÉÍÓÚÑ][^,.;]*?){0,2})"
        r"(?=,|\s+(?:with|con|on|el|los|del|from|during|between|,)\b|[.;]|$)",
        joined,
    )
    if sentence:
        found = _place_from_parts(sentence["place"], gazetteer, standalone=False)
        if found:
            return found
    return "", None


def _place_from_parts(text: str, gazetteer: Gazetteer, standalone: bool) -> tuple[str, str] | None:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return None
    city_key = fold(parts[0]).rstrip(".")
    if city_key in _CITIES and (not standalone or len(parts) > 1 or len(parts[0].split()) <= 3):
        if standalone and len(parts) == 1 and not re.search(r"\d", text):
            return parts[0], _CITIES[city_key]
        country = _country_of(parts[1:], gazetteer) if len(parts) > 1 else None
        return parts[0], country or _CITIES[city_key]
    if len(parts) < 2 or re.search(r"\d", parts[0]) or len(parts[0].split()) > 5:
        return None
    named = [c for c in gazetteer.find(", ".join(parts[1:]), expand_groups=False)]
    if len([c for c in named if gazetteer.is_country(c)]) > 1:
        return None  # "Salvador, Guatemala, México…": a wrapped list of countries, not a place
    country = _country_of(parts[1:], gazetteer)
    if country and not gazetteer.find(parts[0]):
        return parts[0], country
    return None


def _country_of(parts: list[str], gazetteer: Gazetteer) -> str | None:
    for part in parts:
        if re.search(r"\d", part) or len(part.split()) > 5:
            continue
        codes = [c for c in gazetteer.find(part, expand_groups=False) if gazetteer.is_country(c)]
        if codes:
            return codes[0]
    return None


def _participants(joined: str, gazetteer: Gazetteer) -> list[str]:
    folded = fold(joined)
    for pattern in _PARTICIPATION:
        for match in re.finditer(pattern, folded):
            listed = joined[match.start("list") : match.end("list")]
            codes = [
                c for c in gazetteer.find(listed, expand_groups=False) if gazetteer.is_country(c)
            ]
            if len(codes) >= 2:
                return codes
            if re.search(
                r"\b(?:all\s+(?:the\s+)?)?member\s+countries|paises\s+miembros", fold(listed)
            ):
                return list(MEMBER_COUNTRIES)
    return []
