"""Items the document does not number: paragraphs after an operative phrase ("acordaron:",
"agreed to:"), bullets under group labels ("Secretaría Pro-Témpore", "Red de Funcionarios de
Enlace"), the operative paragraphs of a declaration.

The tree builder uses this mixin for every section that has no labelled item at all (a section
with numbers keeps today's reading, where bullets and paragraphs belong to the item above).

* **Bullets** are items. Word draws each level of a list with its own glyph (U+F0B7, then "o",
  then "§"), so the first glyph met in a section is the top level and another one a level below.
* **Paragraphs** are items when they open as the conference's agreements do: an infinitive
  ("Someter…", "To approve…"), a subjunctive or passive ("Se lleve a cabo…", "Que se elabore…"),
  a first-person declaration ("We agree…", "Reafirmamos…") or, after a phrase such as
  "welcomed:", any paragraph (each names a thing welcomed). A paragraph that narrates ("Hicieron
  especial mención…", "The Vice-Ministers expressed…") or recites ("Considering…",
  "Reconociendo…") is context: kept on the record, not an item. A paragraph whose line breaks
  were lost is read sentence by sentence.
* **References** are assigned in document order (1, 2, 3…; a bullet a level below is 3.1) and
  marked as assigned, so that nobody takes them for printed numbers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .actions import PREFACE, _verb_action, fuzzy_verb
from .gazetteer import fold
from .parser_labels import Label
from .parser_resolution import operative, preambular
from .parser_sections import theme_label

if TYPE_CHECKING:
    from .parser_tokens import _Token

# "Considering…", "Reconociendo…": the recitals of a declaration.
_RECITAL = re.compile(
    r"^(?:considering|recognizing|recognising|recalling|reaffirming|bearing\s+in\s+mind|noting"
    r"|acknowledging|concerned|convinced|aware|conscious|mindful|taking\s+into\s+account"
    r"|emphasi[sz]ing|stressing|welcoming|considerando|reconociendo|recordando|reafirmando"
    r"|teniendo\s+(?:presente|en\s+cuenta)|tomando\s+en\s+(?:cuenta|consideracion)|conscientes"
    r"|convencid[oa]s|preocupad[oa]s|destacando|subrayando|resaltando|observando|acogiendo"
    r"|en\s+(?:atencion|consideracion)\s+a\s+que)\b"
)
# Who narrates: "The Vice-Ministers expressed…", "Los Viceministros analizaron…".
_NARRATOR = re.compile(
    r"^(?:(?:the|los|las|el|la)\s+)?(?P<who>vice-?ministers?|viceministr[oa]s|delegations?|delegaci(?:on|ones)"
    r"|participants|participantes|governments?|gobiernos?|they|ellos|ellas|heads\s+of\s+delegation"
    r"|funcionari[oa]s(?:\s+de\s+enlace)?|liaison\s+officers|enlaces"
    r"|jefes\s+de\s+delegacion|participating\s+delegations|countries|paises|conference|conferencia"
    r"|meeting|reunion|(?:working\s+)?group|grupo(?:\s+de\s+trabajo)?|network|red|workshop|taller"
    r"|(?:technical\s+)?secretariat|secretaria(?:\s+tecnica)?|(?:pro\s+tempore\s+)?presidency"
    r"|presidencia(?:\s+pro\s+tempore)?|ppt|rcgm|grcm|rcm|crm)"
    # "… que aún no lo han hecho cubrirán …": a participle after "han" narrates nothing.
    r"\b[^.;:]{0,60}?\b(?<!\bhan\s)(?<!\bha\s)(?!(?:como|todo|grupo|marco|caso|mismo|dicho"
    r"|hecho|trabajo|apoyo|acuerdo|plazo|periodo)\b)(?P<verb>\w+(?:ed|aron|ieron)|\w{3,}o)\b"
)
# "Durante la sesión plenaria, los Viceministros sostuvieron …": when, before who narrates.
_OCCASION = re.compile(
    r"^(?:durante|during|tras|after|al\s+(?:inicio|termino|final|cierre)\s+de|at\s+the\s+(?:opening"
    r"|close|end)\s+of|in\s+the\s+course\s+of|en\s+el\s+transcurso\s+de)\b[^,;:.]{0,120},\s*"
)
_PRETERITE = re.compile(r"^\w{3,}(?:aron|ieron)\b")
_FIRST_PERSON = re.compile(
    r"^(?:we\s+(?!were\b|had\b|discussed\b|met\b|gathered\b)\w+|nos\s+comprometemos|\w{3,}(?:amos"
    r"|emos|imos)\b)"
)
_SUBJUNCTIVE = re.compile(r"^(?:que\s+)?se\s+(?P<verb>\w+)|^que\s+")
_INFINITIVE = re.compile(r"^(?P<verb>\w{3,}(?:ar|er|ir)(?:se|le|les|lo|la|los|las)?)\b")
_NOT_INFINITIVES = frozenset(
    "lugar hogar mujer nivel particular regular similar popular familiar militar titular "
    "exterior interior anterior posterior superior inferior mayor menor".split()
)
_BODY_DECIDED = re.compile(
    r"^(?:the|la|el|los|las)\s+(?:rcgm|grcm|vice-?ministers|viceministr[oa]s|(?:working\s+)?group"
    r"|grupo(?:\s+de\s+trabajo)?|network|red|conference|conferencia|meeting|reunion)"
    r"(?:\s+(?:also|further|tambien|asimismo))?\s+(?:agreed|decided|resolved|recommended|acordo"
    r"|acordaron|decidio|decidieron|resolvio|resolvieron|recomendo|recomendaron)\b"
)
_TABLE_ROW = re.compile(
    r"\s—\s(?:responsible|responsables?|lead|date|dates|deadline|plazo|fecha|fechas"
    r"|time\s*frame|timeline|a\s+cargo(?:\s+de)?)[^:—]{0,20}:\s",
    re.IGNORECASE,
)
_TO_INFINITIVE = re.compile(
    r"^to\s+(?!(?:the|a|an|this|that|these|those|its|their|date|be)\b)[a-z]{2,}\s+\w"
)
_ADVERBS = re.compile(r"^(?:\w+mente\s+|(?!apply|supply|rely|reply|comply|multiply)\w{3,}ly\s+)+")
# Word's bullets by level: U+F0B7 (read as "·"), then "o", then "§" or a square.
_GLYPH_LEVELS = {"o": 1, "◦": 1, "○": 1, "▪": 2, "■": 2, "□": 2, "§": 2}
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[¿\"“(]?[A-ZÁÉÍÓÚÑ])")


def _opening_words(text: str) -> str:
    folded = fold(text).strip().lstrip("·•-–*\"'“( ")
    for _ in range(2):
        folded = PREFACE.sub("", folded, count=1)
    return folded


def recital(text: str) -> bool:
    """A recital of a declaration's preamble ("Considering…", "Reconociendo…")."""
    return bool(_RECITAL.match(fold(text).strip().lstrip("·•-–*\"'“( ")))


