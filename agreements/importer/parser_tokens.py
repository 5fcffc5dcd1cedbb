"""From cleaned lines to tokens: page furniture dropped, section headings, labelled items,
bullets and text told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, fold
from .parser_furniture import (
    _CODE_AND_PAGE,
    _CONTINUED,
    _FAX_LINE,
    _PAGE_FOOTER,
    _PAGE_NUMBER,
    _URL_ONLY,
)
from .parser_labels import _BULLET, Label, parse_label
from .parser_parts import (
    _CONTENTS_LINE,
    _TERMINAL,
    _decision_over_its_paragraphs,
    _next_chapter,
    _titled_part,
    _titles_its_paragraph,
)
from .parser_sections import _numbered_part, agenda_title, introducing_phrase, section_heading

# --- Page furniture ------------------------------------------------------------------------------

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
    glyph: str = ""  # a bullet's symbol: Word draws each level of a list with its own
    indent: int = 0  # a bullet's leading spaces: a bullet set further in is a level below
    action: str | None = None  # what the items of a section do, from its introducing phrase
    title: str = ""  # "Decision 3 – Reserve Fund": the title an item's label line gives it


# --- Cleaning ------------------------------------------------------------------------------------


_CONTENTS_HEADING = re.compile(
    r"^(?:contenido|contents|table\s+of\s+contents|[ií]ndice(?:\s+general)?|sumario)\s*:?$",
    re.IGNORECASE,
)


def _clean_lines(lines: list[str]) -> list[str]:
    """Drop footnote text and field codes; strip footnote markers. Dropped lines become blank so
    that positions and paragraph breaks survive."""
    cleaned: list[str] = []
    in_footnote = in_contents = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            in_footnote = in_contents = False
            cleaned.append("")
            continue
        if _CONTENTS_HEADING.match(stripped) or (
            in_contents and len(stripped) <= 70 and not stripped.endswith((".", ";", ","))
        ):
            # "CONTENIDO" over "1. Antecedentes", "2. Desarrollo de la reunión" …: the parts
            # listed are below; the list is neither heading nor item.
            in_contents = True
            cleaned.append("")
            continue
        in_contents = False
        if stripped.startswith("\ufffd") or re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹]", stripped):
            in_footnote = True  # the text of a footnote, at the foot of a page
        if in_footnote or _CONTENTS_LINE.search(stripped):
            # A table of contents names the decisions below; it is neither heading nor item.
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
            if (parsed and not parsed[0].weak) or (
                section_heading(lines[index]) == "agreements" and _BULLET.match(line)
            ):
                # "Compromisos:" over "- PPT: enviar …": the agreements start there too.
                return _part_above(lines, index)
    for index, line in enumerate(lines):
        parsed = parse_label(line)
        if parsed and not parsed[0].weak and parsed[0].options and parsed[0].options[0][1] == 1:
            return _group_above(lines, index)
    return 0


def _group_above(lines: list[str], index: int) -> int:
    """ "DIRECTORIO Y COMUNICACIÓN" in capitals right over the first item, under a paragraph (a
    table's first group row): the group of the first items, not a line of the heading."""
    above = [i for i in range(max(index - 3, 0), index) if lines[i].strip()]
    if not above:
        return index
    line = lines[above[-1]].strip()
    before = [i for i in range(max(above[-1] - 3, 0), above[-1]) if lines[i].strip()]
    # "… y en el curso de sus deliberaciones:" over "Asuntos institucionales" over "1. …": a
    # theme under the operative phrase is the first items' group, whatever its case.
    introduced = bool(before) and lines[before[-1]].rstrip().endswith(":")
    if (
        not (_shouting(line) or (introduced and line[:1].isupper() and not re.search(r"\d", line)))
        or len(line.split()) > 12
        or _TERMINAL.search(line)
        or section_heading(line)
    ):
        return index
    if before and lines[before[-1]].strip().endswith((".", ":")):
        return above[-1]
    return index


def _part_above(lines: list[str], index: int) -> int:
    """The part that opens the agreements' heading ("I. Presentaciones … Acuerdos"), if any."""
    for above in range(index - 1, max(index - 8, 0), -1):
        stripped = lines[above].strip()
        if not stripped:
            continue
        if _numbered_part(stripped) or _titled_part(lines, above, stripped):
            return above
        if section_heading(stripped) or parse_label(stripped):
            break
    # "DECISION No. 01/2023" over its title and recitals, then "DECIDE:": the decision opens them.
    for above in range(index - 1, max(index - 30, -1), -1):
        parsed = parse_label(lines[above].strip())
        if parsed and _decision_over_its_paragraphs(lines, above, *parsed):
            return above
        if parsed or section_heading(lines[above]):
            break
    return index


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
    titles_taken: set[int] = set()
    tokens: list[_Token] = []
    previous = ""
    numbered = False
    chapter = 0  # the number of the last heading numbered like a chapter ("4. Acuerdos …")
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
            or _CODE_AND_PAGE.match(stripped)
            or _FAX_LINE.match(fold(stripped))
            or _URL_ONLY.match(stripped)
            or (len(stripped) <= 80 and _CONTINUED.search(fold(stripped)))
            or key in repeated
            or (
                not unfinished
                and _banner_line(stripped, country_words)
                and not _heads_bullets(lines, position, stripped)
                and not _country_over_its_list(lines, position, stripped, country_words)
            )
            or (re.fullmatch(r"[^\w\s]+|_{5,}", stripped) and not _BULLET.match(stripped))
            or (_after_page_break(tokens) and _running_header(stripped))
            or (_running_header(stripped) and _page_number_next(lines, position))
        ):
            tokens.append(_Token("gap"))
            continue
        # A heading starts its own line; one that follows an unfinished line is a wrapped sentence.
        kind = (
            None
            if unfinished
            else section_heading(stripped)
            or _numbered_part(stripped)
            or _titled_part(lines, position, stripped)
        )
        if not kind and not unfinished and not numbered and not _labelled_next(lines, position):
            # "acordaron:", "The Vice-Ministers welcomed:" before an unnumbered list; before a
            # numbered one, or once numbered items have begun ("It was also agreed that: a) …",
            # "· …"), the phrase is text of the list.
            introduced = introducing_phrase(stripped)
            kind = introduced[0] if introduced else None
        if not kind and _next_chapter(stripped, chapter, unfinished):
            kind = "part"  # "5. Consideraciones finales" after "4. Acuerdos alcanzados"
        if kind:
            introduced = introducing_phrase(stripped)
            action = introduced[1] if introduced else None
            tokens.append(_Token("section", stripped, section=kind, action=action))
            numbered_heading = re.match(r"^(\d{1,2})\.\s", stripped)
            chapter = int(numbered_heading[1]) if numbered_heading else chapter
            previous = stripped
            continue
        parsed = parse_label(line)
        if parsed and position in titles_taken:
            parsed = None
        decision = parsed and _decision_over_its_paragraphs(lines, position, *parsed)
        if decision:
            # "DECISION No. 01/2023" over its title, its recitals and "DECIDE: 1. …": a part
            # named by its number; the title names the items' group.
            title_at, title = decision
            titles_taken.add(title_at)
            tokens.append(_Token("section", f"{int(parsed[0].text)} {title}", section="part"))
            previous = stripped
            continue
        if parsed:
            label, rest = parsed
            title = rest if _titles_its_paragraph(lines, position, label, rest) else ""
            tokens.append(
                _Token(
                    "item",
                    "" if title else rest,
                    label=label,
                    raw_length=len(stripped),
                    raw=stripped,
                    title=title,
                )
            )
            numbered = numbered or not label.weak
        else:
            bullet = _BULLET.match(line) or _lower_o_bullet(line, previous, tokens)
            if bullet:
                tokens.append(
                    _Token(
                        "bullet",
                        bullet["rest"].strip(),
                        raw_length=len(stripped),
                        glyph=stripped[:1],
                        indent=len(line) - len(line.lstrip()),
                    )
                )
            else:
                tokens.append(_Token("text", stripped, raw_length=len(stripped)))
        previous = stripped
    return _merge_lone_markers(tokens)


