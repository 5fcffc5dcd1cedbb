"""The verbs of the conference's agreements and the action each stands for, in English and
Spanish (the rules are in :mod:`.actions`), and the nouns that name an activity."""

from __future__ import annotations

import re

_ES_ENDINGS = (
    "ar", "er", "ir", "a", "an", "e", "en", "o", "io", "aron", "ieron", "amos", "emos", "imos",
    "ara", "era", "ira", "aran", "eran", "iran", "ado", "ada", "ados", "adas", "ido", "ida",
    "idos", "idas", "ando", "iendo", "ye", "yen", "yo", "yeron", "ya", "yan",
)  # fmt: skip


def _es(*stems: str) -> str:
    """Spanish verb forms (folded, no accents) of the given stems, nouns excluded."""
    endings = "|".join(sorted(_ES_ENDINGS, key=len, reverse=True))
    # The subjunctive changes the spelling of the stem: realiz-ar, realic-e; ratific-ar,
    # ratifiqu-e; encarg-ar, encargu-e ("Se realice…", "Que se ratifique…").
    variants = [
        stem[:-1] + {"z": "c", "c": "qu", "g": "gu"}[stem[-1]]
        for stem in stems
        if stem[-1] in "zcg"
    ]
    subjunctive = f"|(?:{'|'.join(variants)})(?:e|en)" if variants else ""
    return f"(?:(?:{'|'.join(stems)})(?:{endings}){subjunctive})"


_REITERATE = (
    r"(?:reaffirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|re-?affirm(?:s|ed|ing)?|"
    + _es("reafirm", "reiter", "ratific")
    + ")"
)

