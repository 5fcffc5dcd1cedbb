"""Score the importer on the held-out documents under heldout/ (written for these tests).

Each ``<name>.txt`` has a ``<name>.json`` gold file::

    {"meeting": {"kind", "city", "country", "start", "end"},      one check each
     "items": [{"section"?, "ref",                                 reference: the item exists
                "text", "text_end"?,                               text: starts with / ends with
                "group"?,                                          the label it sits under
                "action"?, "responsible"?, "actors"?,              action; who must act (as a
                "deadline"? | "deadline_text"?}],                  set); actors named (subset)
     "all_refs"?: [...]}                                           deadline: the date, or the
                                                                   phrase when there is none;
                                                                   all_refs: every item the
                                                                   document has, no more (one
                                                                   check: an annex is no item)

A document the importer refuses fails every one of its checks. Run as a script to print the
score per document and the failed checks::

    .venv/bin/python -m tests.importer.heldout
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from agreements.importer import parse_record

HELDOUT = Path(__file__).resolve().parent / "heldout"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@dataclass
class Score:
    name: str
    passed: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, label: str, ok: bool, got: object = None) -> None:
        self.total += 1
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{label}: got {got!r}")


def _count(gold: dict) -> int:
    checks = len(gold["meeting"]) + ("all_refs" in gold)
    for item in gold["items"]:
        checks += (
            2
            + sum(key in item for key in ("group", "action", "responsible", "actors"))
            + ("deadline" in item or "deadline_text" in item)
        )
    return checks


def score_document(path: Path) -> Score:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    score = Score(path.stem)
    try:
        record = parse_record(path.read_text(encoding="utf-8"))
    except ValueError as refused:
        score.total = _count(gold)
        score.failures.append(f"refused: {refused}")
        return score
    meeting = record.meeting.as_dict()
    for key, expected in gold["meeting"].items():
        score.check(f"meeting.{key} {expected!r}", meeting.get(key) == expected, meeting.get(key))
    for item in gold["items"]:
        section = item.get("section")
        found = next(
            (
                parsed
                for parsed in record.walk()
                if parsed.ref == item["ref"] and (section is None or parsed.section == section)
            ),
            None,
        )
        label = f"{section or ''} {item['ref']}".strip()
        score.check(f"{label} reference", found is not None, [p.ref for p in record.walk()])
        if found is None:
            score.total += _count({"meeting": {}, "items": [item]}) - 1
            score.failures.append(f"{label}: its other checks fail")
            continue
        text = _squash(found.text)
        ok = text.startswith(_squash(item["text"])) and text.endswith(
            _squash(item.get("text_end", ""))
        )
        score.check(f"{label} text", ok, text)
        if "group" in item:
            score.check(f"{label} group {item['group']!r}", found.group == item["group"],
                        found.group)  # fmt: skip
        if "action" in item:
            score.check(f"{label} action {item['action']}", found.action == item["action"],
                        found.action)  # fmt: skip
        if "responsible" in item:
            ok = sorted(found.responsible) == sorted(item["responsible"])
            score.check(f"{label} responsible {item['responsible']}", ok, found.responsible)
        if "actors" in item:
            ok = set(item["actors"]) <= set(found.actors)
            score.check(f"{label} actors {item['actors']}", ok, found.actors)
        if "deadline" in item:
            got = found.deadline.isoformat() if found.deadline else None
            score.check(f"{label} deadline {item['deadline']}", got == item["deadline"],
                        (got, found.deadline_text))  # fmt: skip
        elif "deadline_text" in item:
            ok = (
                found.deadline is None
                and item["deadline_text"].lower() in (found.deadline_text or "").lower()
            )
            score.check(f"{label} deadline {item['deadline_text']!r}", ok,
                        (found.deadline, found.deadline_text))  # fmt: skip
    if "all_refs" in gold:
        refs = [parsed.ref for parsed in record.walk()]
        score.check(f"all refs {gold['all_refs']}", refs == gold["all_refs"], refs)
    return score


def score_all() -> list[Score]:
    return [score_document(path) for path in sorted(HELDOUT.glob("*.txt"))]


def percentage(scores: list[Score]) -> float:
    total = sum(s.total for s in scores)
    return 100.0 * sum(s.passed for s in scores) / total if total else 0.0


def main() -> int:
    scores = score_all()
    for score in scores:
        print(f"{score.passed:3d}/{score.total:3d}  {score.name}")
        for failure in score.failures:
            print(f"          - {failure}")
    print(f"held-out score: {percentage(scores):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