_O_BULLET = re.compile(r"^\s*o\s+(?P<rest>[a-záéíóúñ(].*)$")


def _after_page_break(tokens: list[_Token]) -> bool:
    """Whether the last line with words was page furniture (a page number, a footer): a
    running header follows a page's end, blank lines (a form feed) between."""
    last = next((token for token in reversed(tokens) if token.kind != "blank"), None)
    return last is not None and last.kind == "gap"


def _lower_o_bullet(line: str, previous: str, tokens: list[_Token]):
    """Word's second-level bullet "o" before a lower-case sub-item ("o through a virtual
    forum;"), under a line that introduces a list (":") or after another such bullet; elsewhere
    "o" at a line's start is the word "or" of a wrapped sentence."""
    match = _O_BULLET.match(line)
    if not match:
        return None
    last = next((t for t in reversed(tokens) if t.kind not in ("blank", "gap")), None)
    if previous.rstrip().endswith(":") or (last is not None and last.glyph == "o"):
        return match
    return None


def _labelled_next(lines: list[str], position: int) -> bool:
    for line in lines[position + 1 : position + 6]:
        if line.strip():
            parsed = parse_label(line)
            return bool(parsed) and not parsed[0].weak
    return False


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


_BANNER_ONLY = re.compile(
    r"\b(?:conferencia|conference|gobierno|government|gouvernement|ministerio|ministry|republica"
    r"|republic|proceso|process|puebla|migracion|migration)\b"
)


