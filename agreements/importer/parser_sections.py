"""Section headings (CONCLUSIONS, RECOMMENDATIONS, DECISIONS, DECLARATION…), operative phrases
("The Vice-Ministers … DECIDE:", "acordaron:") and parts numbered like chapters."""

from __future__ import annotations

import re
from typing import NamedTuple

from .actions import classify_action
from .gazetteer import fold
from .reading_phases import phase_title

# A summary's tasks after its agreements ("Next steps by country", each country's under its
# name): agreements too, and the heading names their group when no label below does.
_STEPS = (
    r"(?:next|further|following)\s+steps(?:\s+(?:by|per)\s+country)?|proximos\s+pasos|action\s+items"
    r"(?:\s+por\s+pais)?|(?:commitments|tasks|compromisos|tareas)\s+(?:by|per|of\s+each|por"
    r"|de\s+cada)\s+(?:country|pais|delegation|delegacion)"
)


_NAMED_SECTION = re.compile(
    r"^(?:acuerdos|agreements|conclusiones|conclusions|decisiones|decisions|compromisos"
    r"|commitments)\s+(?:de\s+la|del|de|of\s+the|of)\s+(?:sesion|session|red|network|grupo|group"
    r"|reunion|meeting|plenari[oa]|plenary)\b"
)


def named_section(line: str) -> bool:
    """ "Acuerdos de la sesión conjunta", "Agreements of the Network …": a section that names
    whose agreements follow (a joint meeting's record has several)."""
    return bool(_NAMED_SECTION.match(fold(line.strip())))


def steps_heading(line: str) -> bool:
    """ "Next steps:", "Próximos pasos por país": a heading that names the tasks under it."""
    folded = re.sub(r"\s+", " ", fold(line).strip().rstrip(":").strip())
    return bool(re.fullmatch(_STEPS, folded))


_SECTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:the\s+following\s+)?conclusions?\s*(?:and|y|&|/)\s*recommendations?", "combined"),
    (r"conclusiones\s*(?:y|/)\s*recomendaciones", "combined"),
    (r"recommendations?\s+(?:and|y)\s+conclusions?|recomendaciones\s+y\s+conclusiones", "combined"),
    (r"(?:agreements|acuerdos)\s+(?:and|y)\s+(?:recommendations|recomendaciones)", "combined"),
    (r"conclusions?\s+(?:and|y)\s+agreements?|conclusiones\s+y\s+acuerdos", "agreements"),
    (r"(?:the\s+following\s+)?(?:conclusions?|conclusiones)", "conclusion"),
    (r"(?:the\s+following\s+)?(?:recommendations?|recomendaciones)", "recommendation"),
    (
        r"(?:the\s+following\s+)?(?:agreements?(?:\s+reached)?|acuerdos(?:\s+alcanzados)?"
        r"|agreed\s+actions|acciones\s+acordadas"
        # What a Troika's or a working meeting's memo lists: "Compromisos:", "Action points:".
        r"|compromisos(?:\s+(?:adquiridos|asumidos|acordados))?|acuerdos\s+y\s+compromisos"
        r"|commitments|action\s+points|follow-up\s+actions|puntos\s+de\s+accion"
        rf"|{_STEPS})",
        "agreements",
    ),
    # A network's "WORK PLAN 2016" over the activities it agreed, each with who and when (a
    # titled part "B. Plan de trabajo" names no year and stays a part).
    (
        r"(?:work\s+plan|plan\s+of\s+work|plan\s+de\s+trabajo)\s+\d{4}(?:\s*[-–]\s*\d{4})?"
        r"|agreed\s+activities|actividades\s+acordadas",
        "agreements",
    ),
    (r"(?:vice-?ministerial\s+)?(?:decisions?|decisiones|resolutions|resoluciones)", "decision"),
    (r"(?:vice-?ministerial\s+)?(?:declaration|declaracion)", "declaration"),
    (
        r"(?:results?\s+of\s+the\s+)?consultation(?:\s+procedure)?|(?:resultados?\s+de\s+la\s+)?"
        r"consulta|(?:five|cinco)[\s-]+(?:working|business|dias)[\s-]+(?:days?|habiles)[\s-]+"
        r"(?:consultation\s+)?(?:procedure|procedimiento)",
        "consultation",
    ),
)
_SECTION_SUFFIX = (
    r"(?:\s+(?:of|to|for|from|de|del|a|para|by|adopted|approved|aprobad[oa]s|adoptad[oa]s)"
    r"\s+.{0,80})?"
)
_SECTION_RES = [
    (re.compile(rf"^(?:{pattern}){_SECTION_SUFFIX}$"), kind) for pattern, kind in _SECTION_PATTERNS
]
# "The Vice-Ministers …, DECIDE:", "Los Viceministros ACUERDAN:", "DECLARE:".
_OPERATIVE = re.compile(
    r"(?:^|\s)(?P<verb>decide|decides|deciden|decidimos|decided|agree|agrees|acuerdan|acordamos"
    r"|acordaron|resolve|resuelven|declare|declaran|declaramos|declared|hereby\s+agree)\s*:$"
)


