"""Deadlines stated in an agreement, resolved to a date.

The conference states deadlines loosely ("during the I semester of 2018", "within a two-month
period", "by March 31st at the latest", "a la brevedad"). :func:`resolve_deadline` finds the
phrase and resolves it:

* a period resolves to its last day: a year to 31 December, a semester to 30 June or
  31 December, a quarter to the end of its third month, a month to its last day, "mid-2019" to
  30 June 2019;
* a relative period ("within 30 days", "en un plazo de dos meses") counts from the meeting's
  last day; one counted from an event ("one month before the next meeting") has no date;
* a day or month without a year is the first such date on or after the meeting's last day;
* "as soon as possible", "in due course", "on a date to be determined" and their Spanish forms
  keep the phrase but have no date (precision "none").

Only deadlines count. A date is a deadline when a word introduces it as one: by, before, no later
than, within, until, at the latest, a más tardar, antes de, a finales de, hasta; or, when the
date lies after the meeting, in, during, en, durante, and "to be held in/on" for a planned
activity. Dates of things already held ("held in San José on September 17th – 18th, 2013"),
dates inside names ("Protocol of 2000") and years used as adjectives ("the 2022 Budget") are not.

When an item states several deadlines, the first one that resolves to a date wins; failing that,
the first phrase without a date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .gazetteer import fold

__all__ = ["Deadline", "resolve_deadline", "find_date_range", "PRECISIONS"]

PRECISIONS = ("day", "month", "quarter", "semester", "year", "relative", "none", "")


@dataclass(frozen=True)
class Deadline:
    """A resolved deadline: the date (or None), the phrase as written and its precision."""

    date: dt.date | None = None
    phrase: str = ""
    precision: str = ""

    def __bool__(self) -> bool:
        return bool(self.phrase)


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
}  # fmt: skip


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_FULL = rf"(?:{_alternation(_MONTHS)})"
MONTH_ANY = rf"(?:{MONTH_FULL}|(?:{_alternation(_MONTH_ABBREVIATIONS)})\.?)"
DAY = r"(?:[012]?\d|3[01])(?:st|nd|rd|th|º|°|o\b|ro\b)?"
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


# --- Candidates ----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    precision: str
    resolve: object  # callable(reference: date | None) -> date | None
    intrinsic: bool = False  # the pattern itself says "deadline" (within…, as soon as possible)
    month_only: bool = False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_occurrence(month: int, day: int | None, reference: dt.date | None) -> dt.date | None:
    """The first given day (or month end) on or after the reference date."""
    if reference is None:
        return None
    for year in (reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day) if day else _last_day(year, month)
        if candidate and candidate >= reference:
            return candidate
    return None


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


def _add(reference: dt.date | None, amount: int, unit: str) -> dt.date | None:
    if reference is None:
        return None
    if re.search(r"working|business|habiles|laborables", unit):
        day, left = reference, amount
        while left:
            day += dt.timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
        return day
    if unit.startswith(("day", "dia")):
        return reference + dt.timedelta(days=amount)
    if unit.startswith(("week", "semana")):
        return reference + dt.timedelta(weeks=amount)
    if unit.startswith(("month", "mes")):
        return reference + relativedelta(months=amount)
    return reference + relativedelta(years=amount)


# A gate: a regex, or words of which one is in the text.
_Gate = re.Pattern | tuple[str, ...]
_SPECS: list[tuple[re.Pattern, str, object, bool, bool, tuple[_Gate, ...]]] = []

# Gates: cheap tests every match of a pattern implies (a digit, a month's name, a unit…). Most
# sentences state no date, so most patterns are never run: running all of them on every item
# was most of the time of an import.
_DIGIT = r"\d"
_YEAR_DIGITS = YEAR
_MONTH_WORD = rf"(?=[adefjmnos])\b(?:{_alternation(_MONTHS)}|{_alternation(_MONTH_ABBREVIATIONS)})"
_YEAR_WORD = "year|ano"
_UNIT_WORD = "day|week|month|year|dia|semana|mes|ano"
_GATES: dict[str, _Gate] = {}
# The letters a month's name (or its abbreviation) begins with: a pattern opening with one
# says so in a lookahead, which lets the engine skip the other positions at once.
_MONTH_INITIALS = "adefjmnos"


def _candidates(folded: str) -> list[_Candidate]:
    """Every phrase of ``folded`` that may state a deadline (patterns compiled once)."""
    if not _SPECS:
        _specs()
    found: list[_Candidate] = []
    passed: dict[int, bool] = {}
    for pattern, precision, resolve, intrinsic, month_only, gates in _SPECS:
        if not all(_passes(gate, folded, passed) for gate in gates):
            continue
        for m in pattern.finditer(folded):
            found.append(
                _Candidate(m.start(), m.end(), precision, _bind(resolve, m), intrinsic, month_only)
            )
    return found


def _passes(gate: _Gate, folded: str, passed: dict[int, bool]) -> bool:
    key = id(gate)
    if key not in passed:
        if isinstance(gate, tuple):
            passed[key] = any(word in folded for word in gate)
        else:
            passed[key] = gate.search(folded) is not None
    return passed[key]


def _gate(source: str) -> _Gate:
    if source not in _GATES:
        plain = re.fullmatch(r"[a-z|]+", source)
        _GATES[source] = tuple(source.split("|")) if plain else re.compile(source)
    return _GATES[source]


def _specs() -> None:
    def add(
        pattern: str,
        precision: str,
        resolve,
        intrinsic: bool = False,
        month_only: bool = False,
        *,
        needs: tuple[str, ...],
        first: str = "",
    ) -> None:
        """``needs``: the gates; ``first``: the characters a match can begin with."""
        gates = tuple(_gate(source) for source in needs)
        pattern = rf"(?=[{first}]){pattern}" if first else pattern
        _SPECS.append((re.compile(pattern), precision, resolve, intrinsic, month_only, gates))

    # Full dates, ranges included: the range's last day.
    add(
        rf"\b(?P<month>{MONTH_ANY})\s+(?:{DAY}{_SEP})?(?P<day>{DAY}),?\s+(?:of\s+)?(?P<year>{YEAR})\b",
        "day",
        lambda m, ref: _safe_date(int(m["year"]), _month_number(m["month"]), _day(m["day"])),
        needs=(_MONTH_WORD, _YEAR_DIGITS),
        first=_MONTH_INITIALS,
    )
    add(
        rf"\b(?:the\s+)?(?:{DAY}(?:\s*,\s*{DAY})*{_SEP})?(?P<day>{DAY})\s+(?:de\s+|of\s+)?"
        rf"(?P<month>{MONTH_ANY}),?\s+(?:de\s+|del\s+|of\s+)?(?:ano\s+)?(?P<year>{YEAR})\b",
        "day",
        lambda m, ref: _safe_date(int(m["year"]), _month_number(m["month"]), _day(m["day"])),
        needs=(_MONTH_WORD, _YEAR_DIGITS),
        first=r"t\d",
    )
    add(
        rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{YEAR})\b",
        "day",
        lambda m, ref: _numeric_date(int(m["a"]), int(m["b"]), int(m["year"])),
        needs=(r"\d/\d",),
        first=r"\d",
    )
    # Day and month without a year: the next such day.
    add(
        rf"\b(?P<month>{MONTH_FULL})\s+(?P<day>{DAY})\b(?!\s*(?:,\s*|-\s*|of\s+)?(?:\d))",
        "day",
        lambda m, ref: _next_occurrence(_month_number(m["month"]), _day(m["day"]), ref),
        needs=(_MONTH_WORD, _DIGIT),
        first=_MONTH_INITIALS,
    )
    add(
        rf"\b(?:the\s+)?(?P<day>{DAY})\s+(?:de\s+|of\s+)?(?P<month>{MONTH_FULL})\b"
        rf"(?!,?\s+(?:de\s+|del\s+|of\s+)?(?:ano\s+)?\d)",
        "day",
        lambda m, ref: _next_occurrence(_month_number(m["month"]), _day(m["day"]), ref),
        needs=(_MONTH_WORD, _DIGIT),
        first=r"t\d",
    )
    # Month and year.
    add(
        rf"\b(?P<month>{MONTH_ANY}),?\s+(?:of\s+|de\s+|del\s+)?(?:ano\s+)?(?P<year>{YEAR})\b",
        "month",
        lambda m, ref: _last_day(int(m["year"]), _month_number(m["month"])),
        needs=(_MONTH_WORD, _YEAR_DIGITS),
        first=_MONTH_INITIALS,
    )
    # Quarters and semesters, with or without a year.
    add(
        rf"\b(?:the\s+|el\s+)?(?P<ord>{_ORD})\s+(?:quarter|trimestre)(?:{_OF_YEAR})?\b",
        "quarter",
        lambda m, ref: (
            _period_end(_year(m), 3, _ORDINALS[m["ord"]], ref) if _ORDINALS[m["ord"]] <= 4 else None
        ),
        needs=(r"quarter|trimestre",),
    )
    add(
        rf"\bq(?P<ord>[1-4])(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b",
        "quarter",
        lambda m, ref: _period_end(_year(m), 3, int(m["ord"]), ref),
        needs=(r"\bq[1-4]",),
    )
    add(
        rf"\b(?:the\s+|el\s+|la\s+)?(?P<ord>first|1st|second|2nd|i|ii|primer|primero|primera"
        rf"|segundo|segunda|1er|2do)\s+(?:semester|semestre|half|mitad)(?:{_OF_YEAR})?\b",
        "semester",
        lambda m, ref: _period_end(_year(m), 6, _ORDINALS[m["ord"]], ref),
        needs=(r"semest|half|mitad",),
    )
    add(
        rf"\b(?:mid|middle\s+of|mid-year|mediados\s+de(?:l)?)[\s-]*(?:the\s+year\s+|ano\s+)?"
        rf"(?P<year>{YEAR})\b",
        "semester",
        lambda m, ref: dt.date(int(m["year"]), 6, 30),
        needs=(r"mid|mediados", _YEAR_DIGITS),
    )
    add(
        r"\b(?:mid-?year|the\s+middle\s+of\s+the\s+year|mediados\s+de(?:l)?\s+ano)\b",
        "semester",
        lambda m, ref: _period_end(None, 6, 1, ref),
        needs=(r"mid|mediados",),
    )
    add(
        rf"\b(?:(?:the\s+)?(?:end|close)\s+of|(?:finales|fines|final|fin|cierre)\s+de(?:l)?)\s+"
        rf"(?:the\s+year\s+|ano\s+)?(?P<year>{YEAR})\b",
        "year",
        lambda m, ref: dt.date(int(m["year"]), 12, 31),
        needs=(r"end|close|fin|cierre", _YEAR_DIGITS),
    )
    add(
        rf"\b(?:early|(?:the\s+)?(?:beginning|start)\s+of|(?:principios|inicios|comienzos)\s+"
        rf"de(?:l)?)\s+(?:ano\s+)?(?P<year>{YEAR})\b",
        "quarter",
        lambda m, ref: dt.date(int(m["year"]), 3, 31),
        needs=(r"early|beginning|start|principios|inicios|comienzos", _YEAR_DIGITS),
    )
    # Month alone ("by the end of March", "a finales de marzo"): the next such month.
    add(
        rf"\b(?:(?:the\s+)?(?:end|close)\s+of\s+|(?:el\s+mes\s+de\s+)|(?:the\s+month\s+of\s+))?"
        rf"(?P<month>{MONTH_FULL})\b(?!\s*,?\s*(?:of\s+|de\s+|del\s+)?(?:\d))",
        "month",
        lambda m, ref: _next_occurrence(_month_number(m["month"]), None, ref),
        month_only=True,
        needs=(_MONTH_WORD,),
        first="tec" + _MONTH_INITIALS,
    )
    # A year alone.
    add(
        rf"(?<![\d/-])\b(?P<year>{YEAR})\b(?![\d/-])(?!\s*(?:budget|work|plan|report|calendar"
        r"|period|fiscal|annual|presupuesto|informe|calendario|periodo|-))",
        "year",
        lambda m, ref: dt.date(int(m["year"]), 12, 31),
        needs=(_YEAR_DIGITS,),
        first="12",
    )
    add(
        r"\b(?:this|the\s+current|the\s+present|este|el\s+presente|el\s+actual)\s+(?:year|ano)\b",
        "year",
        lambda m, ref: dt.date(ref.year, 12, 31) if ref else None,
        needs=(_YEAR_WORD,),
    )
    add(
        r"\b(?:next\s+year|the\s+next\s+year|the\s+following\s+year|(?:el\s+)?(?:proximo|siguiente)"
        r"\s+ano|(?:el\s+)?ano\s+(?:proximo|entrante|siguiente))\b",
        "year",
        lambda m, ref: dt.date(ref.year + 1, 12, 31) if ref else None,
        needs=(_YEAR_WORD,),
    )
    add(
        r"\b(?:(?:by|before|until|at|towards|antes\s+de|hasta|para|a|hacia)\s+)?(?:the\s+)?"
        r"(?:(?:end|close)\s+of\s+the\s+(?:current\s+)?year|(?:finales|fines|final|fin|cierre)"
        r"\s+de(?:l)?\s+(?:presente\s+)?ano)\b",
        "year",
        lambda m, ref: dt.date(ref.year, 12, 31) if ref else None,
        intrinsic=True,
        needs=(_YEAR_WORD,),
    )
    _relative_candidates(add)
    _vague_candidates(add)


def _relative_candidates(add) -> None:
    at_least = r"(?:at\s+least\s+|al\s+menos\s+|por\s+lo\s+menos\s+)?"
    amount = rf"{at_least}(?P<n>{NUMBER})[\s-]+(?P<unit>{UNIT})"
    resolve = lambda m, ref: _add(ref, _number(m["n"]), m["unit"])  # noqa: E731
    add(
        rf"\bwithin\s+(?:a\s+|an\s+|the\s+)?(?:(?:maximum\s+)?(?:period|term|time\s*frame|time)\s+"
        rf"of\s+|(?:the\s+)?(?:next|following|coming)\s+)?{amount}(?:[\s-]+(?:period|term"
        rf"|time\s*frame))?\b",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\b(?:in|over|during)\s+the\s+(?:next|following|coming)\s+{amount}\b",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\b(?:en|dentro\s+de)\s+(?:un|el)\s+(?:plazo|periodo|termino|lapso)\s+(?:maximo\s+)?"
        rf"(?:no\s+mayor\s+(?:a|de)\s+|de\s+)(?:hasta\s+)?{amount}\b",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\b(?:en|dentro\s+de|durante)\s+(?:los|las)\s+(?:proximos|proximas|siguientes)\s+{amount}\b",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\bdentro\s+de\s+(?:los\s+|las\s+)?{amount}(?:\s+siguientes)?\b",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    # Counted from this meeting: "30 days after the meeting", "un mes después de la reunión".
    add(
        rf"\b{amount}\s+(?:after|following|from)\s+(?:the\s+|this\s+)?(?:end\s+of\s+the\s+)?"
        r"(?:present\s+|current\s+)?(?:meeting|session)\b(?!\s+of\s+the\s+(?:next|following))",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\b{amount}\s+(?:despues\s+de|a\s+partir\s+de)\s+(?:la\s+|esta\s+)?"
        r"(?:presente\s+)?(?:reunion|sesion)\b(?!\s+(?:proxima|siguiente))",
        "relative",
        resolve,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    # Counted from an event whose date is unknown: keep the phrase, no date.
    no_date = lambda m, ref: None  # noqa: E731
    event = (
        r"(?:the\s+)?(?:next|following|upcoming|forthcoming)?\s*(?:[\w-]+\s+){0,4}?"
        r"(?:meeting|session|conference|rcgm|rcm|event)"
    )
    add(
        rf"\b{amount}\s+(?:before|prior\s+to|ahead\s+of|in\s+advance\s+of)\s+{event}\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(rf"\b{amount}\s+in\s+advance\b", "relative", no_date, intrinsic=True, needs=(_UNIT_WORD,))
    add(
        rf"\b{amount}\s+antes\s+de\s+(?:la|el)\s+(?:proxima|siguiente)?\s*(?:[\w-]+\s+){{0,4}}?"
        r"(?:reunion|sesion|conferencia|grcm|crm|evento)\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        rf"\bcon\s+{amount}\s+de\s+anticipacion\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(_UNIT_WORD,),
    )
    add(
        r"\b(?:before|by|at|prior\s+to|for)\s+the\s+(?:next|upcoming|following|forthcoming)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:meeting|session)(?:\s+of\s+the\s+(?:rcgm|rcm|vice-?ministers))?\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"meeting|session",),
    )
    add(
        r"\b(?:antes\s+de|para|en)\s+la\s+(?:proxima|siguiente)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:reunion|sesion)(?:\s+del?\s+(?:grcm|crm|la\s+crm|el\s+grcm))?\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"reunion|sesion",),
    )


def _vague_candidates(add) -> None:
    no_date = lambda m, ref: None  # noqa: E731
    phrases = (  # each with a word it cannot be written without
        (r"as\s+soon\s+as\s+possible", "soon"),
        (r"at\s+the\s+earliest\s+(?:possible\s+)?(?:opportunity|convenience|date)", "earliest"),
        (r"in\s+due\s+(?:course|time)", "due"),
        (
            r"(?:on|at|for)\s+(?:a\s+)?(?:later\s+)?dates?\s+(?:yet\s+)?to\s+be\s+"
            r"(?:determined|defined|agreed(?:\s+upon)?|confirmed|set|decided|established)",
            "date",
        ),
        (r"\(?dates?\s+(?:yet\s+)?to\s+be\s+(?:confirmed|determined|defined)\)?", "date"),
        (r"\(?fechas?\s+(?:por|a)\s+(?:confirmar|definir|determinar)(?:se)?\)?", "fecha"),
        (r"lo\s+(?:antes|mas\s+pronto)\s+posible", "posible"),
        (r"a\s+la\s+(?:mayor\s+)?brevedad(?:\s+posible)?", "brevedad"),
        (r"con\s+la\s+mayor\s+brevedad(?:\s+posible)?", "brevedad"),
        (r"en\s+su\s+(?:debido\s+)?(?:momento|oportunidad)", "momento|oportunidad"),
        (r"oportunamente", "oportunamente"),
        (
            r"en\s+(?:una\s+)?fechas?\s+(?:por|a)\s+(?:definir|determinar|confirmar|acordar"
            r"|convenir)(?:se)?",
            "fecha",
        ),
    )
    for phrase, word in phrases:
        add(rf"\b{phrase}\b", "none", no_date, intrinsic=True, needs=(word,))


def _year(match: re.Match) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _numeric_date(a: int, b: int, year: int) -> dt.date | None:
    # The conference writes day/month in both languages; month/day only when day/month is
    # impossible.
    return _safe_date(year, b, a) or _safe_date(year, a, b)


def _bind(resolve, match: re.Match):
    return lambda reference: resolve(match, reference)


# --- Introducers ---------------------------------------------------------------------------------

# Words that make a date a deadline whatever the date ("by", "no later than").
_STRONG = re.compile(
    r"(?:\b(?:by|before|until|(?:no|not)\s+later\s+than|prior\s+to)\s+the\s+(?:end|close|beginning)"
    r"\s+of|\b(?:no|not)\s+later\s+than|\bby|\bbefore|\bprior\s+to|\buntil|\btill|\bup\s+to"
    r"|\b(?:at|by)\s+the\s+(?:end|close|latest)(?:\s+of)?|\b(?:at\s+)?the\s+end\s+of|\bend\s+of"
    r"|\ba\s+mas\s+tardar(?:\s+(?:el|en|a|para))?|\bantes\s+de(?:l|\s+la|\s+el)?"
    r"|\ba\s+(?:finales|fines|final)\s+de(?:l)?|\bal\s+(?:final|cierre)\s+de(?:l)?"
    r"|\b(?:antes|hasta)\s+(?:de\s+|el\s+)?(?:fin|final|finales|fines|cierre)\s+de(?:l)?"
    r"|\bhasta(?:\s+el)?|\bpara\s+(?:el|finales\s+de|fines\s+de|antes\s+de)"
    r"|\b(?:to|will|should|must|shall|would|could|may|is\s+to|are\s+to)\s+be\s+"
    r"(?:held|carried\s+out|conducted|organi[sz]ed|submitted|sent|presented|completed|delivered"
    r"|circulated|shared|distributed|launched|finali[sz]ed|implemented|developed|convened"
    r"|hosted|done|received|approved|adopted)(?:\s+(?:in|on|during|by|before|at|from|between))?"
    r"|\bse\s+(?:realizara|realizaran|celebrara|celebraran|llevara\s+a\s+cabo|efectuara"
    r"|efectuaran|enviara|enviaran|presentara|presentaran|circulara|circularan|remitira"
    r"|remitiran|compartira|compartiran|entregara|entregaran|desarrollara|desarrollaran)"
    r"(?:\s+(?:en|el|durante|para|antes\s+de|del|entre|los\s+dias))?"
    r"|\ba\s+(?:realizarse|celebrarse|efectuarse|llevarse\s+a\s+cabo|desarrollarse)"
    r"(?:\s+(?:en|el|durante|del|entre|los\s+dias))?"
    r"|\b(?:to|will|shall|should|would|must)\s+take\s+place(?:\s+(?:in|on|during|by|before))?"
    r"|\btendra(?:n)?\s+lugar(?:\s+(?:en|el|durante))?"
    r"|\bduring\s+the\s+(?:course|month)\s+of|\bdurante\s+el\s+(?:transcurso|mes)\s+de(?:l)?"
    r"|\ben\s+el\s+(?:transcurso|mes)\s+de(?:l)?|\bin\s+the\s+(?:course|month)\s+of)"
    r"(?:\s+(?:the|el|la|los))?\s*$"
)
# Words that make a date a deadline only when the date lies after the meeting ("in 2018").
_WEAK = re.compile(r"(?:\bin|\bduring|\bon|\ben|\bdurante)(?:\s+(?:the|el|la))?\s*$")
# A later "at the latest"/"a más tardar" also makes the date a deadline.
_TRAILING = re.compile(r",?\s*(?:at\s+the\s+latest|a\s+mas\s+tardar)\b")  # matched at a position
# Already held: the date describes the past, not a deadline.
_PAST = re.compile(
    r"\b(?:held|took\s+place|was|were|celebrad[oa]s?|realizad[oa]s?|llevad[oa]s?\s+a\s+cabo"
    r"|efectuad[oa]s?|tuvo\s+lugar|fue|fueron|since|desde|adopted|approved|signed|aprobad[oa]s?"
    r"|adoptad[oa]s?|firmad[oa]s?|established|created|creado|creada|founded)\b"
)
# "the report on the meetings of the Coalition in 2014": a date describing what is reported.
_REPORTED = re.compile(
    r"\b(?:reports?|informes?|reuniones|meetings|logros|achievements|avances|advances|progress"
    r"|results|resultados|actividades\s+realizadas|activities\s+carried\s+out)\b(?!.*\b(?:to|a)\s+be\b)"
)
# A task stated in the clause: its dates are deadlines even next to "reports".
_TASK = re.compile(
    r"\b(?:will|shall|should|must|to\s+be|deber\w*|(?!(?:para|primera|tercera|manera|frontera"
    r"|carrera|cualquiera|era)\b)\w{3,}(?:ara|era|ira)n?)\b"
)
_FUTURE = re.compile(
    r"\b(?:to|will|should|must|shall|would|could|may)\s+be\s+\w+|\ba\s+(?:realizarse|celebrarse"
    r"|efectuarse|llevarse)|\bse\s+\w+(?:ra|ran)\b|\bpor\s+realizar"
)


def _introduced(
    folded: str, candidate: _Candidate, content: tuple[int, int]
) -> tuple[int, bool] | None:
    """Where the deadline phrase starts and whether it needs a future date; None if the date is
    not introduced as a deadline. ``content``: where the text's words begin and end."""
    if candidate.intrinsic:
        return candidate.start, False
    window_start = max(0, candidate.start - 80)
    before = folded[window_start : candidate.start]
    clause = re.split(r"[.;:]\s", before)[-1]
    past = bool(_PAST.search(clause)) and not _FUTURE.search(clause)
    strong = _STRONG.search(before)
    if strong:
        # "held in January 2010" is not a deadline, but "before" stays one even in a past clause
        # only when it is not describing the past.
        if past and not re.search(r"later\s+than|\bby\b|\bbefore\b|tardar", strong.group()):
            return None
        return window_start + strong.start(), False
    if _TRAILING.match(folded, candidate.end):
        weak = _WEAK.search(before)
        return (window_start + weak.start() if weak else candidate.start), False
    weak = _WEAK.search(before)
    reported = _REPORTED.search(clause[-70:]) and not _TASK.search(clause)
    if weak and not past and not reported:
        return window_start + weak.start(), True
    if candidate.start <= content[0] and candidate.end >= content[1]:
        return candidate.start, False  # the whole text is the date: the caller says it is one
    if candidate.precision in ("quarter", "semester") and not past:
        # Planning periods are deadlines by nature ("the first semester of 2018"), unless past.
        return (window_start + weak.start() if weak else candidate.start), True
    return None


