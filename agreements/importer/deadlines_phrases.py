"""Every phrase of a text that may state a deadline, each with how it resolves to a date (the
rules are in :mod:`.deadlines`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .deadlines_vague import _action_item_candidates, _vague_candidates
from .deadlines_vocabulary import (
    _MEETING_ORDINAL_EN,
    _MEETING_ORDINAL_ES,
    _MONTH_ABBREVIATIONS,
    _MONTHS,
    _OF_YEAR,
    _ORD,
    _ORDINALS,
    _SEP,
    DAY,
    MONTH_ANY,
    MONTH_FULL,
    NUMBER,
    UNIT,
    YEAR,
    _alternation,
    _day,
    _last_day,
    _month_number,
    _next_year_period,
    _number,
    _numeric_date,
    _period_end,
    _safe_date,
    _year,
)
from .deadlines_words import _month_part_candidates, _word_date_candidates

# --- Candidates ----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    precision: str
    resolve: object  # callable(reference: date | None) -> date | None
    intrinsic: bool = False  # the pattern itself says "deadline" (within…, as soon as possible)
    month_only: bool = False


def _next_occurrence(month: int, day: int | None, reference: dt.date | None) -> dt.date | None:
    """The first given day (or month end) on or after the reference date."""
    if reference is None:
        return None
    for year in (reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day) if day else _last_day(year, month)
        if candidate and candidate >= reference:
            return candidate
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
    passed: dict[_Gate, bool] = {}  # each gate is tested once per text, inline: this runs per item
    for pattern, precision, resolve, intrinsic, month_only, gates in _SPECS:
        opened = True
        for gate in gates:
            result = passed.get(gate)
            if result is None:
                if isinstance(gate, tuple):
                    result = any(word in folded for word in gate)
                else:
                    result = gate.search(folded) is not None
                passed[gate] = result
            if not result:
                opened = False
                break
        if not opened:
            continue
        for m in pattern.finditer(folded):
            found.append(
                _Candidate(m.start(), m.end(), precision, _bind(resolve, m), intrinsic, month_only)
            )
    return found


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
    # "15.05.2020", "15-05-2020": day, month and a year of four digits.
    add(
        r"\b(?P<a>\d{1,2})[.-](?P<b>\d{1,2})[.-](?P<year>(?:19|20)\d{2})\b",
        "day",
        lambda m, ref: _numeric_date(int(m["a"]), int(m["b"]), int(m["year"])),
        needs=(r"\d[.-]\d",),
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
    # A range of months: "Mayo-junio 2020", "May to June 2020": the end of the last one.
    add(
        rf"\b(?P<first>{MONTH_FULL})\s*(?:[-–]|\s(?:a|to|y|and)\s)\s*(?P<month>{MONTH_FULL}),?\s+"
        rf"(?:of\s+|de\s+|del\s+)?(?:ano\s+)?(?P<year>{YEAR})\b",
        "month",
        lambda m, ref: _last_day(int(m["year"]), _month_number(m["month"])),
        needs=(_MONTH_WORD, _YEAR_DIGITS),
        first=_MONTH_INITIALS,
    )
    # Month and year.
    add(
        rf"\b(?P<month>{MONTH_ANY}),?\s+(?:of\s+|de\s+|del\s+)?(?:ano\s+)?(?P<year>{YEAR})\b",
        "month",
        lambda m, ref: _last_day(int(m["year"]), _month_number(m["month"])),
        needs=(_MONTH_WORD, _YEAR_DIGITS),
        first=_MONTH_INITIALS,
    )
    # "En el primer trimestre del próximo año", "in the second half of next year".
    add(
        rf"\b(?:the\s+|el\s+|la\s+)?(?P<ord>{_ORD})\s+(?P<unit>quarter|trimestre|semester|semestre"
        r"|half|mitad)\s+(?:del|of\s+the|of|de\s+el)\s+(?:proximo|siguiente|next|following)\s+"
        r"(?:ano|year)\b",
        "quarter",
        lambda m, ref: _next_year_period(m, ref),
        needs=(r"proximo|siguiente|next|following",),
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
        r"\s+de(?:l)?\s+(?:presente\s+)?ano)\b"
        # "antes de finalizar el año", "antes de que finalice el presente año"
        r"|\bantes\s+de\s+(?:que\s+)?(?:finalizar|finalice|terminar|termine|concluir|concluya)"
        r"\s+(?:el|este)\s+(?:presente\s+)?ano\b",
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
        rf"\b(?:(?:no|not)\s+later\s+than\s+|at\s+least\s+)?{amount}\s+(?:before|prior\s+to|ahead\s+of"
        rf"|in\s+advance\s+of)\s+{event}\b",
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
        # "include … in the agenda of its next virtual meeting": due at that meeting.
        r"\b(?:before|by|at|prior\s+to|for|(?:agenda|programme|program)\s+of)\s+(?:the|its|their)\s+"
        r"(?:next|upcoming|following|forthcoming)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:meeting|session)(?:\s+of\s+the\s+(?:rcgm|rcm|vice-?ministers"
        r"|network|(?:working\s+|ad[\s-]hoc\s+)?group))?\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"meeting|session",),
    )
    # A body's next meeting named by its acronym alone: "at the next RCGM", "en la próxima CRM".
    add(
        r"\b(?:before|by|at|prior\s+to|for|to)\s+the\s+(?:next|upcoming|following|forthcoming)\s+"
        r"(?:rcgm|rcm|vice-?ministerial\s+meeting)\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"rcgm|rcm|vice",),
    )
    _action_item_candidates(add)
    _word_date_candidates(add)
    _month_part_candidates(add)
    # The end of a Presidency Pro Tempore: "antes del cierre de la presente PPT".
    add(
        r"\b(?:(?:antes\s+del?|before\s+the|by\s+the|al|at\s+the)\s+(?:cierre|fin|final|termino|end"
        r"|close)\s+(?:de\s+la|of\s+the)|antes\s+de\s+(?:finalizar|concluir|terminar)\s+la)"
        r"\s+(?:presente|actual|current|present)\s+(?:ppt|presidencia(?:\s+pro"
        r"\s+tempore)?|(?:pro\s+tempore\s+)?presidency)\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"ppt|presiden",),
    )
    # A meeting named by its number: "before the XXI Regional Conference on Migration", "before
    # the Thirteenth Vice-Ministerial Meeting", "antes de la Décima Tercera Reunión
    # Viceministerial".
    add(
        rf"\b(?:before|prior\s+to)\s+the\s+(?:[xvil]{{1,7}}|{_MEETING_ORDINAL_EN})\s+"
        r"(?:regional\s+conference\s+on\s+migration|rcm|vice-?ministerial\s+meeting"
        r"|meeting\s+of\s+the\s+(?:rcgm|vice-?ministers))\b"
        rf"|\bantes\s+de\s+la\s+(?:[xvil]{{1,7}}|{_MEETING_ORDINAL_ES})\s+(?:conferencia\s+"
        r"regional\s+sobre\s+migracion|crm|reunion\s+viceministerial|reunion\s+del\s+grcm)\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"conference|rcm|vice|conferencia|crm|viceministerial",),
    )
    add(
        r"\b(?:antes\s+de|para|en|a)\s+(?:la|el)\s+(?:proxima|proximo|siguiente)\s+(?:grcm|crm)\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"grcm|crm",),
    )
    add(
        r"\b(?:antes\s+de|para|en|(?:agenda|orden\s+del\s+dia|programa)\s+de)\s+(?:la|su)\s+"
        r"(?:proxima|siguiente)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:reunion|sesion)(?:\s+conjunta)?(?:\s+viceministerial|\s+del?\s+(?:grcm|crm|la\s+crm|el\s+grcm"
        # "de la Red de Protección Consular", "conjunta de las Redes": the network by its name.
        r"|(?:la\s+|las\s+)?red(?:es)?(?:\s+de\s+(?:proteccion\s+consular|funcionarios\s+de\s+enlace"
        r"(?:\s+(?:para|en)\s+(?:la\s+)?proteccion\s+consular)?))?|grupo|el\s+grupo))?\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"reunion|sesion",),
    )
    # A table's or a field's deadline that is a meeting: "Plazo: próxima reunión de la Red",
    # "Deadline: next meeting of the RCGM".
    add(
        r"\b(?:plazo|fecha(?:\s+limite)?|deadline|timeline|due\s+date|date)\s*:\s*(?:la\s+|su\s+|the\s+"
        r"|its\s+)?(?:proxima|siguiente|next|following|upcoming)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:reunion|sesion|meeting|session)(?:\s+(?:del?|of)\s+(?:the\s+|la\s+|el\s+)?(?:grcm|crm"
        r"|rcgm|rcm|red|network|grupo|group|vice-?ministers))?\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"reunion|sesion|meeting|session",),
    )


def _bind(resolve, match: re.Match):
    return lambda reference: resolve(match, reference)
