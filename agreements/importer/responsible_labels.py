"""Who a group label names (the country or countries whose tasks are listed under it), and which
country a host city is in."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, fold
from .gazetteer_names import CITIES


def label_countries(
    gazetteer: Gazetteer, group: str, language: str, addressed: bool = False
) -> list[str]:
    """The country a group label is the name of, alone ("Guatemala", "Honduras:"); when the
    label is the addressee of an operative phrase ("Se recomienda a los Países Miembros:"),
    whoever it names alone (a heading that names a body is no addressee)."""
    label = group.strip().rstrip(":").strip()
    to = re.match(
        r"^(?:a\s+(?:la|las|los|el)|al|a|to(?:\s+the)?)\s+(?=[A-ZÁÉÍÓÚÑ])", label, re.IGNORECASE
    )
    if to:
        # "A los Países Miembros:", "Al Grupo Regional de Consulta sobre Migración:" over the
        # recommendations addressed to them.
        label, addressed = label[to.end() :], True
    # "Países Miembros que aún no lo han hecho": the member countries, whoever among them.
    label = re.sub(r"\s+(?:que|that|which|who)\s.*$", "", label)
    mentions = gazetteer.mentions(label, language)
    if len(mentions) > 1:
        # "El Salvador and Guatemala" over their joint task: each country the label names.
        rest = label
        for start, end, _codes in reversed(mentions):
            rest = rest[:start] + " " + rest[end:]
        codes = [codes[0] for _start, _end, codes in mentions if len(codes) == 1]
        joined = not re.sub(r"[\s,;&/]+|\b(?:and|y|e|the|el|la)\b", "", rest, flags=re.I)
        countries = len(codes) == len(mentions) and all(map(gazetteer.is_country, codes))
        return codes if joined and countries else []
    if not mentions:
        return []
    start, end, codes = mentions[0]
    whole = not label[:start].strip() and not label[end:].strip(" .")
    if whole and len(codes) == 1 and gazetteer.is_country(codes[0]):
        return list(codes)
    return list(codes) if whole and addressed else []


_CITIES_LONGEST_FIRST = sorted(CITIES, key=len, reverse=True)


def city_country(place: str) -> str:
    """The country of the city a place starts with ("Panama City during …": PA)."""
    folded = fold(place).strip()
    for city in _CITIES_LONGEST_FIRST:
        if folded.startswith(city) and not folded[len(city) : len(city) + 1].isalnum():
            return CITIES[city]
    return ""
