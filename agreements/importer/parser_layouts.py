"""The layouts of the conference's documents, before and after the tree is built.

* **Run-in text.** Text copied from a web page or a PDF may lose its line breaks, so that
  "APROBARON PUNTOS SUSTANTIVOS 1. Reconocer … 2. Adoptar … 3. …" runs on one line.
  :func:`split_run_in` puts back a break before each label of a run of consecutive numbers
  (1, 2, 3… or the numbers that continue the list above; a lone "2." inside a sentence is not
  one), before the letters of a run a), b)… inside an item, before bullets that follow one
  another on a line, after an introducing phrase ("…, acordaron: Someter…") and between the
  sentences and the title in capitals of the text before the first label.
* **Where the agreements start** when they are not numbered: :func:`layout_start` finds the
  introducing phrase ("acordaron:", "DECLARE:") or the bullets (and their group label) that open
  them.
* **Not understood, or not a record.** A document whose layout is still not understood keeps
  its heading and its paragraphs as items, with a warning for the TS to correct them in the
  preview (:func:`paragraph_items`). A text that is not the record of a meeting at all (no
  meeting, body, date or agreement words; or a long publication in which a few numbered lines
  are all that looks like agreements) is refused with a message that says so
  (:func:`not_a_record`).

Everything here is a single pass over the lines with bounded look-ahead: linear in the text.
"""

from __future__ import annotations

import re

from .deadlines import find_date_range
from .gazetteer import fold
from .parser_labels import _BULLET, BULLET_GLYPHS, Label, parse_label
from .parser_sections import (
    agenda_title,
    declaring_phrase,
    heading_or_phrase,
    introducing_phrase,
    operative_phrase,
)
from .parser_text import AGREED_INLINE
from .parser_tokens import _join
from .parser_tree import _Node
from .parser_unnumbered import (
    narrative,
    opens_item,
    recital,
    recital_under_heading,
    recitals_heading,
)

_RUN_NUMBER = re.compile(r"(?:(?<=\s)|^)(?P<n>\d{1,2})(?P<d>[.)])\s+(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑ])")
_RUN_LETTER = re.compile(
    # "acordaron: a) aprobar …; b) solicitar …; y h) agradecer …", "agreed: (a) to …; and (c) …",
    # "Solicitar a la ST que a) concluya …; b) incorpore …"
    r"(?:(?:(?<=[:;]\s)|(?<=;\sy\s)|(?<=;\sand\s)|(?<=,\sy\s)|(?<=,\sand\s)|(?<=\sque\s))"
    r"(?P<n>\(?[a-z])(?P<d>\))|(?<=\s)(?P<n2>[a-z])(?P<d2>[.)])(?=\s+[¿¡\"“«(]?[A-ZÁÉÍÓÚÑ]))\s+"
)
_RUN_BULLET = re.compile(r"(?<=\S)\s+(?=[" + BULLET_GLYPHS.replace("→", "") + r"]\s+\S)")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑ])")
_COLON = re.compile(r":\s+(?=[¿¡\"“«(]?[A-ZÁÉÍÓÚÑ])")
_LONG = 150


def split_run_in(lines: list[str]) -> list[str]:
    """The lines with the breaks that copying lost put back (see the module's rules)."""
    return _split_wrapped_letters(_split_long_lines(lines))


def _split_wrapped_letters(lines: list[str]) -> list[str]:
    """A hard-wrapped paragraph whose lettered items run on across its lines ("… que a) concluya
    el directorio …; b) incorpore …; y c) …"): one line per item. The paragraph ends at a blank
    line, a field ("A cargo de: …") or another label."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            out.append(lines[index])
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() and not _stops_paragraph(lines[end]):
            end += 1
        joined = " ".join(line.strip() for line in lines[index:end])
        if (
            end - index > 1
            and joined.endswith(":")
            and (heading_or_phrase(joined) or operative_phrase(joined))
        ):
            # "Asimismo, los funcionarios de enlace instaron a los Países Miembros que / aún no lo
            # han hecho a:": a phrase that the wrapping cut in two.
            out.append(joined)
            index = end
            continue
        if end - index > 1 and re.search(r"(?:^|\s)\(?[ab]\)\s", " ".join(lines[index:end])):
            pieces = _split_letters(" ".join(line.strip() for line in lines[index:end]))
            if len(pieces) > 1:
                out.extend(pieces)
                index = end
                continue
        out.extend(lines[index:end])
        index = end
    return out


def _stops_paragraph(line: str) -> bool:
    from .parser_text import field_line

    return bool(parse_label(line)) or field_line(line.strip())


def _split_long_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    last = 0
    for line in lines:
        if len(line) < _LONG:
            last = _last_number(line, last)
            out.append(line)
            continue
        pieces = _split_numbers(line, last)
        if len(pieces) == 1:
            letters = _split_letters(line) if not parse_label(line) else [line]
            if len(letters) > 1:
                out.extend(letters)  # "… acordaron: a) aprobar …; b) solicitar …; y h) …"
            elif not parse_label(line) and not _BULLET.match(line):
                out.extend(_split_title(line))
            else:
                out.append(line)
            continue
        for index, piece in enumerate(pieces):
            labelled = parse_label(piece)
            if labelled and not labelled[0].weak and labelled[0].options[0][0] == "num":
                last = labelled[0].options[0][1]
                out.extend(_split_letters(piece))
            elif index == 0:
                out.extend(_split_head(piece))
            else:
                out.append(piece)
    return out


def _last_number(line: str, last: int) -> int:
    labelled = parse_label(line)
    if labelled and not labelled[0].weak and labelled[0].options[0][0] == "num":
        return labelled[0].options[0][1]
    return last


def _chain(matches: list[re.Match], first: int | None, starts: set[int]) -> list[re.Match]:
    """The longest run of consecutive labels, starting at the line's own label or at a label
    whose value is one of ``starts``."""
    chain: list[re.Match] = []
    for match in matches:
        value = _value(match)
        if not chain:
            if (first is not None and match.start() == 0) or value in starts:
                chain = [match]
        elif (
            value == _value(chain[-1]) + 1
            and _deco(match) == _deco(chain[-1])
            and _ends_a_sentence(match.string[: match.start()])
        ):
            chain.append(match)
    return chain


def _ends_a_sentence(before: str) -> bool:
    """A label that runs on ends the item before it: "…que se adjunta. 2. Adoptar…", "…de la
    OIM; b) con…"; "Resolution 2. The…" is a reference inside a sentence."""
    return bool(re.search(r"[.;:!?)\"”»,](?:\s+(?:y|e|and))?\s*$", before))


