"""Who must act on an agreement: the subjects, addressees, agents and hosts its clauses name."""

from __future__ import annotations

import re

from .actions import PREFACE
from .gazetteer import MEMBER_COUNTRIES, Gazetteer, default_gazetteer, detect_language, fold
from .responsible_labels import city_country
from .responsible_patterns import (
    ACCEPTED_PROPOSAL,
    ASKED_AS_PRONOUN,
    OFFER,
    RESOLVED_THAT,
    THANKED_OFFER,
)

# "X will …", "X committed to …": the task markers that make X responsible.
#
# Several patterns below open with a lookahead naming the letters a match can begin with: it
# says nothing new, but lets the regex engine skip every other position at once.
_SUBJECT_EN = re.compile(
    r"(?=[acimnosuwe])"
    r"\b(?:will|shall|should|must|is\s+to|are\s+to|needs?\s+(?:to|more\s+time)|committed\s+to"
    r"|commits?\s+to|offered\s+to|offers?\s+to|undert(?:ook|akes?)\s+to|agreed\s+to|expressed\s+"
    r"(?:its|their)\s+(?:willingness|interest)\s+to|(?:is|are|was|were)\s+(?:requested|asked"
    r"|invited|urged|encouraged|called\s+upon|expected|responsible))\b"
)
_SUBJECT_ES_OTHER = (
    r"se\s+compromet(?:e|en|ió|ieron)|ofreci(?:ó|eron)|ofrece(?:n)?|deber(?:á|án|ía|ían)"
    r"|necesita(?:n)?|(?:es|son|fue|fueron)\s+(?:invitad|solicitad|instad|exhortad)[oa]s?"
)
_SUBJECT_ES = re.compile(
    rf"\b(?:\w+(?:ará|erá|irá|arán|erán|irán)|{_SUBJECT_ES_OTHER})\b", re.IGNORECASE
)
# The same without the future tense, for a clause without an "á": trying "\w+…ará" at every
# word was the slowest part of reading who is responsible.
_SUBJECT_ES_NO_FUTURE = re.compile(rf"(?=[defnos])\b(?:{_SUBJECT_ES_OTHER})\b", re.IGNORECASE)
_PASSIVE = re.compile(r"^\s*be\s+(\w+)")
_WHO_AMONG_END = re.compile(r",\s*(?:which|who|que|quienes)\s+[^,]{2,60},\s*$")
_ACTING_PASSIVES = frozenset({"requested", "asked", "invited", "urged", "encouraged", "called"})
_RELATIVE_END = re.compile(r"(?:\bwhich|\bthat|\bwho|\bwhom|\bque|\bcual|\bquien(?:es)?|\bse)\s*$")
_COUNTRIES_SUBJECT = re.compile(
    r"^(?:the\s+|los\s+|las\s+|all\s+(?:the\s+)?|todos\s+los\s+)?(?:rcm\s+|crm\s+)?(?:member\s+|"
    r"participating\s+)?(?:countries|states|paises|estados)\b|^(?:each|every|cada)\s+(?:rcm\s+)?"
    r"(?:member\s+)?(?:country|state|pais|estado)\b"
)
_ADDRESSEE_EN = re.compile(
    r"(?=[acdeimrtu])"
    r"\b(?:urge|urges|urged|encourage|encourages|encouraged|request|requests|requested|invite"
    r"|invites|invited|call(?:s|ed)?\s+(?:up)?on|ask|asks|asked|instruct|instructs|instructed"
    r"|exhort|exhorts|remind|reminds|entrust|entrusts|task|tasks|mandate|mandates|direct"
    r"|directs)\s+(?P<obj>[^.;:]{1,160}?)\s+to(?:\s|:|$)"
    # "To recommend to the Vice-Ministers the approval…": they are to decide.
    r"|\brecommend(?:s|ed)?\s+to\s+(?P<obj2>[^.;:]{1,160})"
    # "To entrust the Technical Secretariat with the follow-up".
    r"|\b(?:entrust|entrusts|entrusted|charge|charges|task|tasks)\s+(?P<obj3>[^.;:]{1,160}?)"
    r"\s+with\s"
)
_ADDRESSEE_ES = re.compile(
    r"(?=[aeilmprs])"
    r"\b(?:inst|exhort|alent|alient|anim|invit|solicit|ped|pid|encomend|encomiend|encarg|instru"
    r"|llam|recomend|recomiend|motiv)\w*\s+al?\s+(?P<obj>[^.;:]{1,160}?)(?:\s+(?:a|que|para)[\s,]|[.;:]|$)"
    # "Encomendar a las delegaciones de Costa Rica y Panamá, con el acompañamiento del ACNUR, la
    # preparación de …" (a long object): who is entrusted, up to who supports them.
    r"|\b(?:encomend|encomiend|encarg)\w*\s+al?\s+(?P<obj4>[^.;:]{1,100}?),?\s+con\s+(?:el|la)\s+"
    r"(?:apoyo|acompanamiento|asistencia|colaboracion)\b"
)
_AGENT = re.compile(
    r"(?=[adimstw])"
    r"\b(?:will|shall|should|must|would|to|is\s+to|are\s+to)\s+be\s+\w+(?:ed|en|wn|t)\s+by\s+"
    r"(?P<agent>[^,;.]{1,80}?)(?=\s+(?:for|to|in|on|with|within|no\s+later|before|by|at|during"
    r"|and\s+(?:then|also))\b|[,;.]|$)"
    r"|\b(?:ser[aá]n?|deber[aá]n?\s+ser)\s+\w+(?:ad|id)[oa]s?\s+por\s+(?P<agente>[^,;.]{1,80}?)"
    r"(?=\s+(?:para|a|en|con|dentro|antes)\b|[,;.]|$)",
    re.IGNORECASE,
)
_HOST = re.compile(
    r"(?=[astw])"
    r"\b(?:(?:to\s+be|will\s+be|should\s+be|shall\s+be)\s+(?:held|hosted|organi[sz]ed)|(?:will|to)\s+take"
    r"\s+place)\s+in\s+"
    r"(?:the\s+city\s+of\s+)?(?P<place>[^,;.(]{2,40}(?:,\s*[^,;.(]{2,30})?)"
    r"|\b(?:a\s+(?:realizarse|celebrarse|efectuarse|llevarse\s+a\s+cabo)|se\s+(?:lleve\s+a\s+cabo"
    r"|realice|celebre|efectue|realizara|celebrara))\s+en\s+(?P<lugar>[^,;.(]{2,40}"
    r"(?:,\s*[^,;.(]{2,30})?)",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"^\s*(?:'s)?\s*(?:\([^)]{0,40}\))?\s*(?:(?:coordinator|delegation|government|representatives?"
    r"|authorities|team|office|delegacion|gobierno|representantes?|autoridades)\b)?\s*"
    r"(?:,?\s*(?:in\s+its\s+capacity\s+as|en\s+su\s+calidad\s+de|as|como)\s+[^,]{0,60},?)?\s*"
    r"(?:also|too|tambien|as\s+well)?\s*,?\s*$",
    re.IGNORECASE,
)
_JOIN = re.compile(
    # "the Guatemalan delegation and the Honduran delegation": a demonym's noun before the join.
    r"^\s*(?:\([^)]{0,40}\))?\s*(?:(?:delegation|government|delegacion|gobierno)\s+)?"
    r"(?:,|and|y|e|&|as\s+well\s+as|together\s+with|junto\s+con|of|de"
    r"|del)?\s*(?:,\s*(?:and|y))?\s*(?:al?\s+)?(?:the|la|el|los|las)?\s*(?:government\s+of|gobierno\s+de)?"
    r"\s*$",
    re.IGNORECASE,
)