def _numbered_part(line: str) -> str | None:
    """ "IV. OTHER MATTERS": a part of the document in capitals, numbered like a chapter. It is no
    item; its lists go on in the current kind of section."""
    match = re.match(r"^(?:[IVX]{1,4}|[A-H]|\d{1,2})[.)-]\s+(?P<rest>[^a-z]{4,80})$", line)
    if match and len(match["rest"].split()) <= 14 and re.search(r"[A-Z]{3}", match["rest"]):
        # A document all in capitals numbers its agreements so: "2.  ACOGER CON BENEPLACITO LA
        # INCORPORACION … COMO" goes on below, and a task ("APROBAR EL PLAN …") is no title.
        rest = match["rest"].strip()
        if _UNFINISHED.search(rest) or rest.endswith((".", ";")):
            return None
        if classify_action(rest) != "other":
            return None
        return "part"
    return None


_UNFINISHED = re.compile(
    r"(?:\b(?:de|del|la|las|el|los|y|e|en|para|con|por|a|al|que|como|su|sus|o|u|of|the|and|to"
    r"|for|with|in|on|by|as|an|or|its|their)|[,\-–])$",
    re.IGNORECASE,
)


# Phrases that open a list of agreements, numbered or not: "En este sentido, acordaron:",
# "Furthermore, the Vice-Ministers welcomed:", "El Grupo Regional de Consulta concluyó lo
# siguiente:", "Los Viceministros decidieron", "APROBARON", "the following declaration was
# approved:". The verb says what the listed items do when their own opening does not (a list of
# documents after "welcomed:" is thanks); verbs of agreeing say nothing of the kind.
_INTRODUCING_VERBS: tuple[tuple[str, str | None], ...] = (
    (r"(?:approved|adopted|aprobaron|adoptaron|issued|emitieron)\s+(?:the\s+following\s+"
     r"|la\s+siguiente\s+)?(?:declaration|declaracion)", "declaration"),
    (r"recibieron\s+con\s+(?:beneplacito|satisfaccion)|acogieron(?:\s+con\s+(?:beneplacito"
     r"|satisfaccion))?|saludaron|agradecieron|welcomed|thanked|acogemos|saludamos", "thank"),
    (r"tomaron\s+(?:debida\s+)?nota(?:\s+de)?|took\s+(?:due\s+)?note(?:\s+of)?|noted", "note"),
    (r"recomendaron|recommended|recomienda(?:n)?|recommends?", "recommend"),
    (r"instaron(?:\s+a)?|exhortaron(?:\s+a)?|urged|encouraged", "urge"),
    (r"solicitaron|requested", "request"),
    (r"(?:the\s+following\s+)?declaration\s+(?:was\s+)?(?:approved|adopted)|(?:se\s+)?(?:aprobo|adopto)"
     r"\s+la\s+(?:siguiente\s+)?declaracion", "declaration"),
    (r"acordaron|acuerdan|acuerda|acordamos|acordo|decidieron|deciden|decidimos|decidio|resolvieron"
     r"|convinieron|convienen|convino|convenimos|coincidieron"
     r"|resuelven|resolvio|resuelve|aprobaron|adoptaron|concluyo|concluyeron|reiteraron"
     r"|reafirmaron|agreed|agrees?|decided|decides?|resolved|resolves?|approved|adopted"
     r"|concluded|reiterated|reaffirmed|(?:se\s+)?(?:acordo|decidio|resolvio)", None),
)  # fmt: skip
_INTRODUCING = re.compile(
    r"(?:^|[\s,;])(?P<verb>"
    + "|".join(f"(?:{verbs})" for verbs, _action in _INTRODUCING_VERBS)
    + r")(?:\s+(?:ademas|asimismo|tambien|also|further))?"
    r"(?:\s+(?:to|that|on|upon|as\s+follows|the\s+following(?:\s+\w+)?|lo\s+siguiente"
    r"|los\s+siguientes\s+\w+|las\s+siguientes\s+\w+|que|(?:en\s+)?lo\s+siguiente|en))?"
    r"\s*(?P<colon>:)?\s*$"
)
_INTRODUCING_ACTIONS = [
    (re.compile(rf"^(?:{verbs})"), action) for verbs, action in _INTRODUCING_VERBS
]
_STARTS_WITH_LABEL = re.compile(r"^\s*(?:[-–•·]\s*)?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s")