# "the theme of the RCM in 2015", "el lema de la CRM de 2002", "entitled …": a year in a theme
# or a title names it; it sets no deadline.
_THEME = re.compile(
    r"\b(?:(?:theme|tema|lema|motto|slogan)(?:\s+central)?\s+(?:of|de|del|for|para)"
    r"|title|titled|entitled|titulad[oa]|denominad[oa])\b[^.;:,]{0,50}$"
)
_NAME_BEFORE = re.compile(
    r"(?<![.;:])\s(?!(?:By|Before|In|On|During|Until|At|En|Para|Antes|Hasta|Durante|A|The|El|La)\s)"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+\s+$"
)


def _in_a_name(text: str, folded: str, candidate: _Candidate) -> bool:
    """A year that belongs to a name rather than to a deadline: inside quotation marks
    ("Plan de Acción 2010" in quotes), right after a capitalised name (Plan de Acción 2010,
    Strategic Plan 2019), or in a theme or a title ("the theme of the RCM in 2015")."""
    if candidate.intrinsic or candidate.precision not in ("year", "month"):
        return False
    before = text[max(0, candidate.start - 120) : candidate.start]
    clause = re.split(r"[.;:]\s", before)[-1]
    if clause.count('"') % 2 or clause.count("“") > clause.count("”"):
        return True
    if candidate.precision == "year" and _NAME_BEFORE.search(before):
        return True
    return bool(_THEME.search(fold(clause)))


