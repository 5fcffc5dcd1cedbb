"""What optical character recognition leaves in a scanned document's text, undone where the
reading depends on it: digits read as letters ("l3 de marzo", "1O.", "2OO6"), the first label
read as "l.", "rn" for "m" in a month's name ("rnarzo"), stray rules ("|") at line ends and a
receipt stamp over the heading. Words are otherwise left as printed ("Miernbros"): the record
keeps what the document says, and TS staff correct it in the preview."""

from __future__ import annotations

import re

from .gazetteer_fold import fold

# "l3", "3l", "1O", "2OO6": a number with letters that look like digits.
_LOOKALIKE_NUMBER = re.compile(r"\b(?=[\dlO]{2,4}\b)(?=[\dlO]*\d)(?=[\dlO]*[lO])[\dlO]{2,4}\b")
_DIGITS = str.maketrans("lO", "10")
_FIRST_LABEL = re.compile(r"(?m)^(\s*)l([.)])(?=\s+[A-ZÁÉÍÓÚÑ])")
_SECOND_LABEL = re.compile(r"(?m)^\s*2[.)]\s+[A-ZÁÉÍÓÚÑ]")
_MONTH = re.compile(r"\brn(?=(?:arzo|ayo|arch|ay)\b)", re.IGNORECASE)
# "texto |" at a line's end, "|" alone on a line: the edge of a scanned table or a crease.
_STRAY_RULE = re.compile(r"(?m)(?<=\S) +\|$|^ *\| *$")
# "RECIBIDO 15 MAR. 2006 | SECRETARIA TECNICA": the receiving office's stamp, not the record.
_STAMP = re.compile(r"(?im)^ *(?:recibido|recibida|received|entrada)\b[^\n]{0,80}\d[^\n]*$")


_LABEL = re.compile(r"(?m)^(\s*)(?=[\dlO]*\d)([\dlO]{2,3})([.)])(?=\s)")


# "4 . To urge …", "11 . To recommend …": a scan's space between a label's number and its dot.
_SPACED_LABEL = re.compile(r"(?m)^(\s*\d{1,3}) ([.)])(?=[ \t]+[A-ZÁÉÍÓÚÑ¿])")


def undo_ocr(text: str) -> str:
    """The text with its labels, months, rules and stamp read; its numbers elsewhere stay as
    printed ("3l de mayo"): the readers of dates see them through ``read_for_dates``."""
    if " ." in text or " )" in text:
        text = _SPACED_LABEL.sub(r"\1\2", text)
    if not re.search(r"\b[\dlO]*\d[lO]|\b[lO][\dlO]*\d|^\s*l[.)]\s|\brnar|\|$", text, re.M):
        return text  # nothing of the kind: most documents
    text = _LABEL.sub(lambda m: m[1] + m[2].translate(_DIGITS) + m[3], text)
    if _SECOND_LABEL.search(text):
        text = _FIRST_LABEL.sub(r"\g<1>1\2", text)
    text = _MONTH.sub("m", text)
    text = _STRAY_RULE.sub("", text)
    return _STAMP.sub("", text)


# Words of dates that a scan splits in two ("se mestre", "sep tiembre").
_DATE_WORDS = frozenset(
    """semestre trimestre enero febrero marzo abril mayo junio julio agosto septiembre setiembre
    octubre noviembre diciembre january february march april june july august september
    october november december semester quarter""".split()
)
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚáéíóú]+")


# Words of the conference's bodies that a scan splits in two ("la Secre taría Técnica").
_ACTOR_WORDS = frozenset(
    """secretaria secretariat tecnica technical ejecutiva executive presidencia presidency
    conferencia conference organizacion organization internacional international migraciones
    funcionarios proteccion protection consular guatemala honduras nicaragua panama mexico
    belice belize canada dominicana salvador""".split()
)


def join_split_words(text: str) -> str:
    """ "la Secre taría Técnica" as "la Secretaría Técnica": a body's name a scan split."""
    return _join_date_words(text, _ACTOR_WORDS)


def _join_date_words(text: str, vocabulary: frozenset[str] = _DATE_WORDS) -> str:
    words = list(_WORD.finditer(text))
    pieces, done = [], 0
    for first, second in zip(words, words[1:], strict=False):
        joined = first.group() + second.group()
        if (
            first.start() >= done
            and second.start() == first.end() + 1
            and fold(joined) in vocabulary
            and first.group().lower() not in ("de", "el", "la", "en", "y")
        ):
            pieces.append(text[done : first.start()] + joined + " ")
            done = second.end()
    return "".join(pieces) + text[done:] if pieces else text


# "el jueves 4 de junio", "on Thursday, June 4": the weekday says nothing the date does not.
_WEEKDAY = re.compile(
    r"\b(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday),?\s+(?=\d|(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b)",
    re.IGNORECASE,
)


def read_for_dates(text: str) -> str:
    """The text as the readers of dates see it: "3l de mayo" as "31 de mayo", letter for digit
    (before folding, where "1º" is no "1O"), "se mestre" as "semestre", a weekday before its
    date as spaces. Positions stay where they were: a deadline's phrase is cut from the text as
    printed."""
    text = _LOOKALIKE_NUMBER.sub(lambda m: m.group().translate(_DIGITS), text)
    text = _WEEKDAY.sub(lambda m: " " * len(m.group()), text)
    return _join_date_words(text)
