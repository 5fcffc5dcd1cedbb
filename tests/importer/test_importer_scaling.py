"""Bounded cost (issue 17, item 5): parsing grows linearly with the text, in time and in memory.
Measured as ratios between a text and one four times as long, so that a busy or slow machine
does not make the test fail, while a quadratic step (sixteen times the work) does. No database."""

import time
import tracemalloc
from functools import cache
from pathlib import Path

import pytest

from agreements.importer import parse_record

HELDOUT = Path(__file__).resolve().parent / "heldout"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@cache
def held_out_items() -> tuple[str, ...]:
    """The items of every third held-out document, both languages and every decade among
    them: a varied enough supply, read once (reading all of them took 3 s a text)."""
    texts = []
    for path in sorted(HELDOUT.glob("*.txt"))[::3]:
        record = parse_record(path.read_text(encoding="utf-8"))
        texts += [" ".join(item.text.split()) for item in record.walk() if item.text.strip()]
    return tuple(texts)


def conference_text(size: int) -> str:
    """A record of about ``size`` characters: the held-out documents' items (dates, countries,
    networks, anaphora), thirty to a part under parts in capitals, as the conference's long
    records number them."""
    texts = held_out_items()
    parts = [
        "Meeting of the Regional Consultation Group on Migration (RCGM)\n"
        "San José, Costa Rica, June 25 – 26, 2013\n\nCONCLUSIONS\n"
    ]
    length, count = len(parts[0]), 0
    while length < size:
        if count % 30 == 0:
            number = count // 30
            parts.append(f"\n{ROMAN[number % 10]}. PART {ROMAN[number % 10]} OF THE RECORD\n")
        parts.append(f"{count % 30 + 1}. {texts[count % len(texts)]}\n")
        length += len(parts[-1])
        count += 1
    return "".join(parts)


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two runs: a pause of the machine counts once at most
        started = time.process_time()
        parse_record(text)
        best = min(best, time.process_time() - started)
    return best


def peak_bytes(text: str) -> int:
    tracemalloc.start()
    try:
        parse_record(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def texts():
    parse_record(conference_text(5_000))  # compiles the patterns, builds the gazetteer
    return conference_text(25_000), conference_text(100_000)


def test_four_times_the_text_takes_at_most_about_four_times_the_time(texts):
    small, large = texts
    ratio = cpu_seconds(large) / cpu_seconds(small)
    assert ratio < 7, ratio  # linear is 4; a quadratic step would be near 16


def test_four_times_the_text_takes_at_most_about_four_times_the_memory(texts):
    small, large = texts
    ratio = peak_bytes(large) / peak_bytes(small)
    assert ratio < 6, ratio


def one_line(sentences: int) -> str:
    sentence = "Someter a la consideración de los países la propuesta de la Secretaría Técnica. "
    return "Reunión del Grupo Regional de Consulta, acordaron: " + sentence * sentences


def test_four_times_a_text_without_line_breaks_takes_at_most_about_four_times_the_time():
    """The worst case for run-in splitting and sentence reading: no line break at all, each
    sentence an agreement after the operative phrase."""
    assert len(parse_record(one_line(2_000)).agreements) == 2_000
    ratio = cpu_seconds(one_line(2_000)) / cpu_seconds(one_line(500))
    assert ratio < 7, ratio
