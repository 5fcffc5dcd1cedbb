"""What an agreement does, and who must act on it.

:func:`classify_action` reads the item's *opening* verb, the way the conference writes: "To
accept…", "Take note…", "To thank and take note…" (the first verb counts: thank), "Countries are
urged to…", "The TS will submit…", "Aprobar…", "Se insta a…". Items that open with a noun are
activities when the noun is one ("Workshop on … to be held in…", "Continuation of…"): hold.
Otherwise the opening says nothing about the action and :func:`opening_is_known` is False; the
parser then takes the action of the parent item ("To recommend approval of the following
documents: a. Operational Guide…" makes the guide a recommendation too).

Decisions:

* "To update the RCM calendar" is ``approve``: the group adopts the calendar it updates. An
  update that someone must then send ("Actualizar el directorio y remitirlo a la ST", "To update
  the list and submit it to the TS") is a task: ``submit``.
* "encourage", "invite", "call for/on", "exhort", "alentar" are ``urge``; "welcome",
  "congratulate", "recognize", "felicitar", "reconocer" are ``thank``; "review", "analyse",
  "revisar" are ``consider``; "propose to", "suggest" are ``recommend``; "circulate", "send",
  "share", "present", "remitir" are ``submit``; "establish", "adopt", "designate" are ``approve``.
* "implement", "develop", "initiate" are ``hold`` only when their object is an activity
  (a workshop, a course, a campaign); "continue"/"continuation" always is.

`responsible.responsible()` names who must act: the subject of a task ("X will…", "X committed to…",
"X offered to…", "X need more time…"), the addressee of a directive ("urge/request/encourage/
invite X to…", "instar a X a…"), the agent of a future passive ("will be circulated by the TS"),
and the host of an activity "to be held in" a country. "Countries will…" means all eleven
members. Being thanked or noted makes nobody responsible: a thank-you item has responsible
actors only when its text also assigns a task.
"""

from __future__ import annotations

import re

from .actions_lexicon import fuzzy_verb
from .actions_verbs import (
    _ACTIVITY_WORD,
    _CONTINUATION,
    _FUTURE_HELD,
    _LOOKALIKE_NOUNS,
    _NOMINAL,
    _PARTICIPLES,
    _PAST_HELD,
    _PREPOSITION,
    _VERB_PATTERNS,
)
from .gazetteer import fold

__all__ = ["ACTIONS", "PREFACE", "classify_action", "opening_is_known"]

ACTIONS = (
    "thank", "note", "accept", "approve", "recommend", "urge", "request", "submit", "hold",
    "consider", "other",
)  # fmt: skip

# --- Opening ------------------------------------------------------------------------------------

# Phrases that come before the verb without changing it.
PREFACE = re.compile(
    r"^(?:(?:regarding|concerning|with\s+(?:regard|respect)\s+to|in\s+(?:relation|reference)\s+to"
    r"|as\s+regards|as\s+for|on\s+the\s+(?:topic|subject|issue|matter)\s+of|en\s+(?:relacion|"
    r"referencia)\s+(?:con|a)|con\s+(?:respecto|relacion)\s+a|respecto\s+(?:a|de|al)|(?:sobre|en)\s+el"
    r"\s+tema\s+de|en\s+cuanto\s+a|en\s+lo\s+que\s+respecta\s+a)\b[^,:]{0,200},\s*"
    r"|(?:in\s+addition|furthermore|moreover|also|additionally|finally|likewise|lastly|ademas"
    r"|asimismo|igualmente|por\s+otra\s+parte|finalmente|por\s+ultimo|de\s+igual\s+manera)\s*,?\s+"
    # Opening phrases that give the reason or the occasion: "En atención a …, se resolvió …",
    # "In light of …, to …", "Con el propósito de …; recomendar …".
    r"|(?:en\s+atencion\s+a|in\s+light\s+of|in\s+view\s+of|considering|considerando"
    r"|taking\s+into\s+(?:account|consideration)|tomando\s+en\s+(?:cuenta|consideracion)"
    r"|teniendo\s+en\s+cuenta|habida\s+cuenta|en\s+vista\s+de|a\s+la\s+luz\s+de|dado\s+que"
    r"|given\s+(?:that|the)|con\s+(?:el\s+)?(?:fin|proposito|objeto|objetivo)\s+de"
    r"|with\s+(?:the\s+)?(?:aim|purpose|objective)\s+of|in\s+order\s+to|de\s+conformidad\s+con"
    r"|in\s+accordance\s+with|conforme\s+a|habiendo|having|tras|luego\s+de|after)\b"
    r"[^,;:]{0,200}[,;]\s*)"
)
# Adverbs before the verb: "To warmly welcome", "To strongly urge", "Cordialmente agradecer".
_ADVERBS = re.compile(
    r"^(?:(?:\w+mente|(?!apply|supply|rely|reply|comply|multiply|ally)\w{3,}ly|also|further"
    r"|once\s+again|again|nuevamente|una\s+vez\s+mas|muy)\s+)+"
)
# "The RCGM agreed to", "It was agreed that", "Los Viceministros acordaron", "Se acordó".
_AGREED = re.compile(
    r"^(?:(?:the\s+)?(?:rcgm|grcm|vice-?ministers|(?:working\s+|ad[\s-]*hoc\s+)?group|meeting"
    r"|conference|participants|delegations|network|troika|liaison\s+officers)\s+|we\s+"
    r"|it\s+was\s+(?:also\s+)?|(?:los|las)\s+(?:vice-?ministr[oa]s|delegaciones|participantes"
    r"|funcionari[oa]s\s+de\s+enlace|enlaces)\s+|(?:el\s+|la\s+)?(?:grcm|grupo|red|troika)\s+|se\s+)?"
    r"(?:hereby\s+)?(?:agreed|agrees?"
    r"|decided|decides?|resolved|resolves?|concluded|concludes?|acord(?:o|aron|amos)|acuerda(?:n)?"
    r"|decidimos|resolvemos"
    r"|decidi(?:o|eron)|decide(?:n)?|resolvi(?:o|eron)|resuelve(?:n)?|concluy(?:o|eron))"
    r"(?:\s+(?:to|that|on|upon|the\s+following|lo\s+siguiente|que|en))?\s*:?\s*"
)


