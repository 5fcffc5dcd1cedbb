"""The tree's nodes and the reading of what is not a label: text that continues an item, bullets,
group labels, a narrating paragraph after the last item, the paragraphs waiting for their item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import detect_language, fold
from .parser_fields import _END_MATTER
from .parser_labels import Label
from .parser_sections import agenda_title, closing_formula, operative_phrase, theme_label
from .parser_tokens import _FUNCTION_END, _TERMINAL, _join, _shouting, _Token
from .parser_unnumbered import narrative, opens_item


@dataclass
class _Node:
    label: Label | None
    ref: str
    section: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    parent: _Node | None = None
    group: str = ""
    warnings: list[str] = field(default_factory=list)
    default_action: str | None = None  # from the phrase that introduced the list ("welcomed:")
    phrase_action: str | None = None  # from an operative phrase over it ("Se recomienda:")
    phrase_that: bool = False  # under "It is recommended that:": the item is a that-clause
    addressed: bool = False  # its group is the addressee of an operative phrase
    part: str = ""  # the printed label of the part the item opens a list in ("A")


@dataclass
class _Level:
    style: str
    deco: str
    last: int
    item: _Node
    group: str = ""


class _TextMixin:
    """The tree builder's reading of text, bullets and group labels."""

    def _current(self) -> _Node | None:
        return self.stack[-1].item if self.stack else None

    def _previous_unfinished(self) -> bool:
        previous = self.previous
        if previous is None or previous.kind not in ("item", "bullet", "text"):
            return False
        last = self._last_text()
        if not last or _TERMINAL.search(last):
            return False
        if _FUNCTION_END.search(last):
            return True
        return not self.gap and self.hard_wrapped and previous.raw_length >= 0.8 * self.wrap_width

    def _twin(self, token: _Token) -> bool:
        current = self._current()
        if current is None or current.label is None or current.children or not token.text:
            return False
        if current.label.raw != token.label.raw or not current.paragraphs:
            return False
        languages = {detect_language(current.paragraphs[0]), detect_language(token.text)}
        return languages == {"en", "es"}

    def _last_text(self) -> str:
        if self.pending:
            return self.pending[-1]
        current = self._current()
        return current.paragraphs[-1] if current and current.paragraphs else ""

    def _append_to_last(self, text: str) -> None:
        if self.pending:
            self.pending[-1] = _join(self.pending[-1], text)
        elif self._current() is not None:
            current = self._current()
            current.paragraphs[-1] = _join(current.paragraphs[-1], text)

    def _continues_sentence(self, text: str) -> bool:
        if not self._last_text() or self._current() is None and not self.pending:
            return False
        if re.match(r"^[a-záéíóúñü(]", text):
            return not _TERMINAL.search(self._last_text()) or self._last_text().endswith(",")
        return self._previous_unfinished()

    def _bullet(self, token: _Token, index: int = -1) -> None:
        if token.text and self._continues_sentence(token.text) and token.text[0].islower():
            self._append_to_last(token.text)  # "- importance of cooperation." after a page break
        elif self._bullet_opens_item(token, index):
            self._bullet_item(token)
            return
        else:
            self.pending.append(f"· {token.text}")
        self.previous = token
        self.gap = False

    def _bullet_opens_item(self, token: _Token, index: int = -1) -> bool:
        """ "6. Realizar un taller … en marzo de 2005." then, after a blank line, "➢ Los países
        informarán … a más tardar el 15 de febrero de 2005.": a bullet under a finished item
        that introduces no list is a task of its own, not more text of the item above (whose
        actors and deadline it would otherwise take over)."""
        current = self._current()
        if current is None or self.pending or not token.text or not token.text[:1].isupper():
            return False
        top = self.stack[-1]
        if top.style == "bullet":
            # The next bullet of the same run (the same glyph) is the next such item.
            return token.glyph == top.deco
        last = current.paragraphs[-1].rstrip() if current.paragraphs else ""
        return (
            self.gap
            and (last.endswith(".") or bool(_FIELD_END.search(fold(last))))
            and not current.children
            and len(token.text.split()) >= 6
            and (bool(re.search(r"[.;]\s*$", token.text)) or self._wraps_on(index))
        )

    def _wraps_on(self, index: int) -> bool:
        """Whether the line after a bullet goes on with its sentence (an OCR text's wrapping)."""
        following = self.tokens[index + 1] if 0 <= index < len(self.tokens) - 1 else None
        return (
            following is not None
            and following.kind == "text"
            and bool(re.match(r"^[a-záéíóúñü(]", following.text))
        )

    def _bullet_item(self, token: _Token) -> None:
        """The bullet as an item below the one it follows, with a reference assigned in order
        (6.1, 6.2), marked as assigned."""
        self._flush(None)
        top = self.stack[-1]
        depth = len(self.stack) - 1 if top.style == "bullet" else len(self.stack)
        parent = self.stack[depth - 1].item
        number = len(parent.children) + 1
        label = Label("", str(number), [("num", number)], "", assigned=True)
        del self.stack[depth:]
        node = self._new_node(label, parent, token.text)
        node.group = parent.group
        self.stack.append(_Level("bullet", token.glyph, number, node, parent.group))
        self.previous = token
        self.gap = False

    def _text(self, token: _Token, index: int) -> None:
        text = token.text
        agreed = AGREED_INLINE.match(text)
        if self._continues_sentence(text):
            self._append_to_last(text)
        elif agenda_title(text):
            self._flush(None)
            self.pending_group = agenda_title(text)
        elif self.gap and signatories(text):
            # "Por Belice, Canadá, Costa Rica …": who signed, under the last item.
            self._flush(None)
            self.context.append(text)
            self.in_context = True
        elif agreed and self.stack:
            # "Se acuerda: Encomendar a la Red …" under an agenda item of minutes: what the
            # meeting agreed on that item is an item below it.
            self._agreed_item(text[agreed.end() :].strip())
        elif self.in_context and self.gap is False and self.context:
            self.context[-1] = f"{self.context[-1]} {text}"
        elif field_line(text) and self._field_of_the_list(text):
            pass
        elif self._closing_narrative(text, index) or self._narrative_between_items(text, index):
            # "Los Viceministros expresaron su satisfacción…" after the last item, "La delegación
            # de Canadá anunció …" between two decisions: what happened at the meeting, kept on
            # the record as context, not a sentence of the item above.
            self._flush(None)
            self.context.append(text)
            self.in_context = True
        elif self._items_follow(index, ("item",)) and self._operative_context(text):
            pass  # "The RCGM decided to:" over "i. …": context, not the items' group
        elif _SUBJECT_ONLY.match(fold(text)):
            # "The RCGM:" over "1. Adopted …": who decided, context, not the items' group.
            self._flush(None)
            self.context.append(text)
        elif self._is_group_label(text, index):
            self.pending_group = theme_label(text)  # "Regarding the Reserve Fund:"
            self._phrase_ends()
        elif self._after_ended_row(text):
            # A paragraph below a table's last row (or below an item that closes with who acts
            # and by when) is no more of that item: an agreement of its own, or context.
            self._flush(None)
            if opens_item(text, strict=True) or _AGREED.match(fold(text)):
                self._item_after_row(text)
            else:
                self.context.append(text)
                self.in_context = True
        else:
            self.pending.append(text)
        self.previous = token
        self.gap = False

    def _field_of_the_list(self, text: str) -> bool:
        """ "Plazo: 31 de enero de 2010." under the last of the sub-items that complete "Solicitar
        a la Secretaría Técnica que:": when none of them has a field of its own, the field is the
        parent's, and the list has ended."""
        if len(self.stack) < 2 or self.pending:
            return False
        parent = self.stack[-2].item
        if not parent.paragraphs or not parent.paragraphs[-1].rstrip().endswith(":"):
            return False
        if any(
            field_line(p) or _FIELD_INSIDE.search(fold(p))
            for c in parent.children
            for p in c.paragraphs
        ):
            return False
        parent.paragraphs.append(text)
        del self.stack[-1]
        return True

    def _after_ended_row(self, text: str) -> bool:
        current = self._current()
        return (
            self.gap
            and current is not None
            and not current.children
            and text[:1].isupper()
            and not field_line(text)
            and bool(_FIELD_END.search(fold(self._last_text().rstrip())))
        )

    def _agreed_item(self, text: str) -> None:
        self._flush(None)
        parent = self.stack[0].item
        number = len(parent.children) + 1
        label = Label("", str(number), [("num", number)], "", assigned=True)
        del self.stack[1:]
        node = self._new_node(label, parent, text)
        node.group = parent.group
        self.stack.append(_Level("assigned", "", number, node, parent.group))
        self.section_has_items = True
        self.in_context = False

    def _item_after_row(self, text: str) -> None:
        """The paragraph as the next item of the list it follows, its reference assigned."""
        depth = len(self.stack) - 1
        level = self.stack[depth]
        parent = self.stack[depth - 1].item if depth > 0 else None
        number = level.last + 1
        label = Label("", str(number), [(level.style, number)], "", assigned=True)
        del self.stack[depth:]
        node = self._new_node(label, parent, text)
        node.group = level.group or (parent.group if parent else "")
        self.stack.append(_Level(level.style, level.deco, number, node, level.group))
        if depth == 0:
            self.last_top_value = number

    def _closing_narrative(self, text: str, index: int) -> bool:
        """A narrating paragraph after the last item of its section, set off by a blank line."""
        if not self.gap or self._current() is None or not narrative(text):
            return False
        if self._only_narrative_after is None:
            # Computed once, from the end: a long document stays linear.
            after = [True] * len(self.tokens)
            for position in range(len(self.tokens) - 1, 0, -1):
                token = self.tokens[position]
                if token.kind == "section":
                    after[position - 1] = True
                elif token.kind in ("item", "bullet") or (
                    token.kind == "text"
                    and token.text[:1].isupper()
                    and not narrative(token.text)
                    and not _END_MATTER.match(fold(token.text))
                    and not closing_formula(token.text)
                ):
                    after[position - 1] = False
                else:
                    after[position - 1] = after[position]
            self._only_narrative_after = after
        return self._only_narrative_after[index]

    def _narrative_between_items(self, text: str, index: int) -> bool:
        """A narrating paragraph set off by blank lines between an item and the next labelled
        one, under items that each hold one paragraph (a communiqué's decisions among its
        narration)."""
        current = self._current()
        if not self.gap or current is None or current.children or not narrative(text):
            return False
        if text.rstrip().endswith(":") or operative_phrase(text) is not None:
            return False  # "The RCGM requested the TS to:" introduces the items after it
        if self._narration_to_item is None:
            # Whether only narration (paragraphs opening as narration, and their wrapped lines)
            # follows each token up to the next item: computed once, from the end.
            tokens = self.tokens
            ahead = [False] * len(tokens)
            for position in range(len(tokens) - 2, -1, -1):
                token = tokens[position + 1]
                if token.kind in ("blank", "gap"):
                    ahead[position] = ahead[position + 1]
                elif token.kind == "text":
                    opens = tokens[position].kind in ("blank", "gap")
                    ahead[position] = ahead[position + 1] and (not opens or narrative(token.text))
                else:
                    ahead[position] = token.kind == "item"
            self._narration_to_item = ahead
        return self._narration_to_item[index]

    def _pending_label_to_group(self) -> None:
        """A buffered paragraph that turns out to head the next items (a group label wrapped
        over two lines) becomes their group; an operative phrase wrapped so is context."""
        if self.pending and not self.pending_group and _looks_like_group(self.pending[-1]):
            if operative_phrase(self.pending[-1]):
                self._operative_context(self.pending.pop())
            else:
                self.pending_group = theme_label(self.pending.pop())

    def _items_follow(self, index: int, kinds: tuple[str, ...]) -> bool:
        following = index + 1
        while following < len(self.tokens) and self.tokens[following].kind in ("blank", "gap"):
            following += 1
        return following < len(self.tokens) and self.tokens[following].kind in kinds

    def _operative_context(self, text: str) -> bool:
        """ "Se acuerda:", "The Vice-Ministers decided:", "RESUELVEN:" over items: the phrase is
        kept as context, not made the items' group; the theme or addressee it names ("Sobre el
        Fondo de Reserva, el GRCM acordó:") is their group, and what it makes of them ("Se
        recomienda:") their action when their own opening does not say."""
        phrase = operative_phrase(text)
        if phrase is None:
            return False
        self._flush(None)
        self.context.append(text)
        # What follows opens the items, even in lower case ("instaron a los Países Miembros a:"
        # over "fortalecer …"): nothing continues the phrase.
        self.in_context = False
        # A phrase that names no theme, right under a titled section ("4. Acuerdos alcanzados"
        # over "… el GRCM alcanzó los siguientes acuerdos:"), leaves the title the items' group.
        kept = "" if self.section_has_items else self.pending_group
        self.pending_group, self.phrase_action = phrase.group or kept, phrase.action
        if phrase.addressee:
            self.addressee_groups.add(phrase.group)
        self.phrase_that = phrase.that
        self.phrase_depth = None
        self.phrase_reset = True  # the items under it leave the group of the items above
        self.assigned_groups = {}
        return True

    def _phrase_ends(self) -> None:
        """A group label after the items of an operative phrase: what follows is no longer
        under the phrase ("Technical Secretariat:" after what the RCGM recommends)."""
        if self.phrase_depth is not None:
            self.phrase_action, self.phrase_that = None, False

    def _phrase_at(self, depth: int) -> tuple[str | None, bool]:
        """What the operative phrase over an item placed at ``depth`` makes of it (its action,
        whether the item completes "… that:"): the phrase covers the level of the first item
        under it and the levels below."""
        if self.phrase_action is None and not self.phrase_that:
            return None, False
        if self.phrase_depth is None:
            self.phrase_depth = depth
        elif depth < self.phrase_depth:
            self.phrase_action, self.phrase_that = None, False
        return self.phrase_action, self.phrase_that

    def _is_group_label(self, text: str, index: int) -> bool:
        if field_line(text):
            return False  # "Fecha: 15 de abril de 2019" under an item is that item's
        following = index + 1
        while following < len(self.tokens) and self.tokens[following].kind in ("blank", "gap"):
            following += 1
        if following >= len(self.tokens) or self.tokens[following].kind != "item":
            return False
        words = text.split()
        if text.endswith(":"):
            return _looks_like_group(text)
        return (
            len(words) <= (12 if _shouting(text) else 8)
            and text[:1].isupper()
            and not _TERMINAL.search(text)
            and not self.tokens[following].label.weak
        )

    def _flush(self, target: _Node | None, restart: bool = False) -> None:
        """Give the buffered paragraphs to the item they belong to."""
        if not self.pending:
            return
        if target is None:
            target = self._current()
            # "It was also agreed that:" + bullets after a sub-list: text of the enclosing item.
            if (
                target is not None
                and not restart
                and self.pending[0].rstrip().endswith(":")
                and len(self.pending[0].split()) <= 12
                and len(self.stack) > 1
            ):
                target = self.stack[-2].item
        if target is not None:
            target.paragraphs.extend(self.pending)
        self.pending = []