def _value(match: re.Match) -> int:
    n = (match["n"] or match.groupdict().get("n2")).lstrip("(")
    return int(n) if n.isdigit() else ord(n) - ord("a") + 1


def _deco(match: re.Match) -> str:
    opened = "(" if (match["n"] or "").startswith("(") else ""
    return opened + (match["d"] or match.groupdict().get("d2") or "")


def _cut(line: str, positions: list[int]) -> list[str]:
    pieces, start = [], 0
    for position in positions:
        if position > start and line[start:position].strip():
            pieces.append(line[start:position].strip())
            start = position
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _split_numbers(line: str, last: int) -> list[str]:
    matches = list(_RUN_NUMBER.finditer(line))
    first = 0 if matches and matches[0].start() == 0 else None
    chain = _chain(matches, first, {1, last + 1})
    if len(chain) < 2:
        return _split_bullets(line)
    return _cut(line, [m.start() for m in chain if m.start() > 0])


def _split_letters(piece: str) -> list[str]:
    chain = _chain(list(_RUN_LETTER.finditer(piece)), None, {1})
    if len(chain) < 2:
        return _split_bullets(piece)
    return _cut(piece, [m.start() for m in chain])


def _split_bullets(line: str) -> list[str]:
    breaks = [m.end() for m in _RUN_BULLET.finditer(line)]
    return _cut(line, breaks) if len(breaks) >= 2 or (breaks and _BULLET.match(line)) else [line]


def _split_head(text: str) -> list[str]:
    """The text before the first label of a run: a title in capitals, sentences, introducing
    phrases."""
    out: list[str] = []
    title, text = _title_run(text)
    if title:
        out.append(title)
    for sentence in _SENTENCE_END.split(text) if len(text) >= _LONG else [text]:
        out.extend(_split_introduced(sentence))
    return [piece for piece in (p.strip() for p in out) if piece]


def _split_title(line: str) -> list[str]:
    """A long line without labels: its title in capitals and an introducing phrase."""
    title, text = _title_run(line)
    pieces = [title] if title else []
    pieces.extend(_split_introduced(text))
    return [piece for piece in (p.strip() for p in pieces) if piece]


def _title_run(text: str) -> tuple[str, str]:
    words = text.split(" ")
    caps = 0
    while caps < len(words) and _shouted(words[caps]):
        caps += 1
    if 3 <= caps < len(words) and re.match(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]", words[caps]):
        return " ".join(words[:caps]), " ".join(words[caps:])
    return "", text