def _opening(text: str) -> str:
    """The folded text from its first word, without label, preface or "To"."""
    folded = fold(text).strip()
    folded = re.sub(r"^[\s\-–·•*\"'“(]+", "", folded)
    folded = re.sub(r"^\[[^\]\n]{1,80}\]\s+", "", folded)  # "[TS] Circulate …": its owner
    for _ in range(3):
        before = folded
        folded = PREFACE.sub("", folded, count=1)
        folded = _AGREED.sub("", folded, count=1)
        owner = _OWNER_TO.match(folded)
        if owner and _is_owner(owner["who"]):
            # "ES to circulate the outline – by COB Friday": an action item, its owner first.
            folded = folded[owner.end() :]
        addressed = _ADDRESSEE_FIRST.match(folded)
        who = addressed and (addressed["who"] or addressed["named"])
        if who and len(who.split()) <= 8 and _exact_verb_action(who) is None:
            # "To member countries: send …", "A la ST: compilar …": what they are to do.
            folded = folded[addressed.end() :]
        folded = re.sub(r"^(?:to|that|also|then|que|we|nosotros)\s+", "", folded)
        folded = _ADVERBS.sub("", folded)
        if folded == before:
            break
    return folded


_ADDRESSEE_FIRST = re.compile(
    r"^(?:(?:to|a|al|para)\s+(?P<who>[^:\n]{2,100}):\s+"
    # The actor alone on the same line ("PPT: enviar …"), never a clause ("se acordó que:").
    r"|(?P<named>(?!(?:[\w-]+\s+){0,4}(?:se|que|that|the\s+following|(?:los|las)\s+siguientes)\b)"
    r"(?:[\w.,-]+\s+){0,4}[\w.,-]+):[ \t]+)(?=\w)"
)


# An action item "<owner> to <verb> …" ("Member countries to send …", "IOM to share …"); not a
# sentence whose verb stands before "to" ("The RCGM agreed to …", "Countries are urged to …").
_OWNER_TO = re.compile(
    r"^(?P<who>[\w.-]+(?:\s+[\w.-]+){0,7}?(?:\s+\([^)]{1,40}\))?)\s+to\s+(?=[a-z]{3,})"
)
_NOT_OWNER = re.compile(
    r"\b(?:is|are|was|were|be|been|will|shall|should|would|must|may|can|could|has|have|had"
    r"|agreed|decided|resolved|urged|encouraged|invited|requested|asked|called|committed"
    r"|offered|undertook|expected|due|able|wish|wishes|like|order|relation|regard|respect"
    r"|according|addition|prior|up|down|back|how|what|which|who|that|this|these|it|we|they)\b"
    r"|\w+ed$"
)


