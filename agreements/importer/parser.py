"""Read a meeting's "Conclusions and Recommendations" (or Declaration, Decisions, agreements) into
a numbered tree of agreements.

The document has a heading (body, place, dates, the countries that took part), then sections
(CONCLUSIONS, RECOMMENDATIONS, CONCLUSIONES Y RECOMENDACIONES, ACUERDOS, DECISIONS,
DECLARATION…), each a numbered list whose items nest (``1.``, ``a)``, ``- a.``, ``i.``, ``(a)``,
``A.``; a label may stand alone on its line with the text on the next). Text extracted from PDF
carries page furniture (logos, banners, page numbers, repeated headers, footnotes) and may be
hard-wrapped.

Representation decisions:

* **ref** is the dotted path of the labels as printed: ``7``, ``7.p``, ``7.p.ii``; ``1`` and
  ``1.a`` for ``1)`` and ``a)``; case as printed. Roman or letter is decided by the label each
  open list expects next: after ``h`` an ``i`` is a letter; after ``p`` it opens a roman list.
* **Sections.** Each section numbers its items as the document does: the 2013 RCGM's
  conclusions are 1–19 and its recommendations 1 and 2, told apart by their section (a ref is
  unique within its section). Only a second list of the *same* section that starts again (a
  part such as "II. OTHER MATTERS" under the conclusions) gets a prefix: ``C`` (conclusion),
  ``R`` (recommendation), ``D`` (decision), ``DC`` (declaration), ``W`` (working group), ``Q``
  (consultation). In a combined
  "Conclusions and Recommendations" list an item whose action is *recommend*, and its children,
  is a recommendation; the rest are conclusions. The agreements of a working or ad-hoc group are
  section ``working_group``.
* **Bullets and unnumbered paragraphs** belong to the item above: they are appended to its text,
  bullets as ``· text`` lines, so a bullet list of proposed activities stays in the text of the
  item that introduces it (2013 item 19), and its deadline is that item's. Only a bullet set off
  by a blank line under an item that has ended ("6. Realizar un taller … en marzo de 2005." then
  "➢ Los países informarán …") introduces no list: it is an item below that one, its reference
  assigned (6.1). A narrating paragraph after the last item ("Los Viceministros expresaron …") is
  context. Lines that only continue a sentence (hard wrapping, a sentence broken by a page break
  or a banner) are joined back into it.
* **Bullets before a restarted list** — the ad-hoc group's "· Training and awareness…" followed
  by a new ``a) Topics:`` — introduce the new run, so they go to the parent item, not to the
  last item of the previous run.
* **Group labels** ("Working Group on Protection:", "RCM Structural Meetings:", an addressee
  such as "Secretaría Pro-Témpore", a theme) are not items; they become the ``group`` of the items
  that follow at that level (children inherit it) and do not reset numbering. An **operative
  phrase** over items ("It was also agreed that:", "Se acuerda:", "The RCGM decided to:",
  "RESOLVE TO:") names no group: it is context (the record's preamble), the items under it leave
  the group of those above, and it gives them its action when their opening says none ("Se
  recomienda:"); only a theme before it ("Sobre el Fondo de Reserva, el GRCM acordó:") or an
  addressee after it ("recomienda a la Secretaría Técnica:") is their group. A label-like line
  followed by bullets only is text of the enclosing item. A part numbered like a chapter and
  written in capitals ("IV. OTHER MATTERS") is no item either: its lists start a new run of the
  current section, grouped under the part's title.
* **The heading** is everything before the first item, so a title such as "CONCLUSIONS AND
  RECOMMENDATIONS" above the place and dates does not hide them. The meeting's last day read
  there anchors relative deadlines unless the caller gives ``meeting_last_day``.
* **Repeated labels.** When a label repeats under the same parent (the ad-hoc group numbers
  ``a) b) c)``, then ``a) b)``, then ``a) b) c)`` under item 1) every item is kept, later ones get
  ``-2``, ``-3`` (``1.a-2``), and a warning says so. Children take the disambiguated ref as their
  prefix, so parents stay right.
* **Warnings** on an item: numbering that jumps or repeats, a sub-list that does not start at its
  first label, an actor-looking name that the gazetteer cannot resolve.
* **Responsible** actors come from :func:`responsible.responsible`; an item's actors are everything
  it mentions plus its responsible actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .deadlines import find_date_range
from .gazetteer import Gazetteer, default_gazetteer, detect_language, fold
from .parser_fields import WRITTEN_BY, join_lone_agreed
from .parser_finish import _Finisher
from .parser_footnotes import split_footnotes
from .parser_heading import _participants, _read_meeting, meeting_lines
from .parser_labels import parse_label
from .parser_layouts import (
    has_numbered_items,
    layout_start,
    not_a_record,
    paragraph_items,
    split_run_in,
)
from .parser_mail import without_mail_headers
from .parser_resolution import resolution_start
from .parser_sections import operative_phrase, section_heading
from .parser_tokens import (
    _CODE_AND_PAGE,
    _PAGE_FOOTER,
    _PAGE_NUMBER,
    _body_start,
    _clean_lines,
    _first_item,
    _tokenize,
)
from .parser_topics import topics_start
from .parser_tree import _TreeBuilder
from .parser_unnumbered import recital
from .reading import normalise_text
from .reading_acronyms import document_acronyms
from .reading_phases import phase_periods
from .schema import NoAgreementsFound, ParsedAgreement, ParsedMeeting, ParsedRecord

__all__ = [
    "NoAgreementsFound",
    "ParsedAgreement",
    "ParsedMeeting",
    "ParsedRecord",
    "parse_label",
    "parse_record",
    "section_heading",
]


def parse_record(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    meeting_last_day: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ParsedRecord:
    """Parse a meeting document's text into a :class:`ParsedRecord`.

    ``meeting_last_day`` anchors relative deadlines; when None, the last day read from the
    document's heading is used. ``progress(done, total)`` is called as each item is read (the
    slow part: its action, actors and deadline); it may raise to stop the reading. Raises
    :class:`NoAgreementsFound` (with a message for the person importing) when the text is not
    the record of a meeting.
    """
    gazetteer = gazetteer or default_gazetteer()
    lines = without_mail_headers(_clean_lines(normalise_text(text or "").split("\n")))
    lines, footnotes = split_footnotes(lines)
    lines = join_lone_agreed(split_run_in(lines))
    lines, phases = phase_periods(lines)
    language = detect_language("\n".join(lines))
    numbered = has_numbered_items(lines)
    body_start = _body_start(lines)
    # The meeting is described by everything before the first item: a title such as
    # "CONCLUSIONS AND RECOMMENDATIONS" may open the document above the place and dates.
    heading_end = _first_item(lines, body_start) if numbered else body_start
    operative_start = False
    resolution = resolution_start(lines)
    topics = topics_start(lines)
    if resolution is not None and resolution < heading_end:
        # "RECORDANDO …;" then "REAFIRMAN …;": a resolution's paragraphs, unnumbered.
        body_start = heading_end = resolution
        layout = None
    elif topics is not None and (topics < heading_end or not numbered):
        # "Budget: The RCGM approved …": a summary by topic, its paragraphs unnumbered.
        body_start = heading_end = topics
        resolution, layout = None, None
    else:
        resolution = topics = None
        layout = layout_start(lines, body_start if numbered else None)
    if layout is not None:
        body_start, operative_start = layout
        # "El Grupo …, con la participación de …, concluyó lo siguiente:" describes the meeting.
        heading_end = body_start if operative_start else body_start + 1
    elif numbered:
        body_start = _phrase_above(lines, body_start)
    annex = _signed_at(lines, _annex_start(lines, body_start), body_start)
    appended = [line.strip() for line in lines[annex:] if line.strip()]
    lines = lines[:annex]
    heading = lines[:body_start]
    described = lines[:heading_end]
    if body_start < len(lines) and section_heading(lines[body_start].strip()):
        # "CONCLUSIONES" over "Reunión del GRCM celebrada en …" and the dates: still the heading.
        below = set(meeting_lines(lines, body_start + 1))
        if below:
            described = described + [lines[i] for i in sorted(below) if i >= heading_end]
            lines = [("" if i in below else line) for i, line in enumerate(lines)]
    meeting, warnings = _read_meeting(described, gazetteer, language)
    if not meeting.participants:
        # "DECISION No. 1 … The Vice-Ministers and Heads of Delegation of the Member Countries,":
        # the recitals under a decision's title say who took it.
        participants = _participants(" ".join(_recitals(lines, body_start)), gazetteer)
        if participants:
            meeting.participants = participants
            warnings = [warning for warning in warnings if "participating" not in warning]
    tokens = _tokenize(lines[body_start:], heading, gazetteer)
    titled = [line for line in heading if line.strip()][:4]
    declaration = any(section_heading(line.strip()) == "declaration" for line in titled)
    # "Minutes of the second meeting", "ACTA DE LA …": every paragraph may be numbered.
    minutes = any(_MINUTES.search(fold(line)) for line in titled + heading[:12])
    builder = _TreeBuilder(
        meeting.kind,
        tokens,
        operative_start,
        declaration=declaration,
        resolution=resolution is not None,
        minutes=minutes,
        topics=topics is not None,
    )
    roots = builder.build()
    body_chars = sum(len(line) for line in lines)
    item_chars = sum(len(paragraph) for node in _walk(roots) for paragraph in node.paragraphs)
    refusal = not_a_record("\n".join(lines), body_chars if roots else 0, item_chars)
    if refusal:
        raise NoAgreementsFound(refusal)
    if not roots:
        # A layout still not understood: its heading and paragraphs, for the TS to correct.
        heading_end, roots = paragraph_items(lines, builder._section_for(None))
        meeting, warnings = _read_meeting(lines[:heading_end], gazetteer, language)
        if not roots:
            raise NoAgreementsFound(
                "No agreements were found in this document: after its heading there is no "
                "paragraph, list or numbered item."
            )
        warnings.append(
            "The layout of this document was not recognised: each paragraph after the heading "
            "was made an item. Check the items, their references and sections before committing."
        )
    if meeting.start is None and roots and _narrates_the_meeting(roots[0].paragraphs[0]):
        # "1. The Vice-Ministerial Meeting … was held in Guatemala City, Guatemala, on July 23
        # and 24, 2009": a communiqué that numbers every paragraph says where and when in the
        # first one.
        meeting, warnings = _read_meeting(described + [roots[0].paragraphs[0]], gazetteer, language)
    last_day = meeting_last_day or meeting.end
    finisher = _Finisher(gazetteer, language, last_day, body=meeting.body)
    finisher.acronyms = document_acronyms("\n".join(lines), gazetteer, language)
    finisher.phases = phases
    finisher.members_speak = bool(_MEMBERS_SPEAK.search(fold("\n".join(lines[:body_start]))))
    if progress is not None:
        finisher.progress = progress
        finisher.total = sum(1 for _node in _walk(roots))
        progress(0, finisher.total)
    agreements = []
    before = ""
    for node in roots:
        agreements.append(finisher.finish(node, None, before))
        before = agreements[-1].text
    return ParsedRecord(
        meeting=meeting,
        agreements=agreements,
        warnings=warnings,
        language=language,
        # The recitals of a declaration ("Considerando…;") stand above its operative heading.
        preamble=[line.strip() for line in heading if recital(line.strip())]
        + builder.context
        + appended
        + footnotes,
    )


# "ANNEX I", "ANEXO 2 – Lista de participantes", "Appendix": what follows the agreements is no
# agreement (a list of participants, a budget table), though it may be numbered.
_ANNEX = re.compile(
    r"^(?:annex(?:es)?|anexos?|appendix|appendices|apendices?)(?:\s+(?:[ivxl]{1,5}|\d{1,2}|[a-h]|unico))?"
    r"(?:\s*[:.–—-]\s*.{0,120}|\s+[a-z][^.;]{0,120})?$"
    # "LISTA DE PARTICIPANTES" with no "Anexo" over it is an annex too.
    r"|^(?:lista\s+de\s+(?:participantes|asistentes|asistencia|delegad[oa]s|delegaciones)"
    r"|list\s+of\s+(?:participants|delegates|delegations|attendees)|participantes|participants"
    r"|asistentes|attendees|attendance\s+list)\s*:?$"
    # An e-mail's quoted message under the one that carries the record.
    r"|^-{2,}\s*(?:mensaje\s+original|original\s+message|forwarded\s+message|mensaje\s+reenviado)"
    r"\s*-{2,}$"
)


_MINUTES = re.compile(r"^(?:minutes|minuta|acta|summary\s+record)\b")
# "We, the Vice-Ministers and Heads of Delegation of …", "Nosotros, los Viceministros …".
_MEMBERS_SPEAK = re.compile(
    r"\b(?:we|nosotros|nosotras),?\s+(?:the|los|las)\s+(?:vice-?ministers|viceministr[oa]s"
    r"|heads\s+of\s+delegation|jefes\s+y\s+jefas|jefes\s+de\s+delegacion|ministers|ministr[oa]s)\b"
)


def _recitals(lines: list[str], start: int) -> list[str]:
    """The lines from ``start`` to the first numbered item, past a decision's own number."""
    recitals = []
    for line in lines[start : start + 40]:
        parsed = parse_label(line)
        if parsed and not parsed[0].weak and parsed[0].deco != "named":
            break
        recitals.append(line)
    return recitals


