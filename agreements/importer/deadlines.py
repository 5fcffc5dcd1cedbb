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

When an item states several deadlines, the latest of those said "by", "before", "within" … wins
(an intermediate step and the final one: the item is done at the final one); failing that, the
first said only "in"; failing that, the first phrase without a date. A table's deadline column or
the item's own "Timeline:"/"Plazo:" field wins over the dates in its words.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from .deadlines_phrases import _Candidate, _candidates
from .deadlines_vocabulary import _SEP, DAY, MONTH_ANY, YEAR, _day, _month_number, _safe_date
from .gazetteer import fold
from .obligations import meeting_deadline
from .reading_ocr import read_for_dates

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


# --- Introducers ---------------------------------------------------------------------------------

# Words that make a date a deadline whatever the date ("by", "no later than").
_STRONG = re.compile(
    r"(?:\b(?:by|before|until|(?:no|not)\s+later\s+than|prior\s+to)\s+the\s+(?:end|close|beginning)"
    r"\s+of|\b(?:no|not)\s+later\s+than|\bby|\bbefore|\bprior\s+to|\buntil|\btill|\bup\s+to"
    r"|\b(?:at|by)\s+the\s+(?:end|close|latest)(?:\s+of)?|\b(?:at\s+)?the\s+end\s+of|\bend\s+of"
    r"|\ba\s+mas\s+tardar(?:\s+(?:el|en|a|para))?|\bantes\s+de(?:l|\s+la|\s+el)?"
    r"|\ba\s+(?:finales|fines|final)\s+de(?:l)?|\bal\s+(?:final|cierre)\s+de(?:l)?"
    r"|\b(?:antes|hasta)\s+(?:de\s+|el\s+)?(?:fin|final|finales|fines|cierre)\s+de(?:l)?"
    r"|\bantes\s+de\s+(?:que\s+)?(?:finalizar|finalice|terminar|termine|concluir|concluya"
    r"|cerrar|cierre|acabar|acabe)(?:\s+(?:el|del)\s+ano)?"
    r"|\bhasta(?:\s+el)?|\bpara\s+(?:el|finales\s+de|fines\s+de|antes\s+de)"
    r"|\b(?:plazo|deadline|fecha(?:\s+limite)?|due\s+date|date|timeline|time\s*frame)\s*:"
    # "con fecha límite el 30 de noviembre", "siendo la fecha de entrega el 31 de enero".
    r"|\bcon\s+fecha\s+limite(?:\s+(?:el|del|al))?|\bfecha\s+(?:de\s+entrega|limite)(?:\s+(?:el|del))?"
    r"|\b(?:to|will|should|must|shall|would|could|may|is\s+to|are\s+to)\s+be\s+"
    r"(?:held|carried\s+out|conducted|organi[sz]ed|submitted|sent|presented|completed|delivered"
    r"|circulated|shared|distributed|launched|finali[sz]ed|implemented|developed|convened"
    r"|hosted|done|received|approved|adopted)(?:\s+(?:in|on|during|by|before|at|from|between))?"
    r"|\bse\s+(?:realizara|realizaran|celebrara|celebraran|llevara\s+a\s+cabo|efectuara"
    r"|efectuaran|enviara|enviaran|presentara|presentaran|circulara|circularan|remitira"
    r"|remitiran|compartira|compartiran|entregara|entregaran|desarrollara|desarrollaran)"
    # "que se realizará en San Salvador los días 14 y 15 de septiembre": the place between.
    r"(?:\s+en\s+(?:la\s+ciudad\s+de\s+)?[a-z]+(?:\s+[a-z]+){0,2},?(?=\s+(?:el|los\s+dias|del|entre)\b))?"
    r"(?:\s+(?:en|el|durante|para|antes\s+de|del|entre|los\s+dias))?"
    r"|\ba\s+(?:realizarse|celebrarse|efectuarse|llevarse\s+a\s+cabo|desarrollarse)"
    r"(?:\s+(?:en|el|durante|del|entre|los\s+dias))?"
    r"|\b(?:to|will|shall|should|would|must)\s+take\s+place(?:\s+(?:in|on|during|by|before))?"
    r"|\btendra(?:n)?\s+lugar(?:\s+(?:en|el|durante))?"
    # "en el transcurso del mes de octubre de 2016", "during the course of the month of …".
    r"|\bduring\s+the\s+(?:course|month)\s+of(?:\s+the\s+month\s+of)?"
    r"|\b(?:durante|en)\s+el\s+(?:transcurso\s+del?(?:\s+mes\s+de)?|mes\s+de(?:l)?)"
    r"|\bin\s+the\s+(?:course|month)\s+of(?:\s+the\s+month\s+of)?)"
    r"(?:\s+(?:the|el|la|los))?\s*$"
)
# Words that make a date a deadline only when the date lies after the meeting ("in 2018").
# "in", "en el año", "en el transcurso del mes de", "in the course of": a date's plain introducers.
_IN = (
    r"(?:\bin|\bduring|\ben|\bdurante)(?:\s+el\s+transcurso\s+del?|\s+the\s+course\s+of)?"
    r"(?:\s+(?:el|the)\s+month\s+of|\s+(?:el\s+)?mes\s+de|\s+the\s+month\s+of)?"
    # "en su reunión de noviembre de 2017", "at its meeting in November 2017".
    r"|\ben\s+su\s+(?:proxima\s+)?reunion\s+de|\bat\s+its\s+(?:next\s+)?meeting\s+(?:in|of)"
    # "Fecha: reunión del GRCM de noviembre de 2016", "at the RCGM meeting of November 2016".
    r"|\breunion\s+(?:del?\s+(?:la\s+|el\s+)?[a-z]{2,12}\s+)?de|\b(?:rcgm|rcm|network)\s+meeting"
    r"\s+(?:in|of)"
)
_WEAK = re.compile(rf"(?:{_IN}|\bon)(?:\s+(?:the|el|la))?(?:\s+(?:year|ano))?\s*$")
# A later "at the latest"/"a más tardar" also makes the date a deadline.
_TRAILING = re.compile(r",?\s*(?:at\s+the\s+latest|a\s+mas\s+tardar)\b")  # matched at a position
# "… para 2012, a más tardar el primer trimestre de 2012": the later date is the deadline.
_TRAILING_NEXT = re.compile(
    r",?\s*(?:at\s+the\s+latest|a\s+mas\s+tardar)\s+(?:el|la|en|para|on|by|in|the|\d)"
)
# A period's end or start named with its own word ("finales de 2007"), after a preposition.
_ENDPOINT = re.compile(
    r"(?:finales|fines|final|fin|cierre|principios|inicios|comienzos|mediados)\b"
)
_ENDPOINT_BEFORE = re.compile(r"\b(?:a|al|hacia|para|antes\s+de|hasta)\s*$")
_CELL_BEFORE = re.compile(r"\t[ ]*$")
_CELL_AFTER = re.compile(r"[ .;]*(?:\t|$)")
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
    # "… e informe al GRCM en noviembre", "the report to the RCGM in November": delivered to
    # someone, so the date is when.
    r"(?!\s+(?:al|a\s+la|a\s+los|a\s+las|to\s+the)\b)"
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
    if _CELL_BEFORE.search(
        folded, max(0, candidate.start - 4), candidate.start
    ) and _CELL_AFTER.match(folded, candidate.end):
        # A date alone in a table's cell ("… Secretaría Técnica<tab>30 de junio de 2010"): the
        # column of deadlines, as a table copied from Word keeps it.
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
    endpoint = _ENDPOINT.match(folded, candidate.start) and _ENDPOINT_BEFORE.search(before)
    if endpoint and not past:
        # "a finales de 2007", "a principios de 2008": the phrase names the period's end.
        return window_start + endpoint.start(), False
    if _TRAILING.match(folded, candidate.end) and not _TRAILING_NEXT.match(folded, candidate.end):
        weak = _WEAK.search(before)
        return (window_start + weak.start() if weak else candidate.start), False
    weak = _WEAK.search(before)
    reported = _REPORTED.search(clause[-70:]) and not _TASK.search(clause)
    if weak and not past and not reported:
        return window_start + weak.start(), True
    if candidate.start <= content[0] and candidate.end >= content[1]:
        return candidate.start, False  # the whole text is the date: the caller says it is one
    if candidate.precision in ("quarter", "semester") and not past and not reported:
        # Planning periods are deadlines by nature ("the first semester of 2018"), unless past.
        return (window_start + weak.start() if weak else candidate.start), True
    return None