def introducing_phrase(line: str) -> tuple[str, str | None] | None:
    """(section kind, default action) when ``line`` opens a list of agreements with a phrase of
    the conference (see ``_INTRODUCING_VERBS``), else None. A labelled line is an item, never a
    phrase; without a colon only a short line naming who decided counts ("Los Viceministros
    decidieron"), or one in capitals that opens with the verb ("APROBARON", "AGREED")."""
    stripped = line.strip().strip("*_#").strip()
    if not stripped or _STARTS_WITH_LABEL.match(stripped) or len(stripped.split()) > 90:
        return None
    folded = re.sub(r"\s+", " ", fold(stripped))
    shouting = stripped.isupper() and len(stripped.split()) <= 6
    if shouting:
        match = re.match(rf"^(?P<verb>{'|'.join(v for v, _a in _INTRODUCING_VERBS)})\b:?", folded)
    else:
        match = _INTRODUCING.search(folded)
        if match and not match["colon"]:
            words = folded.split()
            if len(words) > 8 or not stripped[:1].isupper() or len(words) < 2:
                return None
    if not match:
        return None
    verb = match["verb"]
    for pattern, action in _INTRODUCING_ACTIONS:
        if pattern.match(verb):
            if action == "declaration":
                return "declaration", None
            if action == "recommend":
                return "recommendation", action
            return "agreements", action
    return "agreements", None


def section_heading(line: str) -> str | None:
    """The kind of section a heading line opens ("combined", "conclusion", …) or None."""
    stripped = line.strip().strip("*_#").strip()
    if not stripped or len(stripped) > 160:
        return None
    labelled = re.match(r"^(?:[IVXivx]{1,4}|[A-H]|\d{1,2})[.)-]\s+(?P<rest>.+)$", stripped)
    candidate = labelled["rest"] if labelled else stripped
    if not candidate[:1].isupper():
        return None  # headings are capitalised; "recommendations of…" continues a sentence
    folded = fold(candidate).strip().rstrip(":").strip().rstrip(".").strip()
    folded = re.sub(r"\s+", " ", folded)
    if len(folded.split()) <= 14 or _NAMED_SECTION.match(folded):
        for pattern, kind in _SECTION_RES:
            if pattern.match(folded):
                return kind
    operative = _OPERATIVE.search(fold(stripped))
    if operative and len(stripped.split()) <= 60:
        verb = operative["verb"]
        return "declaration" if verb.startswith("declar") else "agreements_operative"
    return None