# "CONSIDERANDO:", "Considering that:": a heading over recitals that open "Que …" / "That …".
_RECITALS_HEADING = re.compile(
    r"^\W*(?:considerando|considering|reconociendo|recognizing)(?:\s+que|\s+that)?\s*:$"
)
_THAT = re.compile(r"^\W*(?:que|that)\s")


def recitals_heading(text: str) -> bool:
    """A heading over a list of recitals each opening "Que …" ("CONSIDERANDO:")."""
    return bool(_RECITALS_HEADING.match(fold(text).strip()))


def recital_under_heading(text: str) -> bool:
    """A recital of a list under "CONSIDERANDO:": "Que la migración es …;"."""
    return bool(_THAT.match(fold(text)))


def narrative(text: str, completing: bool = False) -> bool:
    """A paragraph that tells what happened rather than what was agreed. ``completing``: the
    paragraph completes "… recommends that:", where "The RCGM approve the revised Guide" is no
    narration: only a subject followed at once by its past tense ("The Network thanked …") is."""
    opening = _OCCASION.sub("", _opening_words(text), count=1)
    if _PRETERITE.match(opening) or recital(text):
        return True
    if _BODY_DECIDED.match(opening) and not completing and not text.rstrip().endswith(":"):
        return False  # "El GRCM acordó solicitar a la OIM …": a decision, not a narration
    narrator = _NARRATOR.match(opening)
    if completing and narrator:
        between = opening[narrator.end("who") : narrator.start("verb")].split()
        return all(word in ("also", "further", "tambien", "ademas", "asimismo") for word in between)
    return bool(narrator) and not re.match(r"^(?:will|shall|should|must)$", narrator["verb"])