# "the theme of the RCM in 2015", "el lema de la CRM de 2002", "entitled …": a year in a theme
# or a title names it; it sets no deadline.
_THEME = re.compile(
    r"\b(?:(?:theme|tema|lema|motto|slogan)(?:\s+central)?(?:\s*[\"“][^\"”]{0,100}[\"”])?"
    r"\s+(?:of|de|del|for|para)"
    r"|title|titled|entitled|titulad[oa]|denominad[oa])\b[^.;:,]{0,50}$"
)
# "to hold the Presidency Pro Tempore in 2004": the year of a term of office, not a deadline.
_TERM = re.compile(
    r"\b(?:presidency\s+pro[\s-]*tempore|pro[\s-]*tempore\s+presidency|presidencia\s+pro"
    r"[\s-]*tempore|ppt)\s+(?:(?:of\s+the|de\s+la)\s+(?:rcm|crm|regional\s+conference\s+on\s+"
    r"migration|conferencia\s+regional\s+sobre\s+migracion|conference|conferencia)\s+)?"
    r"(?:(?:in|for|during|en|para|durante|de|del)\s+)?(?:(?:the|el)\s+)?(?:(?:year|ano)\s+)?$"
)
# "the theme of the XXI RCM, to be held in 2016", "la XV CRM, a celebrarse en 2010", "the IV RCM,
# to be held in San Salvador in January 2000": the date of a numbered meeting of the conference
# names that meeting; it is no deadline unless a word of limit comes between ("before", "a más
# tardar"). "The next meeting of the Network will be held in November 2016" stays a deadline: the
# activity the item plans; so does the date of a meeting the item has someone host ("the offer of
# Panama to host the XII RCM in 2007").
_NAMED_MEETING = re.compile(
    r"(?P<host>\b(?:host|hold|organi[sz]e|albergar|celebrar|realizar|organizar|sede\s+de)"
    r"\s+(?:the\s+|la\s+|el\s+)?)?\b(?:[ivxl]{1,7}\s+(?:rcm|crm|reunion\s+vice-?ministerial|vice-?ministerial\s+meeting"
    r"|conferencia\s+regional|regional\s+conference)|(?:reunion\s+vice-?ministerial"
    r"|vice-?ministerial\s+meeting)\s+[ivxl]{1,7})\b(?P<between>[^.;:]{0,80})$"
)
# "el presupuesto de la Secretaría Técnica para el 2012", "the work plan for 2019": the year
# the budget or plan covers, not a deadline.
_PERIOD_COVERED = re.compile(
    r"\b(?:presupuesto|calendario|plan|programa|agenda|budget|calendar|programme|program"
    r"|actividades|activities|contribuciones|contributions|cuotas|escala|scale)\b[^.;:]{0,60}?"
    r"\b(?:para|for)\s+(?:el\s+|the\s+)?(?:(?:ano|year)\s+)?$"
)
_LIMIT_WORD = re.compile(r"\b(?:by|before|until|later\s+than|tardar|antes|hasta|prior)\b")
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
    # In a text all in capitals (an old fax) every word looks like a name.
    letters = [ch for ch in before[-60:] if ch.isalpha()]
    shouting = len(letters) >= 6 and all(ch.isupper() for ch in letters)
    if candidate.precision == "year" and not shouting and _NAME_BEFORE.search(before):
        return True
    folded_clause = fold(clause)
    if candidate.precision == "year" and _PERIOD_COVERED.search(folded_clause):
        return True
    meeting = _NAMED_MEETING.search(folded_clause)
    if meeting and not meeting["host"] and not _LIMIT_WORD.search(meeting["between"]):
        return True
    return bool(_THEME.search(folded_clause) or _TERM.search(fold(before[-100:])))