def heading_or_phrase(line: str) -> str | None:
    """A section heading, or else the kind of list an introducing phrase opens."""
    kind = section_heading(line)
    if kind:
        return kind
    introduced = introducing_phrase(line)
    return introduced[0] if introduced else None


# --- Operative phrases over items ----------------------------------------------------------------

# "Se acuerda:", "Los Viceministros y Jefes de Delegación acordaron además:", "The RCGM decided
# to:", "It was also agreed that:", "RESOLVE TO:", "The Working Group recommends to the RCGM:",
# "Sobre el Fondo de Reserva, el GRCM acordó:": a phrase that says the items under it were agreed
# (or recommended, declared …). It names no group of items: it is context, not their label. A
# theme before it ("Sobre el Fondo de Reserva,") or an addressee after it ("recomienda a la
# Secretaría Técnica:") does name one.
_PHRASE_VERBS: tuple[tuple[str, str | None], ...] = (
    (r"recomienda(?:n)?|recomendo|recomendaron|recomendamos|recommend(?:s|ed)?|sugiere(?:n)?"
     r"|sugirio|sugirieron|sugerimos|suggest(?:s|ed)?", "recommend"),
    (r"insta(?:n)?|insto|instaron|instamos|exhorta(?:n)?|exhorto|exhortaron|exhortamos"
     r"|invita(?:n)?|invito|invitaron|urge(?:s|d)?|encourage(?:s|d)?|invite(?:s|d)?", "urge"),
    (r"solicita(?:n)?|solicito|solicitaron|solicitamos|request(?:s|ed)?", "request"),
    (r"acuerda(?:n)?|acordo|acordaron|acordamos|decide(?:n)?|decidio|decidieron|decidimos"
     r"|convinieron|convienen|convino|convenimos|coincidieron"
     r"|resuelve(?:n)?|resolvio|resolvieron|resolvemos|declara(?:n)?|declaro|declararon"
     r"|declaramos|concluye(?:n)?|concluyo|concluyeron|agree(?:s|d)?|decide(?:s|d)?"
     r"|resolve(?:s|d)?|declare(?:s|d)?|conclude(?:s|d)?|alcanzo|alcanzaron|alcanzamos|adopto"
     r"|adoptaron|reached|adopted", None),
    (r"agradece(?:n)?|agradecieron|agradecemos|saluda(?:n)?|saludaron|saludamos|acoge(?:n)?"
     r"|acogieron|acogemos|felicita(?:n)?|felicitaron|welcome(?:s|d)?|thank(?:s|ed)?"
     r"|congratulate(?:s|d)?", "thank"),
    (r"toma(?:n)?\s+(?:debida\s+)?nota\s+de|tomaron\s+(?:debida\s+)?nota\s+de|noted"
     r"|t(?:ake|akes|ook)\s+(?:due\s+)?note\s+of", "note"),
)  # fmt: skip
# English base forms are also the imperative of an item ("Recommend to the member countries:").
_BASE_FORMS = frozenset(
    "agree decide resolve declare conclude recommend urge encourage request welcome thank "
    "congratulate".split()
)
_PHRASE_ACTIONS = [(re.compile(rf"^(?:{verbs})$"), action) for verbs, action in _PHRASE_VERBS]
_THEME = (
    r"(?:sobre|en\s+cuanto\s+al?|en\s+materia\s+de|con\s+(?:respecto|relacion)\s+al?"
    r"|respecto\s+(?:al?|del?)|en\s+relacion\s+(?:al?|con)|en\s+lo\s+que\s+respecta\s+al?"
    r"|en\s+lo\s+(?:relativo|referente|concerniente|tocante)\s+al?|en\s+lo\s+que\s+se\s+refiere\s+al?"
    r"|on|regarding|concerning"
    r"|with\s+(?:regard|respect)\s+to|as\s+regards|in\s+relation\s+to)\s+(?P<theme>[^,:;]{2,120})"
)
_THEME_LABEL = re.compile(rf"^{_THEME}$")
_SUBJECT = (
    r"(?P<subject>(?:it|this)\s+(?:is|was|has\s+been)\s+|se\s+|(?:we|nosotros)\b[^:]{0,200}?\s+"
    r"|(?:the|los|las|el|la)\s+[^:;]{1,200}?\s+)"
)
_OPENING_ADVERB = (
    r"(?:(?:asimismo|ademas|igualmente|finalmente|por\s+ultimo|also|further(?:more)?|finally"
    r"|in\s+addition|moreover|likewise"
    # When: "Al término de sus deliberaciones, el GRCM alcanzó …", "Tras un amplio debate, …".
    r"|(?:al\s+(?:termino|final|cierre)\s+de|tras|despues\s+de|at\s+the\s+(?:end|close)\s+of"
    r"|after|following|having\s+(?:examined|considered|discussed))\s[^,:;]{2,80}),\s*)"
)
_OPERATIVE_PHRASE = re.compile(
    rf"^{_OPENING_ADVERB}?(?:{_THEME},\s*)?{_SUBJECT}?(?:(?:also|further|ademas|asimismo"
    rf"|tambien)\s+)?(?P<verb>{'|'.join(verbs for verbs, _action in _PHRASE_VERBS)})"
    r"(?:\s+(?:ademas|asimismo|tambien|also|further|furthermore|unanimously|por\s+unanimidad"
    r"|por\s+consenso|by\s+consensus))*"
    # "acordaron encomendar las siguientes tareas:", "agreed to entrust the following tasks:"
    r"(?:\s+(?:to\s+)?(?P<infinitive>[a-z]{3,})(?=\s+(?:(?:los|las)\s+siguientes|the\s+following)))?"
    # "Se acordó recomendar a los Viceministros:": what is asked of the addressee.
    r"(?:\s+(?:to\s+)?(?P<asking>recomendar|solicitar|instar|exhortar|pedir|instruir|encomendar"
    r"|encargar|recommend|request|urge|ask|instruct|entrust)(?=\s+(?:a|al|to)\s))?"
    r"(?:\s+(?:to|that|as\s+follows|(?:on\s+)?the\s+following(?:\s+\w+)?|(?:en\s+)?lo\s+siguiente"
    r"|(?:los|las)\s+siguientes\s+\w+|que|on|upon|en))?"
    r"(?:\s+(?P<addressee>(?:al|a\s+(?:la|las|los|el)|a|to(?:\s+the)?)\s+[^:,;]{2,80})"
    # "requested the Technical Secretariat to:", "encouraged the member countries to:"
    r"|\s+(?P<object>[^:,;]{2,80}?)\s+(?:to|que))?"
    # "… agreed on the following activities, which the PPT will present to the RCGM …:"
    r"(?:,\s+(?:which|that|que|los\s+cuales|las\s+cuales)\s+[^:]{2,160})?\s*:$"
)

