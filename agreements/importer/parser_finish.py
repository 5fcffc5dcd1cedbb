"""Finishing the built items: action, actors, responsible, deadline and warnings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from .actions import _opening, _verb_action, classify_action, opening_is_known
from .actions_lexicon import resolve_anaphora
from .actions_verbs import _NOMINAL
from .deadlines import resolve_deadline
from .gazetteer import MEMBER_COUNTRIES, Gazetteer, fold
from .parser_fields import RECOMMENDED_THAT
from .parser_item_text import _OBJECTIVE_CELL, _STATUS_CELL, _item_text, _lead_in, _without_cell
from .parser_tree import _Node
from .parser_unnumbered import _BODY_DECIDED
from .reading_acronyms import spell_out
from .reading_nouns import one_noun_each
from .reading_ocr import join_split_words
from .reading_phases import Phase, period_end, phase_period
from .responsible import (
    _SUPPORTED_BY,
    OWNER_BRACKET_PATTERN,
    responsible,
    trailing_parenthesis,
)
from .responsible_labels import label_countries
from .schema import ParsedAgreement

# --- Finishing the agreements --------------------------------------------------------------------

# Each slot opens with a lookahead naming the letters a match can begin with, or comes with
# words it cannot match without: either lets most texts skip it at once.
_SLOTS_EN = (
    r"(?=[AaCcEeIiRrTtUu])"
    r"\b(?:[Tt]hank|[Cc]ongratulate|[Rr]ecogni[sz]e|[Uu]rge|[Ee]ncourage|[Rr]equest|[Ii]nvite"
    r"|[Cc]all\s+(?:up)?on|[Aa]sk)\s+(?:and\s+\w+\s+)?(?:the\s+)?(?P<name>{NAME})",
    r"(?=[pioru])"
    r"\b(?:proposals?|presentations?|invitation|offers?|initiative|recommendations?|requests?"
    r"|reports?|updates?)\s+(?:made\s+|presented\s+|submitted\s+)?(?:by|from)\s+(?:the\s+)?"
    r"(?P<name>{NAME})",
    r"(?:^|[.;]\s+|·\s*)(?:The\s+)?(?P<subject>{NAME})\s+(?:will|shall|committed|offered)\b",
    r"\bwith\s+(?:the\s+)?support\s+(?:of|from)\s+(?P<list>[^.;]+)",
    r"\b(?:co-?sponsored|hosted|organi[sz]ed|given)\s+by\s+(?:the\s+)?(?P<list>[^.;]+)",
)
_SLOTS_ES = (
    r"(?=[AaEeFfIiRrSs])"
    r"\b(?:[Aa]gradecer|[Ff]elicitar|[Rr]econocer|[Ii]nstar|[Ss]olicitar|[Ii]nvitar|[Ee]xhortar)"
    r"\s+a(?:l)?\s+(?:la\s+|el\s+|los\s+|las\s+)?(?P<name>{NAME})",
    r"(?=[pio])"
    r"\b(?:propuestas?|presentaci[oó]n|invitaci[oó]n|ofrecimiento|iniciativa|informes?)\s+"
    r"(?:presentad[oa]s?\s+por|de)\s+(?:la\s+|el\s+|los\s+)?(?P<name>{NAME})",
    r"\bcon\s+el\s+apoyo\s+de\s+(?P<list>[^.;]+)",
)
_NAME = (
    r"[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:\s+(?:(?:of|for|on|and|the|de|del|la|las|los|y|para|sobre)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\w'’.-]*){0,7}"
)
_GENERIC = frozenset(
    """member members countries country government governments observer observers organizations
    organisations organization organisation states state delegation delegations group groups
    working conference meeting meetings presidency secretariat secretariats participants network
    networks civil society pais paises organismos observadores estados miembros miembro
    representative representatives coordinator all each both its their rcm crm ngo ngos ong ongs
    gobierno gobiernos delegacion delegaciones grupo grupos conferencia reunion presidencia
    secretaria red redes sociedad representante representantes todos todas ambos ambas sus su
    his her this these those estos estas este esta national nacional regional international
    internacional institutions instituciones authorities autoridades plenary viceministers
    director directors directora directores minister ministers ministro ministra secretary
    secretario secretaria ambassador embajador embajadora deputy vice-minister viceministro
    vice-ministers viceministros the la el los las""".split()
)


_SLOT_WORDS = {  # the slot above with the same index cannot match without one of these
    "en": (None, None, ("will", "shall", "committed", "offered"), ("support",),
           ("sponsored", "hosted", "organi", "given")),
    "es": (None, None, ("apoyo",)),
}  # fmt: skip
_SLOT_RES = {
    language: [
        (re.compile(slot.replace("{NAME}", _NAME)), words)
        for slot, words in zip(slots, _SLOT_WORDS[language], strict=True)
    ]
    for language, slots in (("en", _SLOTS_EN), ("es", _SLOTS_ES))
}


class _Finisher:
    """Turns built nodes into ParsedAgreement with action, actors, responsible and deadline."""

    def __init__(
        self, gazetteer: Gazetteer, language: str, last_day: dt.date | None, body: str = ""
    ) -> None:
        self.gazetteer = gazetteer
        self.language = language
        self.last_day = last_day
        # The network whose meeting this is: "la Red" in its report is that network.
        self.network = body if body.startswith("LN-") and "/" not in body else ""
        self.progress: Callable[[int, int], None] | None = None  # (items read, of how many)
        self.total = 0
        self.done = 0
        # The networks meeting jointly: their report's "Red de Funcionarios de Enlace" is both.
        self.networks = body if body.startswith("LN-") and "/" in body else ""
        # The working group whose report this is: "the Working Group" in it is that group.
        self.group_body = body if body.startswith(("WG-", "AHG-")) and "/" not in body else ""
        self.acronyms: dict[str, str] = {}  # the document's own: "RPC" → its network's name
        # "We, the Vice-Ministers …": the member countries speak in the first person.
        self.members_speak = False
        self.phases: list[Phase] = []  # a road map's phases with their periods

    def finish(
        self, node: _Node, parent: ParsedAgreement | None, before: str = ""
    ) -> ParsedAgreement:
        """``before``: the text of the item above, where "these countries" may be named."""
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
        text, objective = _without_cell(_item_text(node.paragraphs), _OBJECTIVE_CELL)
        text, status = _without_cell(text, _STATUS_CELL)
        lead_in = "" if node.group or objective else _lead_in(text)
        if lead_in:
            # "3) Budget 2024. The RCGM recommended …": the run-in title is the item's group.
            text = re.sub(r"^\s*[.–—-]\s*", "", text[len(lead_in) :])
        group = node.group or objective or lead_in
        # Under "It is recommended that:" an item that says nothing by itself is read as the
        # clause it completes ("That the member countries designate …"); its text stays as
        # printed.
        clause = _that_clause(text, self.language) if node.phrase_that else text
        action = classify_action(text, self.language)
        if not opening_is_known(text):
            if node.phrase_action:
                action = node.phrase_action  # "Se recomienda:" over "Fortalecer …"
            elif opening_is_known(clause):
                action = classify_action(clause, self.language)
            elif parent is not None:
                action = parent.action
            elif node.default_action:
                action = node.default_action  # "welcomed: the report of…" is thanks
        elif (node.phrase_that and node.phrase_action == "recommend") or (
            node.section == "recommendation" and RECOMMENDED_THAT.match(text)
        ):
            # "The Network recommends that: The RCGM approve …": the sentence recommends; so does
            # "That the RCGM consider …" among recommendations.
            action = "recommend"
        elif (
            action == "other" or (action == "hold" and _verb_action(_opening(text)) is None)
        ) and "recommend" in (node.phrase_action, node.default_action):
            # "Se recomienda: Elaborar una guía …", "recomendaron: Fortalecer la capacitación …":
            # what is recommended is a recommendation, though its own verb says nothing of the
            # kind (an activity named after another verb is no workshop to hold).
            action = "recommend"
        asked = ("urge", "request", "recommend") if _nominal(text) else ("urge", "request")
        if node.addressed and node.phrase_action in asked:
            # "Se acordó recomendar a los Viceministros: a) Aprobación del presupuesto …": a noun
            # names what is recommended; a verb of its own says what the addressee is to do.
            # "Se exhorta a los Países Miembros a: 5. designar …": what is asked of an addressee
            # is asked, as the sub-items of "To request the TS: a) to update …" are.
            action = node.phrase_action if action not in ("thank", "note") else action
        directed = _directs(parent) and (text[:1].islower() or _bare_task(text))
        trailing = _TRAILING_DIRECTIVE.search(parent.text) if parent is not None else None
        if directed:
            # "To request the Technical Secretariat: a) to update…; b) to prepare…": each
            # sub-item is the parent's request, addressed to the parent's addressee.
            action = parent.action
        elif trailing and text[:1].islower():
            # "Tomar nota del informe de la OIM y solicitar: a) a la OIM, que continúe …": the
            # sub-items complete the last verb, each naming whom it asks.
            action = classify_action(trailing["verb"], self.language)
        section = self._section(node, action, parent)
        deadline = resolve_deadline(text, self.last_day, self.language)
        due = _DUE_IN_PARENS.search(text) if _OWNED.match(text) else None
        if due and not deadline.phrase:
            # "[IOM] Share the mapping … (October 15, 2020)": an action item's due date.
            found = resolve_deadline(f"Plazo: {due['when']}", self.last_day, self.language)
            deadline = replace(found, phrase=due["when"]) if found.phrase else deadline
        closing = trailing_parenthesis(text, self.gazetteer, self.language)
        if closing and closing[1] and not deadline.phrase and action not in ("thank", "note"):
            # "(all member countries, June 2015)": what follows who acts is when.
            found = resolve_deadline(f"Plazo: {closing[1]}", self.last_day, self.language)
            if found.phrase:
                deadline = replace(found, phrase=closing[1])
        if deadline.date is None and not deadline.phrase:
            period = phase_period(text, group, self.phases)
            found = resolve_deadline(period_end(period), self.last_day, self.language)
            if period and found.date:
                deadline = replace(found, phrase=period)  # the end of the activity's phase
        # Actors are read with "these countries" replaced by the countries just named, and the
        # document's own acronyms by the names they stand for.
        reading = resolve_anaphora(
            one_noun_each(join_split_words(spell_out(text, self.acronyms))),
            self.gazetteer,
            self.language,
            before,
        )
        reading = self._network_anaphora(reading, before)
        if not self.group_body:
            reading = self._group_anaphora(reading, node.group, before)
        actors = self.gazetteer.find(reading, self.language)
        if self.group_body and self.group_body not in actors and _GROUP_ANAPHOR.search(fold(text)):
            actors.append(self.group_body)
        who = responsible(
            f"{trailing['verb']} {reading}" if trailing and text[:1].islower() else reading,
            actors,
            action,
            gazetteer=self.gazetteer,
            language=self.language,
        )
        if not who and clause != text:
            reading_clause = resolve_anaphora(clause, self.gazetteer, self.language, before)
            who = responsible(
                reading_clause, actors, action, gazetteer=self.gazetteer, language=self.language
            )
        if not who and self.group_body and _GROUP_IN_CHARGE.search(fold(text)):
            who = [self.group_body]
        own = self.network or self.group_body
        if own in who and len(who) > 1 and _BODY_DECIDED.match(fold(text)):
            # "The Network agreed to recommend that the RCGM include …": the meeting decides,
            # the others act.
            who = [code for code in who if code != own]
        addressees = self._addressees(text)
        if addressees:
            # "A la Secretaría Técnica:" over its recommendations, "Al GRCM: incluir …".
            who = addressees
        elif parent is not None and not who and self._addressees(parent.text):
            who = list(parent.responsible)
        if directed and not who:
            who = list(parent.responsible or parent.actors)
        elif not who and action in ("request", "urge") and text.rstrip().endswith(":"):
            who = list(actors) if len(actors) == 1 else []  # "To request the TS:" and a list
        if not who and node.group and action not in ("thank", "note"):
            # Recommendations listed under a country's name ("Guatemala" over its bullets in a
            # workshop's report) are addressed to that country; tasks under the addressee of an
            # operative phrase ("Se recomienda a los Países Miembros:") to it, except the meeting
            # approving what is the addressee's own ("To approve the TS budget").
            named = label_countries(self.gazetteer, node.group, self.language, node.addressed)
            own = action in ("approve", "accept") and bool(set(named) & set(actors))
            country = len(named) == 1 and self.gazetteer.is_country(named[0])
            who = named if country or not own else []
        if not who and self.members_speak and action == "submit" and deadline.phrase:
            # "We, the Vice-Ministers of Belize, Canada …, commit to: iii. Share with the ES, no
            # later than …": a dated task with nobody named falls on the countries speaking.
            who = list(MEMBER_COUNTRIES)
        actors += [code for code in who if code not in actors]
        warnings = list(node.warnings) + self._unknown_actors(text)
        if status:
            warnings.append(
                f"The table's status column says “{status}”: it reports on the agreement and is "
                "not part of it. Record it as a follow-up update if it reports progress."
            )
        if deadline.phrase and deadline.date is None and deadline.precision == "day":
            warnings.append(f"The deadline '{deadline.phrase}' has no year and the meeting's date "
                            "is unknown.")  # fmt: skip
        agreement = ParsedAgreement(
            ref=node.ref,
            label=node.label.raw if node.label else "",
            section=section,
            group=group,
            text=text,
            action=action,
            actors=actors,
            responsible=who,
            deadline=deadline.date,
            deadline_text=deadline.phrase,
            deadline_precision=deadline.precision,
            warnings=warnings,
            ref_assigned=bool(node.label and node.label.assigned),
        )
        previous = text
        for child in node.children:
            agreement.children.append(self.finish(child, agreement, previous))
            previous = agreement.children[-1].text
        return agreement

    def _addressees(self, text: str) -> list[str]:
        """Who an item opening "A los Países Miembros:" / "To the Technical Secretariat:" is
        addressed to: nothing but their names stands before the colon."""
        match = _ADDRESSED.match(text)
        if not match:
            return []
        # "To member countries, with the support of UNHCR:": who supports is not addressed.
        who = _SUPPORTED_BY.split(match["who"] or match["named"], maxsplit=1)[0]
        mentions = self.gazetteer.mentions(who, self.language)
        rest = who
        for start, end, _codes in reversed(mentions):
            rest = rest[:start] + rest[end:]
        if not mentions or re.sub(r"\b(?:y|e|and|the|la|el|los|las|al?)\b|[,\s]", "", rest):
            return []
        return self.gazetteer.find(who, self.language)

    def _network_anaphora(self, text: str, before: str) -> str:
        """ "the Network", "la Red", "dicha Red" as the network named just before (in the item or
        the item above), else as the network whose meeting this is."""
        folded = fold(text)
        if "network" not in folded and "red" not in folded:
            return text
        out: list[str] = []
        cursor = 0
        for match in _NETWORK_ANAPHOR.finditer(folded):
            name = self._last_network(text[max(0, match.start() - 600) : match.start()])
            name = name or self._last_network(before[-600:])
            if not name and self.network:
                name = _NETWORK_NAMES.get(self.network, ("", ""))[self.language == "es"]
            out.append(text[cursor : match.start("det" if match["det"] else "name")])
            if name:
                out.append(("la " if self.language == "es" else "the ") + name)
            elif self.networks:
                out.append("ambas redes" if self.language == "es" else "both networks")
            else:
                out.append(text[match.start("det" if match["det"] else "name") : match.end()])
            cursor = match.end()
        out.append(text[cursor:])
        return "".join(out)

    def _group_anaphora(self, text: str, group: str, before: str) -> str:
        """ "the Working Group", "el Grupo" as the working group named earlier in the item, else
        the one its title names ("Decision 2 – Working Group on Labour Migration"), else the one
        named in the item above."""
        first = _GROUP_ANAPHOR.search(fold(text))
        if not first:
            return text
        for source in (text[: first.start()], group, before[-600:]):
            named = [
                (start, end)
                for start, end, codes in self.gazetteer.mentions(source, self.language)
                if any(code.startswith(("WG-", "AHG-")) for code in codes)
            ]
            if named:
                name = source[named[-1][0] : named[-1][1]]
                break
        else:
            return text
        out, cursor = [], 0
        for match in _GROUP_ANAPHOR.finditer(fold(text)):
            out.append(text[cursor : match.start()] + name)
            cursor = match.end()
        return "".join(out) + text[cursor:]

    def _last_network(self, text: str) -> str:
        if not text:
            return ""
        found = [
            text[start:end]
            for start, end, codes in self.gazetteer.mentions(text, self.language)
            if len(codes) == 1 and codes[0].startswith("LN-")
        ]
        return found[-1] if found else ""

    def _section(self, node: _Node, action: str, parent: ParsedAgreement | None) -> str:
        if node.section in ("combined", "combined_wg"):
            if parent is not None and parent.section == "recommendation":
                return "recommendation"
            if action == "recommend" or node.phrase_action == "recommend":
                # "The RCGM further recommends to the Vice-Ministers: 4. To adopt …"
                return "recommendation"
            return "working_group" if node.section == "combined_wg" else "conclusion"
        return node.section

    def _unknown_actors(self, text: str) -> list[str]:
        slots = _SLOT_RES["es" if self.language == "es" else "en"]
        names: list[str] = []
        for slot, words in slots:
            if words and not any(word in text for word in words):
                continue
            for match in slot.finditer(text):
                groups = match.groupdict()
                if groups.get("list"):
                    parts = re.split(r",|\s+and\s+|\s+y\s+|\s+as\s+well\s+as\s+", groups["list"])
                    names.extend(p.strip() for p in parts if p.strip()[:1].isupper())
                elif groups.get("name"):
                    names.append(groups["name"])
                elif groups.get("subject") and (
                    len(groups["subject"].split()) > 1 or groups["subject"].isupper()
                ):
                    # One capitalised word opening a sentence ("Efforts will…") is no name.
                    names.append(groups["subject"])
        warnings = []
        for name in names:
            name = re.sub(r"\s+(?:of|for|on|and|the|de|del|la|y)$", "", name.strip(" .,;:'’"))
            name = re.sub(r"\s*\(.*$", "", name)
            if not name or self._resolved(name):
                continue
            message = f"Actor not recognised: '{name}'."
            if message not in warnings:
                warnings.append(message)
        return warnings

    def _resolved(self, name: str) -> bool:
        if self.gazetteer.mentions(name, self.language):
            return True
        # A demonym ("the Guatemalan delegation") names the country when a government noun follows.
        if self.gazetteer.mentions(f"the {name} delegation", "en") or self.gazetteer.mentions(
            f"la delegación {name}", "es"
        ):
            return True
        words = re.findall(r"[\w'-]+", fold(name))
        if not words or words[0] in _GENERIC or words[-1] in _GENERIC:
            return True
        # Titles of things (documents, events) are capitalised too; only short names are actors.
        return len(words) > 6 or bool(re.search(r"\d", name))


# "the Network", "this Network", "the said Network", "la Red", "dicha Red", "la Red de Funcionarios
# de Enlace" with nothing saying which network it is.
# Without a determiner, only the network's generic name: "Responsable: Red de Funcionarios de
# Enlace", "Responsible: Liaison Officers Network", "A cargo de: la Red".
_NETWORK_ANAPHOR = re.compile(
    r"(?=[tsdlecrn])\b(?:(?P<det>the\s+said|the\s+aforementioned|the|this|said|that|la\s+citada"
    r"|la\s+mencionada|la|esta|dicha)\s+(?P<noun>(?:liaison\s+officers?'?\s+)?network"
    r"|red(?:\s+de\s+funcionari[oa]s\s+de\s+enlace)?)"
    r"|(?P<name>liaison\s+officers?'?\s+network|liaison\s+network|network\s+of\s+liaison\s+officers"
    r"|red\s+de\s+funcionari[oa]s\s+de\s+enlace|red\s+de\s+enlace|(?<=:\s)(?:red|network)))"
    r"\b(?!\s+(?:for|on|of|against|para|contra"
    r"|sobre|de|del|cross|roja|to\s+(?:combat|fight|prevent|counter|protect))\b)(?!-)"
)
# "A la ST: …", "To member countries: …", and the actor alone: "PPT: enviar …", "México y
# Guatemala: remitir …" (a memo's commitments).
_ADDRESSED = re.compile(
    r"^(?:(?:a|al|to|para)\s+(?P<who>[^:\n]{2,100})|(?P<named>[^:\n\s][^:\n]{1,60})):(?:\s|$)",
    re.IGNORECASE,
)
_GROUP_ANAPHOR = re.compile(
    r"\b(?:the|this|said|el|del|al|este|dicho)\s+(?:working\s+group|grupo\s+de\s+trabajo"
    r"|ad[\s-]*hoc\s+group|grupo\s+ad[\s-]*hoc|group|grupo)\b"
    # "el Grupo sobre …" names another group; "del Grupo para evaluar …" is this one.
    r"(?!\s+(?:on|of|for|sobre|de|del|en)\b|\s+para\s+(?![a-z]+(?:ar|er|ir)\b))"
)
# "(Responsable: el Grupo Ad Hoc)" in the group's own report: the group itself.
_GROUP_IN_CHARGE = re.compile(
    rf"\b(?:responsables?|responsible|a\s+cargo\s+de|lead|in\s+charge)\s*:\s*{_GROUP_ANAPHOR.pattern}"
)
_NETWORK_NAMES = {
    "LN-CP": ("Consular Protection Network", "Red de Protección Consular"),
    "LN-CHILD": (
        "Network for the Protection of Migrant Girls, Boys and Adolescents",
        "Red para la Protección de Niñas, Niños y Adolescentes Migrantes",
    ),
    "LN-SMTP": (
        "Network to Combat Migrant Smuggling and Trafficking in Persons",
        "Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata"
        " de Personas",
    ),
}


_TRAILING_FIELD = re.compile(
    r"\s+(?:plazo|deadline|target\s+date|fecha(?:\s+l[ií]mite)?|timeframe)\s*:[^:]*$", re.IGNORECASE
)


_OWNED = re.compile(OWNER_BRACKET_PATTERN)
# "… y solicitar:", "… and to request:": a list under the parent completes its last verb.
_TRAILING_DIRECTIVE = re.compile(
    r"\s(?:y|e|and)\s+(?:to\s+)?(?P<verb>solicitar|pedir|instar|exhortar|encomendar|encargar"
    r"|instruir|recomendar|request|ask|urge|invite|instruct|recommend|entrust|requested|asked|urged"
    r"|invited|instructed|recommended|entrusted|solicit[oó]|pidi[oó]|inst[oó]|encomend[oó]"
    r"|instruy[oó]|recomend[oó])\s*:\s*$",
    re.IGNORECASE,
)
_DUE_IN_PARENS = re.compile(r"\((?P<when>[^()\n]{2,80})\)\s*[.;]?\s*$")


def _nominal(text: str) -> bool:
    """Whether an agreement is written as a noun ("Aprobación del presupuesto …")."""
    opening = _opening(text)
    return any(pattern.match(opening) for pattern, _action in _NOMINAL)


def _directs(parent: ParsedAgreement | None) -> bool:
    """Whether a parent's text is a directive that its sub-items complete ("To request X:")."""
    return (
        parent is not None
        and parent.action in ("request", "urge", "recommend")
        # "Solicitar a la ST que: Plazo: 31 de enero de 2010.": the field under its list.
        and _TRAILING_FIELD.sub("", parent.text).rstrip().endswith(":")
    )


# "Elaborar un mapeo…", "To prepare a guide…": a task with no one named to do it, which under
# "Encomendar a la Red:" is the Network's.
_BARE_TASK = re.compile(r"^(?:to\s+[a-z]{3,}|[a-z]{3,}(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?)\s")
_NOT_TASKS = frozenset("lugar hogar mujer nivel particular regular similar exterior".split())


def _bare_task(text: str) -> bool:
    match = _BARE_TASK.match(fold(text).strip() + " ")
    return bool(match) and match.group().strip() not in _NOT_TASKS


def _that_clause(text: str, language: str) -> str:
    """ "The member countries designate …" under "It is recommended that:" as the clause it
    completes: "That the member countries designate …"."""
    if re.match(r"^[\s\-–·•*\"'“(]*(?:that|que)\s", fold(text)):
        return text
    head = text[:1].lower() if text[1:2].islower() else text[:1]
    return ("Que " if language == "es" else "That ") + head + text[1:]