def _phrase_above(lines: list[str], body_start: int) -> int:
    """ "Se recomienda:" right above the first numbered item: the agreements start with the
    phrase, which is context for them (and makes them recommendations), not the heading's."""
    index = body_start - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    if index >= 0 and operative_phrase(lines[index]):
        return index
    return body_start


def _signed_at(lines: list[str], end: int, body_start: int) -> int:
    """Where the closing place and date begin ("Ciudad de Guatemala, 24 de julio de 2009" under
    the last paragraph): the place where the document was signed, no part of its last item."""
    index = end
    # Blank lines and a last page's number ("2/2") may stand below it.
    while index > body_start and (
        not lines[index - 1].strip()
        or _PAGE_NUMBER.match(fold(lines[index - 1].strip()))
        # "GRCM – Santo Domingo, noviembre de 2011      Página 2 de 2": the last page's footer.
        or _PAGE_FOOTER.search(fold(lines[index - 1].strip()))
        or _CODE_AND_PAGE.match(lines[index - 1].strip())
        # "Relatoría: Secretaría Técnica de la CRM" under the place and date.
        or WRITTEN_BY.match(fold(lines[index - 1].strip()))
    ):
        index -= 1
    found = end
    # A bilingual document closes with the place and date in each language.
    for _language in range(2):
        last = lines[index - 1].strip().rstrip(".") if index > body_start else ""
        if not (
            last
            and len(last.split()) <= 12
            and not last.endswith((".", ";", ":"))
            and re.match(r"^[A-ZÁÉÍÓÚÑ][^\d,]{1,40},\s", last)
            and find_date_range(last)
            and not parse_label(last)
        ):
            break
        index = found = index - 1
    return found