# "Se adoptaron los siguientes acuerdos:", "The following recommendations were adopted:".
_PASSIVE_PHRASE = re.compile(
    rf"^{_OPENING_ADVERB}?(?:{_THEME},\s*)?(?:se\s+(?:tomaron|adoptaron|aprobaron|alcanzaron"
    r"|formularon|emitieron)\s+(?:los|las)\s+siguientes\s+(?P<noun>\w+)|se\s+(?:acordo|aprobo"
    r"|decidio|resolvio)\s+lo\s+siguiente|the\s+following\s+(?P<noun_en>\w+)\s+(?:were|was"
    r"|have\s+been|has\s+been)\s+(?:taken|adopted|agreed(?:\s+upon)?|approved|reached|made"
    r"|issued))\s*:$"
)


class OperativePhrase(NamedTuple):
    """What an operative phrase makes of the items under it."""

    group: str  # the theme before it or the addressee after it, as printed, else ""
    action: str | None  # "Se recomienda:" → recommend
    addressee: bool = False  # the group is whom the items are addressed to
    that: bool = False  # "It is recommended that:": each item completes the sentence


_THAT_WHO = re.compile(r"\s(?:that|que)\s+(?=(?:the|el|la|los|las)\s[^:,;]{2,60}:$)", re.IGNORECASE)