# An item that ends with who acts or by when ("… Responsible: Liaison Officers Network", a table

# row's "— Plazo: 30 de junio de 2010") has ended, though no full stop closes it.
_FIELD_END = re.compile(
    r"\b(?:responsables?|responsible|a\s+cargo\s+de|lead|plazo|deadline|fecha|date|estado|status"
    r"|addressed\s+to|dirigid[oa]s?\s+a|time\s*frame|plazo\s+(?:sugerido|propuesto|estimado)"
    r"|situacion|avance|progress|objetivos?(?:\s+\w+)?|objectives?(?:\s+\w+)?)\s*:\s*[^:;]{1,160}$"
)


# "Se acuerda: Encomendar …", "It was agreed: To request …": phrase and agreement on one line.
# "Agenda item 2: Seminar on migration and health", "Punto 3 de la agenda: Asuntos varios": the
# title of what minutes record under it, the group of the agreements reached there.

_SIGNATORIES = re.compile(
    r"^(?:[Pp]or|[Ff]or)\s+(?:el\s+[Gg]obierno\s+de\s+|the\s+[Gg]overnment\s+of\s+)?[A-ZÁÉÍÓÚÑ]"
)
_NAME_GLUE = frozenset("y e and the de del la el los las of".split())


def signatories(text: str) -> bool:
    """ "Por Belice, Canadá, Costa Rica … y República Dominicana.": a list of who signed."""
    if not _SIGNATORIES.match(text) or text.count(",") < 2:
        return False
    words = re.findall(r"[^\W\d_]+", text)[1:]
    return all(word[:1].isupper() or word.lower() in _NAME_GLUE for word in words)