def _is_owner(who: str) -> bool:
    """ "es", "member countries that have not yet done so", "mexico and panama (co-chairs)":
    who is to act, not a clause ("to request the ts", "the rcgm agreed")."""
    who = re.sub(r"\s+that\s+have\s+not\s+(?:yet\s+)?(?:already\s+)?done\s+so$", "", who)
    if re.match(r"^(?:to|that|also|then|que|we|se|it|this|there)\b", who) or _NOT_OWNER.search(who):
        return False
    if re.search(
        r"\b(?:offers?|proposals?|invitations?|requests?|gratitude|thanks|appreciation)\b", who
    ):
        return False  # "the offer of El Salvador to host …", "Expressed their gratitude to …"
    words = re.findall(r"[a-z]+", who)
    return _exact_verb_action(who) is None and all(_exact_verb_action(w) is None for w in words)


def _classify(text: str) -> tuple[str, bool]:
    """(action, whether the opening told us the action)."""
    action, known = _classify_opening(text)
    if action in ("approve", "other") and _update_then_send(text):
        return "submit", True
    if action == "other" and _then_send(text):
        # "Consolidar el directorio regional y circularlo …": whatever the unknown first verb
        # does, the item is done when it is sent; a phrase over it ("Se sugiere a la ST:")
        # still says what it is.
        return "submit", False
    return action, known


# "update" is the group adopting what it updates ("To update the RCM calendar"), unless a task
# follows: "Actualizar el directorio y remitirlo a la ST", "The TS will update the list and
# circulate it", "To update … and submit it to …": someone must do the update and send it.
_UPDATE = re.compile(r"\b(?:updat(?:e|es|ed|ing)|actualiz\w*|actualic(?:e|en))\b")
_AND_THEN = re.compile(
    r"\b(?:and|y|e)\s+(?:then\s+|luego\s+|posteriormente\s+|subsequently\s+|also\s+)?"
    r"(?:to\s+)?(?:(?:lo|la|los|las|le|les|se(?:\s+l[oa]s?)?)\s+)?(?P<verb>\w+(?:\s+\w+)?)"
)
_CLITIC = re.compile(r"(?<=[aei]r)(?:se)?(?:lo|la|los|las|le|les)$")


def _update_then_send(text: str) -> bool:
    first = _first_sentence(text)
    update = _UPDATE.search(first)
    return bool(update) and _then_send(text, update.end())


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.;])\s|\n", fold(text).strip(), maxsplit=1)[0]


def _then_send(text: str, start: int = 0) -> bool:
    """Whether the first sentence goes on, after ``start``, to send what was done ("… and
    circulate it", "… y remitirlo a la ST")."""
    first = _first_sentence(text)
    for match in _AND_THEN.finditer(first, start):
        words = match["verb"].split()
        words[0] = _CLITIC.sub("", words[0])
        if _verb_action(" ".join(words), fuzzy=False) == "submit" or _DELIVER.match(words[0]):
            return True
        # "… elabore una propuesta y la presente al GRCM": the subjunctive of a submit verb.
        subjunctive = re.match(r"^(\w{3,}?)(?:e|en)$", words[0])
        if subjunctive and _exact_verb_action(subjunctive.group(1) + "ar") == "submit":
            return True
    return False


# Delivering what was updated, beyond the submit verbs: "and publish it", "y publicarlo en el sitio
# web", "y notificarlo a los países".
_DELIVER = re.compile(
    r"^(?:publish|publica|publicar|post|upload|subir|notify|notificar|communicate|comunicar"
    r"|transmitir)\b"
)


def _classify_opening(text: str) -> tuple[str, bool]:
    """(action, whether the opening told us the action)."""
    opening = _opening(text)
    agreed = _opening_agreed(text)
    if not opening:
        return ("approve", True) if agreed else ("other", False)
    action = _verb_action(opening)
    if action is not None:
        return action, True
    # Subject first: "Countries are urged to…", "The TS will submit…", "La ST circulará…".
    subject_action = _subject_action(text, opening)
    if subject_action is not None:
        return subject_action, True
    if _CONTINUATION.match(opening):
        return "hold", True
    for pattern, action in _NOMINAL:
        if pattern.match(opening):
            return action, True
    head = _PREPOSITION.split(opening, maxsplit=1)[0]
    if _ACTIVITY_WORD.search(head):
        if _PAST_HELD.search(opening) and not _FUTURE_HELD.search(opening):
            return "other", False  # a report on something already held: the parent says what
        return "hold", True
    if agreed:
        # "se resolvió que la Secretaría Técnica presente…": the subjunctive says the kind;
        # "Se acordó que la ST consolide … y lo circule": what is done is sent.
        action = _subjunctive_action(opening)
        if action is None and _then_send(text):
            return "submit", True
        return action or "approve", True
    if re.match(r"^[\s\-–·•*\"'“(]*que\s", fold(text)):
        # "Que los países miembros remitan …", under "acordaron:": the subjunctive says it too.
        action = _subjunctive_action(opening, first=True)
        if action is not None:
            return action, True
    if re.match(r"^[\s\-–·•*\"'“(]*that\s", fold(text)):
        # "That the member countries designate …": the verb after the subject says it.
        words = opening.split()
        for start in range(1, min(len(words), 9)):
            if words[start - 1] in _NOT_BEFORE_VERB:
                if words[start - 1] in _COPULAS:
                    break  # "That migration is a shared responsibility": a recital
                continue
            action = _exact_verb_action(" ".join(words[start:]))
            if action is not None:
                return action, action != "other"
    return "other", False