# --- Responsible --------------------------------------------------------------------------------


def responsible(
    text: str,
    actors: list[str] | None = None,
    action: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
) -> list[str]:
    """Codes of who must act on the agreement, in order of appearance (see the module's rules).

    ``actors`` (the codes mentioned in the item) limits nothing but is used to resolve "them":
    when a directive addresses a pronoun, nobody is added. ``action`` is accepted so callers can
    pass what they know; tasks stated in the text count whatever the action.
    """
    gazetteer = gazetteer or default_gazetteer()
    language = language or detect_language(text)
    named = (
        _RESPONSIBLE_NAMED.search(text) or _LEFT_IN_CHARGE.search(text) or _ACTION_LINE.search(text)
    )
    if named:
        # "— Responsable: Países Miembros —": a table's column (or the text) names who acts.
        # "Secretaría Técnica, con el apoyo de la OIM": who supports is not responsible.
        codes = gazetteer.find(_SUPPORTED_BY.split(named["who"], maxsplit=1)[0], language)
        if codes:
            return codes
    closing = trailing_parenthesis(text, gazetteer, language)
    if closing and action not in ("thank", "note"):
        return closing[0]
    tail = _RESPONSIBLE_TAIL.search(text)
    if tail and action not in ("thank", "note"):
        # "…, a más tardar el 27 de febrero de 2004; Países Miembros.", "…; responsibility of
        # the Technical Secretariat.": who acts, named after the last semicolon.
        who = _SUPPORTED_BY.split(tail["who"], maxsplit=1)[0]
        codes = _only_names(who, gazetteer, language)
        if codes:
            return codes
    bracket = _OWNER_BRACKET.match(text.strip().lstrip("·•◦-–*▪ "))
    if bracket:
        # "- [Guatemala, Honduras] Share with the Network …", "[PPT/TS] Convene …": an action
        # item's owner in brackets.
        codes = _only_names(bracket["who"].replace("/", " and "), gazetteer, language)
        if codes:
            return codes
    owner = _OWNER_TO.match(text.strip().lstrip("·•◦-–*▪ "))
    if owner:
        # "Mexico and Panama (co-chairs) to present …": an action item's owner, named first.
        codes = _only_names(re.sub(r"\([^)]*\)", "", owner["who"]), gazetteer, language)
        if codes:
            return codes
    found: list[tuple[int, str]] = []
    for offset, clause in _clauses(text):
        found.extend(
            (offset + pos, code) for pos, code in _subject_codes(clause, gazetteer, language)
        )
        found.extend((offset + pos, code) for pos, code in _addressees(clause, gazetteer, language))
        found.extend((offset + pos, code) for pos, code in _agents(clause, gazetteer, language))
        if action in (None, "hold", "note", "approve", "recommend", "other"):
            found.extend((offset + pos, code) for pos, code in _hosts(clause, gazetteer, language))
    codes: list[str] = []
    for _pos, code in sorted(found, key=lambda pair: pair[0]):
        if code not in codes:
            codes.append(code)
    return codes