# "(f) Gloria Elena Mora Jiménez", "(Fdo.) Juan Pérez": "firmado", over the name of who signed.
_SIGNED_BY = re.compile(
    r"^\((?:f|fdo)\.?\)\s+(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ'.-]*\s*){2,6}$|^fdo\.?:?\s+[A-ZÁÉÍÓÚÑ]"
)


def signed_by(text: str) -> bool:
    return bool(_SIGNED_BY.match(text.strip()))


# "Responsable: Secretaría Técnica", "Fecha: 15 de abril", "Deadline: June 2015": a field of the
# item above, on a line of its own.
_FIELD_START = re.compile(
    r"^(?:responsables?|responsible|a\s+cargo\s+de|lead|in\s+charge|plazo|deadline|target\s+date|fecha"
    r"(?:\s+limite)?|date|timeline|cronograma|addressed\s+to|dirigid[oa]s?\s+a"
    r"|(?:(?:suggested|proposed|indicative)\s+)?time\s*frame"
    r"|plazo\s+(?:sugerido|propuesto|estimado|indicativo))\s*:"
)


# A field written inside a sub-item's paragraph: "… el informe. Plazo: marzo de 2010."
_FIELD_INSIDE = re.compile(
    r"[.;]\s+(?:plazo|deadline|target\s+date|fecha(?:\s+limite)?|timeframe|responsables?)\s*:"
)


