"""Footnotes as text extraction leaves them, told apart from the text they annotate."""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*(?:_{5,}|-{5,}|—{3,}|–{3,})\s*$")
_FOOTNOTE = re.compile(r"^\s*(?P<number>\d{1,2})\s+(?=[A-ZÁÉÍÓÚÑ¿\"“(])")


def split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnotes as text extraction leaves them: a rule line, then "1 La delegación …" at the foot
    of the page, the call glued to its word in the text above ("en su próxima reunión1."). The
    lines without the footnotes and their calls (the footnotes' lines become blank, so that
    positions and paragraph breaks survive), and the footnotes, kept as context."""
    cleaned = list(lines)
    notes: list[str] = []
    for rule, line in enumerate(lines):
        if not _RULE.match(line):
            continue
        block, numbers = _footnote_block(lines, rule + 1)
        calls = [n for n in numbers if _call(n).search("\n".join(cleaned[:rule]))]
        if not calls:
            continue
        for index in [rule, *block]:
            cleaned[index] = ""
        text = " ".join(lines[index].strip() for index in block)
        notes.extend(part.strip() for part in re.split(r"\s(?=\d{1,2}\s+[A-ZÁÉÍÓÚÑ])", " " + text))
        for number in calls:
            cleaned[:rule] = [_call(number).sub("", above) for above in cleaned[:rule]]
    return cleaned, [note for note in notes if note]


def _call(number: str) -> re.Pattern:
    # "reunión1.", "Estados)2,": a number glued to the end of a word, before a pause.
    return re.compile(rf"(?<=[a-záéíóúñ)\"”]){number}(?=[\s.,;:)]|$)")


def _footnote_block(lines: list[str], start: int) -> tuple[list[int], list[str]]:
    """The lines of the footnotes from ``start`` (each opening with its number, maybe wrapped
    over lines, maybe apart by blank lines) and their numbers."""
    block: list[int] = []
    numbers: list[str] = []
    index = start
    while index < len(lines):
        stripped = lines[index].strip()
        note = _FOOTNOTE.match(stripped)
        if note and (not numbers or int(note["number"]) == int(numbers[-1]) + 1):
            numbers.append(note["number"])
        elif not stripped:
            following = next((line for line in lines[index + 1 :] if line.strip()), "")
            expected = str(int(numbers[-1]) + 1) if numbers else ""
            match = _FOOTNOTE.match(following.strip())
            if not (match and match["number"] == expected):
                break
        elif not numbers:
            break
        if stripped:
            block.append(index)
        index += 1
    return block, numbers
