"""The verbs of the conference's agreements, read through misspellings, and the countries that
"these countries" stand for.

* :func:`fuzzy_verb` corrects the opening verb of an item when the source misspells it
  ("Enconmendar", "Recomendr", "Aprobe"): a word of more than five letters within one edit of a
  verb of the lexicon (two edits from nine letters on) is that verb. Shorter words are never
  corrected: "note" and "nota", "host" and "hold" are too close to tell.
* :func:`resolve_anaphora` rewrites "these countries", "estos países", "both countries",
  "dichos países", "ambos países"… as the countries named just before them (in the same text, or
  in the context given: the item above), so that actors and responsible read them. "Both" takes
  the last two countries named.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .gazetteer import Gazetteer, fold

__all__ = ["LEXICON", "fuzzy_verb", "resolve_anaphora"]

LEXICON = tuple(
    """thank congratulate recognize recognise welcome acknowledge commend appreciate note accept
    receive approve adopt endorse ratify update confirm establish create designate appoint
    authorize authorise prioritize support recommend propose suggest urge encourage invite exhort
    request instruct entrust mandate commission submit circulate send present share distribute
    forward transmit deliver report inform provide hold organize organise convene conduct host
    continue schedule sponsor implement develop consider review analyze analyse examine study
    evaluate assess discuss explore reiterate reaffirm agradecer felicitar reconocer saludar
    acoger tomar aceptar recibir aprobar adoptar avalar ratificar refrendar actualizar establecer
    crear designar elegir autorizar priorizar acordar confirmar apoyar respaldar recomendar
    proponer sugerir instar exhortar alentar animar invitar motivar solicitar pedir encomendar
    encargar instruir requerir presentar someter remitir enviar circular compartir distribuir
    elevar trasladar informar difundir proporcionar incorporar entregar realizar celebrar
    organizar efectuar convocar continuar auspiciar implementar desarrollar iniciar lanzar
    ejecutar impulsar considerar analizar revisar estudiar examinar evaluar valorar discutir
    reiterar reafirmar elaborar preparar""".split()
)


def _distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance, or ``bound + 1`` as soon as it exceeds ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=4096)
def fuzzy_verb(word: str) -> str | None:
    """The lexicon's verb that ``word`` misspells, or None (see the module's rules)."""
    word = fold(word).strip(".,;:")
    if len(word) <= 5 or not word.isalpha() or word in LEXICON:
        return None
    for suffix in ("d", "ed", "s", "es", "ing", "ado", "ada", "ados", "adas", "ido", "ida"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and (stem in LEXICON or stem + "e" in LEXICON):
            return None  # "updated", "organizing": a form of a verb, not a misspelling
    bound = 2 if len(word) >= 9 else 1
    best: tuple[int, str] | None = None
    for verb in LEXICON:
        if len(verb) <= 4:
            continue
        distance = _distance(word, verb, bound)
        if distance <= bound and (best is None or distance < best[0]):
            best = (distance, verb)
    return best[1] if best else None


_ANAPHOR = re.compile(
    r"(?=[abdelst])\b(?P<phrase>(?:these|those|both|the\s+said|said|the\s+aforementioned|the\s+two|the\s+three"
    r"|the\s+above-?mentioned)\s+(?:member\s+)?(?:countries|states|governments|delegations)"
    r"|(?:estos|esos|dichos|ambos|aquellos|los\s+dos|los\s+tres|los\s+mencionados|los\s+citados)"
    r"\s+(?:paises|estados|gobiernos)(?:\s+miembros)?"
    r"|(?:ambas|estas|dichas|las\s+dos)\s+delegaciones"
    # "both organizations", "ambos organismos", "dichas organizaciones": the organisations named.
    r"|(?P<org>(?:these|those|both|the\s+said|said|the\s+aforementioned|the\s+two"
    r"|the\s+above-?mentioned)\s+(?:organi[sz]ations|agencies|institutions)"
    r"|(?:estos|esos|dichos|ambos|los\s+dos|los\s+mencionados|los\s+citados)\s+organismos"
    r"|(?:estas|esas|dichas|ambas|las\s+dos|las\s+mencionadas|las\s+citadas)\s+"
    r"(?:organizaciones|agencias|instituciones)))\b"
)


def resolve_anaphora(text: str, gazetteer: Gazetteer, language: str, context: str = "") -> str:
    """``text`` with each anaphor replaced by the countries it stands for (see the module)."""
    folded = fold(text)
    if not _ANAPHOR.search(folded):
        return text
    # The countries named in the text are found once, not once per anaphor: a long text with
    # many anaphors stays linear.
    named = {False: _Countries(text, gazetteer, language)}
    in_context: dict[bool, list[str]] = {}
    out: list[str] = []
    cursor = 0
    for match in _ANAPHOR.finditer(folded):
        organisations = bool(match["org"])
        if organisations not in named:
            named[organisations] = _Countries(text, gazetteer, language, organisations)
        countries = named[organisations].last_before(match.start())
        if not countries:
            if organisations not in in_context:
                in_context[organisations] = _Countries(
                    context, gazetteer, language, organisations
                ).last_before(len(context))
            countries = in_context[organisations]
        phrase = match["phrase"]
        if re.match(r"(?:both|ambos|ambas|the\s+two|los\s+dos|las\s+dos)\b", phrase):
            countries = countries[-2:]
        elif re.match(r"(?:the\s+three|los\s+tres)\b", phrase):
            countries = countries[-3:]
        if not countries:
            continue
        glue = " y " if language == "es" else " and "
        out.append(text[cursor : match.start()])
        out.append(glue.join(countries))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


class _Countries:
    """The countries a text names, as written, and where its sentences begin."""

    def __init__(
        self, text: str, gazetteer: Gazetteer, language: str, organisations: bool = False
    ) -> None:
        self.text = text
        mentions = [
            (start, end)
            for start, end, codes in gazetteer.mentions(text, language, expand_groups=False)
            if codes
            and all(
                gazetteer.kind_of(code) == "organisation"
                if organisations
                else gazetteer.is_country(code)
                for code in codes
            )
        ]
        # Mentions do not overlap: in text order, both their starts and their ends ascend.
        self.starts = [start for start, _end in mentions]
        self.ends = [end for _start, end in mentions]
        self.sentences = [m.end() for m in re.finditer(r"[.;:]\s", text)]

    def last_before(self, position: int) -> list[str]:
        """The names of the countries in the last sentence before ``position`` that names
        any."""
        last = bisect.bisect_right(self.ends, position)
        if not last:
            return []
        boundary = bisect.bisect_right(self.sentences, self.starts[last - 1]) - 1
        sentence_start = self.sentences[boundary] if boundary >= 0 else 0
        names: list[str] = []
        for i in range(bisect.bisect_left(self.starts, sentence_start), last):
            name = self.text[self.starts[i] : self.ends[i]]
            if name not in names:
                names.append(name)
        return names
