"""Deadlines that name no date ("as soon as possible", "a la brevedad", "oportunamente"), and the
informal ones of action items ("by COB Friday", "by the next Troika call")."""

from __future__ import annotations

from .deadlines_vocabulary import _next_weekday


def _vague_candidates(add) -> None:
    no_date = lambda m, ref: None  # noqa: E731
    phrases = (  # each with a word it cannot be written without
        (r"as\s+soon\s+as\s+possible", "soon"),
        (r"asap", "asap"),
        (r"at\s+the\s+earliest\s+(?:possible\s+)?(?:opportunity|convenience|date)", "earliest"),
        (r"in\s+due\s+(?:course|time)", "due"),
        (
            r"(?:on|at|for)\s+(?:a\s+)?(?:later\s+)?dates?\s+(?:yet\s+)?to\s+be\s+"
            r"(?:determined|defined|agreed(?:\s+upon)?|confirmed|set|decided|established)",
            "date",
        ),
        (r"\(?dates?\s+(?:yet\s+)?to\s+be\s+(?:confirmed|determined|defined)\)?", "date"),
        (r"\(?fechas?\s+(?:por|a)\s+(?:confirmar|definir|determinar)(?:se)?\)?", "fecha"),
        (r"lo\s+(?:antes|mas\s+pronto)\s+posible", "posible"),
        (r"a\s+la\s+(?:mayor\s+)?brevedad(?:\s+posible)?", "brevedad"),
        (r"con\s+la\s+mayor\s+brevedad(?:\s+posible)?", "brevedad"),
        (r"en\s+su\s+(?:debido\s+)?(?:momento|oportunidad)", "momento|oportunidad"),
        (r"oportunamente", "oportunamente"),
        (
            r"en\s+(?:una\s+)?fechas?\s+(?:por|a)\s+(?:definir|determinar|confirmar|acordar"
            r"|convenir)(?:se)?",
            "fecha",
        ),
    )
    for phrase, word in phrases:
        add(rf"\b{phrase}\b", "none", no_date, intrinsic=True, needs=(word,))


def _action_item_candidates(add) -> None:
    no_date = lambda m, ref: None  # noqa: E731
    # "by COB Friday", "by Friday": that weekday after the meeting.
    add(
        r"\b(?:by|before|until|no\s+later\s+than)\s+(?:(?:the\s+)?(?:cob|close\s+of\s+business|eod"
        r"|end\s+of\s+(?:the\s+)?day)\s+(?:on\s+)?)?(?P<weekday>monday|tuesday|wednesday|thursday"
        r"|friday)\b",
        "day",
        lambda m, ref: _next_weekday(m["weekday"], ref),
        intrinsic=True,
        needs=(r"monday|tuesday|wednesday|thursday|friday",),
    )
    # "by the next Troika call", "antes de la próxima reunión de la Troika".
    add(
        r"\b(?:by|before|at|for)\s+the\s+(?:next|upcoming)\s+troika\s+(?:call|meeting|session)\b"
        r"|\b(?:antes\s+de|para|en)\s+la\s+(?:proxima|siguiente)\s+(?:llamada|reunion|sesion)\s+de\s+"
        r"la\s+troika\b",
        "relative",
        no_date,
        intrinsic=True,
        needs=(r"troika",),
    )