_COPULAS = frozenset("is are was were has have had be".split())
_NOT_BEFORE_VERB = _COPULAS | frozenset("a an the of and to in for with its their".split())


def _subjunctive_action(opening: str, first: bool = False) -> str | None:
    """The action of the first Spanish subjunctive among the opening's first words ("que la
    ST presente" is submit), or None. ``first``: only the first verb counts ("que la ST
    elabore un informe" is not submit because "informe" looks like "informar")."""
    for word in opening.split()[:10]:
        word = word.strip(",;:.")
        stem = re.match(r"^(\w{3,}?)(en|e|an|a)$", word)
        if not stem:
            continue
        ending = stem.group(2)
        for infinitive in ("ar",) if ending.startswith("e") else ("er", "ir"):
            action = _exact_verb_action(stem.group(1) + infinitive)
            if action is not None and action != "other":
                return action
            if action is not None and first:
                return None
    return None


def _opening_agreed(text: str) -> bool:
    folded = PREFACE.sub("", re.sub(r"^[\s\-–·•*\"'“(]+", "", fold(text).strip()), count=1)
    match = _AGREED.match(folded)
    return bool(match and match.group().strip() and "conclu" not in match.group())


def _verb_action(opening: str, fuzzy: bool = True) -> str | None:
    if _LOOKALIKE_NOUNS.match(opening):
        return None
    action = _exact_verb_action(opening)
    if action is None and fuzzy and opening:
        first = opening.split(None, 1)
        corrected = fuzzy_verb(first[0])
        if corrected:
            rest = f" {first[1]}" if len(first) > 1 else ""
            action = _exact_verb_action(corrected + rest)
    return action


def _exact_verb_action(opening: str) -> str | None:
    for pattern, action in _VERB_PATTERNS:
        match = pattern.match(opening)
        if match:
            if action == "hold?":
                rest = opening[match.end() :]
                head = _PREPOSITION.split(rest.strip(), maxsplit=1)[0] if rest.strip() else ""
                return "hold" if _ACTIVITY_WORD.search(head) or "holding" in rest[:60] else "other"
            return action
    return None


# A body that restates, or a restatement in the passive: the verb says the kind.
_RESTATED = re.compile(
    r"^(?:(?:the|los|las|el|la|all|todos)\s+)*(?:(?:vice-?ministers|viceministr[oa]s|delegations"
    r"|delegaciones|(?:member\s+)?countries|paises(?:\s+miembros)?|rcgm|grcm|group|grupo"
    r"|participants|participantes|conference|conferencia|crm|rcm|[\w-]+\s+ministers"
    r"|ministr[oa]s)\s+(?:(?:\w+mente|\w+ly|also|tambien|again|nuevamente)\s+)?"
    r"|(?:fue|fueron|ha\s+sido|han\s+sido|was|were|has\s+been|have\s+been)\s+)"
    r"(?P<verb>(?:reaffirm|reiterat|reafirm|reiter|ratific)\w*)"
)


# The conference's bodies and those at the meeting, as the subject of a conclusion.
_BODY_SUBJECT = re.compile(
    r"^(?:the|el|la|los|las)\s+(?:rcgm|grcm|regional\s+consultation\s+group(?:\s+on\s+migration)?"
    r"|grupo\s+regional\s+de\s+consulta(?:\s+sobre\s+migracion)?|group|grupo|network|red"
    r"|working\s+group|grupo\s+de\s+trabajo|vice-?ministers|viceministr[oa]s|participants"
    r"|participantes|delegations|delegaciones|meeting|reunion)(?:\s+\((?:rcgm|grcm)\))?"
    r"\s+(?:(?:also|further|tambien|asimismo|ademas|\w+ly|\w+mente)\s+)?"
)