def _shouted(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(word) and all(ch.isupper() for ch in letters) and (bool(letters) or word.isdigit())


def _split_introduced(sentence: str) -> list[str]:
    """ "…, acordaron: Someter…" → the phrase, then what it introduces ("Se acuerda: Encomendar
    …" stays one line: minutes record each agreement so, under its agenda item)."""
    if AGREED_INLINE.match(sentence):
        return [sentence]
    for match in _COLON.finditer(sentence):
        head = sentence[: match.start() + 1]
        if introducing_phrase(head):
            return [head, *_split_bullets(sentence[match.end() :])]
    # "…solidaridad. APROBARON PUNTOS SUSTANTIVOS": a phrase in capitals ending the text.
    tail = re.search(r"(?:^|\s)((?:[A-ZÁÉÍÓÚÑ]{2,}\s*){1,6})$", sentence)
    if tail and tail.start(1) > 0 and introducing_phrase(tail[1]):
        return [sentence[: tail.start(1)], tail[1]]
    return _split_bullets(sentence)


# --- Where unnumbered agreements start ---------------------------------------------------------


def has_numbered_items(lines: list[str]) -> bool:
    """Whether some line opens a numbered list ("1.", "a)", "I.")."""
    for line in lines:
        parsed = parse_label(line)
        if parsed and not parsed[0].weak and parsed[0].options and parsed[0].options[0][1] == 1:
            return True
    return False


def layout_start(lines: list[str], numbered_start: int | None) -> tuple[int, bool] | None:
    """(index, whether the agreements begin before any heading) of the first unnumbered list of
    agreements, before ``numbered_start`` (the numbered body, None when there is none)."""
    end = len(lines) if numbered_start is None else numbered_start
    for index in range(end):
        line = lines[index].strip()
        if not line:
            continue
        if heading_or_phrase(line) and _opens_a_list(
            lines, index + 1, end, declaring=declaring_phrase(line)
        ):
            return index, False
        if numbered_start is None and agenda_title(line):
            return index, True  # minutes: "Agenda item 1: …", narration, "Agreed: …"
        if numbered_start is None and _BULLET.match(line) and _BULLET.match(line)["rest"]:
            start = index
            label = _previous_line(lines, index)
            if label is not None and _group_label_like(lines[label]):
                start = label
            return start, True
    return None


def _previous_line(lines: list[str], index: int) -> int | None:
    for back in range(index - 1, max(-1, index - 4), -1):
        if lines[back].strip():
            return back
    return None


def _group_label_like(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line.split()) <= 12
        and line[:1].isupper()
        and not re.search(r"[.;,]\s*$", line)
        and not find_date_range(line)
    )


def _opens_a_list(lines: list[str], start: int, end: int, declaring: bool = False) -> bool:
    """Whether the lines after a heading, up to the next heading, hold an unnumbered list
    (``declaring``: under "DECLARAN:", any paragraph that neither recites nor narrates)."""
    seen = 0
    reciting = False
    for index in range(start, end):
        line = lines[index].strip()
        if not line:
            continue
        if heading_or_phrase(line):
            return False
        if recital(line) or (reciting and recital_under_heading(line)):
            # "Considerando…;", "Recognizing…;", "CONSIDERANDO:" over "Que …;": the preamble
            reciting = reciting or recitals_heading(line)
            continue
        reciting = False
        if _BULLET.match(line) or opens_item(line):
            return True
        if parse_label(line):
            return False
        if declaring and line[:1].isupper() and not narrative(line):
            return True
        seen += 1
        if seen >= 4 or narrative(line):
            return False
    return False


# --- Not understood, not a record ----------------------------------------------------------------

_RECORD_WORDS = re.compile(
    r"\b(?:conferen\w*|reunion\w*|meetings?|met|gathered|grcm|rcgm|crm|rcm|vice-?minist\w*"
    r"|viceminist\w*|funcionari[oa]s\s+de\s+enlace|liaison|grupo\s+de\s+trabajo|working\s+group"
    r"|ad[\s-]hoc|taller\w*|workshops?|seminar\w*|acord\w*|agreed|decid\w*|conclusion\w*"
    r"|recomendacion\w*|recommendations?|declaration|declaracion)\b"
)


def not_a_record(text: str, body_chars: int, item_chars: int) -> str | None:
    """Why ``text`` is not the record of a meeting, or None when it may be one. ``body_chars``:
    the length of the text (0 when nothing was found); ``item_chars``: of the items found."""
    head = fold(text[:5000])
    if not text.strip():
        return "The document is empty: there is no meeting record to read."
    if not _RECORD_WORDS.search(head):
        return (
            "This text is not a meeting record of the conference: it names no meeting, body, "
            "date or agreement. Upload the conclusions, declaration or report of a meeting."
        )
    if body_chars > 40000 and item_chars < 0.05 * body_chars:
        return (
            "This document does not look like a meeting record: the few numbered lines found "
            "cover almost none of a long text (a publication or a study?). Upload the "
            "conclusions, declaration or report of a meeting."
        )
    return None


def paragraph_items(lines: list[str], section: str) -> tuple[int, list[_Node]]:
    """(end of the heading, items) for a layout still not understood: the heading runs to the
    first paragraph that gives a date (else the first paragraph); every later paragraph is an
    item with an assigned reference."""
    blocks: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            blocks.append((start, index))
            start = None
    heading_end = blocks[0][1] if blocks else 0
    for block_start, block_end in blocks[:4]:
        if find_date_range(" ".join(lines[block_start:block_end])):
            heading_end = block_end
            break
    nodes: list[_Node] = []
    for block_start, block_end in blocks:
        if block_start < heading_end:
            continue
        text = ""
        for line in lines[block_start:block_end]:
            text = _join(text, line.strip()) if text else line.strip()
        number = len(nodes) + 1
        label = Label("", str(number), [("num", number)], "", assigned=True)
        nodes.append(_Node(label, str(number), section, [text]))
    return heading_end, nodes
