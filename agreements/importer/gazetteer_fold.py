"""Folding text for matching: lower case and no accents, one character per character, and the
language of a text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["detect_language", "fold"]

# --- Folding -------------------------------------------------------------------------------------

_FOLD_EXTRA = {"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}


def _fold_char(ch: str, keep_case: bool) -> str:
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    if not keep_case:
        lowered = base.lower()
        base = lowered if len(lowered) == 1 else base
    return base


class _FoldTable(dict):
    """A ``str.translate`` table filled on first use of each character."""

    def __init__(self, keep_case: bool) -> None:
        super().__init__()
        self.keep_case = keep_case

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code), self.keep_case)
        self[code] = folded
        return folded


_FOLD_LOWER = _FoldTable(keep_case=False)
_FOLD_CASE = _FoldTable(keep_case=True)


def fold(text: str, keep_case: bool = False) -> str:
    """Lower-case (unless ``keep_case``) and strip accents, keeping one character per character.

    Keeping the length lets a match found in the folded text be cut out of the original.
    """
    if text.isascii() and "`" not in text:
        return text if keep_case else text.lower()
    if len(text) <= _FOLD_CACHED_LENGTH:
        return _fold_cached(text, keep_case)
    return text.translate(_FOLD_CASE if keep_case else _FOLD_LOWER)


# An item's text is folded by each reader (action, actors, deadline…): translating it once is
# enough. Long texts are not kept, so the cache stays small (at most ~4 MB).
_FOLD_CACHED_LENGTH = 4000


@lru_cache(maxsize=512)
def _fold_cached(text: str, keep_case: bool) -> str:
    return text.translate(_FOLD_CASE if keep_case else _FOLD_LOWER)


_ES_WORDS = frozenset(
    "el la los las de del y en para con por que se una un al sobre su sus como lo".split()
)
_EN_WORDS = frozenset("the of and to in for with on by that an as its their from at be".split())


def detect_language(text: str) -> str:
    """'es' or 'en', by counting common function words."""
    words = re.findall(r"[a-záéíóúñ]+", text.lower())
    spanish = sum(1 for w in words if w in _ES_WORDS)
    english = sum(1 for w in words if w in _EN_WORDS)
    return "es" if spanish > english else "en"