# "Belize and Panama, which have not yet done so, are requested to …", "Los países que aún no
# lo hayan hecho deberán …": a clause on who among the subject, before its verb.
_WHO_AMONG = re.compile(
    r",\s*(?:which|who|that|que|quienes)\s+[^,]{2,60},\s*"
    r"|\s+(?:which|who|that|que)\s+(?:(?:aun|todavia|still|yet)\s+)?(?:no\s+|not\s+)?(?:(?:yet|aun)\s+)?"
    r"(?:lo\s+)?(?:hayan|han|have|has)\s+(?:not\s+)?(?:(?:yet|already|aun)\s+)?(?:hecho|done\s+so)\s+"
)


def _subject_action(text: str, opening: str) -> str | None:
    # "The Canadian and U.S. delegations will …": an initial's dot ends no sentence.
    first = re.split(r"(?<=[.;])(?<!\b\w\.)\s|\n", opening, maxsplit=1)[0]
    first = _WHO_AMONG.sub(" ", first)
    passive = re.match(
        r"^(?:[\w'().-]+\s+){1,8}?(?:is|are|was|were)\s+(?:hereby\s+)?(?:also\s+)?"
        r"(urged|encouraged|invited|called\s+upon|requested|asked|instructed|recommended|thanked"
        r"|congratulated|approved|accepted|noted|prioriti[sz]ed|agreed|adopted|established|reaffirmed"
        r"|reiterated)\b",
        first,
    )
    if passive:
        return _verb_action(passive.group(1)) or "other"
    restated = _RESTATED.match(first)
    if restated:  # "Los Viceministros reafirmaron su compromiso", "Fue reiterado el llamado"
        return _verb_action(first[restated.start("verb") :]) or "approve"
    body = _BODY_SUBJECT.match(first)
    if body:  # "The RCGM approved the report…", "El GRCM tomó nota…": the body's verb says it
        action = _verb_action(first[body.end() :])
        if action is not None:
            return action
    if re.match(r"^it\s+is\s+(?:also\s+)?recommended\b", first):
        return "recommend"
    spanish_impersonal = re.match(r"^se\s+(\w+)", first)
    if spanish_impersonal:
        # The whole phrase first: "Se reitera el llamado" is a call, not a bare reiteration.
        return _verb_action(first[3:]) or _verb_action(spanish_impersonal.group(1))
    modal = re.match(
        r"^(?:[\w'’().,-]+\s+){1,10}?(?:will|shall|should|must|committed\s+to|commits\s+to"
        r"|offered\s+to|agreed\s+to|undertook\s+to|requested|se\s+comprometen?\s+a"
        r"|se\s+comprometieron\s+a|se\s+compromete\s+a|se\s+comprometio\s+a|deberan?|deberian?|deben?|podran?"
        r"|procederan?\s+a|tendran?\s+que|se\s+encargaran?\s+de)"
        r"\s+(?:also\s+)?(?:be\s+)?([\w-]+(?:\s+\w+)?)",
        first,
    )
    if modal:
        verb = modal.group(1)
        if re.match(r"^(?:[\w'’().,-]+\s+){1,10}?requested\s", first):
            return "request"
        if verb.split()[0] in _PARTICIPLES:
            return _PARTICIPLES[verb.split()[0]]
        if verb == "take place":  # "The next meeting of the Network will take place in …"
            return "hold"
        action = _verb_action(verb)
        if action is None:
            # "The TS will compile the reports and circulate them": the second verb says it.
            second = re.search(r"\b(?:and|y)\s+(?:then\s+|also\s+|luego\s+)?(\w+(?:\s+\w+)?)",
                               first[modal.end() :])  # fmt: skip
            action = _verb_action(second.group(1), fuzzy=False) if second else None
        return action or "other"
    # "La ST circulará…": the infinitive of the future verb; not one in a relative clause ("…
    # una propuesta, que será presentada …") nor "será" itself.
    future = re.search(
        r"(?<!\bque )\b(?!ser[aá]n?\b)(\w+)([aei])rán?\b",
        text[: len(first) + 5],
        flags=re.IGNORECASE,
    )
    if future:
        return _verb_action(fold(future.group(1) + future.group(2) + "r").lower()) or "other"
    return None


def classify_action(text: str, language: str = "en") -> str:
    """The kind of agreement, from the item's opening verb (see the module's rules)."""
    return _classify(text)[0]


def opening_is_known(text: str) -> bool:
    """Whether the opening says what the item does (else the parent's action applies)."""
    return _classify(text)[1]
