"""Dates written in words, as formal notes write them: "el día treinta y uno de agosto de dos mil
dieciséis", "a los veintinueve días del mes de enero de mil novecientos noventa y nueve"."""

from __future__ import annotations

import re

from .deadlines_vocabulary import MONTH_FULL, _month_number, _safe_date

_UNITS = {
    "uno": 1, "un": 1, "primero": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21, "veintidos": 22,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
}  # fmt: skip
_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
         "ochenta": 80, "noventa": 90}  # fmt: skip
_WORD = "|".join(sorted({*_UNITS, *_TENS}, key=len, reverse=True))
_DAY_WORDS = rf"(?:treinta\s+y\s+uno|{_WORD})"
_YEAR_WORDS = rf"(?:mil\s+novecientos|dos\s+mil)(?:\s+(?:{_WORD})(?:\s+y\s+(?:{_WORD}))?)?"


def spanish_number(words: str) -> int | None:
    """ "treinta y uno" → 31, "dos mil dieciseis" → 2016, "mil novecientos noventa y nueve" →
    1999 (folded words)."""
    total = 0
    rest = words.split()
    if rest[:2] == ["mil", "novecientos"]:
        total, rest = 1900, rest[2:]
    elif rest[:2] == ["dos", "mil"]:
        total, rest = 2000, rest[2:]
    for word in rest:
        if word == "y":
            continue
        value = _TENS.get(word) if word in _TENS else _UNITS.get(word)
        if value is None:
            return None
        total += value
    return total or None


def _word_date(match: re.Match, ref) -> object:
    day, year = spanish_number(match["day"]), spanish_number(match["year"])
    if day is None or year is None:
        return None
    return _safe_date(year, _month_number(match["month"]), day)


def _word_date_candidates(add) -> None:
    add(
        rf"\b(?:el\s+)?(?:dia\s+)?(?P<day>{_DAY_WORDS})\s+(?:dias\s+)?(?:de|del)\s+(?:mes\s+de\s+)?"
        rf"(?P<month>{MONTH_FULL})\s+(?:de|del)\s+(?:ano\s+)?(?P<year>{_YEAR_WORDS})\b",
        "day",
        _word_date,
        needs=(r"\bmil\b",),
    )