def _month_only_introduced(folded: str, candidate: _Candidate, needs_future: bool) -> bool:
    """A month without day or year is a deadline only after "by", "before", "a finales de" …
    or a bare "in"/"en"/"during"; "May" alone is more often the verb than the month."""
    word = folded[candidate.start : candidate.end]
    if needs_future:
        before = folded[max(0, candidate.start - 20) : candidate.start]
        if word.endswith("may") or not re.search(r"\b(?:in|during|en|durante)\s*$", before):
            return False
    return True


def _phrase_end(folded: str, end: int) -> int:
    trailing = _TRAILING.match(folded, end)
    return trailing.end() if trailing else end


# --- Public API ----------------------------------------------------------------------------------


def resolve_deadline(text: str, meeting_last_day: dt.date | None, language: str = "en") -> Deadline:
    """Find the deadline stated in an agreement's text and resolve it (see the module's rules).

    ``language`` is accepted for symmetry with the other readers: the patterns cover English and
    Spanish at once, so mixed documents work too.
    """
    if not text:
        return Deadline()
    folded = fold(text)
    # Where the words begin and end: a date that is the whole text is a deadline.
    content = (
        len(folded) - len(folded.lstrip(" \t\n,;:-(")),
        len(folded.rstrip(" \t\n.,;:)")),
    )
    undated: Deadline | None = None
    # In text order: the first dated deadline wins, else the first without a date.
    for candidate in _non_overlapping(_candidates(folded)):
        if _in_a_name(text, folded, candidate):
            continue
        introduced = _introduced(folded, candidate, content)
        if introduced is None:
            continue
        start, needs_future = introduced
        try:
            resolved = candidate.resolve(meeting_last_day)
        except (ValueError, KeyError, OverflowError):
            resolved = None
        if needs_future and resolved and meeting_last_day and resolved < meeting_last_day:
            continue
        if candidate.month_only and not _month_only_introduced(folded, candidate, needs_future):
            continue
        if not candidate.intrinsic and needs_future and candidate.precision == "day":
            # "on 15 May" alone is a date, not a deadline, unless introduced more strongly.
            if not _IN_BEFORE.search(folded, max(0, candidate.start - 200), candidate.start):
                continue
        end = _phrase_end(folded, candidate.end)
        phrase = _clean_phrase(text[start:end])
        deadline = Deadline(resolved, phrase, candidate.precision)
        if resolved:
            return deadline
        undated = undated or deadline
    return undated or Deadline()


