"""Dates written in words, as formal notes write them: "el día treinta y uno de agosto de dos mil
dieciséis", "a los veintinueve días del mes de enero de mil novecientos noventa y nueve"."""

from __future__ import annotations

import re

from .deadlines_vocabulary import MONTH_FULL, _last_day, _month_number, _safe_date

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


def _on_or_after(month: int, day: int | None, ref):
    """That day of that month (its last day if None), on or after the meeting's last day."""
    if ref is None:
        return None
    for year in (ref.year, ref.year + 1):
        date = _last_day(year, month) if day is None else _safe_date(year, month, day)
        if date is not None and date >= ref:
            return date
    return None


def _month_part_candidates(add) -> None:
    """Parts of a month: "by mid-November", "en la primera quincena de diciembre", "a finales
    del mes en curso"."""
    add(
        rf"\b(?:by\s+|in\s+|a\s+|en\s+)?(?:mid|mediados\s+de)[\s-]*(?P<month>{MONTH_FULL})\b"
        r"(?!,?\s+(?:de\s+|del\s+|of\s+)?\d)",
        "day",
        lambda m, ref: _on_or_after(_month_number(m["month"]), 15, ref),
        intrinsic=True,
        needs=(r"mid|mediados",),
    )
    add(
        rf"\b(?:en\s+)?(?:la\s+)?(?P<half>primera|segunda)\s+quincena\s+de(?:l\s+mes\s+de)?\s+"
        rf"(?P<month>{MONTH_FULL})\b(?!,?\s+(?:de\s+|del\s+)?\d)",
        "day",
        lambda m, ref: _on_or_after(
            _month_number(m["month"]), 15 if m["half"] == "primera" else None, ref
        ),
        intrinsic=True,
        needs=(r"quincena",),
    )

    # "antes del día 8 del próximo mes", "by the 8th of next month": a day of the month after
    # the meeting's (or of its own month).
    def _day_of_month(m, ref):
        if ref is None:
            return None
        month, year = ref.month, ref.year
        if m["which"] in ("proximo", "siguiente", "next", "following"):
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        return _safe_date(year, month, int(m["day"]))

    add(
        r"\b(?:(?:el\s+)?dia\s+|the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:del?|of)\s+(?:(?:el|la|the)\s+)?"
        r"(?:(?P<which>proximo|siguiente|presente|next|following|this|current)\s+mes|mes\s+"
        r"(?P<which2>proximo|siguiente|en\s+curso)|(?P<which3>next|following|this|current)\s+month)\b",
        "day",
        lambda m, ref: _day_of_month(
            {"day": m["day"], "which": (m["which"] or m["which2"] or m["which3"] or "").split()[0]},
            ref,
        ),
        needs=(r"\bmes\b|\bmonth\b",),
    )

    # "segunda quincena de octubre de 2022", "the second half of September 2020": the half of a
    # month of a given year.
    def _half_of(m, _ref):
        year, month = int(m["year"]), _month_number(m["month"])
        first = m["half"] in ("primera", "first")
        return _safe_date(year, month, 15 if first else _last_day(year, month).day)

    add(
        rf"\b(?:in\s+|by\s+|during\s+)?(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+"
        rf"(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b",
        "day",
        _half_of,
        intrinsic=True,
        needs=(r"half",),
    )

    add(
        rf"\b(?:en\s+)?(?:la\s+)?(?P<half>primera|segunda)\s+quincena\s+de(?:l\s+mes\s+de)?\s+"
        rf"(?P<month>{MONTH_FULL})\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d)\b",
        "day",
        _half_of,
        intrinsic=True,
        needs=(r"quincena",),
    )
    add(
        r"\b(?:a\s+(?:finales|fines)\s+del?\s+(?:mes\s+en\s+curso|presente\s+mes)|(?:by|at)\s+the\s+end"
        r"\s+of\s+(?:this|the\s+current|the\s+present)\s+month)\b",
        "month",
        lambda m, ref: _last_day(ref.year, ref.month) if ref else None,
        intrinsic=True,
        needs=(r"curso|presente|current|present|this",),
    )
    # A table's deadline that is a numbered meeting: "Plazo: XIV Reunión Viceministerial".
    add(
        r"\b(?:plazo|fecha(?:\s+limite)?|deadline|timeline|time\s*frame|due\s+date)\s*:\s*(?:la\s+|el\s+"
        r"|the\s+)?[xvil]{1,7}\s+(?:reunion\s+viceministerial|conferencia\s+regional\s+sobre\s+migracion"
        r"|crm|rcm|vice-?ministerial\s+meeting|regional\s+conference\s+on\s+migration)\b",
        "relative",
        lambda m, ref: None,
        intrinsic=True,
        needs=(r"viceministerial|conferenc|crm|rcm|vice",),
    )
    # "para su consideración en la XXIII Reunión Viceministerial": the meeting that decides.
    add(
        r"\b(?:(?:para\s+su\s+(?:consideracion|aprobacion)|seran?\s+presentad[oa]s?|deberan?\s+"
        r"(?:presentarse|ser\s+presentad[oa]s?))\s+en\s+la"
        r"|(?:for\s+(?:its\s+)?(?:consideration|approval)|(?:will|to)\s+be\s+presented)\s+(?:at|by|to)"
        r"\s+the)\s+[xvil]{1,7}\s+(?:reunion\s+viceministerial|conferencia\s+"
        r"regional\s+sobre\s+migracion|crm|vice-?ministerial\s+meeting|regional\s+conference\s+on"
        r"\s+migration|rcm)\b",
        "relative",
        lambda m, ref: None,
        intrinsic=True,
        needs=(r"consideracion|aprobacion|consideration|approval|presentad|presented",),
    )