def operative_phrase(line: str) -> OperativePhrase | None:
    """What ``line`` makes of the items under it when it is an operative phrase (see
    ``_OPERATIVE_PHRASE``), else None."""
    stripped = re.sub(r"\s+", " ", line.strip().strip("*_#").strip())
    if not stripped.endswith(":") or _STARTS_WITH_LABEL.match(stripped):
        return None
    if len(stripped.split()) > 45:
        return None
    folded = fold(stripped)
    match = _OPERATIVE_PHRASE.match(folded)
    that_who = _THAT_WHO.search(stripped)
    if not match and that_who:
        # "The Working Group recommends that the RCGM:" over "approve …;": the RCGM is the
        # addressee of the items, which complete its clause.
        phrase = operative_phrase(
            stripped[: that_who.start()] + " to " + stripped[that_who.end() :]
        )
        return phrase._replace(that=True) if phrase else None
    if not match:
        return _passive_phrase(stripped, folded)
    verb = match["verb"]
    if not match["subject"] and not stripped.isupper():
        # "Recommend to the member countries:" is an item in the imperative; only a bare
        # "Agree:" or a phrase in capitals ("RESOLVE TO:") stands without its subject.
        if verb.split()[0] in _BASE_FORMS and not re.match(r"^\w+\s*:$", folded):
            return None
        if re.match(r"^[a-z]+s$", verb) and verb.rstrip("s") in _BASE_FORMS:
            return None  # "Thanks:", "Requests:": a noun heading its items
    action = next(action for pattern, action in _PHRASE_ACTIONS if pattern.match(verb))
    if match["infinitive"] or match["asking"]:
        # What was agreed is named by the verb after it: "encomendar las siguientes tareas".
        entrusted = classify_action(match["infinitive"] or match["asking"])
        action = entrusted if entrusted != "other" else action
    if match["object"] and action not in ("urge", "request"):
        return None  # only who is asked or urged stands between the verb and "to:"
    that = bool(re.search(r"\b(?:that|que)\s*:$", folded)) and not match["object"]
    for name in ("theme", "addressee", "object"):
        if match[name]:
            printed = _printed(stripped, match, name)
            return OperativePhrase(printed, action, name != "theme", that)
    return OperativePhrase("", action, that=that)


def theme_label(text: str) -> str:
    """A group label as the group it names: "Regarding the Reserve Fund:" → "Reserve Fund",
    "Sobre la trata de personas" → "Trata de personas"; any other label as printed."""
    stripped = re.sub(r"\s+", " ", text.strip()).rstrip(":").strip()
    match = _THEME_LABEL.match(fold(stripped))
    return _printed(stripped, match, "theme") if match else phase_title(stripped)


def _printed(stripped: str, match: re.Match, name: str) -> str:
    """The theme or addressee as printed (fold keeps the length), without its article:
    "Fondo de Reserva", "Secretaría Técnica"."""
    printed = stripped[match.start(name) : match.end(name)]
    printed = re.sub(r"^(?:(?:al|a|to)\s+)?(?:(?:el|la|los|las|the)\s+)?", "", printed, flags=re.I)
    # "instaron a los Países Miembros a:": the preposition that introduces the items goes.
    printed = re.sub(r"\s+(?:a|to|para|que|that)$", "", printed.strip(), flags=re.I)
    return printed[:1].upper() + printed[1:]