def _heads_bullets(lines: list[str], position: int, stripped: str) -> bool:
    """ "Presidencia Pro Tempore" over bullets: a group label made of banner words, not a banner
    (a banner shouts or names the conference or a government)."""
    if _shouting(stripped) or _BANNER_ONLY.search(fold(stripped)):
        return False
    for line in lines[position + 1 : position + 3]:
        if line.strip():
            return bool(_BULLET.match(line))
    return False


def _country_over_its_list(
    lines: list[str], position: int, stripped: str, country_words: frozenset[str]
) -> bool:
    """ "GUATEMALA" over "1. Compartir …": the country whose commitments follow, not a banner (a
    banner does not stand right over a list's first item)."""
    if not all(
        word in country_words or word in ("de", "del", "la", "y")
        for word in re.findall(r"[\w'-]+", fold(stripped))
    ):
        return False
    for line in lines[position + 1 : position + 3]:
        if line.strip():
            parsed = parse_label(line)
            return bool(parsed) and not parsed[0].weak
    return False


def _page_number_next(lines: list[str], position: int) -> bool:
    """Whether the next line with words is a page number ("Página 2 de 3", "- 2 -")."""
    for line in lines[position + 1 : position + 3]:
        if line.strip():
            folded = fold(line.strip())
            return bool(_PAGE_NUMBER.match(folded) or _PAGE_FOOTER.search(folded))
    return False


def _running_header(line: str) -> bool:
    """A header at a page break that names the conference, a meeting or a date, in capitals
    ("REGIONAL CONFERENCE ON MIGRATION – RCGM, MARCH 2016") or in parts set off by dashes ("CRM –
    GRCM – Conclusiones, noviembre de 2021"), even when it comes only once."""
    dashed = bool(re.search(r"\s[-–|]\s", line)) and len(line) <= 100 and not _TERMINAL.search(line)
    return (
        (_shouting(line) or dashed)
        and not section_heading(line)
        and not agenda_title(line)  # "Punto 4 – Intercambio de información biométrica"
        and not parse_label(line)
        and bool(
            re.search(
                r"\d|\s[-–|]\s|\b(?:conference|conferencia|rcgm|grcm|rcm|crm|meeting|reunion)\b",
                fold(line),
            )
        )
    )


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
