"""A road map's or work plan's phases: "Fase 1: Diagnóstico" over its activities, and under it
"Período de ejecución: abril a junio de 2016". The period is the phase's, not an activity's:
its line is taken out of the text, and an activity that states no date of its own is due when
its phase ends (as such plans say: "cuando no se indica fecha, la actividad deberá concluir al
cierre de la fase"); "al término de la Fase 3" is the end of phase 3."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import fold

_PHASE = re.compile(
    r"^(?:fase|etapa|phase|stage)\s+(?P<number>\d{1,2}|[ivx]{1,4})\s*[:.–—-]\s*(?P<title>\S.{1,150})$"
)
_PERIOD = re.compile(
    r"^(?:periodo|period|plazo|duracion|duration|calendario|time\s*frame|timeline)"
    r"(?:\s+(?:de|of)\s+(?:ejecucion|implementacion|execution|implementation))?\s*:\s*\S"
)
# "al término de la Fase 3", "at the end of Phase 2", "al cierre de la fase".
_END_OF_PHASE = re.compile(
    r"\b(?:al\s+(?:termino|cierre|final|fin)\s+de\s+la|at\s+the\s+(?:end|close)\s+of(?:\s+the)?)"
    r"\s+(?:fase|etapa|phase|stage)(?:\s+(?P<number>\d{1,2}|[ivx]{1,4}))?\b"
)
# An activity that says when it is due, whatever it says ("Fecha: permanente").
_STATED = re.compile(r"\b(?:fecha|plazo|deadline|timeframe|time\s+frame|due)\s*:")


@dataclass(frozen=True)
class Phase:
    number: str
    title: str  # as the group label reads it ("Diagnóstico")
    period: str  # the period's line as printed


def phase_periods(lines: list[str]) -> tuple[list[str], list[Phase]]:
    """The lines with each phase's period line blanked, and the phases that have one."""
    lines = list(lines)
    phases = []
    for index, line in enumerate(lines):
        phase = _PHASE.match(fold(line.strip()))
        if not phase:
            continue
        below = next(
            (i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), None
        )
        if below is not None and _PERIOD.match(fold(lines[below].strip())):
            title = phase_title(line.strip().rstrip(":").strip())
            phases.append(Phase(phase["number"], title, lines[below].strip()))
            lines[below] = ""
    return lines, phases


def phase_period(text: str, group: str, phases: list[Phase]) -> str:
    """The period an activity without a date of its own is due by: the one its text names ("al
    término de la Fase 3"), else its own phase's (its group); "" when none applies."""
    if not phases:
        return ""
    folded = fold(text)
    named = _END_OF_PHASE.search(folded)
    if named and named["number"]:
        return next((p.period for p in phases if p.number == named["number"]), "")
    if _STATED.search(folded) and not named:
        return ""
    return next((phase.period for phase in phases if group == phase.title), "")


def period_end(period: str) -> str:
    """The words of a period that say when it ends: "junio de 2017" of "Período de ejecución:
    diciembre de 2016 a junio de 2017"."""
    span = period.split(":", 1)[-1]
    return re.split(r"\s+(?:a|al|hasta|to|until|through|[-–—])\s+", span.strip())[-1]


def phase_title(label: str) -> str:
    """ "Fase 1: Diagnóstico" as the group of its activities: "Diagnóstico"."""
    phase = _PHASE.match(fold(label))
    return label[phase.start("title") :].strip() if phase else label