_VERBS: tuple[tuple[str, str], ...] = (
    # Multi-word openings first.
    (
        # "Tornar nota": OCR's "rn" for "m".
        r"(?:take|takes|took|taking|tomar|toma|toman|tomo|tomaron|tornar)\s+(?:due\s+|debida\s+)?"
        r"(?:note|nota)",
        "note",
    ),
    (r"(?:dar|da|dan|dio)\s+la\s+bienvenida", "thank"),
    (
        r"(?:express|expresses|expressed|extend|extends|extended|convey|expresar|expresa|expresan|expreso|expresaron|expresamos|manifestar|manifiesta|manifiestan|manifesto|manifestaron|reiteraron|reiteran)\s+(?:its\s+|their\s+|our\s+|su\s+|sus\s+)?(?:sincere\s+|profundo\s+)?(?:gratitude|appreciation|thanks|recognition|congratulations|agradecimiento|reconocimiento|felicitaciones)",
        "thank",
    ),
    (
        r"(?:call|calls|called|hacer|hace|hacen|hizo)\s+(?:up)?on|(?:call|calls|called)\s+for|(?:hacer|hace|hacen)\s+un\s+(?:llamado|llamamiento)|(?:llamar|llama|llaman)\s+a",
        "urge",
    ),
    (
        r"(?:reiterate|reiterates|reiterated|reiterar|reitera|reiteran|stress|stresses|emphasi[sz]e|emphasi[sz]es|underline|underlines|underscore|highlight|highlights|destacar|subrayar|resaltar|enfatizar)\s+(?:the\s+|la\s+|el\s+)?(?:call|importance|need|invitation|urgency|necesidad|importancia|llamado|invitacion|urgencia)",
        "urge",
    ),
    # "Reaffirm" and "reiterate" restate what the conference said before: what they restate
    # decides the kind (thanks, a request, a recommendation); a commitment, a support or a
    # position restated is confirmed, hence approve.
    (
        _REITERATE
        + r"\s+(?:(?:a|al|to)\s+[^,;:]{1,80}?\s+)?(?:(?:its|their|our|the|su|sus|nuestro|nuestros"
        r"|el|la|los|las)\s+)?(?:(?:sincere|deep|profound|full|sincero|profundo|pleno)\s+)?"
        r"(?:gratitude|appreciation|thanks|congratulations|recognition|agradecimientos?"
        r"|reconocimientos?|felicitaciones?|beneplacito)",
        "thank",
    ),
    (
        _REITERATE
        + r"\s+(?:(?:a|al|to)\s+[^,;:]{1,80}?\s+)?(?:(?:its|their|our|the|su|sus|nuestro|nuestra"
        r"|el|la|los|las)\s+)?(?:request|requests|solicitud(?:es)?|peticion(?:es)?|pedido)",
        "request",
    ),
    (
        _REITERATE + r"\s+(?:(?:its|their|our|the|su|sus|nuestro|nuestra|el|la|los|las)\s+)?"
        r"(?:recommendations?|recomendaci(?:on|ones))",
        "recommend",
    ),
    (
        _REITERATE + r"\s+(?:(?:its|their|our|the|su|sus|nuestro|nuestra|el|la|los|las)\s+)?"
        r"(?:call|appeal|invitation|urgency|exhortation|llamado|llamamiento|invitacion|urgencia"
        r"|exhorto|exhortacion)",
        "urge",
    ),
    (
        r"(?:carry|carries|carried|llevar|lleva|llevan|llevo|lleve|lleven)\s+(?:out|a\s+cabo)",
        "hold",
    ),
    (
        r"(?:explore|explores|explorar)\s+(?:the\s+|la\s+)?(?:possibility|posibilidad)\s+(?:of|de)\s+(?:holding|organi[sz]ing|hosting|realizar|celebrar|organizar|llevar)",
        "hold",
    ),
    (
        r"(?:think|thinks)\s+through|take\s+into\s+(?:account|consideration)|tomar\s+en\s+(?:cuenta|consideracion)|reflect\s+on",
        "consider",
    ),
    # "received with satisfaction the Activity Report of the TS": the report is noted (an offer
    # received is accepted).
    (
        r"(?:receiv(?:e|es|ed)|recib(?:ir|e|en|io|ieron|imos))\s+(?:with|con)\s+(?:great\s+|gran\s+)?"
        r"(?:satisfaction|appreciation|interest|pleasure|satisfaccion|beneplacito|interes|agrado)"
        r"\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?:[\w-]+\s+){0,4}?(?:reports?|information|presentations?"
        r"|updates?|results|documents?|study|studies|summary|informes?|informacion|presentaci(?:on|ones)"
        r"|resultados|estudios?|documentos?|resumen|avances?|progress)\b",
        "note",
    ),
    (r"(?:follow|follows|dar|da|dan)\s*-?\s*(?:up|seguimiento)", "other"),
    (
        r"(?:submit|submits|submitted|someter|somete|someten)\s+(?:for|to|a|para)\s+(?:the\s+|la\s+)?(?:consideration|approval|consideracion|aprobacion)",
        "submit",
    ),
    # Single verbs: English forms, then Spanish stems with their inflections.
    (
        r"thank(?:s|ed|ing)?|congratulat(?:e|es|ed|ing)|recogni[sz](?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|commend(?:s|ed)?|appreciat(?:e|es|ed)|acknowledg(?:e|es|ed)|"
        + _es("agradec", "felicit", "reconoc", "reconozc", "salud", "acog"),
        "thank",
    ),
    (r"note|notes|noted|noting|" + _es("not") + r"|tomar\s+conocimiento", "note"),
    (
        r"accept(?:s|ed|ing)?|receiv(?:e|es|ed)|dar\s+por\s+recibid[oa]s?|" + _es("acept", "recib"),
        "accept",
    ),
    (_REITERATE, "approve"),
    (
        r"approv(?:e|es|ed|ing)|adopt(?:s|ed)?|endors(?:e|es|ed)|hac(?:er|e|en|emos)\s+suy[oa]s?|hicieron\s+suy[oa]s?|ratif(?:y|ies|ied)|update|updates|confirm(?:s|ed)?|establish(?:es|ed)?|creat(?:e|es|ed)|designat(?:e|es|ed)|appoint(?:s|ed)?|elect(?:s|ed)?|authori[sz](?:e|es|ed)|prioriti[sz](?:e|es|ed)|select(?:s|ed)?|renew(?:s|ed)?|agree(?:s|d)?|decide(?:s|d)?|support(?:s|ed)?|form(?:s|ed)?|"
        + _es(
            "apoy",
            "respald",
            "aprob",
            "aprueb",
            "adopt",
            "aval",
            "ratific",
            "refrend",
            "actualiz",
            "establec",
            "cre",
            "design",
            "eleg",
            "elig",
            "autoriz",
            "prioriz",
            "acord",
            "acuerd",
            "confirm",
        ),
        "approve",
    ),
    (
        r"recommend(?:s|ed|ing)?|propos(?:e|es|ed)|suggest(?:s|ed)?|"
        + _es("recomend", "recomiend", "propon", "propus", "suger", "sugier"),
        "recommend",
    ),
    (
        r"urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|invit(?:e|es|ed)|exhort(?:s|ed)?|appeal(?:s|ed)?|remind(?:s|ed)?|"
        + _es("inst", "exhort", "alent", "alient", "anim", "invit", "motiv")
        + r"|convocar\s+a\s+(?:los|las)\s+(?:paises|estados)",
        "urge",
    ),
    (
        r"request(?:s|ed)?|ask(?:s|ed)?|instruct(?:s|ed)?|entrust(?:s|ed)?|mandat(?:e|es|ed)|task(?:s|ed)?|charg(?:e|es|ed)|commission(?:s|ed)?|requir(?:e|es)|direct(?:s|ed)?|"
        + _es(
            "solicit",
            "ped",
            "pid",
            "encomend",
            "encomiend",
            "encarg",
            "instru",
            "requer",
            "requier",
            "mandat",
        ),
        "request",
    ),
    (
        r"submit(?:s|ted)?|hac(?:er|e|en|emos|ia)(?:lo|la|los|las)?\s+llegar|hag(?:a|an)\s+llegar|circulat(?:e|es|ed)|send(?:s)?|sent|present(?:s|ed)?|shar(?:e|es|ed)|distribut(?:e|es|ed)|forward(?:s|ed)?|refer(?:s|red)?|transmit(?:s|ted)?|elevat(?:e|es|ed)|deliver(?:s|ed)?|report(?:s|ed)?|inform(?:s|ed)?|provid(?:e|es|ed)|incorporat(?:e|es)|disseminat(?:e|es)|"
        + _es(
            "present",
            "somet",
            "remit",
            "envi",
            "circul",
            "compart",
            "distribu",
            "elev",
            "traslad",
            "inform",
            "difund",
            "proporcion",
            "incorpor",
            "entreg",
        ),
        "submit",
    ),
    (
        r"hold(?:s)?|held|(?:co-?)?organi[sz](?:e|es|ed|ing)|co-?host(?:s|ed)?|convene(?:s|d)?|conduct(?:s|ed)?|host(?:s|ed)?|continu(?:e|es|ed)|schedul(?:e|es|ed)|co-?sponsor(?:s|ed)?|sponsor(?:s|ed)?|dar\s+continuidad|"
        + _es("realiz", "celebr", "organiz", "efectu", "convoc", "continu", "auspici", "coauspici"),
        "hold",
    ),
    (
        r"implement|implements|develop|develops|initiat(?:e|es)|launch(?:es)?|execut(?:e|es)|"
        + _es("implement", "desarroll", "inici", "lanz", "ejecut", "impuls", "elabor", "prepar"),
        "hold?",
    ),
    (
        r"consider(?:s|ed)?|review|reviews|revis(?:e|es)|analy[sz](?:e|es)|examin(?:e|es)|stud(?:y|ies)|evaluat(?:e|es)|assess(?:es)?|discuss(?:es)?|explor(?:e|es)|"
        + _es("consider", "analiz", "revis", "estudi", "examin", "evalu", "valor", "discut"),
        "consider",
    ),
)
_VERB_PATTERNS = [(re.compile(rf"^(?:{pattern})\b"), action) for pattern, action in _VERBS]

