"""The importer's throughput and memory: pages per second and peak memory of reading and parsing.

    python bench/importer.py            # a table
    python bench/importer.py --json     # the figures, for bench/run.py

Two measurements, each in this process with tracemalloc on (peak = the most Python memory held
at once while reading and parsing one document):

* **records**: the meeting records in fixtures/documents/, each read from its file and parsed
  as the admin and import_record do (the default gazetteer, so no database is needed);
* **1 MB**: a record of about 1 MB of text, made by numbering the real records' agreements one
  after another under one heading, thirty to a part (I., II., …) (the issue's target: under
  10 s and 300 MB). It runs in a child process stopped after ``--timeout`` seconds, so a slow
  parser cannot stall the bench; its peak is the child's peak resident memory, interpreter and
  Django included.

A page is 3,000 characters of text, about a printed page of a record.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
PAGE_CHARS = 3000
DOCUMENTS = BASE_DIR / "fixtures" / "documents"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rcm.settings")
    import django

    django.setup()


def _import(data: bytes, name: str) -> tuple[int, int]:
    from agreements.importer import parse_record, read_document

    text = read_document(data, name)
    return len(text), sum(1 for _ in parse_record(text).walk())


def _measure(data: bytes, name: str, *, trace: bool = True) -> dict:
    """Timed without tracing (tracemalloc slows Python down), then traced for the peak."""
    started = time.perf_counter()
    chars, items = _import(data, name)
    seconds = time.perf_counter() - started
    peak = None
    if trace:
        tracemalloc.start()
        try:
            _import(data, name)
            peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        finally:
            tracemalloc.stop()
    return {
        "name": name,
        "chars": chars,
        "items": items,
        "seconds": seconds,
        "pages_per_second": chars / PAGE_CHARS / seconds if seconds else None,
        "peak_mib": peak,
    }


def records() -> list[dict]:
    from agreements.importer import NoAgreementsFound

    warm_up = sorted(DOCUMENTS.glob("rcgm-*.txt"))[:1]
    for path in warm_up:  # the first parse compiles the patterns and builds the gazetteer
        _import(path.read_bytes(), path.name)
    results = []
    for path in sorted(DOCUMENTS.glob("*.txt")):
        try:
            results.append(_measure(path.read_bytes(), path.name))
        except NoAgreementsFound:
            continue
    return results


def one_megabyte_text() -> str:
    from agreements.importer import parse_record, read_document

    sentences = []
    for path in sorted(DOCUMENTS.glob("rcgm-*.txt")):
        record = parse_record(read_document(path.read_bytes(), path.name))
        sentences += [" ".join(item.text.split()) for item in record.walk() if item.text.strip()]
    heading = (
        "REGIONAL CONFERENCE ON MIGRATION (RCM)\n"
        "Meeting of the Regional Consultation Group on Migration (RCGM)\n\n"
        "Panama City, Panama\nMarch 3 – 4, 2016\n\nCONCLUSIONS\n\n"
    )
    # Numbering restarts in each part, as in the conference's long records: "1000." is no label,
    # so one list numbered past 999 would be read as one item of most of the megabyte.
    lines, size, number = [], len(heading), 0
    while size < 1024 * 1024:
        number += 1
        if number % 30 == 1:
            part = number // 30
            lines.append(f"\n{_roman(part % 39 + 1)}. PART {part + 1} OF THE RECORD")
        line = f"{(number - 1) % 30 + 1}. {sentences[number % len(sentences)]}"
        lines.append(line)
        size += len(line) + 1
    return heading + "\n".join(lines) + "\n"


def _roman(value: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _child(queue) -> None:
    import resource

    _setup()
    text = one_megabyte_text()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = _measure(text.encode("utf-8"), "one-megabyte.txt", trace=False)
    # The process's peak resident memory (Linux: KiB), what the 300 MB bounds.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["peak_mib"] = peak / 1024
    result["rss_growth_mib"] = (peak - before) / 1024
    queue.put(result)


def one_megabyte(timeout: float) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue,))
    started = time.perf_counter()
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return {"name": "one-megabyte.txt", "timed_out": True, "seconds": timeout}
    result = queue.get() if not queue.empty() else {"name": "one-megabyte.txt", "failed": True}
    result["wall_seconds"] = time.perf_counter() - started
    return result


def measure(timeout: float = 120.0) -> dict:
    _setup()
    found = records()
    chars = sum(r["chars"] for r in found)
    seconds = sum(r["seconds"] for r in found)
    return {
        "records": found,
        "pages_per_second": chars / PAGE_CHARS / seconds if seconds else None,
        "peak_mib": max((r["peak_mib"] for r in found), default=0.0),
        "megabyte": one_megabyte(timeout),
    }


def render(figures: dict) -> str:
    lines = [
        f"{'importer document':<48} {'chars':>8} {'items':>6} {'s':>7} {'pages/s':>8} {'MiB':>6}"
    ]
    for row in [*figures["records"], figures["megabyte"]]:
        if row.get("timed_out") or row.get("failed"):
            what = "stopped" if row.get("timed_out") else "failed"
            lines.append(f"{row['name']:<48} {what} after {row['seconds']:.0f} s")
            continue
        lines.append(
            f"{row['name']:<48} {row['chars']:>8,} {row['items']:>6} {row['seconds']:>7.2f} "
            f"{row['pages_per_second']:>8.1f} {row['peak_mib']:>6.1f}"
        )
    lines.append(
        f"importer over the records: {figures['pages_per_second']:.1f} pages/s "
        f"(a page = {PAGE_CHARS:,} characters), peak {figures['peak_mib']:.1f} MiB"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    figures = measure(args.timeout)
    print(json.dumps(figures) if args.json else render(figures))


if __name__ == "__main__":
    main()
