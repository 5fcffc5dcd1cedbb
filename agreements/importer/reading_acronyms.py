"""Acronyms a document defines for itself: "Red de Funcionarios de Enlace para la Protección
Consular (RPC)" in the heading, then "Responsable: RPC" under an agreement. The conference's
bodies go by many short names that no list holds; the document says which body each stands for.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer

# An acronym in brackets after the name it stands for: "Red de Protección Consular (RPC)". Only
# the brackets are searched for; the name is read in the words right before them, so that the
# cost stays linear in a long text.
_BRACKETED = re.compile(r"\s?\((?P<acronym>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑa-z-]{1,9})\)")
# An acronym is mostly capitals: "RPC", "RedTT"; not a word in brackets ("(Guatemala)").
_ACRONYM = re.compile(r"^(?=(?:[^A-ZÁÉÍÓÚÑ]*[A-ZÁÉÍÓÚÑ]){2})[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑ-]*$")
_MOST = 40  # acronyms learnt from one document


def document_acronyms(text: str, gazetteer: Gazetteer, language: str) -> dict[str, str]:
    """The acronyms ``text`` defines for a body the gazetteer knows by name and not by that
    acronym, each with the name it stands for."""
    acronyms: dict[str, str] = {}
    for match in _BRACKETED.finditer(text):
        acronym = match["acronym"]
        if acronym in acronyms or not _ACRONYM.match(acronym):
            continue
        if gazetteer.find(acronym, language):
            continue
        before = text[max(0, match.start() - 160) : match.start()].split("\n")[-1]
        mentions = gazetteer.mentions(before, language)
        if not mentions:
            continue
        start, end, codes = mentions[-1]
        # The bracket must close the name itself, not a phrase that happens to end near one.
        if end == len(before.rstrip()) and len(codes) == 1:
            acronyms[acronym] = before[start:end]
            if len(acronyms) >= _MOST:
                break
    return acronyms


def spell_out(text: str, acronyms: dict[str, str]) -> str:
    """``text`` with each acronym of the document replaced by the name it stands for."""
    for acronym, name in acronyms.items():
        if acronym in text:
            text = re.sub(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", name, text)
    return text
