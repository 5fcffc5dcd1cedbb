"""List labels as printed ("1.", "a)", "- a.", "ii.", "(b)") and bullets, with the list styles a
label can belong to (after "h" an "i" is a letter; after "p" it opens a roman list)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(
    r"""^\s*(?:[-–—•·]\s*)?(?:
        \((?P<paren>\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6})\)
      | (?P<dotted>\d{1,3}(?:\.\d{1,3})+|\d{1,3}\.[a-zA-Z](?![a-zA-Z]))(?:\.-|\.–|\.|\))?(?=\s|$)
      | (?P<num>\d{1,3})(?P<numdeco>\.-|\.–|\.|\)|\s+[-–](?=\s))
      | (?P<roman>[ivxlIVXL]{2,6}|[ivxIVX])(?P<romandeco>\.-|\.|\))
      | (?P<alpha>[a-zA-Z])(?P<alphadeco>\.-|\.|\))
    )(?:\s+|$)(?P<rest>.*)$""",
    re.X,
)
# "1 To approve…": a number without punctuation, trusted only where it is the expected number.
_BARE_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2})\s+(?P<rest>[A-ZÁÉÍÓÚÑ¿].*)$")
# Bullets as Word, PDF extraction and OCR give them: dots, squares, diamonds, arrows, ticks.
BULLET_GLYPHS = "·•●◦▪■□▫◆◇♦❖⬥⧫➢➣➤►▶▸‣⁃∙○◉❑❒✓✔➔→⇒⇨➝"
_BULLET = re.compile(
    r"^\s*(?:["
    + BULLET_GLYPHS
    + r"*]|[-–—](?!\s*\d+\s*[-–—]\s*$)|o(?=\s+[A-ZÁÉÍÓÚÑ]))(?:\s+|$)(?P<rest>.*)$"
)

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

# "PRIMERO.- Aprobar…", "DÉCIMO SEGUNDO.- …", "Tercero: …": ordinal words, the numbering of
# Spanish official acts. Read as the number they spell.
_UNITS = {
    "primero": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
    "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9,
}  # fmt: skip
_TENS = {"decimo": 10, "vigesimo": 20, "trigesimo": 30}
_SPECIAL = {"undecimo": 11, "duodecimo": 12}
# The feminine too: "Primera: Aprobar…" numbers decisions ("las siguientes decisiones:").
_ORDINAL = re.compile(
    r"^\s*(?P<word>(?:(?:d[eé]cim[oa]|vig[eé]sim[oa]|trig[eé]sim[oa])\s*)?(?:primer[oa]"
    r"|segund[oa]|tercer[oa]|cuart[oa]|quint[oa]|sext[oa]|s[eé]p?tim[oa]|octav[oa]|noven[oa])"
    r"|d[eé]cim[oa]|vig[eé]sim[oa]|trig[eé]sim[oa]|und[eé]cim[oa]|duod[eé]cim[oa])"
    r"(?P<deco>\s*\.\s*[-–—]|\s*[-–—:]|\.)(?:\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)


# "Acuerdo 1:", "ACUERDO No. 2.-", "Acuerdo 3/2022.", "Agreement 3.", "Decisión Nº 4 –",
# "ACUERDO No. 5" alone on its line: a number named by what it numbers, as network reports and
# Vice-Ministerial decisions print them.
_NAMED_NUMBER = re.compile(
    r"^\s*(?P<word>(?:acuerdo|agreement|decisi[oó]n|decision|resoluci[oó]n|resolution"
    r"|recomendaci[oó]n|recommendation|conclusi[oó]n|conclusion|mandato|mandate|action\s+point"
    r"|action\s+item|punto\s+de\s+acci[oó]n|compromiso|commitment)s?)\s+"
    r"(?:(?:n[o°º]|n[uú]m(?:ero)?|number)\s*\.?\s*)?(?P<num>\d{1,3})"
    # "Acuerdo 1/2022", "DECISION No. 01/2023": numbered within the year.
    r"(?:\s*/\s*(?:19|20)\d\d)?"
    r"(?:(?P<deco>\s*\.\s*[-–—]|\s*[:.)]|\s+[-–—])(?:\s+|$)|\s*$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# "1º Aprobar…", "2°.- Solicitar…": a number with the ordinal sign; not "1° de julio".
_SIGNED_NUMBER = re.compile(
    r"^\s*(?P<num>\d{1,3})\s?(?P<deco>[º°ª](?:\s*\.?\s*[-–—:]|\.)?)\s+(?P<rest>(?!de\s).*)$"
)


def _named_label(line: str) -> tuple[Label, str] | None:
    match = _NAMED_NUMBER.match(line)
    if match and match["word"][:1].isupper():
        number = match["num"]
        raw = line[: match.start("rest")].strip()
        return Label(raw, number, [("num", int(number))], "named"), match["rest"].strip()
    match = _SIGNED_NUMBER.match(line)
    if match:
        number = match["num"]
        label = Label(number + match["deco"], number, [("num", int(number))], "º")
        return label, match["rest"].strip()
    return None


def _ordinal_value(word: str) -> int | None:
    # The feminine counts as the masculine: "décima primera" as "décimo primero".
    folded = word.lower().translate(str.maketrans("éí", "ei"))
    folded = re.sub(r"a\b", "o", re.sub(r"(?<=m)a(?=[a-z])", "o", folded)).replace(" ", "")
    if folded in _SPECIAL:
        return _SPECIAL[folded]
    total = 0
    for tens, value in _TENS.items():
        if folded.startswith(tens):
            total, folded = value, folded[len(tens) :]
    if folded:
        if folded not in _UNITS:
            return None
        total += _UNITS[folded]
    return total or None


# "(Primero) Aprobar …": the ordinal word in parentheses.
_PAREN_ORDINAL = re.compile(r"^\s*\((?P<word>[A-Za-zÉéÍí ]{4,24})\)\s+(?P<rest>\S.*)$")


def _ordinal_label(line: str) -> tuple[Label, str] | None:
    parenthesised = _PAREN_ORDINAL.match(line)
    if parenthesised:
        value = _ordinal_value(re.sub(r"\s+", " ", parenthesised["word"]).strip())
        if value is not None:
            raw = f"({parenthesised['word']})"
            return Label(raw, str(value), [("num", value)], "()"), parenthesised["rest"].strip()
    match = _ORDINAL.match(line)
    if not match:
        return None
    word, deco = match["word"], match["deco"].strip()
    # A capitalised word is a label only with its dash or colon ("Primero.- …"); in capitals
    # ("PRIMERO. …") a full stop is enough. "Primero. Se …" in prose is no label.
    if not word.isupper() and deco == ".":
        return None
    value = _ordinal_value(re.sub(r"\s+", "", word))
    if value is None:
        return None
    return Label(word + deco, str(value), [("num", value)], deco), match["rest"].strip()


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
    assigned: bool = False  # not printed: the importer numbered an unnumbered item


# "Actividad 1.1. Compilar …", "Activity 2.3 Circulate …": a roadmap's activity by its number.
_NAMED_DOTTED = re.compile(r"^\s*(?:actividad|activity|acci[oó]n|action)\s+(?=\d{1,2}\.\d)", re.I)


def parse_label(line: str) -> tuple[Label, str] | None:
    """The label at the start of ``line`` and the text after it, or None."""
    named = _NAMED_DOTTED.match(line)
    if named:
        line = line[named.end() :]
    match = _LABEL.match(line)
    if match:
        groups = match.groupdict()
        rest = groups["rest"].strip()
        if groups["paren"]:
            return _label_from(groups["paren"], "()", f"({groups['paren']})"), rest
        if groups["dotted"]:
            # "1.2", and "1.a" (a letter under a number, with no space): both print their path.
            parts = tuple(groups["dotted"].split("."))
            last = parts[-1]
            value = int(last) if last.isdigit() else ord(last.lower()) - ord("a") + 1
            label = Label(groups["dotted"], last, [(f"num{len(parts)}", value)], ".")
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
    ordinal = _ordinal_label(line) or _named_label(line)
    if ordinal:
        return ordinal
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


def _show(value: int, style: str) -> str:
    if style.startswith("num"):
        return str(value)
    if style in ("alpha", "ALPHA"):
        letter = chr(ord("a") + value - 1) if 1 <= value <= 26 else str(value)
        return letter.upper() if style == "ALPHA" else letter
    roman = _to_roman(value)
    return roman.upper() if style == "ROMAN" else roman