def field_line(text: str) -> bool:
    return bool(_FIELD_START.match(fold(text).strip()))


AGREED_INLINE = re.compile(
    r"^(?:se\s+(?:acuerda|acordó|acordo|resuelve|resolvió|decide|decidió)|it\s+(?:is|was)\s+"
    r"(?:also\s+)?(?:agreed|decided)|agreed|acuerdo)\s*:\s*(?=[A-ZÁÉÍÓÚÑ¿])",
    re.IGNORECASE,
)
_SUBJECT_ONLY = re.compile(
    r"^(?:the|el|la|los|las)\s+(?:rcgm|grcm|network|red|(?:working\s+|ad[\s-]hoc\s+)?group|grupo"
    r"(?:\s+de\s+trabajo|\s+ad[\s-]hoc)?|vice-?ministers|viceministr[oa]s|conference|conferencia"
    r"|troika|liaison\s+officers|funcionarios\s+de\s+enlace)\s*:$"
)
_AGREED = re.compile(
    r"^(?:it\s+was\s+(?:also\s+)?(?:agreed|decided)|se\s+(?:acordo|decidio|resolvio))\b"
)


def _looks_like_group(text: str) -> bool:
    """A short heading ending with a colon: "Working Group on Protection:", "It was also agreed
    that:", or a longer name without commas ("Red de Funcionarios de Enlace para …:")."""
    text = text.strip()
    if not text.endswith(":") or text.startswith("·"):
        return False
    words = text.split()
    return len(words) <= 12 or (len(words) <= 20 and "," not in text)