_ACTIVITY = (
    r"workshops?|seminars?|meetings?|courses?|diploma|congress(?:es)?|forums?|fora|exchanges?"
    r"|trainings?|campaigns?|conferences?|dialogues?|round\s*tables?|webinars?|sessions?|visits?"
    r"|missions?|events?|encounters?|plenary|taller(?:es)?|seminarios?|reuni(?:on|ones)|cursos?"
    r"|diplomados?|congresos?|foros?|intercambios?|capacitaci(?:on|ones)|campanas?|conferencias?"
    r"|dialogos?|mesas?\s+redondas?|sesi(?:on|ones)|visitas?|encuentros?|webinarios?|jornadas?"
    r"|simposios?|symposi(?:um|a)|panel(?:es)?|summit|cumbre|exercises?|ejercicios?"
)
_NOT_HEAD = (
    r"mechanisms?|protocols?|guides?|guidelines|plans?|strateg(?:y|ies)|frameworks?|networks?"
    r"|systems?|documents?|reports?|tools?|platforms?|matri(?:x|ces)|proposals?|databases?|models?"
    r"|procedures?|mecanismos?|protocolos?|guias?|lineamientos|planes?|estrategias?|marcos?"
    r"|redes?|sistemas?|documentos?|informes?|herramientas?|plataformas?|matri(?:z|ces)"
    r"|propuestas?|procedimientos?|modelos?|rooms?|room"
)
_ACTIVITY_WORD = re.compile(rf"\b(?:{_ACTIVITY})\b(?!\s+(?:{_NOT_HEAD})\b)")
_CONTINUATION = re.compile(r"^(?:continuation|continuity|continuacion|continuidad)\b")
_NOMINAL = (
    (re.compile(r"^(?:adoption|approval|adopcion|aprobacion)\b"), "approve"),
    # Agreements written as nouns ("se acordó: 3. Agradecimiento a la OIM …; 7. Elaboración, por
    # parte de la Secretaría Técnica, de un cuadro …").
    (
        re.compile(
            r"^(?:agradecimientos?|reconocimientos?|felicitaci(?:on|ones)|thanks|gratitude"
            r"|appreciation|recognition|congratulations)\s+(?:a|al|to|for|por)\b"
        ),
        "thank",
    ),
    (re.compile(r"^(?:aceptacion|acceptance)\s+(?:de|del|of)\b"), "accept"),
    (re.compile(r"^(?:solicitud|peticion|request)\s+(?:a|al|to)\b"), "request"),
    (
        re.compile(
            r"^(?:exhortaci(?:on|ones)|exhorto|llamado|llamamiento|appeal|call)\s+(?:a|al|to|upon)\b"
        ),
        "urge",
    ),
    (re.compile(r"^(?:toma\s+de\s+nota|taking\s+(?:due\s+)?note)\b"), "note"),
    (
        re.compile(
            r"^(?:elaboracion|preparacion|preparation|drafting|remision|envio|circulacion"
            r"|circulation|submission)\b"
        ),
        "submit",
    ),
    (
        re.compile(r"^(?:revision|review|analysis|study|analisis|estudio|revision)\s+of\b"),
        "consider",
    ),
    (re.compile(r"^(?:revision|analisis|estudio)\s+de\b"), "consider"),
    (
        re.compile(r"^(?:organi[sz]ation|organizacion|realizacion|celebracion)\s+(?:of|de)\b"),
        "hold",
    ),
    (re.compile(r"^(?:follow\s*-?\s*up|seguimiento)\b"), "other"),
)
_PREPOSITION = re.compile(
    r"\b(?:of|on|in|between|for|with|to|about|regarding|among|by|at|held|sobre|de|del|en|entre"
    r"|para|con|acerca|a|al|por)\b|[,.;:(]"
)
_PAST_HELD = re.compile(
    r"\b(?:held|took\s+place|carried\s+out|celebrad[oa]s?|realizad[oa]s?|llevad[oa]s?\s+a\s+cabo"
    r"|efectuad[oa]s?)\b"
)
_FUTURE_HELD = re.compile(
    r"\b(?:to|will|should|shall|would|could|may)\s+be\s+(?:held|carried\s+out)|\ba\s+(?:realizarse"
    r"|celebrarse|efectuarse|llevarse)|\bse\s+(?:realizara|celebrara|efectuara|llevara)"
)

# Spanish nouns spelled like a form of a verb in the table.
_LOOKALIKE_NOUNS = re.compile(
    r"^(?:informe|informes|acuerdo|acuerdos|inicio|envio|envios|nota|notas|presente|revision"
    r"|invitado|invitados|solicitud|follow-up(?!\s+(?:on|with)\b))(?:\b|$)"
)

# "The document will be circulated…": the action of a future passive.
_PARTICIPLES = {
    "requested": "request", "asked": "request", "invited": "urge", "urged": "urge",
    "encouraged": "urge", "circulated": "submit", "held": "hold", "organized": "hold",
    "organised": "hold", "distributed": "submit", "shared": "submit", "sent": "submit",
    "presented": "submit", "submitted": "submit", "considered": "consider",
    "reviewed": "consider", "analyzed": "consider", "approved": "approve",
}  # fmt: skip
