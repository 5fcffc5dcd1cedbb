"""Section headings (CONCLUSIONS, RECOMMENDATIONS, DECISIONS, DECLARATION…), operative phrases
("The Vice-Ministers … DECIDE:", "acordaron:") and parts numbered like chapters."""

from __future__ import annotations

import re

from .gazetteer import fold

_SECTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:the\s+following\s+)?conclusions?\s*(?:and|y|&|/)\s*recommendations?", "combined"),
    (r"conclusiones\s*(?:y|/)\s*recomendaciones", "combined"),
    (r"recommendations?\s+(?:and|y)\s+conclusions?|recomendaciones\s+y\s+conclusiones", "combined"),
    (r"(?:agreements|acuerdos)\s+(?:and|y)\s+(?:recommendations|recomendaciones)", "combined"),
    (r"conclusions?\s+(?:and|y)\s+agreements?|conclusiones\s+y\s+acuerdos", "agreements"),
    (r"(?:the\s+following\s+)?(?:conclusions?|conclusiones)", "conclusion"),
    (r"(?:the\s+following\s+)?(?:recommendations?|recomendaciones)", "recommendation"),
    (
        r"(?:the\s+following\s+)?(?:agreements?(?:\s+reached)?|acuerdos(?:\s+alcanzados)?"
        r"|agreed\s+actions|acciones\s+acordadas)",
        "agreements",
    ),
    (r"(?:vice-?ministerial\s+)?(?:decisions?|decisiones|resolutions|resoluciones)", "decision"),
    (r"(?:vice-?ministerial\s+)?(?:declaration|declaracion)", "declaration"),
    (
        r"(?:results?\s+of\s+the\s+)?consultation(?:\s+procedure)?|(?:resultados?\s+de\s+la\s+)?"
        r"consulta|(?:five|cinco)[\s-]+(?:working|business|dias)[\s-]+(?:days?|habiles)[\s-]+"
        r"(?:consultation\s+)?(?:procedure|procedimiento)",
        "consultation",
    ),
)
_SECTION_SUFFIX = (
    r"(?:\s+(?:of|to|for|from|de|del|a|para|by|adopted|approved|aprobad[oa]s|adoptad[oa]s)"
    r"\s+.{0,80})?"
)
_SECTION_RES = [
    (re.compile(rf"^(?:{pattern}){_SECTION_SUFFIX}$"), kind) for pattern, kind in _SECTION_PATTERNS
]
# "The Vice-Ministers …, DECIDE:", "Los Viceministros ACUERDAN:", "DECLARE:".
_OPERATIVE = re.compile(
    r"(?:^|\s)(?P<verb>decide|decides|deciden|decidimos|decided|agree|agrees|acuerdan|acordamos"
    r"|acordaron|resolve|resuelven|declare|declaran|declaramos|declared|hereby\s+agree)\s*:$"
)


def _numbered_part(line: str) -> str | None:
    """ "IV. OTHER MATTERS": a part of the document in capitals, numbered like a chapter. It is no
    item; its lists go on in the current kind of section."""
    match = re.match(r"^(?:[IVX]{1,4}|[A-H])[.)-]\s+(?P<rest>[^a-z]{4,80})$", line)
    if match and len(match["rest"].split()) <= 10 and re.search(r"[A-Z]{3}", match["rest"]):
        return "part"
    return None


def section_heading(line: str) -> str | None:
    """The kind of section a heading line opens ("combined", "conclusion", …) or None."""
    stripped = line.strip().strip("*_#").strip()
    if not stripped or len(stripped) > 160:
        return None
    labelled = re.match(r"^(?:[IVXivx]{1,4}|[A-H]|\d{1,2})[.)-]\s+(?P<rest>.+)$", stripped)
    candidate = labelled["rest"] if labelled else stripped
    if not candidate[:1].isupper():
        return None  # headings are capitalised; "recommendations of…" continues a sentence
    folded = fold(candidate).strip().rstrip(":").strip().rstrip(".").strip()
    folded = re.sub(r"\s+", " ", folded)
    if len(folded.split()) <= 14:
        for pattern, kind in _SECTION_RES:
            if pattern.match(folded):
                return kind
    operative = _OPERATIVE.search(fold(stripped))
    if operative and len(stripped.split()) <= 60:
        verb = operative["verb"]
        return "declaration" if verb.startswith("declar") else "agreements_operative"
    return None
