"""Full-text search in both languages, accents folded.

The embedded PostgreSQL has no `unaccent` extension, so texts are folded with translate(),
which is immutable and can feed the generated search columns; a query is folded the same way in
Python before it is parsed. "ninos" then finds "niños", and "migracion" finds "migración",
with the English and the Spanish stemmers both.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db.models import Func, TextField, Value

ACCENTED = "áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ"
PLAIN = "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC"
_FOLD = str.maketrans(ACCENTED, PLAIN)


def fold(text: str) -> str:
    """The text without the accents PostgreSQL's Folded() takes off."""
    return text.translate(_FOLD)


class Folded(Func):
    """A text column without its accents: TRANSLATE(column, 'áé…', 'ae…')."""

    function = "TRANSLATE"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value(ACCENTED), Value(PLAIN), **extra)


def search_query(text: str) -> SearchQuery:
    """What the reader typed, read with the English and the Spanish stemmer, accents folded."""
    folded = fold(text)
    return SearchQuery(folded, config="english", search_type="websearch") | SearchQuery(
        folded, config="spanish", search_type="websearch"
    )


# The other language's word for the words people look for most, to tell a reader whose words
# match nothing, or little, that the records hold them in the other language. An aid of the
# search page written by the developers, not a record: it suggests a query and shows nothing
# as a fact. Keys are folded and lower case; several Spanish words may share one English word.
SPANISH_TO_ENGLISH = {
    "nino": "children", "ninos": "children", "ninas": "children", "ninez": "children",
    "infancia": "children", "menores": "minors", "adolescentes": "adolescents",
    "mujeres": "women", "mujer": "women", "genero": "gender", "familias": "families",
    "migrantes": "migrants", "migrante": "migrants", "migracion": "migration",
    "migraciones": "migration", "migratoria": "migration", "migratorio": "migration",
    "refugiados": "refugees", "asilo": "asylum", "desplazados": "displaced",
    "trata": "trafficking", "trafico": "smuggling", "victimas": "victims",
    "proteccion": "protection", "derechos": "rights",
    "humanos": "human", "retorno": "return", "reintegracion": "reintegration",
    "integracion": "integration", "deportacion": "deportation", "frontera": "border",
    "fronteras": "border", "fronteriza": "border", "laboral": "labour", "trabajadores": "workers",
    "trabajo": "labour", "salud": "health", "desarrollo": "development", "remesas": "remittances",
    "capacitacion": "training", "taller": "workshop", "talleres": "workshop",
    "seminario": "seminar", "seminarios": "seminar", "red": "network", "redes": "network",
    "enlace": "liaison", "desaparecidos": "missing", "presupuesto": "budget",
    "contribuciones": "contributions", "fondo": "fund", "reserva": "reserve",
    "informe": "report", "informes": "report", "accion": "action",
    "politica": "policy", "politicas": "policy", "gestion": "management",
    "cooperacion": "cooperation",
    "extracontinentales": "extra-continental", "extrarregionales": "extra-regional",
}  # fmt: skip
ENGLISH_TO_SPANISH = {
    "children": "niños", "child": "niños", "minors": "menores", "adolescents": "adolescentes",
    "women": "mujeres", "gender": "género", "families": "familias", "migrants": "migrantes",
    "migrant": "migrantes", "migration": "migración", "refugees": "refugiados",
    "asylum": "asilo", "trafficking": "trata", "smuggling": "tráfico", "victims": "víctimas",
    "protection": "protección", "rights": "derechos", "return": "retorno",
    "reintegration": "reintegración", "integration": "integración",
    "deportation": "deportación", "border": "frontera", "borders": "fronteras",
    "labour": "laboral", "labor": "laboral", "workers": "trabajadores", "health": "salud",
    "development": "desarrollo", "remittances": "remesas", "training": "capacitación",
    "workshop": "taller", "seminar": "seminario", "network": "red", "liaison": "enlace",
    "missing": "desaparecidos", "budget": "presupuesto", "report": "informe",
    "policy": "política", "management": "gestión", "cooperation": "cooperación",
}  # fmt: skip


def other_language_words(text: str) -> tuple[str, str] | None:
    """("en" or "es", the words in that language) when the text's words are known in the other
    language; the words that are not (names, numbers) stay as they are. None when no word is."""
    words = text.split()
    for language, glossary in (("en", SPANISH_TO_ENGLISH), ("es", ENGLISH_TO_SPANISH)):
        found = [glossary.get(fold(word).lower().strip(".,;:¿?¡!\"'")) for word in words]
        if any(found):
            translated = [other or word for word, other in zip(words, found, strict=True)]
            # "derechos humanos" → "rights human" reads badly: keep English word order for pairs
            # the glossary knows the other way round.
            if language == "en" and translated[-2:] == ["rights", "human"]:
                translated[-2:] = ["human", "rights"]
            result = " ".join(dict.fromkeys(translated))
            if fold(result).lower() != fold(text).lower():
                return language, result
    return None
