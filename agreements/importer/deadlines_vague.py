"""Deadlines that name no date: "as soon as possible", "a la brevedad", "oportunamente"."""

from __future__ import annotations


def _vague_candidates(add) -> None:
    no_date = lambda m, ref: None  # noqa: E731
    phrases = (  # each with a word it cannot be written without
        (r"as\s+soon\s+as\s+possible", "soon"),
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