# "…, quedando a cargo de la Presidencia Pro Tempore su presentación": who is left in charge.
_LEFT_IN_CHARGE = re.compile(
    r"\bquedando\s+a\s+cargo\s+de(?:l|\s+la|\s+el|\s+los|\s+las)?\s+(?P<who>[^,.;]{2,100}?)"
    r"(?=\s+(?:su|sus)\s|[,.;]|$)",
    re.IGNORECASE,
)
# Minutes' "ACTION: Mexico and Guatemala, with the support of IOM – by 15 January 2020".
_ACTION_LINE = re.compile(r"(?:^|\n)\s*ACTION\s*:\s*(?P<who>[^—–;:\n()]{2,160})")
_RESPONSIBLE_TAIL = re.compile(
    r";\s+(?:(?:responsibility|responsabilidad)\s+(?:of|de|del)\s+|a\s+cargo\s+(?:de|del)\s+)?"
    r"(?P<who>[^;:.\n]{2,80}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_RESPONSIBLE_NAMED = re.compile(
    r"(?:^|[\s—–(])(?:responsables?|responsible(?:\s+(?:party|parties|actors?))?|lead|a\s+cargo"
    r"\s+de|in\s+charge|addressed\s+to|dirigid[oa]s?\s+a)\s*:\s*(?P<who>[^—–;:\n()]{2,160})",
    re.IGNORECASE,
)
# "… (TS, by April 30, 2015).", "… (Mexico and Costa Rica)": who acts, and by when, in a closing
# parenthesis, as network reports list their agreements.
_TRAILING_PARENS = re.compile(r"\((?P<inner>[^()\n]{2,160})\)\s*[.;]?\s*$")
_NAME_GLUE = re.compile(
    r"\b(?:y|e|and|the|la|el|los|las|al?|all|todos|todas|de|of)\b|[,\s]", re.IGNORECASE
)