def _annex_start(lines: list[str], body_start: int) -> int:
    """Index of the line that opens the annexes after the agreements (len(lines) if none)."""
    seen_item = False
    last_label: int | None = None  # the last labelled line, found once a rule asks for it
    for index in range(body_start, len(lines)):
        stripped = lines[index].strip()
        if not stripped:
            continue
        if seen_item and (stripped[:1].isupper() or stripped[:2] == "--") and len(stripped) <= 130:
            if _ANNEX.match(fold(stripped).strip()):
                return index
        if seen_item and re.fullmatch(r"[_=*]{20,}", stripped):
            # A rule over an e-mail's or a mail server's footer ("Este mensaje ha sido
            # analizado por el sistema antivirus …"), with no item below it.
            if last_label is None:
                labelled = [i for i, line in enumerate(lines) if parse_label(line)]
                last_label = labelled[-1] if labelled else -1
            if last_label < index:
                return index
        seen_item = seen_item or bool(parse_label(stripped)) or len(stripped) > 60
    return len(lines)


_HELD = re.compile(
    r"\b(?:was\s+held|took\s+place|met|convened|se\s+celebro|se\s+llevo\s+a\s+cabo|se\s+realizo"
    r"|tuvo\s+lugar|se\s+reunieron)\b"
)


def _narrates_the_meeting(paragraph: str) -> bool:
    return bool(_HELD.search(fold(paragraph))) and find_date_range(paragraph) is not None


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)
