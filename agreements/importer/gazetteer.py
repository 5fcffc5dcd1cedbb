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
from collections.abc import Iterable
from dataclasses import dataclass, field

from .gazetteer_fold import detect_language, fold
from .gazetteer_index import (
    _acronym,
    _Compiled,
    _matches,
    _name_triggers,
    _needle,
    _pattern_for,
    _regex_needle,
    _regex_triggers,
    _TriggerIndex,
)
from .gazetteer_names import (
    COUNTRIES,
    GROUPS,
    MEMBER_COUNTRIES,
    NOT_ACTORS,
    OBSERVER_COUNTRIES,
    PLACES,
    Alias,
    Entry,
)
from .gazetteer_organisations import ORGANISATIONS

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


# --- The gazetteer -------------------------------------------------------------------------------


@dataclass
class Gazetteer:
    """Entries and the compiled patterns that find them in a text."""

    entries: list[Entry] = field(default_factory=list)
    _compiled: list[_Compiled] | None = field(default=None, init=False, repr=False)
    _index: _TriggerIndex | None = field(default=None, init=False, repr=False)

    @classmethod
    def default(cls) -> Gazetteer:
        return cls([_copy(e) for e in (*COUNTRIES, PLACES, *ORGANISATIONS, *GROUPS)])

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
        self._recent: dict[tuple[str, str | None, bool], list] = {}

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
        # Each reader of an item (actors, responsible, anaphora, unknown names) asks about the
        # same text: the last few answers are kept, so that an item is scanned once.
        key = (text, language, expand_groups)
        recent = self.__dict__.setdefault("_recent", {})
        if key in recent:
            return list(recent[key])
        found = self._mentions(text, language, expand_groups)
        if len(recent) >= 32:
            recent.pop(next(iter(recent)))
        recent[key] = found
        return list(found)

    def _mentions(
        self, text: str, language: str | None, expand_groups: bool
    ) -> list[tuple[int, int, tuple[str, ...]]]:
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