def trailing_parenthesis(
    text: str, gazetteer: Gazetteer, language: str
) -> tuple[list[str], str] | None:
    """(who, when) from a closing parenthesis that opens with nothing but actors' names."""
    match = _TRAILING_PARENS.search(text)
    if not match:
        return None
    who, _comma, when = match["inner"].partition(",")
    who = _SUPPORTED_BY.split(who, maxsplit=1)[0]
    mentions = gazetteer.mentions(who, language)
    rest = who
    for start, end, _codes in reversed(mentions):
        rest = rest[:start] + rest[end:]
    if not mentions or _NAME_GLUE.sub("", rest):
        return None
    codes = gazetteer.find(who, language)
    before = text[: match.start()].rstrip()
    named = gazetteer.mentions(before[-160:], language)
    if named and len(before[-160:]) - named[-1][1] <= 1 and set(named[-1][2]) & set(codes):
        return None  # "the Regional Consultation Group on Migration (RCGM)": an acronym
    return codes, when.strip()


# "Guatemala y Honduras, con el apoyo técnico de la OIM", "Costa Rica, en coordinación con la
# Secretaría Técnica": who supports or coordinates is not who is responsible.
# "ES to circulate …", "Member countries that have not yet done so to designate …".
OWNER_BRACKET_PATTERN = r"^\[(?P<who>[^\]\n]{1,80})\]\s+"
_OWNER_BRACKET = re.compile(OWNER_BRACKET_PATTERN)
_OWNER_TO = re.compile(r"^(?P<who>[A-Z][^,;:\n]{0,80}?)\s+to\s+(?=[a-z]{3,})")
_OWNER_GLUE = re.compile(
    r"\b(?:y|e|and|the|la|el|los|las|all|that|have|has|not|yet|done|so|which|who)\b|[,\s]",
    re.IGNORECASE,
)


def _only_names(who: str, gazetteer: Gazetteer, language: str) -> list[str]:
    """The codes of the actors ``who`` names, if it names nothing else."""
    mentions = gazetteer.mentions(who, language)
    rest = who
    for start, end, _codes in reversed(mentions):
        rest = rest[:start] + rest[end:]
    if not mentions or _OWNER_GLUE.sub("", rest):
        return []
    return gazetteer.find(who, language)


_SUPPORTED_BY = re.compile(
    r",?\s+(?:with\s+(?:the\s+)?(?:(?:technical|financial|logistical)\s+)?(?:support|assistance)"
    r"\s+(?:of|from)|supported\s+by|con\s+(?:el\s+)?apoyo\s+(?:t[eé]cnico\s+|financiero\s+"
    r"|log[ií]stico\s+)?del?|con\s+la\s+asistencia\s+(?:t[eé]cnica\s+)?de|en\s+coordinaci[oó]n\s+con"
    r"|con\s+(?:el\s+)?acompañamiento\s+(?:t[eé]cnico\s+)?del?|with\s+the\s+(?:technical\s+)?guidance\s+of"
    r"|in\s+coordination\s+with)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ\"“(¿¡·•\-])|\n")


