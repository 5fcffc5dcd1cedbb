"""A declaration written as a resolution: preambular paragraphs that open with a word in capitals
("RECORDANDO la Declaración …;", "BEARING IN MIND …;") and operative paragraphs that open with a
verb in capitals ("REAFIRMAN su compromiso …;", "INSTRUYEN a la Secretaría Técnica …:", "URGE the
member countries …"), unnumbered; only a list under one of them may be numbered ("i. elabore …").
Each operative paragraph is an item, its reference assigned in document order; the preambular
ones are context."""

from __future__ import annotations

import re

from .actions import classify_action
from .gazetteer import fold

# One to three words in capitals, then the paragraph in lower case.
_CAPITALS = re.compile(
    r"^(?P<caps>[A-ZÁÉÍÓÚÑÜ]{3,}(?:\s+(?:[A-ZÁÉÍÓÚÑÜ]{2,}|Y|A|E|O)){0,3})(?=\s+[a-záéíóúñü(«“\"]|\s*[,:;]|$)"
)
# Gerunds and the adjectives of a preamble: "CONSIDERANDO", "TENIENDO PRESENTE", "RECALLING",
# "CONSCIENTES", "CONVINCED".
_PREAMBULAR = re.compile(
    r"^(?:\w+(?:ando|iendo|yendo|ing)|conscientes|convencid[oa]s|preocupad[oa]s|reconocid[oa]s"
    r"|animad[oa]s|convinced|concerned|aware|mindful|deeply|firmly)\b"
)
# Operative verbs in the third person ("REAFIRMAN", "ACOGEN", "URGE", "TAKE NOTE").
_OPERATIVE_FORM = re.compile(r"^\w+(?:an|en|e|es|s)\b")


def preambular(text: str) -> bool:
    caps = _CAPITALS.match(text.strip())
    return bool(caps) and bool(_PREAMBULAR.match(fold(caps["caps"])))


def operative(text: str) -> bool:
    stripped = text.strip()
    caps = _CAPITALS.match(stripped)
    if not caps or preambular(stripped):
        return False
    return bool(_OPERATIVE_FORM.match(fold(caps["caps"]))) and classify_action(stripped) != "other"


def resolution_start(lines: list[str]) -> int | None:
    """The line of the first preambular or operative paragraph when at least three operative
    paragraphs follow it, else None."""
    first = None
    count = 0
    for index, line in enumerate(lines):
        if preambular(line) and first is None:
            first = index
        elif operative(line):
            first = index if first is None else first
            count += 1
    return first if count >= 3 else None
