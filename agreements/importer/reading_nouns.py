"""One noun shared by several demonyms: "las delegaciones hondureña y salvadoreña", "the Canadian
and U.S. delegations". The gazetteer reads a demonym as a government only beside its noun
("la delegación hondureña"), so the phrase is read as one noun per demonym."""

from __future__ import annotations

import re

_ES_SHARED = re.compile(
    r"\b(?:(?:las|los)\s+)?(?P<noun>delegaciones|gobiernos|autoridades)\s+(?P<list>[a-záéíóúñ]+(?:(?:,\s*|\s+(?:y|e)\s+)"
    r"[a-záéíóúñ]+){1,4})\b"
)
_EN_SHARED = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<list>[A-Z][\w.]*(?:,\s+[A-Z][\w.]*)*,?\s+and\s+[A-Z][\w.]*)\s+"
    r"(?P<noun>delegations|governments)\b"
)
_SINGULAR = {
    "delegaciones": "la delegación",
    "gobiernos": "el gobierno",
    "autoridades": "las autoridades",
    "delegations": "delegation",
    "governments": "government",
}


def one_noun_each(text: str) -> str:
    """The text with a shared noun given to each demonym, for reading its actors."""
    if "delegac" not in text and "gobiernos" not in text and "autoridades" not in text:
        spanish = text
    else:
        spanish = _ES_SHARED.sub(_spanish, text)
    if " delegations" not in spanish and " governments" not in spanish:
        return spanish
    return _EN_SHARED.sub(_english, spanish)


def _spanish(match: re.Match) -> str:
    noun = _SINGULAR[match["noun"]]
    adjectives = re.split(r",\s*|\s+(?:y|e)\s+", match["list"])
    return " y ".join(f"{noun} {adjective}" for adjective in adjectives)


def _english(match: re.Match) -> str:
    noun = _SINGULAR[match["noun"]]
    names = [name for name in re.split(r",\s+|,?\s+and\s+", match["list"]) if name]
    return " and ".join(f"the {name} {noun}" for name in names)
