"""How the gazetteer finds names fast: a pattern per name, and the prefilter that runs only
the patterns a text can match."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer_fold import fold


def _acronym(text: str) -> bool:
    return len(text) <= 8 and bool(re.fullmatch(r"[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9.\-/]*", text))


def _pattern_for(name: str) -> str:
    """A regex for a plain name: spaces and dashes are flexible, accents and case are not needed."""
    tokens = re.split(r"(\s+|\s*[-–—]\s*)", fold(name.strip(), keep_case=_acronym(name.strip())))
    parts = []
    for token in tokens:
        if not token:
            continue
        if token.isspace():
            parts.append(r"[\s\-]+")
        elif token.strip() in ("-", ""):
            parts.append(r"\s*-?\s*")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


@dataclass
class _Compiled:
    code: str
    members: tuple[str, ...]
    pattern: re.Pattern
    case_sensitive: bool
    language: str | None
    needle: str = ""  # a literal every match contains: a cheap test before the regex
    triggers: frozenset[str] | None = None  # words one of which every match begins with


def _needle(name: str, case_sensitive: bool) -> str:
    """The first word of a plain name as the folded text writes it (spaces and dashes between
    words are flexible, so only one word is certain to appear as such)."""
    words = re.split(r"\s+|\s*[-–—]\s*", fold(name.strip(), keep_case=case_sensitive))
    return next((word for word in words if word), "")


def _regex_needle(pattern: str) -> str:
    """The longest literal text every match of a regex alias contains ("\\bvice[\\s-]*ministros"
    → "ministros"), or "" when it has none of three letters or has a top-level alternative."""
    if len(_top_level(pattern)) > 1:
        return ""
    runs, run, depth, escaped, skip_to = [], "", 0, False, ""
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif skip_to:  # inside a class [..] or a count {..}
            skip_to = "" if ch == skip_to else skip_to
        elif depth == 0 and ch.isascii() and (ch.isalnum() or ch in "' "):
            run += ch
            continue
        elif ch in "[{":
            skip_to = "]" if ch == "[" else "}"
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if run:
            runs.append(run[:-1] if ch in "?*{" else run)  # before "?", its last letter is optional
            run = ""
    runs.append(run)
    longest = max(runs, key=len)
    return longest if len(longest.strip()) >= 3 else ""


# --- The prefilter --------------------------------------------------------------------------------
#
# Running every pattern over every text made matching the bulk of an import (a few hundred
# patterns, several texts per item). Instead, each pattern knows the words one of which its
# matches begin with (its *triggers*: "costa" for "Costa Rica", "its"/"su" for
# r"\b(?:its|su) (?:technical|executive) secretariat"); one scan of the text with an alternation
# of all triggers finds the words that open a word of the text, and only their patterns (and the
# few whose first word is not known) run. A match always begins at the start of a word, so a
# trigger found there is sound: no pattern that could match is skipped. Most triggers are also
# whole words ("costa" is followed by a space in "Costa Rica"): they are not tried inside a
# longer word ("secretaria" in "secretariat").

_WORD_START = (r"\b", r"(?<![\w])", r"(?<!\w)", r"(?<![\w$])")


# A trigger: the word, and whether it is the whole of the word (nothing in \w follows it).
_Trigger = tuple[str, bool]


def _name_triggers(name: str) -> frozenset[_Trigger] | None:
    """The first word of a plain name, as its pattern writes it (see :func:`_pattern_for`)."""
    folded = fold(name.strip(), keep_case=_acronym(name.strip()))
    tokens = re.split(r"(\s+|\s*[-–—]\s*)", folded)
    word = re.match(r"\w+", tokens[0])
    if not word:
        return None
    # A space between words is "[\s\-]+", never empty; a dash is "\s*-?\s*", which may be.
    whole = word.group() != tokens[0] or len(tokens) == 1 or tokens[1].isspace()
    return frozenset({(word.group(), whole)})


def _regex_triggers(pattern: str) -> frozenset[_Trigger] | None:
    """The words a regex alias's matches begin with, or None when they cannot be told from the
    pattern (it does not open at a word start, or opens with a class or an escape)."""
    words: set[_Trigger] = set()
    for alternative in _top_level(pattern):
        start = next((p for p in _WORD_START if alternative.startswith(p)), None)
        if start is None:
            return None
        first = _first_words(alternative[len(start) :])
        if not first:
            return None
        words |= first
    return frozenset(words)


def _first_words(body: str) -> set[_Trigger] | None:
    if body.startswith("(?:"):
        close = _closing(body)
        if close is None:
            return None
        inner, rest = body[3:close], body[close + 1 :]
        quantifier = re.match(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??", rest)
        optional = (
            bool(quantifier)
            and quantifier.group()[0] in "?*{"
            and not re.match(r"\{[1-9]", quantifier.group())
        )
        rest = rest[quantifier.end() :] if quantifier else rest
        words: set[_Trigger] = set()
        for alternative in _top_level(inner):
            first = _first_words(alternative + rest)
            if not first:
                return None
            words |= first
        if optional:
            first = _first_words(rest)
            if not first:
                return None
            words |= first
        return words
    literal = re.match(r"\w+", body)
    if not literal:
        return None
    word, after = literal.group(), body[literal.end() :]
    if after[:1] in ("?", "*", "{"):
        return {(word[:-1], False)} if word[:-1] else None  # its last letter is optional
    # Whole when what follows cannot be in \w and cannot be left out: a space, "\s", "\b", "\.".
    whole = bool(re.match(r"(?: |\\[sb]|\\\W)(?![?*{])", after))
    return {(word, whole)}


def _structure(pattern: str):
    """The parentheses and bars of a pattern that are neither escaped nor in a character class:
    (index, character, depth once read), left to right."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern, split at its top-level ``|``."""
    parts, start = [], 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _closing(body: str) -> int | None:
    """The index of the parenthesis closing the group ``body`` opens with."""
    for i, ch, depth in _structure(body):
        if ch == ")" and depth == 0:
            return i
    return None


