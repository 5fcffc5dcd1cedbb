"""Word's automatic numbering (numbering.xml): the labels ("1.", "a)", "ii.") and bullets that Word
draws but does not store in the paragraph's text, rebuilt from the list definitions and running
counters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Numbering definitions of a document and the running counters of its lists."""

    abstract_levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_abstract: dict[str, str] = field(default_factory=dict)
    num_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    style_numpr: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    style_parent: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    used_instances: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def from_document(cls, document) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            numbering._read_definitions(root)
        numbering._read_styles(document.styles.element)
        return numbering

    def _read_definitions(self, root) -> None:
        style_links: dict[str, str] = {}
        abstract_by_style: dict[str, str] = {}
        for abstract in root.iterchildren(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(_w("lvl")):
                levels[int(lvl.get(_w("ilvl"), "0"))] = _Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") if lvl.find(_w("lvlText")) is not None else "",
                    start=_int(_val(lvl, "start"), 1),
                )
            self.abstract_levels[abstract_id] = levels
            if (link := _val(abstract, "numStyleLink")) is not None:
                style_links[abstract_id] = link
            if (link := _val(abstract, "styleLink")) is not None:
                abstract_by_style[link] = abstract_id
        # An abstract that only links to a numbering style takes the levels of the style's list.
        for abstract_id, style in style_links.items():
            target = abstract_by_style.get(style)
            if target and not self.abstract_levels.get(abstract_id):
                self.abstract_levels[abstract_id] = self.abstract_levels.get(target, {})
        for num in root.iterchildren(_w("num")):
            num_id = num.get(_w("numId"))
            self.num_abstract[num_id] = _val(num, "abstractNumId") or ""
            overrides: dict[int, int] = {}
            for override in num.iterchildren(_w("lvlOverride")):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[int(override.get(_w("ilvl"), "0"))] = _int(start, 1)
            self.num_overrides[num_id] = overrides

    def _read_styles(self, styles_root) -> None:
        for style in styles_root.iterchildren(_w("style")):
            style_id = style.get(_w("styleId"))
            if (based_on := _val(style, "basedOn")) is not None:
                self.style_parent[style_id] = based_on
            ppr = style.find(_w("pPr"))
            numpr = ppr.find(_w("numPr")) if ppr is not None else None
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                self.style_numpr[style_id] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl else None)

    def _paragraph_numpr(self, paragraph) -> tuple[str | None, int]:
        num_id: str | None = None
        ilvl: int | None = None
        ppr = paragraph.find(_w("pPr"))
        if ppr is not None:
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                num_id = _val(numpr, "numId")
                level = _val(numpr, "ilvl")
                ilvl = _int(level, 0) if level is not None else None
            style_id = _val(ppr, "pStyle")
            seen: set[str] = set()
            # Numbering can come from the paragraph style or one it is based on.
            while style_id and style_id not in seen and (num_id is None or ilvl is None):
                seen.add(style_id)
                style_num, style_lvl = self.style_numpr.get(style_id, (None, None))
                num_id = num_id if num_id is not None else style_num
                ilvl = ilvl if ilvl is not None else style_lvl
                style_id = self.style_parent.get(style_id)
        return num_id, ilvl or 0

    def label_for(self, paragraph) -> str:
        num_id, ilvl = self._paragraph_numpr(paragraph)
        if not num_id or num_id == "0" or num_id not in self.num_abstract:
            return ""
        abstract_id = self.num_abstract[num_id]
        levels = self.abstract_levels.get(abstract_id, {})
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(abstract_id, {})
        overrides = self.num_overrides.get(num_id, {})
        if (num_id, ilvl) not in self.used_instances:
            self.used_instances.add((num_id, ilvl))
            if ilvl in overrides:
                counters.pop(ilvl, None)
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, level.start)
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]  # a new item at this level restarts the levels below it
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none":
            return ""
        return _expand_level_text(level.text, levels, counters)


def _expand_level_text(template: str, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    def replace(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        level = levels.get(index, _Level())
        value = counters.get(index, level.start)
        return format_number(value, level.fmt)

    return re.sub(r"%([1-9])", replace, template).strip()


def _bullet(glyph: str) -> str:
    # Whatever the glyph (Symbol-font dot, "o", "§", "-"), a bullet reads as "·": the parser
    # keeps bullets as "· text" lines of the item above.
    return "·"


def format_number(value: int, fmt: str) -> str:
    """Render a list counter in one of Word's number formats."""
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter past z: aa, bb, cc …
    value = max(value, 1)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = []
    for number, numeral in numerals:
        while value >= number:
            result.append(numeral)
            value -= number
    return "".join(result) or "0"


def _val(element, tag: str) -> str | None:
    child = element.find(_w(tag))
    return child.get(_w("val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
