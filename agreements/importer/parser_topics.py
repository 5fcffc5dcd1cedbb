"""A summary of conclusions by topic: unnumbered paragraphs that each open with their topic and a
colon ("Budget: The RCGM approved the draft budget …", "Next meeting:" over its paragraph). Each
is an item, its reference assigned in document order and its topic its group; the fields of the
heading ("Chair: …", "Rapporteur: …") are none, nor is a topic on which nothing was done ("Other
business: No other business was raised.")."""

from __future__ import annotations

import re

from .gazetteer import fold

_TOPIC = re.compile(r"^(?P<topic>[A-ZÁÉÍÓÚÑ][\w ,'’/-]{1,60}?):\s+(?P<rest>[A-ZÁÉÍÓÚÑ¿(].{15,})$")
_TOPIC_ALONE = re.compile(r"^(?P<topic>[A-ZÁÉÍÓÚÑ][\w ,'’/-]{1,60}?):$")
# The heading's fields, and the record's own labels.
_FIELDS = re.compile(
    r"^(?:chair|co-?chairs?|presidencia|preside|date|dates|fecha|fechas|venue|place|lugar|sede"
    r"|modality|modalidad|participants|participantes|present|asistentes|member\s+countries"
    r"(?:\s+present)?|paises\s+miembros(?:\s+presentes)?|observers?|observer\s+organi[sz]ations"
    r"|organismos\s+observadores|organizaciones\s+observadoras|apologies|excusas|rapporteur"
    r"|relatoria|relator|secretariat|secretaria(?:\s+tecnica)?|time|hora|agenda\s+item|punto"
    r"|responsible|responsable|deadline|plazo|timeline|note|nota|source|fuente|subject|asunto|from"
    r"|to|cc|sent|de|para|enviado|addressed\s+to|a\s+cargo\s+de|fecha\s+limite|situacion|status"
    r"|estado|objective|objetivo|time\s*frame|attachments?|datos\s+adjuntos|lead|in\s+charge"
    r"|action|accion|result|resultado|indicator|indicador|activity|actividad|acuerdos?|agreed"
    r"|agreements?|decision|decisiones|se\s+acordo|se\s+acuerda|it\s+was\s+agreed)$"
)
# "No other business was raised.", "No se trataron otros asuntos.": nothing done.
NOTHING_DONE = re.compile(r"^(?:no|ningun|ninguna|none|nothing|sin)\b")


def topic_of(line: str) -> tuple[str, str] | None:
    """(topic, paragraph) of a line that opens with its topic, else None."""
    stripped = line.strip()
    match = _TOPIC.match(stripped) or _TOPIC_ALONE.match(stripped)
    if not match or len(match["topic"].split()) > 7 or _FIELDS.match(fold(match["topic"])):
        return None
    return match["topic"].strip(), (match.groupdict().get("rest") or "").strip()


def topics_start(lines: list[str]) -> int | None:
    """The line of the first topic paragraph when at least four paragraphs open so, else None."""
    found = [
        index
        for index, line in enumerate(lines)
        if (topic := topic_of(line)) and len(topic[1].split()) >= 8 and topic[1].endswith(".")
    ]
    # Paragraphs apart, not a block of fields one under another.
    apart = [
        index for index in found if not (index + 1 < len(lines) and topic_of(lines[index + 1]))
    ]
    return found[0] if len(found) >= 4 and len(apart) >= 4 else None