class _TriggerIndex:
    """The patterns by trigger, and one scanner per case for the triggers."""

    def __init__(self, compiled: list[_Compiled]) -> None:
        self.compiled = compiled
        self.always = [i for i, item in enumerate(compiled) if not item.triggers]
        self.by_case: list[tuple[re.Pattern | None, dict[tuple[str, bool], list[int]]]] = []
        for sensitive in (False, True):
            by_trigger: dict[_Trigger, set[int]] = {}
            for i, item in enumerate(compiled):
                if item.triggers and item.case_sensitive == sensitive:
                    for trigger in item.triggers:
                        by_trigger.setdefault(trigger, set()).add(i)
            words = {word for word, _whole in by_trigger}
            # The scanner finds the longest trigger opening each word of the text, and whether
            # the word goes on after it. The triggers that are its prefixes open the word too,
            # but only as the start of a longer word.
            implied: dict[tuple[str, bool], list[int]] = {}
            for word in words:
                for word_ends in (True, False):
                    chosen = set(by_trigger.get((word, False), ()))
                    if word_ends:
                        chosen |= by_trigger.get((word, True), set())
                    for other in words:
                        if other != word and word.startswith(other):
                            chosen |= by_trigger.get((other, False), set())
                    implied[word, word_ends] = sorted(chosen)
            scanner = re.compile(rf"\b({_trie(sorted(words))})(\w?)") if words else None
            self.by_case.append((scanner, implied))

    def candidates(self, folded: str, folded_case: str) -> list[tuple[_Compiled, list[int] | None]]:
        found: dict[int, list[int]] = {}
        for (scanner, implied), haystack in zip(self.by_case, (folded, folded_case), strict=True):
            if scanner is None:
                continue
            by_word: dict[tuple[str, bool], list[int]] = {}
            for match in scanner.finditer(haystack):
                key = (match.group(1), not match.group(2))
                by_word.setdefault(key, []).append(match.start())
            for key, starts in by_word.items():
                for i in implied[key]:
                    known = found.get(i)
                    found[i] = starts if known is None else sorted(known + starts)
        chosen: list[tuple[_Compiled, list[int] | None]] = []
        for i in sorted([*self.always, *found]):
            chosen.append((self.compiled[i], found.get(i)))
        return chosen


def _trie(words: list[str]) -> str:
    """A regex for the longest of ``words`` at a position, written as a trie ("gu(?:atemala|lf)")
    so that the engine reads each letter once instead of trying every word in turn."""
    ends = "" in words
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _trie(rest) for first, rest in sorted(by_first.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _matches(pattern: re.Pattern, haystack: str, positions: list[int] | None):
    """What ``pattern.finditer(haystack)`` yields, trying only ``positions`` when given (every
    match starts at one of them)."""
    if positions is None:
        yield from pattern.finditer(haystack)
        return
    end = 0
    for position in positions:
        if position < end:
            continue  # inside the previous match, as finditer would skip it
        match = pattern.match(haystack, position)
        if match:
            end = match.end()
            yield match
