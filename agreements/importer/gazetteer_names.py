"""The default gazetteer's table: how the conference's documents name countries, places and
groups (organisations and bodies are in :mod:`.gazetteer_organisations`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CITIES",
    "MEMBER_COUNTRIES",
    "NOT_ACTORS",
    "OBSERVER_COUNTRIES",
    "Alias",
    "Entry",
    "COUNTRIES",
    "GROUPS",
    "PLACES",
]

MEMBER_COUNTRIES: tuple[str, ...] = (
    "BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US",
)  # fmt: skip
OBSERVER_COUNTRIES: tuple[str, ...] = ("AR", "CO", "EC", "JM", "PE")

# The conference itself is never an actor of its own agreements.
NOT_ACTORS = frozenset({"RCM", "CRM"})


# --- Entries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alias:
    """One way of writing a name.

    ``regex`` aliases are patterns over folded text (lower case, no accents). ``language``
    restricts an alias to texts in that language. ``case_sensitive`` defaults to True for short
    acronyms written in capitals.
    """

    text: str
    regex: bool = False
    language: str | None = None
    case_sensitive: bool | None = None


@dataclass
class Entry:
    """A country (ISO alpha-2 code), an organisation or body (its conference acronym), a group
    term (``members``: the codes it stands for) or a place that blocks mentions (empty code)."""

    code: str
    kind: str
    names: tuple[str | Alias, ...] = ()
    members: tuple[str, ...] = ()


# --- Default table -------------------------------------------------------------------------------


def _r(pattern: str, language: str | None = None) -> Alias:
    return Alias(pattern, regex=True, language=language)


# Optional "the"/"la": articles are not part of names, so they need no alias of their own.
_GOVERNMENT_NOUNS = (
    r"(?:delegation|government|presentation|proposal|initiative|recommendation|request|offer)"
)
_GOBIERNO_NOUNS = (
    r"(?:delegacion|gobierno|presentacion|propuesta|iniciativa|recomendacion|solicitud"
    r"|ofrecimiento|oferta|cancilleria|autoridades|representacion)"
)


def _demonyms(english: str, spanish: str) -> tuple[Alias, Alias]:
    """ "The Guatemalan delegation", "la delegación guatemalteca": the government, not people."""
    return (
        _r(rf"\b(?:the )?(?:{english}) (?={_GOVERNMENT_NOUNS}\b)"),
        _r(rf"\b{_GOBIERNO_NOUNS} (?:{spanish})\b"),
    )


COUNTRIES: tuple[Entry, ...] = (
    Entry("BZ", "country", ("Belize", "Belice", *_demonyms("belizean", "belicen[oa]"))),
    Entry(
        "CA",
        "country",
        (
            "Canada",
            "Canadá",
            *_demonyms("canadian", "canadiense"),
        ),
    ),
    Entry("CR", "country", ("Costa Rica", *_demonyms("costa rican", "costarricense"))),
    Entry(
        "DO",
        "country",
        (
            "Dominican Republic",
            "República Dominicana",
            "Rep. Dominicana",
            *_demonyms("dominican", "dominicana|dominicano"),
        ),
    ),
    Entry("SV", "country", ("El Salvador", *_demonyms("salvadou?r[ae]?an", "salvadoren[oa]"))),
    Entry("GT", "country", ("Guatemala", *_demonyms("guatemalan", "guatemaltec[oa]"))),
    Entry("HN", "country", ("Honduras", *_demonyms("honduran", "hondure[nñ][oa]"))),
    Entry(
        "MX",
        "country",
        (
            "Mexico",
            "México",
            "Méjico",
            "United Mexican States",
            "Estados Unidos Mexicanos",
            *_demonyms("mexican", "mexican[oa]"),
        ),
    ),
    Entry("NI", "country", ("Nicaragua", *_demonyms("nicaraguan", "nicaraguense"))),
    Entry("PA", "country", ("Panama", "Panamá", *_demonyms("panamanian", "paname[nñ][oa]"))),
    Entry(
        "US",
        "country",
        (
            "United States of America",
            "United States",
            "Estados Unidos de América",
            "Estados Unidos",
            "EE.UU.",
            "EE. UU.",
            "EEUU",
            "U.S.A.",
            "U.S.",
            "USA",
            Alias(r"(?<![\w$])US(?![\w$])", regex=True, case_sensitive=True),
            *_demonyms("american|u\\.s\\.", "estadounidense|norteamericana"),
        ),
    ),
    Entry("AR", "country", ("Argentina",)),
    Entry("CO", "country", ("Colombia",)),
    Entry("EC", "country", ("Ecuador",)),
    Entry("JM", "country", ("Jamaica",)),
    Entry("PE", "country", ("Peru", "Perú")),
    Entry("CL", "country", ("Chile",)),
)

# Places whose names contain a country's name, and other look-alikes: they block the mention.
PLACES = Entry(
    "",
    "place",
    (
        "Mexico City", "Ciudad de México", "Ciudad de Mexico", "Ciudad Mexico", "New Mexico",
        "Nuevo México", "Gulf of Mexico", "Golfo de México", "Guatemala City",
        "Ciudad de Guatemala", "La Antigua Guatemala", "Antigua Guatemala", "Panama City",
        "Ciudad de Panamá", "Panama Canal", "Canal de Panamá", "Belize City", "Ciudad de Belice",
        "San Salvador", "Cartagena de Indias", "Costa Rican", "Colombian",
        # "its Technical Secretariat" in the documents is another conference's secretariat.
        _r(r"\b(?:its|su) (?:technical|executive) secretariat"),
        _r(r"\bsu secretaria (?:tecnica|ejecutiva)"),
        # "the Technical Secretariat of the Regional Coalition …": another body's secretariat.
        _r(
            r"\b(?:technical|executive) secretariat(?= of the (?!regional conference|rcm\b"
            r"|conference\b|puebla)[a-z])"
        ),
        _r(r"\bsecretaria (?:tecnica|ejecutiva)(?= de la (?!conferencia\b|crm\b)[a-z])"),
    ),
)  # fmt: skip


_MEMBERS_EN = (
    r"\b(?:(?:rcm|crm) )?member (?:countries|states|country|state)\b"
    r"(?: of the (?:rcm|regional conference on migration))?"
)
_MEMBERS_ES = (
    r"\b(?:paises|estados) miembros?\b(?: de la (?:crm|conferencia regional sobre migracion))?"
)
GROUPS: tuple[Entry, ...] = (
    Entry("", "group", (_r(_MEMBERS_EN), _r(_MEMBERS_ES)), MEMBER_COUNTRIES),
    Entry(
        "",
        "group",
        (
            _r(r"\bboth (?:liaison officers?'? )?networks\b"),
            _r(r"\b(?:ambas|las dos) redes\b"),
            # "the Liaison Officers Networks", "las Redes de Funcionarios de Enlace": both of them.
            _r(
                r"\bliaison officers?'? networks\b"
                r"(?! (?:for|on|of|to (?:combat|fight|prevent|counter))\b)"
            ),
            _r(r"\b(?:las )?(?:dos )?redes de funcionari[oa]s de enlace\b(?! (?:para|de|sobre)\b)"),
        ),
        ("LN-CP", "LN-SMTP"),
    ),
)


# The cities where the conference meets, folded, with their country: the city a heading or an
# agreement names says which country hosts.
CITIES: dict[str, str] = {
    "mexico city": "MX", "ciudad de mexico": "MX", "puebla": "MX", "tapachula": "MX",
    "cancun": "MX", "san jose": "CR", "liberia": "CR", "san salvador": "SV",
    "guatemala city": "GT", "ciudad de guatemala": "GT", "antigua guatemala": "GT",
    "la antigua guatemala": "GT", "antigua": "GT", "tegucigalpa": "HN", "san pedro sula": "HN",
    "roatan": "HN", "tela": "HN", "managua": "NI", "panama city": "PA", "ciudad de panama": "PA",
    "santo domingo": "DO", "punta cana": "DO", "belize city": "BZ", "ciudad de belice": "BZ",
    "belmopan": "BZ", "washington": "US", "washington, d.c.": "US", "washington d.c.": "US",
    "washington, dc": "US", "new orleans": "US", "miami": "US", "new york": "US",
    "ottawa": "CA", "toronto": "CA", "montreal": "CA", "vancouver": "CA", "cartagena": "CO",
    "cartagena de indias": "CO", "bogota": "CO", "quito": "EC", "lima": "PE", "kingston": "JM",
    "buenos aires": "AR", "santiago": "CL", "santiago de chile": "CL",
    "tegucigalpa, m.d.c.": "HN", "la ceiba": "HN", "comayagua": "HN", "copan": "HN",
    "copan ruinas": "HN", "granada": "NI", "leon": "NI", "panama": "PA", "colon": "PA",
    "mexico, d.f.": "MX", "mexico d.f.": "MX", "mexico": "MX", "oaxaca": "MX", "monterrey": "MX",
    "guadalajara": "MX", "cozumel": "MX", "playa del carmen": "MX", "tuxtla gutierrez": "MX",
    "villahermosa": "MX", "merida": "MX", "mazatlan": "MX", "heredia": "CR", "alajuela": "CR",
    "santa ana": "SV", "la libertad": "SV", "costa del sol": "SV", "quetzaltenango": "GT",
    "guatemala": "GT", "flores": "GT", "la romana": "DO", "santiago de los caballeros": "DO",
    "san ignacio": "BZ", "belize": "BZ", "gatineau": "CA", "new york city": "US",
}  # fmt: skip