def _passive_phrase(stripped: str, folded: str) -> OperativePhrase | None:
    match = _PASSIVE_PHRASE.match(folded)
    if not match:
        return None
    noun = match["noun"] or match["noun_en"] or ""
    action = "recommend" if noun.startswith(("recomendacion", "recommendation")) else None
    return OperativePhrase(_printed(stripped, match, "theme") if match["theme"] else "", action)


def declaring_phrase(line: str) -> bool:
    """ "DECLARAN:", "We … DECLARE:": the phrase over a declaration's operative paragraphs, each
    an item whatever its opening ("Su compromiso de …", "Our resolve to …")."""
    stripped = line.strip()
    return stripped.endswith(":") and section_heading(stripped) == "declaration"


_EARLIER_AGREEMENTS = re.compile(
    r"\b(?:pending\s+tasks|previous\s+(?:meetings?|agreements)|earlier\s+(?:meetings?|agreements)"
    r"|status\s+of\s+(?:the\s+)?(?:previous|earlier|pending)|acuerdos\s+(?:anteriores|previos|pendientes)"
    r"|tareas\s+pendientes|reuniones\s+anteriores|actions?\s+arising|matters\s+arising"
    r"|action\s+log)\b"
)

# A part that presents the plan rather than its tasks ("II. Objetivo general", "I. Background"):
# its unnumbered paragraphs are context, though "Contar con un marco regional …" opens like one.
_BACKGROUND_PART = re.compile(
    r"^(?:presentacion|introduccion|antecedentes|justificacion|contexto|metodologia|objetivos?"
    r"(?:\s+(?:general(?:es)?|especificos?))?|background|introduction|rationale|context|methodology"
    r"|(?:general\s+|specific\s+)?objectives?|purpose"
    # What was presented or said before anything was agreed: "I. SUMMARY OF PRESENTATIONS".
    r"|(?:summary\s+of\s+(?:the\s+)?)?(?:presentations|discussions|proceedings|deliberations)"
    r"|(?:resumen\s+de\s+(?:las\s+|los\s+)?)?(?:presentaciones|exposiciones|deliberaciones"
    r"|intervenciones)|desarrollo\s+de\s+la\s+(?:reunion|sesion)|(?:sesion\s+de\s+)?(?:inauguracion"
    r"|clausura)|cierre(?:\s+de\s+la\s+(?:reunion|sesion))?|(?:opening|closing)(?:\s+session)?)$"
)


def earlier_agreements(heading: str) -> bool:
    """ "Pending tasks from previous meetings": a part that reports on earlier agreements."""
    return bool(_EARLIER_AGREEMENTS.search(fold(heading)))


def background_part(title: str) -> bool:
    """ "Objetivo general", "SUMMARY OF PRESENTATIONS": a part that holds no agreement."""
    return bool(_BACKGROUND_PART.match(fold(title)))