def _clauses(text: str):
    """Sentences and bullet lines, with their offsets."""
    start = 0
    for separator in _CLAUSE_END.finditer(text):
        if text[start : separator.start()].strip():
            yield start, text[start : separator.start()]
        start = separator.end()
    if text[start:].strip():
        yield start, text[start:]


def _members(position: int) -> list[tuple[int, str]]:
    return [(position, code) for code in MEMBER_COUNTRIES]


def _subject_codes(clause: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    results: list[tuple[int, str]] = []
    spanish = _SUBJECT_ES if "á" in clause or "Á" in clause else _SUBJECT_ES_NO_FUTURE
    markers = list(_SUBJECT_EN.finditer(clause)) + list(spanish.finditer(clause))
    for marker in markers:
        passive = _PASSIVE.match(clause[marker.end() :])
        if passive and passive.group(1).lower() not in _ACTING_PASSIVES:
            continue  # "the document will be circulated": the subject is not who acts
        pre = clause[: marker.start()]
        pre = re.split(r"\b(?:that|que)\s+(?=[A-Z])", pre)[-1]  # "It was agreed that X will"
        # "Belize and Panama, which have not yet done so, are requested …": who among them.
        pre = _WHO_AMONG_END.sub(" ", pre)
        if _RELATIVE_END.search(fold(pre)) or _MEETING_OF.search(fold(pre)):
            continue  # "The next meeting of the Network will …": the meeting, not the Network
        start = _subject_start(pre)
        whole = PREFACE.sub("", fold(pre).strip(" ·-–•\t\"'“"), count=1)
        if _COUNTRIES_SUBJECT.match(fold(pre[start:].strip(" ·-–•\t"))) or (
            _COUNTRIES_SUBJECT.match(whole)
        ):
            results.extend(_members(start))
            continue
        results.extend(_mention_chain(pre, gazetteer, language))
    return results


def _subject_start(pre: str) -> int:
    """Where the subject of a task begins: after the last connective or clause opener."""
    openers = list(
        re.finditer(
            r"(?:^|\b(?:and|furthermore|moreover|also|in\s+addition|additionally|y|ademas"
            r"|asimismo|that|que)\b\s*,?\s*|[,:·•–-]\s*)",
            pre,
        )
    )
    return openers[-1].end() if openers else 0


def _mention_chain(pre: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    """The actors named right before a task marker: "Belize and the Dominican Republic need…"."""
    mentions = [m for m in gazetteer.mentions(pre, language) if m[2]]
    codes: list[tuple[int, str]] = []
    boundary = len(pre)
    pattern = _TRAIL
    for start, end, found in reversed(mentions):
        if not pattern.match(pre[end:boundary]):
            break
        codes.extend((start, code) for code in found)
        boundary = start
        pattern = _JOIN
    return codes


def _addressees(clause: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    results: list[tuple[int, str]] = []
    folded = fold(clause)
    for pattern in (_ADDRESSEE_EN, _ADDRESSEE_ES):
        asked_until = -2
        for match in pattern.finditer(folded):
            # "To ask the PPT to invite UNICEF …": who is asked acts; whom they are to invite
            # does not. ("Recomendar a los Viceministros que instruyan a la ST …" names both:
            # the Vice-Ministers are to decide, the TS to do.)
            nested = match.start() <= asked_until + 1 and folded.startswith("invit", match.start())
            asked_until = match.end()
            if nested:
                continue
            groups = match.groupdict()
            group = next(g for g in ("obj2", "obj3", "obj4", "obj") if groups.get(g))
            obj = clause[match.start(group) : match.end(group)]
            if _COUNTRIES_SUBJECT.match(fold(obj.strip())):
                results.extend(_members(match.start(group)))
                continue
            chain = _leading_chain(obj, gazetteer, language)
            if group == "obj" and (not chain or re.search(r"\s(?:y|e)\s*$", obj)):
                # "instruct the Liaison Officers Network to Combat … to follow up": the first
                # "to" was inside the name; read up to the clause's end.
                rest = re.split(r"[.;:]", clause[match.start(group) :], maxsplit=1)[0]
                chain = _leading_chain(rest[:200], gazetteer, language)
            results.extend((match.start(group) + pos, code) for pos, code in chain)
    for match in (*OFFER.finditer(fold(clause)), *ACCEPTED_PROPOSAL.finditer(fold(clause))):
        obj = clause[match.start("obj") : match.start("obj") + 120]
        results.extend(
            (match.start("obj") + pos, code)
            for pos, code in _leading_chain(obj, gazetteer, language)
        )
    for match in THANKED_OFFER.finditer(fold(clause)):
        obj = clause[match.start("obj") : match.end("obj")]
        results.extend(
            (match.start("obj") + pos, code)
            for pos, code in _leading_chain(obj, gazetteer, language)
        )
    for match in ASKED_AS_PRONOUN.finditer(fold(clause)):
        # "Agradecer al UNICEF … y solicitarle que remita …": the one just thanked is asked.
        named = [m for m in gazetteer.mentions(clause[: match.start()], language) if m[2]]
        if named:
            first = named[0][0]
            results.extend(
                (first + pos, code)
                for pos, code in _leading_chain(clause[first : match.start()], gazetteer, language)
            )
    for match in RESOLVED_THAT.finditer(fold(clause)):
        obj = clause[match.end() : match.end() + 120]
        results.extend(
            (match.end() + pos, code) for pos, code in _leading_chain(obj, gazetteer, language)
        )
    return results


def _leading_chain(text: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    """The actors named at the start of an object: "los Viceministros la aprobación…" is the
    Vice-Ministers only; "Belize, Canada and Mexico to…" is all three."""
    results: list[tuple[int, str]] = []
    boundary = 0
    pattern = _LEADING
    for start, end, codes in gazetteer.mentions(text, language):
        if not codes:
            continue
        if not pattern.match(text[boundary:start]):
            break
        results.extend((start, code) for code in codes)
        boundary = end
        pattern = _JOIN
    return results


_LEADING = re.compile(
    r"^\s*(?:the|la|el|los|las|a|al)?\s*(?:(?:government|people)\s+of(?:\s+the)?|(?:gobierno|pueblo)"
    r"\s+de(?:\s+(?:la|los|las|el))?|(?:delegations?|delegacion(?:es)?|governments|gobiernos)\s+"
    r"(?:of|de)(?:\s+(?:the|la|los|el))?)?"
    r"\s*(?:(?:republica|republic)\s+(?:de|of)\s*)?$"
    # "a la Troika y a la Secretaría Técnica": the Troika is no recorded actor; who follows is.
    r"|^\s*(?:the|la)?\s*troika\s*(?:,|and|y|e|as\s+well\s+as|junto\s+con)\s*(?:al?\s+)?"
    r"(?:the|la|el|los|las)?\s*$"
    # "the observer organizations, in particular UNHCR and IOM"
    r"|^\s*(?:the|los|las|a\s+los|a\s+las)?\s*[\w\s-]{0,50}?(?:organi[sz]ations?|organismos?"
    r"|organizaciones|agencies|agencias|observers?|observadores)\b[^,;:]{0,30},?\s*(?:in\s+particular"
    r"|particularly|especially|including|namely|such\s+as|en\s+particular|particularmente"
    r"|especialmente|como|tales\s+como)\s+(?:the|la|el|los|las|al|a)?\s*$",
    re.I,
)


def _agents(clause: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    results: list[tuple[int, str]] = []
    for match in _AGENT.finditer(clause):
        group = "agent" if match.group("agent") else "agente"
        agent = match.group(group)
        if _COUNTRIES_SUBJECT.match(fold(agent.strip())):
            results.extend(_members(match.start(group)))
            continue
        for start, _end, codes in gazetteer.mentions(agent, language):
            results.extend((match.start(group) + start, code) for code in codes)
    # Spanish verb–subject order: "que circulará la ST", "el cual remitirá la PPT".
    for match in re.finditer(
        r"\b(?:que|la\s+cual|el\s+cual|los\s+cuales)\s+\w+(?:ará|erá|irá|arán|erán|irán)\s+"
        r"(?P<agent>(?:la|el|los|las)\s+[^\s,;.]+(?:\s+[^\s,;.]+)?)",
        clause,
        flags=re.IGNORECASE,
    ):
        for start, _end, codes in gazetteer.mentions(match.group("agent"), language):
            results.extend((match.start("agent") + start, code) for code in codes)
    return results


_HOLD_VERB = re.compile(
    r"(?=[hoscrl])\b(?:to\s+hold|hold|host|organi[sz]e|se\s+(?:realicen?|celebren?|lleven?\s+a\s+cabo"
    r"|realizar[aá]n?|celebrar[aá]n?|llevar[aá]n?\s+a\s+cabo)|realizar|celebrar|llevar\s+a\s+cabo"
    r"|organizar)[\s,]",
    re.IGNORECASE,
)
# "in Costa Rica", "en la Ciudad de México", "EN LA CIUDAD DE MEXICO" (a text in capitals).
_IN_PLACE = re.compile(
    r"\b(?:[Ii][Nn]|[Ee][Nn])\s+(?:(?i:the\s+city\s+of|la\s+ciudad\s+de)\s+)?(?=[A-ZÁÉÍÓÚÑ])"
)


_CITY_FIRST = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ.]+\s+){0,2}[A-ZÁÉÍÓÚÑ][\wáéíóúñ.]+,\s*")


def _held_in(clause: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    """ "To hold a regional seminar on trafficking in persons in Costa Rica": the host country
    named after "in"/"en" within the activity's clause."""
    for verb in _HOLD_VERB.finditer(clause):
        window = re.split(r"[.;:]|\bheld\b|\bcelebrad|\brealizad", clause[verb.end() :])[0][:160]
        for place in _IN_PLACE.finditer(window):
            offset = verb.end() + place.end()
            city = _CITY_FIRST.match(clause, offset)
            if city and not _leading_chain(clause[offset : offset + 60], gazetteer, language):
                offset = city.end()  # "en San José, Costa Rica": the country after its city
            chain = [
                (offset + pos, code)
                for pos, code in _leading_chain(clause[offset : offset + 60], gazetteer, language)
                if gazetteer.is_country(code)
            ]
            if chain:
                return chain[:1]
    return []


def _hosts(clause: str, gazetteer: Gazetteer, language: str) -> list[tuple[int, str]]:
    results: list[tuple[int, str]] = []
    if not _HOST.search(clause):
        return _held_in(clause, gazetteer, language)
    for match in _HOST.finditer(clause):
        group = "place" if match.group("place") else "lugar"
        place = re.split(
            r"\s+(?:with|con|under|bajo|in\s+coordination|en\s+coordinaci[oó]n|as\s+part|within"
            r"|dentro|and\s+the\s+support|,\s*with|,\s*con)\b|,\s*(?:with|con)\b",
            match.group(group),
        )[0]
        found = [
            (match.start(group) + start, code)
            for start, _end, codes in gazetteer.mentions(place, language)
            for code in codes
            if gazetteer.is_country(code)
        ]
        city = city_country(place) if "take" in match.group(0).lower() else ""
        if not found and city:
            found = [(match.start(group), city)]  # "in Panama City": the city's country hosts
        results.extend(found)
    return results


_MEETING_OF = re.compile(r"\b(?:meeting|session|reunion|sesion)\s+(?:of|de|del)\b[^,;:]{0,80}$")
