"""Who is who in the conference's documents: countries, organisations and bodies.

A :class:`Gazetteer` holds entries (a code, a kind and the names the documents use for it) and
finds mentions in a text. Matching is case-insensitive and accent-insensitive, except for short
acronyms, which must be written in capitals ("ES", "ST", "SE", "OIT"), so that Spanish words such
as "es" or "se" are never taken for the Executive Secretariat.

Decisions (the documents are ambiguous; these are the readings the importer takes):

* The longest name wins: "Dominican Republic" is one mention of DO, "Estados Unidos Mexicanos"
  is Mexico, "National Autonomous University of Mexico" is UNAM and not Mexico, "RCM-ES" is the
  Secretariat.
* City names are places, never actors: "Mexico City", "Ciudad de Guatemala", "Panama City",
  "San Salvador", "La Antigua Guatemala" yield nothing. A country named only as the place where
  something *was held* ("held in Tapachula, Chiapas, Mexico") is not an actor either; a country
  where something *is to be held* is (it hosts the activity).
* "RCM"/"CRM" alone is the conference itself, not an actor.
* Group terms expand: "the (RCM) Member Countries", "los Países Miembros", "each Member
  Country" (also "Member Countries that have not yet done so") mean all eleven members; "both
  Networks" means the two liaison officer networks. Observer states and organisations are not
  expanded: the documents always name the ones they mean.
* A demonym counts only where it stands for the government ("the Canadian presentation",
  "the Mexican delegation"), not for people ("Guatemalan migrants").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "MEMBER_COUNTRIES",
    "OBSERVER_COUNTRIES",
    "Alias",
    "Entry",
    "Gazetteer",
    "default_gazetteer",
    "fold",
    "detect_language",
]

MEMBER_COUNTRIES: tuple[str, ...] = (
    "BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US",
)  # fmt: skip
OBSERVER_COUNTRIES: tuple[str, ...] = ("AR", "CO", "EC", "JM", "PE")

# The conference itself is never an actor of its own agreements.
NOT_ACTORS = frozenset({"RCM", "CRM"})


# --- Folding -------------------------------------------------------------------------------------

_FOLD_EXTRA = {"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}


def _fold_char(ch: str, keep_case: bool) -> str:
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if not keep_case:
        lowered = base.lower()
        base = lowered if len(lowered) == 1 else base
    return base


class _FoldTable(dict):
    """A ``str.translate`` table filled on first use of each character."""

    def __init__(self, keep_case: bool) -> None:
        super().__init__()
        self.keep_case = keep_case

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code), self.keep_case)
        self[code] = folded
        return folded


_FOLD_LOWER = _FoldTable(keep_case=False)
_FOLD_CASE = _FoldTable(keep_case=True)


def fold(text: str, keep_case: bool = False) -> str:
    """Lower-case (unless ``keep_case``) and strip accents, keeping one character per character.

    Keeping the length lets a match found in the folded text be cut out of the original.
    """
    if text.isascii() and "`" not in text:
        return text if keep_case else text.lower()
    if len(text) <= _FOLD_CACHED_LENGTH:
        return _fold_cached(text, keep_case)
    return text.translate(_FOLD_CASE if keep_case else _FOLD_LOWER)


# An item's text is folded by each reader (action, actors, deadline…): translating it once is
# enough. Long texts are not kept, so the cache stays small (at most ~4 MB).
_FOLD_CACHED_LENGTH = 4000


@lru_cache(maxsize=512)
def _fold_cached(text: str, keep_case: bool) -> str:
    return text.translate(_FOLD_CASE if keep_case else _FOLD_LOWER)


_ES_WORDS = frozenset(
    "el la los las de del y en para con por que se una un al sobre su sus como lo".split()
)
_EN_WORDS = frozenset("the of and to in for with on by that an as its their from at be".split())


def detect_language(text: str) -> str:
    """'es' or 'en', by counting common function words."""
    words = re.findall(r"[a-záéíóúñ]+", text.lower())
    spanish = sum(1 for w in words if w in _ES_WORDS)
    english = sum(1 for w in words if w in _EN_WORDS)
    return "es" if spanish > english else "en"


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


def _acronym(text: str) -> bool:
    return len(text) <= 8 and bool(re.fullmatch(r"[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9.\-/]*", text))


def _pattern_for(name: str) -> str:
    """A regex for a plain name: spaces and dashes are flexible, accents and case are not needed."""
    tokens = re.split(r"(\s+|\s*[-–—]\s*)", fold(name.strip(), keep_case=_acronym(name.strip())))
    parts = []
    for token in tokens:
        if not token:
            continue
        if token.isspace():
            parts.append(r"[\s\-]+")
        elif token.strip() in ("-", ""):
            parts.append(r"\s*-?\s*")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


@dataclass
class _Compiled:
    code: str
    members: tuple[str, ...]
    pattern: re.Pattern
    case_sensitive: bool
    language: str | None
    needle: str = ""  # a literal every match contains: a cheap test before the regex
    triggers: frozenset[str] | None = None  # words one of which every match begins with


# --- Default table -------------------------------------------------------------------------------

_A = Alias


def _r(pattern: str, language: str | None = None) -> Alias:
    return Alias(pattern, regex=True, language=language)


# Optional "the"/"la": articles are not part of names, so they need no alias of their own.
_GOVERNMENT_NOUNS = (
    r"(?:delegation|government|presentation|proposal|initiative|recommendation|request|offer)"
)
_COUNTRIES: tuple[Entry, ...] = (
    Entry("BZ", "country", ("Belize", "Belice")),
    Entry(
        "CA",
        "country",
        (
            "Canada",
            "Canadá",
            _r(rf"\bthe canadian (?={_GOVERNMENT_NOUNS}\b)"),
            _r(r"\b(?:delegacion|gobierno|presentacion|propuesta|iniciativa) canadiense\b"),
        ),
    ),
    Entry("CR", "country", ("Costa Rica",)),
    Entry("DO", "country", ("Dominican Republic", "República Dominicana", "Rep. Dominicana")),
    Entry("SV", "country", ("El Salvador",)),
    Entry("GT", "country", ("Guatemala",)),
    Entry("HN", "country", ("Honduras",)),
    Entry(
        "MX",
        "country",
        (
            "Mexico",
            "México",
            "Méjico",
            "United Mexican States",
            "Estados Unidos Mexicanos",
            _r(rf"\bthe mexican (?={_GOVERNMENT_NOUNS}\b)"),
        ),
    ),
    Entry("NI", "country", ("Nicaragua",)),
    Entry("PA", "country", ("Panama", "Panamá")),
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
_PLACES = Entry(
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
    ),
)  # fmt: skip

_LN = r"(?:liaison officers?'?|(?:red|redes) de funcionari[oa]s de enlace)"
_SACM_NAMES = (
    r"(?:south american conference on migrations?|sacm|csm"
    r"|conferencia su[dr]americana (?:sobre|de) migraciones)"
)

_ORGANISATIONS: tuple[Entry, ...] = (
    Entry(
        "IOM",
        "organisation",
        (
            "IOM", "OIM", "International Organization for Migration",
            "International Organisation for Migration",
            "Organización Internacional para las Migraciones",
            "Organización Internacional de Migraciones",
        ),
    ),
    Entry(
        "ECLAC",
        "organisation",
        (
            "ECLAC/CELADE", "CEPAL/CELADE", "ECLAC", "CEPAL", "CELADE",
            "Economic Commission for Latin America and the Caribbean",
            "Comisión Económica para América Latina y el Caribe",
            "Latin American and Caribbean Demographic Centre",
            "Latin American and Caribbean Demographic Center",
            "Centro Latinoamericano y Caribeño de Demografía",
        ),
    ),
    Entry(
        "UNHCR",
        "organisation",
        (
            "UNHCR", "ACNUR", "United Nations High Commissioner for Refugees",
            "UN High Commissioner for Refugees", "Office of the High Commissioner for Refugees",
            "Alto Comisionado de las Naciones Unidas para los Refugiados",
        ),
    ),
    Entry(
        "IACHR",
        "organisation",
        (
            "IACHR", "CIDH", "Inter-American Commission on Human Rights",
            "Comisión Interamericana de Derechos Humanos",
        ),
    ),
    Entry(
        "SICA",
        "organisation",
        (
            "SICA", "Central American Integration System",
            "Sistema de la Integración Centroamericana", "Sistema de Integración Centroamericana",
        ),
    ),
    Entry(
        "UNSR",
        "organisation",
        (
            "UNSR",
            "Special Rapporteur",
            _r(
                r"\b(?:un |united nations )?special rapporteur (?:on|for|of) the human rights"
                r" of migrants"
            ),
            _r(
                r"\brelator(?:a)? especial (?:de (?:las )?naciones unidas )?(?:sobre|para|de)"
                r" (?:los )?derechos humanos de (?:los )?migrantes"
            ),
        ),
    ),
    Entry(
        "UNFPA",
        "organisation",
        ("UNFPA", "United Nations Population Fund", "Fondo de Población de las Naciones Unidas"),
    ),
    Entry(
        "SEGIB",
        "organisation",
        (
            "SEGIB", "Ibero-American General Secretariat", "Iberoamerican General Secretariat",
            "Secretaría General Iberoamericana",
        ),
    ),
    Entry(
        "ICRC",
        "organisation",
        (
            "ICRC", "CICR", "International Committee of the Red Cross",
            "Comité Internacional de la Cruz Roja", "Red Cross", "Cruz Roja",
        ),
    ),
    Entry(
        "ILO",
        "organisation",
        (
            "ILO", "OIT", "International Labour Organization", "International Labor Organization",
            "International Labour Organisation", "International Organization for Labour",
            "Organización Internacional del Trabajo",
        ),
    ),
    Entry(
        "UNICEF",
        "organisation",
        (
            "UNICEF", "United Nations Children's Fund",
            "Fondo de las Naciones Unidas para la Infancia",
        ),
    ),
    Entry(
        "UNDP",
        "organisation",
        (
            "UNDP", "PNUD", "United Nations Development Programme",
            "United Nations Development Program",
            "Programa de las Naciones Unidas para el Desarrollo",
        ),
    ),
    Entry(
        "UNODC",
        "organisation",
        (
            "UNODC", "ONUDD", "United Nations Office on Drugs and Crime",
            "Oficina de las Naciones Unidas contra la Droga y el Delito",
        ),
    ),
    Entry(
        "PAHO",
        "organisation",
        (
            "PAHO", "OPS", "Pan American Health Organization",
            "Organización Panamericana de la Salud",
        ),
    ),
    Entry(
        "RNCOM",
        "organisation",
        (
            "RNCOM", "RROCM", "Regional Network for Civil Organizations on Migration",
            "Regional Network of Civil Organizations on Migration",
            "Regional Network for Civil Society Organizations on Migration",
            "Red Regional de Organizaciones Civiles para las Migraciones",
            "Red Regional de Organizaciones Civiles para la Migración",
            "civil society network", "red de la sociedad civil",
            _r(r"\b(?:rncom|rrocm)(?:'s)? (?:technical|executive) secretariat"),
            _r(r"\bsecretaria (?:tecnica|ejecutiva) de la (?:rrocm|rncom)"),
        ),
    ),
    Entry(
        "SACM",
        "organisation",
        (
            "SACM", "CSM", "South American Conference on Migration",
            "South American Conference on Migrations", "Conferencia Suramericana sobre Migraciones",
            "Conferencia Sudamericana sobre Migraciones", "Conferencia Sudamericana de Migraciones",
            "Conferencia Suramericana de Migraciones",
            # Another conference's presidency and secretariat are that conference.
            _r(rf"\bpresiden(?:cy|cia) pro[\s-]*tempore (?:of the|de la) {_SACM_NAMES}"),
            _r(rf"\b(?:technical|executive) secretariat of the {_SACM_NAMES}"),
        ),
    ),
    Entry(
        "OCAM",
        "organisation",
        (
            "OCAM", "Central American Commission of Migration Directors",
            "Central American Commission of Directors of Migration",
            "Comisión Centroamericana de Directores de Migración",
        ),
    ),
    Entry(
        "UNAM",
        "organisation",
        (
            "UNAM", "National Autonomous University of Mexico",
            "Universidad Nacional Autónoma de México",
        ),
    ),
    Entry(
        "MIRPS",
        "organisation",
        (
            "MIRPS", "Comprehensive Regional Protection and Solutions Framework",
            "Marco Integral Regional para la Protección y Soluciones",
        ),
    ),
    Entry(
        "TS",
        "organisation",
        (
            "Technical Secretariat", "Executive Secretariat", "Technical Secretariats",
            "Secretaría Técnica", "Secretaría Ejecutiva", "TS", "RCM-ES", "RCM-TS", "ST-CRM",
            "SE-CRM", "CRM-ST", "CRM-SE", "Technical Support Unit",
            # Two-letter acronyms that are also Spanish or English words: capitals only, and
            # each only in its own language.
            Alias("ES", language="en", case_sensitive=True),
            Alias("ST", language="es", case_sensitive=True),
            Alias("SE", language="es", case_sensitive=True),
        ),
    ),
    Entry(
        "PPT",
        "organisation",
        (
            "PPT", "Presidency Pro-Tempore", "Presidency Pro Tempore", "Pro-Tempore Presidency",
            "Pro Tempore Presidency", "Presidencia Pro-Tempore", "Presidencia Pro Tempore",
            "Presidencia Pro-Témpore",
            # Its name until the VI RCM (2001) decided on "Presidencia Pro-Témpore".
            "Secretaría Pro-Témpore", "Secretaría Pro Tempore", "Pro-Tempore Secretariat",
            "Pro Tempore Secretariat",
        ),
    ),
    Entry(
        "RCGM",
        "organisation",
        (
            "RCGM", "GRCM", "Regional Consultation Group on Migration",
            "Regional Consultation Group", "Grupo Regional de Consulta sobre Migración",
            "Grupo Regional de Consulta sobre Migraciones", "Grupo Regional de Consulta",
        ),
    ),
    Entry(
        "VMM",
        "organisation",
        (
            "Reunión de Viceministros",
            _r(r"\bvice[\s-]*minist(?:ers?|erial(?: meetings?)?)\b"),
            _r(r"\b(?:reunion(?:es)? )?vice[\s-]*ministeriale?s?\b"),
            _r(
                r"\b(?:las |los )?vice[\s-]*ministr[oa]s"
                r"(?: y (?:las |los )?vice[\s-]*ministr[oa]s)?\b"
            ),
            _r(r"\b(?:\(as\) )?vice[\s-]*ministros\(as\)"),
        ),
    ),
    Entry(
        "LN-CP",
        "organisation",
        (
            "Consular Protection Network", "Network for Consular Protection",
            "Red de Protección Consular",
            _r(_LN + r" networks? (?:for|on) consular protection"),
            _r(
                r"\bred(?: de funcionari[oa]s de enlace)? (?:para|de|sobre) (?:la )?"
                r"proteccion consular"
            ),
        ),
    ),
    Entry(
        "LN-SMTP",
        "organisation",
        (
            "Network to Combat Migrant Smuggling and Trafficking in Persons",
            _r(
                _LN + r" networks? (?:to combat|against|for (?:the )?combat(?:ing)? (?:of )?|on"
                r"|for the prevention of)\s*(?:migrant smuggling|(?:the )?trafficking|smuggling)"
                r"[\w\s,]{0,60}?(?:persons|migrants)"
            ),
            _r(
                r"\bred(?:es)? de funcionari[oa]s de enlace (?:para|contra|de|sobre) (?:el |la )?"
                r"(?:combate (?:al|a la|del|de la) |combatir (?:el|la) |lucha contra (?:el|la) )?"
                r"(?:trafico|trata)[\w\s,]{0,70}?(?:personas|migrantes)"
            ),
        ),
    ),
    Entry(
        "LN-CHILD",
        "organisation",
        (
            _r(
                r"\b(?:liaison officers?'? )?network (?:for|on) the protection of (?:migrant )?"
                r"(?:girls|boys|children)[\w\s,]{0,50}?(?:adolescents|children|migrants)\b"
            ),
            _r(
                r"\bred (?:de funcionari[oa]s de enlace )?(?:para|de|sobre) la proteccion "
                r"(?:integral )?de (?:la )?(?:ninas|ninos|ninez)[\w\s,]{0,50}?"
                r"(?:adolescentes|migrantes)\b"
            ),
        ),
    ),
    Entry(
        "WG-LM",
        "organisation",
        (
            _r(r"\bworking group on (?:labou?r migration|labou?r mobility)"),
            _r(r"\blabou?r migration working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) (?:migracion|movilidad) laboral"),
        ),
    ),
    Entry(
        "WG-IMM",
        "organisation",
        (
            _r(
                r"\bworking group on (?:irregular and mass(?:ive)? migration"
                r"|mass(?:ive)? and irregular migration)"
            ),
            _r(
                r"\bgrupo de trabajo (?:sobre|de|en) migracion (?:irregular y masiva"
                r"|masiva e irregular)"
            ),
        ),
    ),
    Entry(
        "WG-PROT",
        "organisation",
        (
            _r(r"\bworking group on (?:international )?protection\b"),
            _r(r"\bprotection working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) proteccion\b"),
        ),
    ),
    Entry(
        "WG-BM",
        "organisation",
        (
            _r(r"\bworking group on (?:migration and )?border management"),
            _r(r"\bborder management working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) gestion (?:fronteriza|de fronteras)"),
        ),
    ),
    Entry(
        "AHG-RNCOM",
        "organisation",
        (
            _r(r"\bad[\s-]*hoc (?:working )?group (?:rcm|crm)\s*-?\s*(?:rncom|rrocm)"),
            _r(r"\bad[\s-]*hoc (?:rcm|crm)\s*-?\s*(?:rncom|rrocm) (?:working )?group"),
            _r(r"\b(?:rcm|crm)\s*-?\s*(?:rncom|rrocm) ad[\s-]*hoc (?:working )?group"),
            _r(r"\bgrupo (?:de trabajo )?ad[\s-]*hoc (?:crm|rcm)\s*-?\s*(?:rrocm|rncom)"),
        ),
    ),
    Entry(
        "AHG-EXTRA",
        "organisation",
        (
            _r(
                r"\bad[\s-]*hoc (?:working )?group[^.;:]{0,140}?extra[\s-]*"
                r"(?:continental|regional)"
            ),
            _r(
                r"\bgrupo (?:de trabajo )?ad[\s-]*hoc[^.;:]{0,140}?extra[\s-]*"
                r"(?:continental|rregional|regional)"
            ),
        ),
    ),
    Entry(
        "RCATP",
        "organisation",
        (
            _r(
                r"\bregional coalition against (?:trafficking in persons|human trafficking"
                r"|the trafficking of persons)(?: and (?:migrant )?smuggling(?: of migrants)?)?"
            ),
            _r(
                r"\bcoalicion regional contra la trata de personas"
                r"(?: y (?:el )?trafico ilicito de migrantes)?"
            ),
        ),
    ),
)  # fmt: skip

_MEMBERS_EN = (
    r"\b(?:(?:rcm|crm) )?member (?:countries|states|country|state)\b"
    r"(?: of the (?:rcm|regional conference on migration))?"
)
_MEMBERS_ES = (
    r"\b(?:paises|estados) miembros?\b(?: de la (?:crm|conferencia regional sobre migracion))?"
)
_GROUPS: tuple[Entry, ...] = (
    Entry("", "group", (_r(_MEMBERS_EN), _r(_MEMBERS_ES)), MEMBER_COUNTRIES),
    Entry(
        "",
        "group",
        (_r(r"\bboth (?:liaison officers?'? )?networks\b"), _r(r"\b(?:ambas|las dos) redes\b")),
        ("LN-CP", "LN-SMTP"),
    ),
)


# --- The gazetteer -------------------------------------------------------------------------------


@dataclass
class Gazetteer:
    """Entries and the compiled patterns that find them in a text."""

    entries: list[Entry] = field(default_factory=list)
    _compiled: list[_Compiled] | None = field(default=None, init=False, repr=False)
    _index: _TriggerIndex | None = field(default=None, init=False, repr=False)

    @classmethod
    def default(cls) -> Gazetteer:
        return cls([_copy(e) for e in (*_COUNTRIES, _PLACES, *_ORGANISATIONS, *_GROUPS)])

    @classmethod
    def from_database(cls) -> Gazetteer:
        """The default table extended with the names recorded in the database."""
        from rcm.models import Country, Organisation  # lazy: the parser must work without Django

        gazetteer = cls.default()
        extra: list[Entry] = []
        for country in Country.objects.all():
            extra.append(Entry(country.code, "country", _names(country.name_en, country.name_es)))
        for organisation in Organisation.objects.all():
            if organisation.acronym.upper() in NOT_ACTORS:
                continue
            names = _names(
                organisation.acronym,
                organisation.acronym_es,
                organisation.name_en,
                organisation.name_es,
                *(organisation.aliases or "").splitlines(),
            )
            extra.append(Entry(organisation.acronym, "organisation", names))
        gazetteer.extend(extra)
        return gazetteer

    def extend(self, entries: Iterable[Entry | tuple]) -> None:
        """Add entries; names of a code already known are added to its entry."""
        by_code = {e.code: e for e in self.entries if e.code and e.kind != "group"}
        for item in entries:
            entry = item if isinstance(item, Entry) else Entry(*item)
            if entry.code.upper() in NOT_ACTORS:
                continue
            names = tuple(n for n in entry.names if n and (isinstance(n, Alias) or n.strip()))
            known = by_code.get(entry.code)
            if known is not None:
                existing = {n if isinstance(n, Alias) else fold(n) for n in known.names}
                new = tuple(
                    n for n in names if (n if isinstance(n, Alias) else fold(n)) not in existing
                )
                known.names = known.names + new
            else:
                entry = Entry(entry.code, entry.kind, names, tuple(entry.members))
                self.entries.append(entry)
                by_code[entry.code] = entry
        self._compiled = None
        self._index = None

    def kind_of(self, code: str) -> str | None:
        for entry in self.entries:
            if entry.code == code:
                return entry.kind
        return None

    def is_country(self, code: str) -> bool:
        return self.kind_of(code) == "country"

    # --- matching ---

    def _patterns(self) -> list[_Compiled]:
        if self._compiled is None:
            compiled = []
            seen = set()  # "Mexico" and "México" are one pattern: it runs once
            for entry in self.entries:
                for name in entry.names:
                    alias = name if isinstance(name, Alias) else Alias(name)
                    if not alias.text.strip():
                        continue
                    sensitive = alias.case_sensitive
                    if sensitive is None:
                        sensitive = not alias.regex and _acronym(alias.text.strip())
                    body = alias.text if alias.regex else _pattern_for(alias.text)
                    source = rf"(?<![\w])(?:{body})(?![\w])" if not alias.regex else body
                    key = (source, sensitive, alias.language, entry.code, entry.members)
                    if key in seen:
                        continue
                    seen.add(key)
                    pattern = re.compile(source)
                    needle = (
                        _regex_needle(alias.text) if alias.regex else _needle(alias.text, sensitive)
                    )
                    triggers = (
                        _regex_triggers(alias.text) if alias.regex else _name_triggers(alias.text)
                    )
                    compiled.append(
                        _Compiled(
                            entry.code,
                            entry.members,
                            pattern,
                            sensitive,
                            alias.language,
                            needle,
                            triggers,
                        )
                    )
            self._compiled = compiled
        return self._compiled

    def _candidates(
        self, folded: str, folded_case: str
    ) -> list[tuple[_Compiled, list[int] | None]]:
        """The patterns that may match, in table order, each with the positions where one of
        its triggers opens a word (None: its triggers are unknown, search the whole text)."""
        if self._index is None:
            self._index = _TriggerIndex(self._patterns())
        return self._index.candidates(folded, folded_case)

    def mentions(
        self, text: str, language: str | None = None, expand_groups: bool = True
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """Spans of the mentions in ``text`` with the codes each stands for, in text order.

        Overlapping matches are resolved longest first; blocking places yield no codes.
        """
        if not text:
            return []
        language = language or detect_language(text)
        folded = fold(text)
        folded_case = fold(text, keep_case=True)
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for item, positions in self._candidates(folded, folded_case):
            if item.language and item.language != language:
                continue
            if not expand_groups and item.members:
                continue
            haystack = folded_case if item.case_sensitive else folded
            if item.needle and item.needle not in haystack:
                continue
            codes = item.members if item.members else ((item.code,) if item.code else ())
            for match in _matches(item.pattern, haystack, positions):
                if match.end() > match.start() and not _shouting(item, text, match):
                    found.append((match.start(), match.end(), codes))
        if not found:
            return []
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, tuple[str, ...]]] = []
        taken = bytearray(len(text) + 1)
        for start, end, codes in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, codes))
        chosen.sort()
        return [m for m in chosen if not _held_place(text, folded, m)]

    def find(self, text: str, language: str | None = None, expand_groups: bool = True) -> list[str]:
        """Codes mentioned in ``text``, in order of first mention, without duplicates."""
        codes: list[str] = []
        for _start, _end, found in self.mentions(text, language, expand_groups):
            for code in found:
                if code not in codes:
                    codes.append(code)
        return codes


# "held in La Antigua Guatemala, Guatemala on …", "celebrado en Tapachula, Chiapas, México":
# the country closes a place phrase of something already held.
_HELD_PLACE = re.compile(
    r"(?:\bheld|\btook place|\bcelebrad[oa]s?|\brealizad[oa]s?|\bllevad[oa]s? a cabo)"
    r"(?: (?:on|el|los dias)? ?[^;.]{0,40}?)? (?:in|en) (?:the city of |la ciudad de )?"
    r"(?:[^\W\d][\w'.-]*[ ,]+){0,6}$"
)


def _held_place(text: str, folded: str, mention: tuple[int, int, tuple[str, ...]]) -> bool:
    start, _end, codes = mention
    if len(codes) != 1 or len(codes[0]) != 2:
        return False
    before = folded[max(0, start - 90) : start]
    if not any(word in before for word in _HELD_WORDS):
        return False  # the words _HELD_PLACE cannot match without
    match = _HELD_PLACE.search(before)
    if not match:
        return False
    return not (_TO_BE_HELD.search(before) or _A_CELEBRARSE.search(before))


_HELD_WORDS = ("held", "took place", "celebrad", "realizad", "llevad")
_TO_BE_HELD = re.compile(r"\b(?:to|will|shall|should|would|could|may|must) be held\b")
_A_CELEBRARSE = re.compile(r"\b(?:a realizarse|a celebrarse|se (?:realizara|celebrara))")


def _shouting(item: _Compiled, text: str, match: re.Match) -> bool:
    """A two-letter acronym ("SE", "ES", "ST") inside an all-capitals line is just a word."""
    if not item.case_sensitive or match.end() - match.start() > 2 or item.members:
        return False
    around = text[max(0, match.start() - 20) : match.end() + 20]
    capitals = sum(1 for ch in around if ch.isupper())
    return capitals >= 6 and not any(ch.islower() for ch in around)


def _needle(name: str, case_sensitive: bool) -> str:
    """The first word of a plain name as the folded text writes it (spaces and dashes between
    words are flexible, so only one word is certain to appear as such)."""
    words = re.split(r"\s+|\s*[-–—]\s*", fold(name.strip(), keep_case=case_sensitive))
    return next((word for word in words if word), "")


def _regex_needle(pattern: str) -> str:
    """The longest literal text every match of a regex alias contains ("\\bvice[\\s-]*ministros"
    → "ministros"), or "" when it has none of three letters or has a top-level alternative."""
    if len(_top_level(pattern)) > 1:
        return ""
    runs, run, depth, escaped, skip_to = [], "", 0, False, ""
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif skip_to:  # inside a class [..] or a count {..}
            skip_to = "" if ch == skip_to else skip_to
        elif depth == 0 and ch.isascii() and (ch.isalnum() or ch in "' "):
            run += ch
            continue
        elif ch in "[{":
            skip_to = "]" if ch == "[" else "}"
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if run:
            runs.append(run[:-1] if ch in "?*{" else run)  # before "?", its last letter is optional
            run = ""
    runs.append(run)
    longest = max(runs, key=len)
    return longest if len(longest.strip()) >= 3 else ""


# --- The prefilter --------------------------------------------------------------------------------
#
# Running every pattern over every text made matching the bulk of an import (a few hundred
# patterns, several texts per item). Instead, each pattern knows the words one of which its
# matches begin with (its *triggers*: "costa" for "Costa Rica", "its"/"su" for
# r"\b(?:its|su) (?:technical|executive) secretariat"); one scan of the text with an alternation
# of all triggers finds the words that open a word of the text, and only their patterns (and the
# few whose first word is not known) run. A match always begins at the start of a word, so a
# trigger found there is sound: no pattern that could match is skipped. Most triggers are also
# whole words ("costa" is followed by a space in "Costa Rica"): they are not tried inside a
# longer word ("secretaria" in "secretariat").

_WORD_START = (r"\b", r"(?<![\w])", r"(?<!\w)", r"(?<![\w$])")


# A trigger: the word, and whether it is the whole of the word (nothing in \w follows it).
_Trigger = tuple[str, bool]


def _name_triggers(name: str) -> frozenset[_Trigger] | None:
    """The first word of a plain name, as its pattern writes it (see :func:`_pattern_for`)."""
    folded = fold(name.strip(), keep_case=_acronym(name.strip()))
    tokens = re.split(r"(\s+|\s*[-–—]\s*)", folded)
    word = re.match(r"\w+", tokens[0])
    if not word:
        return None
    # A space between words is "[\s\-]+", never empty; a dash is "\s*-?\s*", which may be.
    whole = word.group() != tokens[0] or len(tokens) == 1 or tokens[1].isspace()
    return frozenset({(word.group(), whole)})


def _regex_triggers(pattern: str) -> frozenset[_Trigger] | None:
    """The words a regex alias's matches begin with, or None when they cannot be told from the
    pattern (it does not open at a word start, or opens with a class or an escape)."""
    words: set[_Trigger] = set()
    for alternative in _top_level(pattern):
        start = next((p for p in _WORD_START if alternative.startswith(p)), None)
        if start is None:
            return None
        first = _first_words(alternative[len(start) :])
        if not first:
            return None
        words |= first
    return frozenset(words)


def _first_words(body: str) -> set[_Trigger] | None:
    if body.startswith("(?:"):
        close = _closing(body)
        if close is None:
            return None
        inner, rest = body[3:close], body[close + 1 :]
        quantifier = re.match(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??", rest)
        optional = (
            bool(quantifier)
            and quantifier.group()[0] in "?*{"
            and not re.match(r"\{[1-9]", quantifier.group())
        )
        rest = rest[quantifier.end() :] if quantifier else rest
        words: set[_Trigger] = set()
        for alternative in _top_level(inner):
            first = _first_words(alternative + rest)
            if not first:
                return None
            words |= first
        if optional:
            first = _first_words(rest)
            if not first:
                return None
            words |= first
        return words
    literal = re.match(r"\w+", body)
    if not literal:
        return None
    word, after = literal.group(), body[literal.end() :]
    if after[:1] in ("?", "*", "{"):
        return {(word[:-1], False)} if word[:-1] else None  # its last letter is optional
    # Whole when what follows cannot be in \w and cannot be left out: a space, "\s", "\b", "\.".
    whole = bool(re.match(r"(?: |\\[sb]|\\\W)(?![?*{])", after))
    return {(word, whole)}


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern, split at its top-level ``|``."""
    parts, depth, escaped, in_class, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _closing(body: str) -> int | None:
    """The index of the parenthesis closing the group ``body`` opens with."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(body):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


class _TriggerIndex:
    """The patterns by trigger, and one scanner per case for the triggers."""

    def __init__(self, compiled: list[_Compiled]) -> None:
        self.compiled = compiled
        self.always = [i for i, item in enumerate(compiled) if not item.triggers]
        self.by_case: list[tuple[re.Pattern | None, dict[tuple[str, bool], list[int]]]] = []
        for sensitive in (False, True):
            by_trigger: dict[_Trigger, set[int]] = {}
            for i, item in enumerate(compiled):
                if item.triggers and item.case_sensitive == sensitive:
                    for trigger in item.triggers:
                        by_trigger.setdefault(trigger, set()).add(i)
            words = {word for word, _whole in by_trigger}
            # The scanner finds the longest trigger opening each word of the text, and whether
            # the word goes on after it. The triggers that are its prefixes open the word too,
            # but only as the start of a longer word.
            implied: dict[tuple[str, bool], list[int]] = {}
            for word in words:
                for word_ends in (True, False):
                    chosen = set(by_trigger.get((word, False), ()))
                    if word_ends:
                        chosen |= by_trigger.get((word, True), set())
                    for other in words:
                        if other != word and word.startswith(other):
                            chosen |= by_trigger.get((other, False), set())
                    implied[word, word_ends] = sorted(chosen)
            scanner = re.compile(rf"\b({_trie(sorted(words))})(\w?)") if words else None
            self.by_case.append((scanner, implied))

    def candidates(self, folded: str, folded_case: str) -> list[tuple[_Compiled, list[int] | None]]:
        found: dict[int, list[int]] = {}
        for (scanner, implied), haystack in zip(self.by_case, (folded, folded_case), strict=True):
            if scanner is None:
                continue
            by_word: dict[tuple[str, bool], list[int]] = {}
            for match in scanner.finditer(haystack):
                key = (match.group(1), not match.group(2))
                by_word.setdefault(key, []).append(match.start())
            for key, starts in by_word.items():
                for i in implied[key]:
                    known = found.get(i)
                    found[i] = starts if known is None else sorted(known + starts)
        chosen: list[tuple[_Compiled, list[int] | None]] = []
        for i in sorted([*self.always, *found]):
            chosen.append((self.compiled[i], found.get(i)))
        return chosen


def _trie(words: list[str]) -> str:
    """A regex for the longest of ``words`` at a position, written as a trie ("gu(?:atemala|lf)")
    so that the engine reads each letter once instead of trying every word in turn."""
    ends = "" in words
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _trie(rest) for first, rest in sorted(by_first.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _matches(pattern: re.Pattern, haystack: str, positions: list[int] | None):
    """What ``pattern.finditer(haystack)`` yields, trying only ``positions`` when given (every
    match starts at one of them)."""
    if positions is None:
        yield from pattern.finditer(haystack)
        return
    end = 0
    for position in positions:
        if position < end:
            continue  # inside the previous match, as finditer would skip it
        match = pattern.match(haystack, position)
        if match:
            end = match.end()
            yield match


def _names(*values: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in values if v and v.strip())


def _copy(entry: Entry) -> Entry:
    return Entry(entry.code, entry.kind, tuple(entry.names), tuple(entry.members))


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """A shared gazetteer with the built-in table (built once, then reused)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer.default()
    return _DEFAULT