# How minutes and reports close: "No habiendo más asuntos que tratar, se levantó la sesión …",
# "Para constancia, firman …", "There being no other business, the meeting was adjourned".
_CLOSING_FORMULA = re.compile(
    r"^(?:no\s+habiendo\s+(?:mas|otros?)\s+(?:asuntos|temas|puntos)|sin\s+(?:otros?|mas)\s+"
    r"(?:asuntos?|temas?)\s+(?:que|por)\s+tratar|agotad[oa]s?\s+(?:la\s+agenda"
    r"|el\s+orden\s+del\s+dia|los\s+(?:puntos|temas))|habiendose\s+agotado|se\s+(?:levanto|dio\s+por"
    r"\s+(?:terminada|concluida|clausurada)|clausuro|cerro)\s+la\s+(?:sesion|reunion)|para\s+constancia"
    r"|en\s+fe\s+de\s+lo\s+cual|there\s+being\s+no\s+(?:other|further)\s+(?:business|matters)"
    r"|the\s+meeting\s+(?:was|is)\s+(?:adjourned|closed)|in\s+witness\s+whereof"
    # Who wrote the record up: "This summary was prepared by the ES …", "La presente relatoría
    # fue elaborada por la ST …".
    r"|(?:this|the\s+present)\s+(?:summary|report|record|memo(?:randum)?|minutes|document)\s+"
    r"(?:was|were|has\s+been)\s+(?:prepared|drafted|written|circulated)"
    r"|(?:la\s+presente|esta|el\s+presente)\s+(?:ayuda\s+memoria|relatoria|acta|minuta|informe)\s+"
    r"(?:fue|ha\s+sido)\s+(?:elaborad|preparad|redactad|circulad)"
    # "Summary prepared by the Technical Secretariat and circulated on 20 July 2020."
    r"|(?:summary|report|record|minutes|relatoria|informe|minuta|acta|ayuda\s+memoria|resumen)\s+"
    r"(?:prepared|drafted|written|elaborad[oa]|preparad[oa]|redactad[oa])\s+(?:by|por)\s"
    # "Leída la presente acta, los participantes la aprobaron …": the minutes read and approved.
    r"|leid[oa]\s+(?:la\s+presente|el\s+presente|esta|este)\s+(?:acta|minuta|informe|relatoria)"
    r"|(?:the\s+present|these|this)\s+minutes\s+(?:having\s+been|were)\s+read"
    # A diplomatic note's close: "… aprovecha la oportunidad para reiterar … las muestras de su
    # más alta y distinguida consideración", "… avails itself of this opportunity to renew …".
    r"|(?:[a-z]+\s+){0,8}(?:aprovecha|aprovechan)\s+(?:la|esta)\s+oportunidad\s+para\s+(?:reiterar|renovar)"
    r"|(?:[a-z]+\s+){0,8}avails?\s+(?:itself|themselves)\s+of\s+this\s+opportunity"
    # An e-mail's close: "Saludos cordiales,", "Best regards,".
    r"|(?:saludos(?:\s+cordiales)?|atentamente|cordialmente|best\s+regards|kind\s+regards"
    r"|sincerely|regards),?$"
    # "Adopted in San Salvador … on the seventeenth day of November", "Los Jefes de Delegación
    # suscriben el presente Comunicado …": where and when the text was adopted or signed.
    r"|(?:adopted|done|signed|adoptad[oa]|suscrit[oa]|firmad[oa]|hech[oa]|dad[oa])\s+(?:(?:in|at|en)"
    r"\s+(?:la\s+ciudad\s+de\s+|the\s+city\s+of\s+)?[a-z]|de\s+forma\s+virtual|virtually"
    r"|by\s+videoconference|por\s+videoconferencia)"
    r"|(?:[a-z]+\s+){0,6}(?:suscriben|firman|suscribieron|firmaron|sign|signed)\s+(?:el|la|los"
    r"|las|this|the)\s+(?:presente|present)\b)"
)


def closing_formula(text: str) -> bool:
    return bool(_CLOSING_FORMULA.match(fold(text).strip()))


_AGENDA_ITEM = re.compile(
    r"^(?:agenda\s+item|item|punto|tema)(?:\s+(?:de\s+(?:la\s+)?agenda|of\s+the\s+agenda))?"
    r"\s+(?:no\.?\s*|n[°º]\s*)?\d{1,2}(?:\s+(?:de\s+(?:la\s+)?agenda|of\s+the\s+agenda))?"
    r"\s*[:.–—-]\s*(?P<title>\S.{1,100})$",
    re.IGNORECASE,
)


def agenda_title(text: str) -> str:
    match = _AGENDA_ITEM.match(text.strip())
    return match["title"].strip().rstrip(".:") if match else ""
