"""Building the tree of items from the tokens: one pass with a stack of the open lists."""

from __future__ import annotations

import re

from .gazetteer import fold
from .parser_dotted import dotted_placement, dotted_root, under_dotted_roots
from .parser_fields import place_and_date
from .parser_labels import Label, _show
from .parser_sections import (
    background_part,
    closing_formula,
    declaring_phrase,
    earlier_agreements,
    named_section,
    operative_phrase,
    steps_heading,
)
from .parser_text import _Level, _Node, _TextMixin, signed_by
from .parser_tokens import _shouting, _Token, _wrap_width
from .parser_unnumbered import _segments, _UnnumberedMixin, minuted_narration, narrates

__all__ = ["_Level", "_Node", "_TreeBuilder"]


# --- Building the tree ---------------------------------------------------------------------------

_PREFIXES = {
    "recommendation": "R",
    "conclusion": "C",
    "decision": "D",
    "declaration": "DC",
    "working_group": "W",
    "consultation": "Q",
}
_GROUP_KINDS = ("working_group", "ad_hoc_group")


# "4. Pending tasks from previous meetings", "Seguimiento de acuerdos anteriores": a part that
# reports on what earlier meetings agreed; its lines are no new agreements.
class _TreeBuilder(_UnnumberedMixin, _TextMixin):
    """Walks the tokens once, keeping a stack of the open lists.

    ``operative_start``: the tokens before the first section heading are already agreements
    (a list of bullets with no heading above it) rather than what precedes the first item.
    """

    def __init__(
        self,
        meeting_kind: str,
        tokens: list[_Token],
        operative_start: bool = False,
        declaration: bool = False,
        resolution: bool = False,
        minutes: bool = False,
        topics: bool = False,
    ) -> None:
        self.meeting_kind = meeting_kind
        # A document titled as a declaration: what its Vice-Ministers resolve is the declaration.
        self.declaration = declaration
        self.resolution = resolution  # written as a resolution (parser_resolution)
        self.minutes = minutes  # minutes, where dotted paragraphs also narrate
        self.topics = topics  # a summary by topic (parser_topics)
        self.topic_waiting = False  # "Next meeting:" over its paragraph
        self.tokens = tokens
        self.roots: list[_Node] = []
        self.refs: set[tuple[str, str]] = set()
        self.used_sections: set[str] = set()
        self.stack: list[_Level] = []
        self.pending: list[str] = []
        self.pending_group = ""
        self.section = self._section_for(None)
        self.section_heading = ""
        self.prefix = ""
        self.section_has_items = False
        self.last_top_value = 0
        self.previous: _Token | None = None
        self.gap = False
        self._old_group = ""
        self.hard_wrapped, self.wrap_width = _wrap_width(tokens)
        self.part_label = ""
        self.part_prefixed = False
        self.runs = 0
        self.section_action: str | None = None
        # An operative phrase over the items that follow ("Se recomienda:"): its action, the
        # depth of its first item, and whether the items leave the group of those above.
        self.phrase_action: str | None = None
        self.phrase_depth: int | None = None
        self.phrase_that = False
        self.phrase_reset = False
        self.addressee_groups: set[str] = set()  # groups named by a phrase's addressee
        self.declaring = False  # under "DECLARAN:" (see _start_section)
        self.assigned_top: dict[str, int] = {}
        self.assigned_groups: dict[int, str] = {}
        self.context: list[str] = []
        self.parted: list[_Node] = []  # roots whose part's label may yet prefix their refs
        self.in_context = False
        # Under "CONSIDERANDO:", until the operative phrase: "Que …" paragraphs are recitals.
        self.reciting = False
        self.segment_glyphs: list[str] = []
        self.segment_bullets: list[tuple[int, int, str]] = []  # (indent, depth, glyph)
        self.unnumbered, self.bulleted = _segments(tokens, operative_start)
        self.segment_has_bullets = False
        self._only_narrative_after: list[bool] | None = None
        self._narration_to_item: list[bool] | None = None
        # After "No habiendo más asuntos que tratar, se levantó la sesión": the record's close
        # and its signatures, context until another section or item.
        self.closed = False
        self.reviewing = False  # under a part that reports on earlier agreements
        self.background = False  # under a part that presents the plan (_BACKGROUND_PART)
        self.agenda_group = ""  # the agenda point of minutes ("Punto 2 – Seguimiento …")

    def _section_for(self, heading_kind: str | None) -> str:
        if heading_kind in ("agreements_operative", "agreements") and self.declaration:
            return "declaration"  # "And RESOLVE TO:" in a declaration
        if heading_kind in (None, "agreements", "agreements_operative"):
            if self.meeting_kind in _GROUP_KINDS:
                return "working_group"
            if self.meeting_kind in ("vice_ministerial", "extraordinary"):
                return "decision"
            return "conclusion" if heading_kind != "agreements_operative" else "decision"
        if heading_kind in ("conclusion", "combined") and self.meeting_kind in _GROUP_KINDS:
            return "combined_wg" if heading_kind == "combined" else "working_group"
        return heading_kind

    # --- main loop ---

    def build(self) -> list[_Node]:
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            self.segment_has_bullets = self.bulleted[index]
            if token.kind in ("blank", "gap"):
                self.gap = True
            elif token.kind == "text" and (
                self.closed
                or (
                    closing_formula(token.text)
                    and (self.gap or self._last_text().rstrip().endswith((".", ";")))
                )
                or (
                    # "Panama City, May 19, 2004" after the last item, before a page break.
                    self.gap
                    and place_and_date(token.text)
                    and self._last_text().rstrip().endswith((".", ";"))
                )
            ):
                self._closing(token)
            elif (
                self.background
                and (
                    (self.unnumbered[index] and token.kind in ("text", "bullet"))
                    or (token.kind == "item" and narrates(token.text))
                )
            ) or (self.minutes and minuted_narration(token)):
                # "V. CLOSING" over "20. The PPT thanked the delegations …": what happened.
                self._to_context(token.text)
            elif self.reviewing and token.kind in ("text", "item", "bullet"):
                # Under "Pending tasks from previous meetings": earlier agreements, reported on.
                self._closing(_Token("text", token.raw or token.text))
            elif token.kind == "item" and signed_by(token.raw):
                # "(f) Gloria Elena Mora Jiménez": who signed, not an item "f".
                self._closing(_Token("text", token.raw))
            elif token.kind == "section":
                self._start_section(token)
            elif self.resolution and token.kind == "text" and self._resolution_paragraph(token):
                pass
            elif self.topics and token.kind == "text" and self._topic_paragraph(token):
                pass
            elif self.unnumbered[index] and token.kind == "bullet":
                self._unnumbered_bullet(token)
            elif self.unnumbered[index] and token.kind in ("text", "item"):
                text = token.raw or token.text
                self._unnumbered_text(_Token("text", text, raw_length=token.raw_length), index)
            elif token.kind == "item" and self._place(token, index):
                pass
            elif token.kind == "bullet":
                self._bullet(token, index)
            elif token.kind == "item":
                # Not a label after all (a wrapped line starting like one): keep it whole.
                self._text(
                    _Token("text", token.raw or token.text, raw_length=token.raw_length), index
                )
            else:
                self._text(token, index)
            index += 1
        self._flush(None)
        if self.addressee_groups:
            for node in _walk(self.roots):
                node.addressed = node.group in self.addressee_groups
        return self.roots

    def _closing(self, token: _Token) -> None:
        self._flush(None)
        if self.closed and not self.gap and self.context:
            self.context[-1] = f"{self.context[-1]} {token.text}"
        else:
            self.context.append(token.text)
        self.closed = self.in_context = True
        self.previous = token
        self.gap = False

    def _start_section(self, token: _Token) -> None:
        self.closed = False
        self.reviewing = earlier_agreements(token.text)
        if token.section == "part":
            kind = self.section
            label, heading = token.text.split(None, 1)
            heading = heading.strip().rstrip(":")
        elif (
            self.part_label
            and not self.section_has_items
            and re.match(r"^(?:[IVX]{1,4}|[A-H])[.)-]\s", token.text.strip())
        ):
            # "II. ACUERDOS" after "I. SEGUIMIENTO …": a part of its own that names its section;
            # the part above, without agreements, names none of them.
            kind = self._section_for(token.section)
            label, heading = token.text.strip().split(None, 1)[0], ""
        elif (
            self.part_label
            and not self.section_has_items
            and not re.match(r"^\d{1,2}[.)-]\s", token.text.strip())
        ):
            # "II. Plan de trabajo … Acuerdos 1. …": the agreements of a part keep its label and
            # title; "6. RECOMMENDATIONS" after "5. EVALUATION" is a chapter of its own.
            kind = self._section_for(token.section)
            label, heading = self.part_label, self.pending_group
        else:
            kind = self._section_for(token.section)
            label = heading = ""
            numbered = re.match(r"^\d{1,2}\.\s+(?P<title>.+?):?$", token.text.strip())
            if steps_heading(token.text) or named_section(token.text):
                # "Next steps:" over its tasks; "Acuerdos de la Red de Protección Consular" over
                # that network's agreements in a joint meeting's record.
                heading = token.text.strip().rstrip(":").strip()
            elif numbered and not _shouting(numbered["title"]):
                # "4. Recomendaciones a la Reunión Viceministerial" among the titled parts "1.
                # Informe …", "2. Secretaría Técnica": a section, and its title the items' group.
                heading = numbered["title"]
        if fold(token.text) == fold(self.section_heading) and self.section_has_items:
            return  # a running header repeating the heading
        self.background = token.section == "part" and background_part(heading)
        self._flush(None)
        self.in_context = False
        self.reciting = False
        self.part_label = label.rstrip(".)-")
        self.section_action = token.action
        self.phrase_action = None
        self.phrase_that = False
        self.phrase_depth = None
        self.phrase_reset = False
        # "DECLARAN:" over "Su compromiso de …": every paragraph is an operative one.
        self.declaring = declaring_phrase(token.text)
        self.assigned_groups = {}
        self.segment_glyphs = []
        self.segment_bullets = []
        # Each section numbers its items afresh (refs are unique within a section); only a
        # second list of the same section that starts again needs a prefix.
        self.prefix = "pending" if kind in self.used_sections else ""
        self.section = kind
        self.section_heading = token.text
        self.section_has_items = False
        self.stack = []
        # A part's title names the items under it; "Se acordó:" under an agenda point of minutes
        # leaves them the point's.
        self.pending_group = heading or (self.agenda_group if token.section != "part" else "")
        phrase = operative_phrase(token.text) if token.section != "part" else None
        if phrase is not None:
            # "With regard to the Reserve Fund, the RCGM agreed:" opening a section: the theme it
            # names is the group of the items under it; "recommends:" makes them recommendations.
            self.pending_group = self.pending_group or phrase.group
            self.phrase_action = phrase.action
            if phrase.addressee:
                self.addressee_groups.add(phrase.group)
            self.phrase_that = phrase.that
            # Before the first item or between items ("Los Viceministros acordaron además:"),
            # the phrase is context, as when it stands over numbered items.
            self.context.append(token.text)
        self.previous = token
        self.gap = False

    # --- items ---

    def _place(self, token: _Token, index: int) -> bool:
        label = token.label
        assert label is not None
        if self._twin(token):
            # "1. Tomar nota …" then "1. To take note …": a bilingual table's two columns, one
            # item in both languages.
            self._flush(None)
            self._current().paragraphs.append(token.text)
            self.previous = token
            self.gap = False
            return True
        unfinished = self._previous_unfinished()
        placement = self._placement(label)
        if placement is None:
            return False
        how, depth, style, value, warnings = placement
        if unfinished and how != "next" and not (how == "child" and value == 1):
            return False  # a wrapped line that happens to start like a label
        if label.weak and how != "next" and not (how == "child" and value == 1 and not self.stack):
            return False
        self._pending_label_to_group()
        if token.title:
            self.pending_group = token.title
        if how == "restart" and not self.pending_group:
            self._flush(self.stack[depth - 1].item if depth > 0 else None, restart=True)
        else:
            self._flush(None)
        dotted = len(label.path) > 1
        if depth == 0:
            parent = None
            if dotted:
                # "2.1" under "2. PROTECCIÓN": the printed number already tells the runs apart.
                self.prefix = ""
            elif self.prefix == "pending":
                continues = value == self.last_top_value + 1
                self.prefix = "" if continues else self._restart_prefix()
            elif how == "restart" and style.startswith("num"):
                # Numbering that starts again in one section (a network's report: 1, 1 2 3 4, 1):
                # each run gets a letter, so every reference stays unique ("B.2").
                self.prefix = self._restart_prefix(within=True)
        else:
            parent = self.stack[depth - 1].item
        del self.stack[depth:]
        if parent is None and dotted:
            label = dotted_root(label)
        node = self._new_node(label, parent, token.text)
        node.warnings.extend(warnings)
        # A group label names the items after it at this level, until the next one.
        group = self.pending_group
        if how in ("next", "jump", "repeat") and not self.phrase_reset:
            group = group or self._old_group
        self.stack.append(_Level(style, label.deco, value, node, group))
        node.group = group or (parent.group if parent else "")
        node.phrase_action, node.phrase_that = self._phrase_at(depth)
        self.pending_group = ""
        self.phrase_reset = False
        if depth == 0:
            self.last_top_value = int(label.path[0]) if dotted else value
        self.section_has_items = True
        self.in_context = self.closed = False
        self.previous = token
        self.gap = False
        return True

    def _placement(self, label: Label):
        """(how, depth, style, value, warnings) for a label, given the open lists."""
        self._old_group = ""
        if len(label.path) > 1:
            placement = dotted_placement(self.stack, label)
            if placement[0] != "child":
                self._old_group = self.stack[placement[1]].group
            return placement
        # 1. The expected next label of an open list, deepest first.
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, value in label.options:
                if style == level.style and value == level.last + 1:
                    self._old_group = level.group
                    return "next", depth, style, value, []
        if label.weak:
            return (
                ("child", len(self.stack), "num", label.options[0][1], [])
                if (not self.stack and label.options[0][1] == 1)
                else None
            )
        # 2. A list that starts: a new sub-list, or the same list starting again.
        for style, value in sorted(label.options, key=lambda option: option[1] != 1):
            if value != 1:
                continue
            same = [d for d, level in enumerate(self.stack) if level.style == style]
            same_deco = [d for d in same if self.stack[d].deco == label.deco]
            if same_deco or (same and not style.startswith("num")):
                # The new item's reference collides with the first run's: _new_node warns.
                return "restart", (same_deco or same)[-1], style, value, []
            return "child", len(self.stack), style, value, []
        # 3. A jump or a repeat in an open list.
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, value in label.options:
                if style != level.style:
                    continue
                self._old_group = level.group
                if value > level.last + 1:
                    return (
                        "jump",
                        depth,
                        style,
                        value,
                        [
                            f"The numbering jumps from '{_show(level.last, style)}' to "
                            f"'{label.text}'."
                        ],
                    )
                return (
                    "repeat",
                    depth,
                    style,
                    value,
                    [
                        f"The label '{label.text}' repeats or goes back (after "
                        f"'{_show(level.last, style)}')."
                    ],
                )
        # 4. A sub-list that does not start at its first label.
        after_dotted = under_dotted_roots(self.stack, label)
        if after_dotted is not None:
            return after_dotted
        style, value = label.options[0]
        if not self.stack and self.roots and self.prefix == "pending" and style == "num":
            return "child", 0, style, value, []  # a section continuing the numbering
        warning = (
            []
            if not self.stack and not self.roots and value == 1
            else [f"The list starts at '{label.text}' instead of its first label."]
        )
        return "child", len(self.stack), style, value, warning

    def _new_node(self, label: Label, parent: _Node | None, text: str) -> _Node:
        prefix = "" if self.prefix in ("", "pending") else self.prefix
        base = f"{parent.ref}.{label.text}" if parent else f"{prefix}{label.text}"
        ref = base
        counter = 1
        while (self.section, ref) in self.refs:
            counter += 1
            ref = f"{base}-{counter}"
        node = _Node(label, ref, self.section, [text] if text else [""], parent=parent)
        if parent is None and not prefix and len(label.path) < 2:
            node.part = self.part_label
            if node.part:
                self.parted.append(node)
        if ref != base:
            where = parent.ref if parent else "the top level"
            node.warnings.append(
                f"The label '{label.text}' is used again under {where}; this item's reference is "
                f"{ref}."
            )
        self.refs.add((self.section, ref))
        self.used_sections.add(self.section)
        (parent.children if parent else self.roots).append(node)
        return node

    def _restart_prefix(self, within: bool = False) -> str:
        """The prefix of a list that starts again in its section: the part's printed label
        ("B.1" under "B. CONSULAR PROTECTION"); else, for a second section of one kind, its
        letter ("C1"); else, numbering restarting inside one section, a letter per run in
        document order ("B.1")."""
        self.runs += 1
        within = within or named_section(self.section_heading)  # one letter per body's run
        if self.part_label and (self._prefix_first_run() or self.part_prefixed):
            self.part_prefixed = True
            return f"{self.part_label}."
        if not within:
            return _PREFIXES.get(self._base_section(), "S")
        return f"{chr(ord('A') + min(self.runs, 25))}."

    def _prefix_first_run(self) -> bool:
        """Once a second part restarts the numbering, the first part's items take its label
        too ("A.1" beside "B.1"), so that the parts read alike. False when the list before was
        under no labelled part ("I. CONCLUSIONS" then "II. OTHER MATTERS": C1)."""
        renamed = False
        # Only the roots still carrying their part can be renamed: reading them, not every root,
        # keeps a record of many parts linear.
        waiting = []
        for root in self.parted:
            if root.section != self.section or not root.part or root.part == self.part_label:
                if root.part:
                    waiting.append(root)
                continue
            old = root.ref
            for node in _walk([root]):
                self.refs.discard((node.section, node.ref))
                node.ref = f"{root.part}.{old}" + node.ref[len(old) :]
                self.refs.add((node.section, node.ref))
            root.part = ""
            renamed = True
        self.parted = waiting
        return renamed

    def _base_section(self) -> str:
        return (
            "recommendation"
            if self.section == "recommendation"
            else ("conclusion" if self.section in ("combined", "combined_wg") else self.section)
        )


def _walk(nodes: list[_Node]):
    for node in nodes:
        yield node
        yield from _walk(node.children)