# Searched in a window before the date (not the whole text before it, which made a long text
# quadratic): the words between "in" and the date are never 200 characters long.
_IN_BEFORE = re.compile(r"\b(?:in|during|en|durante)\s*(?:the|el)?\s*$")


def _clean_phrase(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip(" ,;")


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidate where candidates overlap (a full date over its month-year)."""
    starts: list[int] = []  # the chosen, in text order: they do not overlap
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        # Only the chosen candidate starting last before this one ends can overlap it.
        index = bisect.bisect_left(starts, candidate.end)
        if index and chosen[index - 1].end > candidate.start:
            continue
        starts.insert(index, candidate.start)
        chosen.insert(index, candidate)
    return chosen


# --- Meeting dates -------------------------------------------------------------------------------

_RANGE_PATTERNS = (
    # November 30 – December 2, 2005
    rf"\b(?P<m1>{MONTH_ANY})\s+(?P<d1>{DAY}){_SEP}(?P<m2>{MONTH_ANY})\s+(?P<d2>{DAY}),?\s+"
    rf"(?:of\s+)?(?P<y>{YEAR})\b",
    # 30 de noviembre al 2 de diciembre de 2005
    rf"\b(?P<d1>{DAY})\s+(?:de\s+|of\s+)?(?P<m1>{MONTH_ANY}){_SEP}(?:el\s+)?(?P<d2>{DAY})\s+"
    rf"(?:de\s+|of\s+)?(?P<m2>{MONTH_ANY}),?\s+(?:de\s+|del\s+|of\s+)?(?P<y>{YEAR})\b",
    # November 18 – 19, 2013 / September 17th – 18th, 2013 / December 1, 2021
    rf"\b(?P<m1>{MONTH_ANY})\s+(?P<d1>{DAY})(?:(?:\s*,\s*{DAY})*{_SEP}(?P<d2>{DAY}))?,?\s+"
    rf"(?:of\s+)?(?P<y>{YEAR})\b",
    # 20 - 21 February, 2013 / 20 y 21 de febrero de 2013 / 1 al 3 de diciembre de 2021
    rf"\b(?P<d1>{DAY})(?:(?:\s*,\s*{DAY})*{_SEP}(?P<d2>{DAY}))?\s+(?:de\s+|of\s+)?"
    rf"(?P<m1>{MONTH_ANY}),?\s+(?:de\s+|del\s+|of\s+)?(?P<y>{YEAR})\b",
)


def find_date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The first date or range of dates written in ``text``, as (first day, last day)."""
    folded = fold(text)
    best: tuple[int, dt.date, dt.date] | None = None
    for pattern in _RANGE_PATTERNS:
        for m in re.finditer(pattern, folded):
            groups = m.groupdict()
            year = int(groups["y"])
            month1 = _month_number(groups["m1"])
            month2 = _month_number(groups["m2"]) if groups.get("m2") else month1
            start = _safe_date(year, month1, _day(groups["d1"]))
            end = _safe_date(year, month2, _day(groups["d2"])) if groups.get("d2") else start
            if start is None or end is None:
                continue
            if end < start:  # "December 30 – January 2, 2014": the range crosses the new year
                start = _safe_date(year - 1, month1, _day(groups["d1"])) or start
            if best is None or m.start() < best[0]:
                best = (m.start(), start, end)
            break
    return (best[1], best[2]) if best else None