def narrates(text: str) -> bool:
    """ "20. The PPT thanked the delegations …", "2.2 Informe de la ST. La Coordinadora presentó
    …": a paragraph of a part that tells what happened, its run-in title aside."""
    told = re.sub(r"^[A-ZÁÉÍÓÚÑ][^.:;]{0,60}\.\s+(?=[A-ZÁÉÍÓÚÑ])", "", text.strip())
    return narrative(told) or not opens_item(told)


_REPORTED_FUTURE = (
    r"\b(?:informed|said|noted|stated|reported|explained|indicated|announced|recalled|informo"
    r"|senalo|indico|explico|anuncio|recordo)\b.*\b(?:that|que)\b.*\b(?:will|shall|deberan?)\b"
)


def minuted_narration(token) -> bool:
    """ "3.1 Mexico and Guatemala presented …" in minutes: a numbered paragraph of what was said,
    not decided."""
    label = token.label
    return (
        token.kind == "item"
        and label is not None
        and len(label.path) > 1
        and not minuted_decision(token.text)
    )


def minuted_decision(text: str) -> bool:
    """In minutes that number every paragraph, whether one records a decision or a task ("3.3 The
    Group agreed to …", "4.4 The member countries … will send …") rather than what was said."""
    told = re.sub(r"^[A-ZÁÉÍÓÚÑ][^.:;]{0,60}\.\s+(?=[A-ZÁÉÍÓÚÑ])", "", text.strip())
    if opens_item(told):
        return True
    opening = fold(" ".join(_SENTENCE.split(told, maxsplit=1)[0].split()[:16]))
    reported = re.search(_REPORTED_FUTURE, opening)  # "UNHCR informed … that it will convene"
    return bool(re.search(r"\b(?:will|shall|deberan?)\b", opening)) and not reported


def opens_item(text: str, strict: bool = False) -> bool:
    """Whether a paragraph (or, ``strict``, a sentence inside one) opens an agreement."""
    if not strict and _TABLE_ROW.search(text):
        # "Exchange information … — Responsible: All member countries — Date: Permanent": a
        # table's row (reading._table_rows), an agreement whatever its first verb.
        return True
    opening = _opening_words(text)
    # "To keep the directory up to date": an English infinitive, whatever its verb.
    if _TO_INFINITIVE.match(opening):
        return True
    opening = re.sub(r"^to\s+", "", opening)
    opening = _ADVERBS.sub("", opening)
    if not opening:
        return False
    subjunctive = _SUBJUNCTIVE.match(opening)
    if subjunctive:
        verb = subjunctive.groupdict().get("verb") or ""
        # "Se acordó realizarlo…" inside a paragraph says more about the item above.
        return not strict or not re.search(r"(?:o|aron|ieron)$", verb)
    if _FIRST_PERSON.match(opening):
        return True
    if not strict and re.match(
        r"^(?:it\s+was\s+(?:also\s+|further\s+)?agreed|se\s+acordo)\b", opening
    ):
        return True
    if not strict and _BODY_DECIDED.match(opening):
        return True  # "The Network agreed to prepare…", "La Red acordó solicitar…"
    first = opening.split()[0]
    if _verb_action(opening) is not None and not _PRETERITE.match(opening):
        return not first.endswith(("ed", "o")) or first in ("ratify", "do")
    infinitive = _INFINITIVE.match(opening)
    if infinitive and infinitive["verb"] not in _NOT_INFINITIVES:
        return True
    return fuzzy_verb(first) is not None