def _month_only_introduced(folded: str, candidate: _Candidate, needs_future: bool) -> bool:
    """A month without day or year is a deadline only after "by", "before", "a finales de" …
    or a bare "in"/"en"/"during"; "May" alone is more often the verb than the month."""
    word = folded[candidate.start : candidate.end]
    if needs_future:
        before = folded[max(0, candidate.start - 20) : candidate.start]
        before = folded[max(0, candidate.start - 40) : candidate.start]
        if word.endswith("may") or not re.search(rf"{_IN}\s*$", before):
            return False
    return True


_ACTION_WHEN = re.compile(r"(?:^|\n)\s*ACTION\s*:[^\n–—]*[–—]\s*(?P<when>[^\n]{3,80})$")
_DEADLINE_CELL = re.compile(
    r"(?:\s—\s+|[.;]\s+|\n\s*)(?:time\s*frame|timeline|deadline|plazo|fecha(?:\s+l[ií]mite)?"
    r"|target\s+date|cronograma|dates?|due(?:\s+date)?)[^:—.]{0,20}:",
    re.IGNORECASE,
)
_NONE_STATED = re.compile(
    r"^(?:n/?a|not\s+applicable|no\s+aplica|permanent|permanente|ongoing|continuo|continuous"
    r"|[—–-])\s*\.?$"
)


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
    action = _ACTION_WHEN.search(text)
    if action:
        # "ACTION: Honduras (Chair) – 12 November 2019": when, after the owner.
        found = resolve_deadline(f"Plazo: {action['when']}", meeting_last_day, language)
        if found.phrase:
            return replace(found, phrase=_clean_phrase(action["when"]))
    cell = _DEADLINE_CELL.search(text)
    if cell and cell.start() > 0:
        # A table's deadline column or the item's own field ("… in 2012, a virtual exchange … —
        # Timeframe: Before the next RCGM meeting", "… for the second semester of 2014 …
        # Timeline: July 31, 2014.") says when, whatever the agreement's words mention.
        value = text[cell.end() :].strip()
        if _NONE_STATED.match(fold(value)):
            return Deadline()  # "Timeline: N/A.", "Plazo: permanente"
        found = resolve_deadline(
            text[cell.start() + 1 :].lstrip(" —.;"), meeting_last_day, language
        )
        dates = find_date_range(value) if found.date is None else None
        if dates and (meeting_last_day is None or dates[1] >= meeting_last_day):
            # "Timeline: XIX RCM, Managua, June 26–27, 2014": the meeting's last day.
            return Deadline(dates[1], _clean_phrase(value), "day")
        aside = re.search(r"\(([^()]{3,40})\)", value) if found.date is None else None
        if aside:
            # "Date: Before the RCGM (Nov. 2011)": the month the cell gives in brackets.
            dated = resolve_deadline(f"by {aside[1]}", meeting_last_day, language)
            if dated.date:
                return Deadline(dated.date, _clean_phrase(value), dated.precision)
        if found.phrase:
            return found
    folded = fold(read_for_dates(text))
    # Where the words begin and end: a date that is the whole text is a deadline.
    content = (
        len(folded) - len(folded.lstrip(" \t\n,;:-(")),
        len(folded.rstrip(" \t\n.,;:)")),
    )
    undated: Deadline | None = None
    weak: Deadline | None = None
    strong: Deadline | None = None
    # The latest strongly introduced date, else the first weak one, else the first undated.
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
        precision = candidate.precision
        if not resolved and meeting_deadline(phrase):
            # "At the next meeting of the RCGM": that meeting's day once it is recorded.
            precision = "meeting"
        deadline = Deadline(resolved, phrase, precision)
        if resolved and not needs_future:
            strong = strong if strong and strong.date >= resolved else deadline
            continue
        if resolved:
            # "Tomar nota de la propuesta de realizar en 2018 un taller … antes del 28 de
            # febrero de 2018": a date said only "in" yields to one said "before" or "by".
            weak = weak or deadline
            continue
        undated = undated or deadline
    return strong or weak or undated or Deadline()


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
    rf"(?:of\s+|de\s+|del\s+)?(?P<y>{YEAR})\b",
    # 20 - 21 February, 2013 / 20 y 21 de febrero de 2013 / 1 al 3 de diciembre de 2021
    rf"\b(?P<d1>{DAY})(?:(?:\s*,\s*{DAY})*{_SEP}(?P<d2>{DAY}))?\s+(?:de\s+|of\s+)?"
    rf"(?P<m1>{MONTH_ANY}),?\s+(?:de\s+|del\s+|of\s+)?(?P<y>{YEAR})\b",
)


def find_date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The first date or range of dates written in ``text``, as (first day, last day)."""
    folded = fold(read_for_dates(text))
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
