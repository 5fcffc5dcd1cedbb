"""The words and numbers of dates, in English and Spanish, as regex pieces over folded text."""

from __future__ import annotations

import calendar
import datetime as dt
import re

# --- Vocabulary ----------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90,
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta y cinco": 45, "sesenta": 60, "noventa": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "i": 1, "primer": 1, "primero": 1, "primera": 1, "1er": 1, "1": 1,
    "second": 2, "2nd": 2, "ii": 2, "segundo": 2, "segunda": 2, "2do": 2, "2": 2,
    "third": 3, "3rd": 3, "iii": 3, "tercer": 3, "tercero": 3, "tercera": 3, "3er": 3, "3": 3,
    "fourth": 4, "4th": 4, "iv": 4, "cuarto": 4, "cuarta": 4, "4to": 4, "4": 4,
    # "the last quarter of 2017", "el último trimestre de 2017" (the quarter patterns only).
    "last": 4, "ultimo": 4,
}  # fmt: skip


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_FULL = rf"(?:{_alternation(_MONTHS)})"
MONTH_ANY = rf"(?:{MONTH_FULL}|(?:{_alternation(_MONTH_ABBREVIATIONS)})\.?)"
DAY = r"(?:[012]?\d|3[01])(?:st|nd|rd|th|\.?º|\.?°|\.?o\b|ro\b)?"
YEAR = r"(?:19|20)\d{2}"
_SEP = r"\s*(?:-|to|and|&|y|al|a|through)\s*"
NUMBER = rf"(?:\d{{1,3}}|{_alternation(_NUMBERS)})(?:\s*\(\d{{1,3}}\))?"
UNIT = (
    r"(?:(?:working|business|calendar)[\s-]+)?(?:days?|weeks?|months?|years?)"
    r"|(?:dias?|semanas?|mes(?:es)?|anos?)(?:\s+(?:habiles|laborables|calendario|naturales))?"
)
_ORD = rf"(?:{_alternation(_ORDINALS)})"
_OF_YEAR = rf"(?:\s*,?\s+(?:of|de|del)\s+(?:the\s+year\s+|el\s+ano\s+|ano\s+)?|\s+)(?P<year>{YEAR})"


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBREVIATIONS[word]


def _number(word: str) -> int:
    word = re.sub(r"\s*\(\d+\)", "", word).strip()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A meeting named by its ordinal in words: "the Thirteenth Vice-Ministerial Meeting", "la Décima
# Tercera Reunión Viceministerial" (folded).
_UNITS_EN = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_MEETING_ORDINAL_EN = (
    rf"(?:(?:twenty|thirty)[\s-]?(?:{_UNITS_EN})|{_UNITS_EN}|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
    r"|\d{1,2}(?:st|nd|rd|th))"
)
_UNITS_ES = (
    r"primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[e]?ptim[oa]|octav[oa]"
    r"|noven[oa]"
)
_MEETING_ORDINAL_ES = (
    rf"(?:(?:(?:decim|vigesim|trigesim)[oa]\s*)(?:{_UNITS_ES})?|undecim[oa]|duodecim[oa]"
    rf"|{_UNITS_ES}|\d{{1,2}}\s?[ao]\b)"
)


def _year(match: re.Match) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _numeric_date(a: int, b: int, year: int) -> dt.date | None:
    # The conference writes day/month in both languages; month/day only when day/month is
    # impossible.
    return _safe_date(year, b, a) or _safe_date(year, a, b)


def _period_end(year: int | None, months: int, index: int, ref: dt.date | None) -> dt.date | None:
    """Last day of the index-th period of ``months`` months (quarter: 3, semester: 6)."""
    last_month = months * index
    if year is not None:
        return _last_day(year, last_month)
    if ref is None:
        return None
    for candidate_year in (ref.year, ref.year + 1):
        end = _last_day(candidate_year, last_month)
        if end >= ref:
            return end
    return None


def _next_year_period(match: re.Match, ref: dt.date | None) -> dt.date | None:
    number = _ORDINALS.get(match["ord"])
    if ref is None or number is None:
        return None
    months = 3 if match["unit"] in ("quarter", "trimestre") else 6
    return _period_end(ref.year + 1, months, number, ref) if number * months <= 12 else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _next_weekday(name: str, ref: dt.date | None) -> dt.date | None:
    """The first such weekday after the meeting's last day ("by COB Friday")."""
    if ref is None:
        return None
    days = (_WEEKDAYS.index(name) - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=days)