def sentences(text: str) -> list[str]:
    """A paragraph cut into sentences (only long paragraphs: line breaks may have been lost)."""
    if len(text) < 300:
        return [text]
    return [part for part in _SENTENCE.split(text) if part.strip()]


class _UnnumberedMixin:
    """The tree builder's handling of sections without labels (see the module's rules)."""

    def _assigned(self, text: str, depth: int, token) -> None:
        self._flush(None)
        depth = min(depth, len(self.stack))
        parent = self.stack[depth - 1].item if depth > 0 else None
        if depth == 0:
            # "… acordaron:" then "Finalmente, la Red acordó:": decisions and conclusions of one
            # list of agreements go on numbering; recommendations count apart.
            kind = "recommendation" if self.section == "recommendation" else "agreements"
            if kind not in self.assigned_top and self.prefix == "pending" and not self.part_label:
                # "Next steps by country" after agreements 1–5: its tasks go on from 6, their
                # references ours, as no printed number can clash with them.
                self.assigned_top[kind] = self.last_top_value
            number = self.assigned_top.get(kind, 0) + 1
            self.assigned_top[kind] = number
            if self.prefix == "pending":
                continues = number == self.last_top_value + 1
                self.prefix = "" if continues else self._restart_prefix()
        else:
            number = len(parent.children) + 1
        label = Label("", str(number), [("num", number)], "", assigned=True)
        group = self.pending_group or self.assigned_groups.get(depth, "")
        self.assigned_groups[depth] = group
        del self.stack[depth:]
        node = self._new_node(label, parent, text)
        node.default_action = self.section_action
        node.phrase_action, node.phrase_that = self._phrase_at(depth)
        node.group = group or (parent.group if parent else "")
        self.phrase_reset = False
        from .parser_text import _Level

        self.stack.append(_Level("assigned", "", number, node, group))
        self.pending_group = ""
        if depth == 0:
            self.last_top_value = number
        self.section_has_items = True
        self.in_context = False
        self.previous = token
        self.gap = False

    def _unnumbered_bullet(self, token) -> None:
        listed = re.search(
            r"[;,]\s*(?:y|e|and|o|or)?\s*$", self._last_text()
        )  # "…; y" then "– mantenga …"
        if (
            token.text
            and token.text[0].islower()
            and not listed
            and self._continues_sentence(token.text)
        ):
            self._append_to_last(token.text)
            self.previous = token
            self.gap = False
            return
        level = _GLYPH_LEVELS.get(token.glyph, 0)
        bullets = self.segment_bullets
        previous = bullets[-1] if bullets and self.segment_glyphs else None
        if previous and token.indent > previous[0]:
            depth = previous[1] + 1  # set further in: a level below, whatever its glyph
        elif previous and token.indent < previous[0]:
            depth = next((d for indent, d, _ in reversed(bullets) if indent <= token.indent), 0)
        elif previous and token.glyph == previous[2]:
            depth = previous[1]
        else:
            self.segment_glyphs.append(level)
            depth = level - min(self.segment_glyphs)
        bullets.append((token.indent, depth, token.glyph))
        self._assigned(token.text, depth, token)

    def _unnumbered_text(self, token, index: int) -> None:
        from .parser_sections import agenda_title
        from .parser_text import AGREED_INLINE

        text = token.text
        agreed = AGREED_INLINE.match(text)
        if agenda_title(text):
            # "Agenda item 2: …" in minutes: the group of what is agreed under it.
            self._flush(None)
            self.pending_group = self.agenda_group = agenda_title(text)
            self.assigned_groups = {}
            # What the point then tells is context, until something is agreed.
            self.in_context = True
            # The bullets of the point above have ended: its narration is not theirs.
            self.segment_bullets, self.segment_glyphs = [], []
        elif agreed:
            # "Agreed: To accept the offer of Costa Rica …": the agreement, without the phrase.
            self._assigned(text[agreed.end() :].strip(), 0, token)
        elif self.in_context and self._continues_context(text):
            self.context[-1] = f"{self.context[-1]} {text}"
        elif not self.in_context and self._sub_item_depth(text):
            # "… and to request the TS to:" over "include …;" and "circulate …": a list whose
            # letters were lost in the copy, each line a sub-item.
            self._assigned(text, self._sub_item_depth(text), token)
        elif not self.in_context and self._continues_sentence(text):
            self._append_to_last(text)
        elif self._operative_context(text):
            pass  # "Los Viceministros acordaron además:": context, not the group of what follows
        elif self._unnumbered_group_label(text, index):
            self._flush(None)
            self.pending_group = theme_label(text)
            self._phrase_ends()
        elif self.segment_has_bullets and self.segment_bullets and not self.phrase_reset:
            # Once its bullets have begun; before them ("Aprobar el presupuesto …" under
            # "acordaron:", above the bullets of "Secretaría Técnica"), or right under an
            # operative phrase, paragraphs are read as in a section without bullets.
            if self._current() is None:
                self._to_context(text)
            elif self._after_ended_row(text) or (
                narrative(text) and (self.gap or self._last_text().rstrip().endswith("."))
            ):
                # "Se levantó la sesión …" under a bullet that closed with its "Fecha: …"; "The
                # Network thanked …" after the bullets: what happened, not more of a bullet.
                self._flush(None)
                self._to_context(text)
            else:
                self.pending.append(text)  # a paragraph of the bulleted item above
        else:
            for position, sentence in enumerate(sentences(text)):
                self._unnumbered_sentence(sentence, token, first=position == 0)
        self.previous = token
        self.gap = False

    def _resolution_paragraph(self, token) -> bool:
        """An operative paragraph is an item; a preambular one, or what follows the last item
        after a blank line ("Adoptada en San José …", the signatures), is context."""
        if operative(token.text):
            self._assigned(token.text, 0, token)
            return True
        closing = self.gap and self.section_has_items and not token.text[:1].islower()
        if not (preambular(token.text) or closing):
            return False
        self._flush(None)
        self._to_context(token.text)
        self.previous = token
        self.gap = False
        return True

    def _topic_paragraph(self, token) -> bool:
        """ "Budget: The RCGM approved …": an item grouped under its topic (parser_topics)."""
        from .parser_topics import NOTHING_DONE, topic_of

        topic = topic_of(token.text)
        if topic is None and not self.topic_waiting:
            return False
        if topic is None:
            self.topic_waiting = False
            self._assigned(token.text, 0, token)  # the paragraph under "Next meeting:"
            return True
        self._flush(None)
        name, rest = topic
        self.pending_group = name
        self.topic_waiting = not rest
        if rest and NOTHING_DONE.match(fold(rest)):
            self.pending_group = ""  # "Other business: No other business was raised."
            self._to_context(token.text)
        elif rest:
            self._assigned(rest, 0, token)
        self.previous = token
        self.gap = False
        return True

    def _sub_item_depth(self, text: str) -> int:
        """The depth of a lower-case line that opens a sub-item (0: it opens none): under an
        item that ends with a colon, or after a sub-item that has ended (";", ".")."""
        current = self._current()
        if current is None or not text[:1].islower() or not self.stack:
            return 0
        last = self._last_text().rstrip()
        if last.endswith(":"):
            return len(self.stack)
        if len(self.stack) > 1 and self.stack[-1].style == "assigned" and last.endswith((";", ".")):
            return len(self.stack) - 1
        return 0

    def _unnumbered_sentence(self, sentence: str, token, first: bool) -> None:
        # "welcomed:", "DECLARAN:", "we agree that:": every paragraph is one of the items.
        noun_list = self.section_action in ("thank", "note") or self.declaring or self.phrase_that
        if first and recitals_heading(sentence):
            self.reciting = True
        elif first and self.reciting and not recital_under_heading(sentence):
            self.reciting = recital(sentence)
        if recital(sentence) or (self.reciting and first):
            self._flush(None)
            self._to_context(sentence)
        elif opens_item(sentence, strict=not first) or (
            first and noun_list and not narrative(sentence, completing=self.phrase_that)
        ):
            self._assigned(sentence, 0, token)
        elif narrative(sentence) and (first or not self.in_context):
            self._flush(None)
            self._to_context(sentence)
        elif self.in_context or self._current() is None:
            self._to_context(sentence, join=not first)
        elif first and self._after_ended_row(sentence):
            # Under a table's row that closes with who acts and by when: no more of that row.
            self._to_context(sentence)
        elif first:
            self.pending.append(sentence)
        else:
            self._append_to_last(sentence)

    def _to_context(self, text: str, join: bool = False) -> None:
        if join and self.context:
            self.context[-1] = f"{self.context[-1]} {text}"
        else:
            self.context.append(text)
        self.in_context = True

    def _continues_context(self, text: str) -> bool:
        last = self.context[-1] if self.context else ""
        if last.rstrip().endswith(":") and self.phrase_action is not None:
            return False  # "The Working Group recommends that the RCGM:" over "approve …;"
        if re.match(r"^[a-záéíóúñü(]", text):
            return True
        return bool(last) and self._previous_unfinished_context(last)

    def _previous_unfinished_context(self, last: str) -> bool:
        from .parser_tokens import _FUNCTION_END, _TERMINAL

        if _TERMINAL.search(last):
            return False
        previous = self.previous
        long_line = (
            previous is not None and previous.raw_length >= 0.8 * self.wrap_width and not self.gap
        )
        return bool(_FUNCTION_END.search(last)) or (self.hard_wrapped and long_line)

    def _unnumbered_group_label(self, text: str, index: int) -> bool:
        from .parser_text import field_line

        if field_line(text):
            return False  # "Fecha: 15 de abril de 2019" under a bullet is that bullet's
        following = index + 1
        while following < len(self.tokens) and self.tokens[following].kind in ("blank", "gap"):
            following += 1
        if following >= len(self.tokens) or self.tokens[following].kind not in ("bullet", "item"):
            return False
        words = text.split()
        # "Observer Organizations": a name in title case, though "Observer" looks like a verb.
        titled = (
            all(word[:1].isupper() or len(word) <= 3 for word in re.findall(r"[\w'-]+", text))
            and len(words) >= 2
        )
        return (
            len(words) <= 12
            and text[:1].isupper()
            and (text.endswith(":") or not re.search(r"[.;!?]\s*$", text))
            and (titled or not opens_item(text))
        )


def _segments(tokens: list[_Token], operative_start: bool) -> tuple[list[bool], list[bool]]:
    """Per token: whether its section has no labelled item (so its paragraphs and bullets are
    the items), and whether that section has bullets."""
    unnumbered = [False] * len(tokens)
    bulleted = [False] * len(tokens)
    start = 0
    operative = operative_start
    for end in [i for i, t in enumerate(tokens) if t.kind == "section"] + [len(tokens)]:
        segment = tokens[start:end]
        labelled = any(t.kind == "item" and t.label and not t.label.weak for t in segment)
        bullets = any(t.kind == "bullet" for t in segment)
        for index in range(start, end):
            unnumbered[index] = operative and not labelled
            bulleted[index] = bullets
        start = end
        operative = True
    return unnumbered, bulleted
