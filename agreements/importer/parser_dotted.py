"""Dotted numbering ("1.1", "1.2", "2.1", "1.2.1"): the printed reference is the item's path.

An item numbered "2.1" is a child of the item (or numbered heading) "2" when one is open, and
"1.2.1" of "1.2"; without it ("1.1 / 1.2 / 2.1" with no "1." or "2." above) the item stands at
the top level and keeps its printed number as its reference, so "2.1" never becomes a second
run "B.1" of "1.1".
"""

from __future__ import annotations

from dataclasses import replace

from .parser_labels import Label, _show
from .parser_text import _Level, _Node


def printed_path(node: _Node) -> tuple[str, ...]:
    """The number an item prints, as a path: ("2", "1") for "2.1", also for "a)" under "2."."""
    label = node.label
    if label is None:
        return ()
    if len(label.path) > 1:
        return label.path
    own = (label.text,)
    return printed_path(node.parent) + own if node.parent is not None else own


def dotted_placement(stack: list[_Level], label: Label):
    """(how, depth, style, value, warnings) for a dotted label: under the open item its path
    names, else at the top level."""
    style, value = label.options[0]
    wanted = label.path[:-1]
    depth = 0
    for index in range(len(stack) - 1, -1, -1):
        if printed_path(stack[index].item) == wanted:
            depth = index + 1
            break
    if depth < len(stack) and stack[depth].style == style:
        level = stack[depth]
        if printed_path(level.item)[:-1] == wanted:
            if value == level.last + 1:
                return "next", depth, style, value, []
            shown = ".".join(wanted + (_show(level.last, "num"),))
            if value > level.last + 1:
                return (
                    "jump",
                    depth,
                    style,
                    value,
                    [f"The numbering jumps from '{shown}' to '{label.raw}'."],
                )
            return (
                "repeat",
                depth,
                style,
                value,
                [f"The label '{label.raw}' repeats or goes back (after '{shown}')."],
            )
    return "child", depth, style, value, []


def dotted_root(label: Label) -> Label:
    """A dotted item with no parent open: its reference is the whole printed number."""
    return replace(label, text=".".join(label.path))


def under_dotted_roots(stack: list[_Level], label: Label):
    """ "3. Otros asuntos" after top-level "2.1", "2.2": the next item of the top level."""
    if not stack or stack[0].item.label is None or len(stack[0].item.label.path) < 2:
        return None
    style, value = label.options[0]
    if style != "num" or label.path:
        return None
    first = stack[0].item.label.path[0]
    warnings = (
        []
        if not first.isdigit() or value == int(first) + 1
        else [f"The numbering jumps from '{stack[0].item.label.raw}' to '{label.raw}'."]
    )
    return "child", 0, style, value, warnings
