"""The meeting a document's heading describes: body, kind, title, place, dates, participants."""

from __future__ import annotations

import datetime as dt
import re

from .deadlines import find_date_range
from .gazetteer import MEMBER_COUNTRIES, Gazetteer, fold
from .gazetteer_names import CITIES as _CITIES
from .parser_furniture import _PAGE_SUFFIX
from .parser_labels import parse_label
from .parser_tokens import _FUNCTION_END, _join
from .schema import ParsedMeeting

# --- The meeting's heading -----------------------------------------------------------------------

_PARTICIPATION = (
    r"\b(?:with|con)\s+(?:the\s+|la\s+)?(?:participation|participacion|presence|presencia"
    r"|attendance|asistencia)\s+(?:of|de)\s+(?:(?:the|los|las)\s+(?:following|siguientes)"
    r"\s+[\w\s]{0,40}?:\s*)?(?P<list>.+?)(?=(?:,?\s+(?:reached|formulated|adopted"
    r"|agreed|approved|issued|arrived|made|came|llego|llegaron|formulo|formularon|adopto"
    r"|adoptaron|acordo|acordaron|aprobo|aprobaron|emitio|alcanzo|concluyo)\b)|[.;:]\s|[.;:]$|$)",
    r"\b(?:participating\s+countries|paises\s+participantes|countries\s+present"
    r"|paises\s+presentes)\s*:\s*(?P<list>.+?)(?=[.;]\s|$)",
    r"\b(?:integrad[oa]|compuest[oa]|conformad[oa])\s+por\s+(?:los\s+|las\s+)?\S+\s+(?:de|from)\s+"
    r"(?P<list>.+?)(?=,\s+(?:celebrad|reunid)|[.;:]\s|$)",
    r"\b(?:member\s+countries|paises\s+miembros)\s+(?:of\s+the\s+[^:,]{0,60}?|de\s+la\s+[^:,]"
    r"{0,60}?)?(?:\((?:rcm|crm)\)\s*)?(?:of|de|:)\s+(?P<list>.+?)(?=\s+(?:gathered|met|meeting"
    r"|reunid|celebrad|held|at\s+the)\b|[.;]\s|$)",
    r"\b(?:delegations?|representatives?|delegaciones|representantes|vice-?ministers|"
    r"viceministr[oa]s(?:\s+y\s+viceministr[oa]s)?|(?:liaison\s+)?officers|directors"
    r"|funcionari[oa]s(?:\s+de\s+enlace)?|directores)\s+(?:of|from|de)\s+(?P<list>.+?)"
    r"(?=\s+(?:gathered|met|reunid|celebrad|held)\b|[.;]\s|$)",
)


def _read_meeting(
    heading: list[str], gazetteer: Gazetteer, language: str
) -> tuple[ParsedMeeting, list[str]]:
    warnings: list[str] = []
    lines = [
        re.sub(r"\s+", " ", _PAGE_SUFFIX.sub("", line)).strip() for line in heading if line.strip()
    ]
    title_lines = _title_lines(lines)
    joined = _joined(lines)
    first_sentence = re.split(r"(?<=[.;:])\s+(?=[A-Z])", joined, maxsplit=1)[0] if joined else ""
    describing = " ".join(title_lines) + " " + first_sentence.split(" with the participation")[0]
    kind, body = _body_and_kind(" ".join(title_lines), describing, gazetteer)
    title = _title(title_lines)
    city, country = _place(title_lines, joined, gazetteer, lines)
    city = _display_case(city)
    dates = find_date_range(" ".join(title_lines)) or find_date_range(joined)
    if kind == "consultation":
        # A written consultation runs in no city, over the days the note gives for answers
        # ("del lunes 6 al viernes 10 del presente mes"), not on the day the note is dated.
        city = ""
        dates = _consultation_period(joined, dates) or dates
    start, end = dates if dates else (None, None)
    if dates is None:
        warnings.append(
            "The meeting's dates were not found in the heading: deadlines counted from the "
            "meeting are not resolved."
        )
    participants = _participants(joined, gazetteer)
    if not participants:
        warnings.append("The participating countries were not found in the heading.")
    meeting = ParsedMeeting(
        body=body,
        kind=kind,
        title=title,
        city=city,
        country=country,
        start=start,
        end=end,
        participants=participants,
        language=language,
    )
    return meeting, warnings


_WEEKDAY = (
    r"(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\s+)?"
)
_PERIOD_THIS_MONTH = re.compile(
    rf"\b(?:del|from)\s+{_WEEKDAY}(?P<d1>\d{{1,2}})\s+(?:al|to)\s+{_WEEKDAY}(?P<d2>\d{{1,2}})\s+"
    r"(?:del?\s+(?:presente\s+mes|mes\s+en\s+curso)|of\s+(?:this|the\s+current)\s+month)\b"
)
# "Tegucigalpa, 15/VI/2016": the day a note is dated, its month in roman numerals or figures.
_NOTE_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>[IVX]{1,4}|\d{1,2})/(?P<y>(?:19|20)\d\d)\b")
_ROMAN_MONTHS = {
    roman: number
    for number, roman in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)
}


def _consultation_period(joined: str, dated: tuple[dt.date, dt.date] | None):
    """(first, last day) of a consultation's period counted in the month of the note."""
    period = _PERIOD_THIS_MONTH.search(fold(joined))
    if not period:
        return None
    reference = dated[0] if dated else None
    note = _NOTE_DATE.search(joined)
    if reference is None and note:
        month = int(note["m"]) if note["m"].isdigit() else _ROMAN_MONTHS.get(note["m"], 0)
        reference = dt.date(int(note["y"]), month, 1) if 1 <= month <= 12 else None
    if reference is None:
        return None
    try:
        first = reference.replace(day=int(period["d1"]))
        last = reference.replace(day=int(period["d2"]))
    except ValueError:
        return None
    return (first, last) if first <= last else None


_PARTICLES = frozenset("de del la las el los y e of the and".split())


def _display_case(city: str) -> str:
    """ "SAN SALVADOR" from a document in capitals (an old fax) as the city is written."""
    if not city.isupper() or len(city) < 3:
        return city
    words = city.lower().split(" ")
    return " ".join(
        word if index and word in _PARTICLES else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = _join(text, line) if text else line
    return text


def _title_lines(lines: list[str]) -> list[str]:
    """The short lines that open the document; a title wrapped over two lines is one."""
    titles: list[str] = []
    for line in lines[:8]:
        if len(line) > 200 or re.search(r"particip", fold(line)) or _PREAMBLE.match(fold(line)):
            break
        if re.fullmatch(r"\[[^\]]*\]", line):
            continue  # an editor's note above the title: "[Unofficial translation]"
        if titles and (line[:1].islower() or _FUNCTION_END.search(titles[-1])):
            titles[-1] = _join(titles[-1], line)
        else:
            titles.append(line)
    return titles


# Where a declaration's preamble begins: "We, the Vice-Ministers…", "Los Viceministros…,",
# "Considering…", "Reconociendo…". What follows describes the meeting no more.
_PREAMBLE = re.compile(
    r"^(?:we\s*,|nosotros\s*,|(?:the|los|las)\s+vice-?ministr\w*\b.*,$|considering|recognizing"
    r"|recognising|reaffirming|acknowledging|noting|bearing\s+in\s+mind|considerando|reconociendo"
    r"|reafirmando|reiterando|teniendo\s+en\s+cuenta|tomando\s+en\s+cuenta)\b"
)


def _title(title_lines: list[str]) -> str:
    # "XV Reunión Viceministerial de la CRM, Ciudad de Panamá, 20 y 21 de mayo de 2010": the
    # name before the place and the dates.
    title_lines = [
        line.split(",")[0].strip()
        if find_date_range(line)
        and _MEETING_NAME.search(fold(line.split(",")[0]))
        and not re.search(
            r"\b(?:held|hosted|celebrad[oa]|realizad[oa]|in|en)\b", fold(line.split(",")[0])
        )
        else line
        for line in title_lines
    ]
    title_lines = [line for line in title_lines if not find_date_range(line)] or title_lines
    preferred = [line for line in title_lines if re.search(r"\b(?:meeting|reunion)\b", fold(line))]
    others = [
        line
        for line in title_lines
        if re.search(
            r"\b(?:conference|conferencia|declaration|declaracion|seminar|seminario|workshop"
            r"|taller|course|curso|group|grupo|network|red)\b",
            fold(line),
        )
    ]
    # The conference's own name is the banner above the title, not the title.
    others.sort(
        key=lambda line: bool(
            re.fullmatch(
                r"(?:regional\s+conference\s+on\s+migration|conferencia\s+regional\s+sobre"
                r"\s+migracion)(?:\s*\((?:rcm|crm)\))?",
                fold(line).strip(),
            )
        )
    )
    chosen = (preferred or others or title_lines or [""])[0]
    return chosen.strip().rstrip(".").strip()


# "RESULTADO DEL PROCEDIMIENTO DE CONSULTA DE CINCO DÍAS HÁBILES": a decision taken in writing.
_CONSULTATION = re.compile(
    r"\b(?:procedimiento\s+de\s+consulta|consulta\s+de\s+cinco\s+dias|consultation\s+procedure"
    r"|five[\s-]+(?:working|business)[\s-]+days?\s+(?:consultation|procedure))\b"
)


def _body_and_kind(title: str, describing: str, gazetteer: Gazetteer) -> tuple[str, str]:
    if _CONSULTATION.search(fold(title)):
        return "consultation", "RCM"
    named = [
        c for c in dict.fromkeys(gazetteer.find(f"{title}\n{describing}")) if c.startswith("LN-")
    ]
    if len(named) > 1 and re.search(r"\b(?:joint|conjunta)\b", fold(f"{title} {describing}")):
        # "INFORME DE LA REUNIÓN CONJUNTA" over the two networks' names, a line each.
        return "joint_networks", "/".join(named)
    for text in (title, describing):
        folded = fold(text)
        codes = gazetteer.find(text)
        if re.search(r"\bad[\s-]*hoc\b", folded):
            code = next((c for c in codes if c.startswith("AHG-")), None)
            return "ad_hoc_group", code or _group_name(text, r"ad[\s-]*hoc")
        if re.search(r"\b(?:working\s+group|grupo\s+de\s+trabajo)\b", folded):
            code = next((c for c in codes if c.startswith("WG-")), None)
            return "working_group", code or _group_name(
                text, r"working\s+group|grupo\s+de\s+trabajo"
            )
        if re.search(r"\b(?:joint|conjunta)\b", folded) and re.search(
            r"\b(?:networks|redes)\b", folded
        ):
            networks = [c for c in codes if c.startswith("LN-")]
            return "joint_networks", "/".join(networks if len(networks) > 1 else _CLASSIC_PAIR)
        if re.search(r"\b(?:liaison\s+officers?|funcionari[oa]s\s+de\s+enlace)\b", folded):
            code = next((c for c in codes if c.startswith("LN-")), None)
            return "liaison_network", code or _group_name(text, r"network|red")
        if re.search(
            r"\b(?:rcgm|grcm|regional\s+consultation\s+group|grupo\s+regional\s+de\s+consulta)\b",
            folded,
        ):
            return "rcgm", "RCGM"
        if re.search(
            r"\b(?:sacm|csm|south\s+american\s+conference|conferencia\s+s[uu]d?r?americana)\b",
            folded,
        ):
            return "rcm_sacm", "RCM-SACM"
        if re.search(r"\b(?:extraordinary|extraordinaria)\b", folded):
            return "extraordinary", "RCM"
        if re.search(
            r"\bvice-?minist|\bviceminist|\bdeclaration\b|\bdeclaracion\b|\b[xvil]+\s+(?:regional"
            r"\s+conference\s+on\s+migration|conferencia\s+regional\s+sobre\s+migracion)",
            folded,
        ):
            return "vice_ministerial", "RCM"
        for pattern, kind in (
            (r"\b(?:seminar|seminario)\b", "seminar"),
            (r"\b(?:workshop|taller)\b", "workshop"),
            (r"\b(?:course|curso|diplomado|diploma)\b", "course"),
        ):
            if re.search(pattern, folded):
                return kind, "RCM"
    return "other", "RCM"


# The two networks consolidated at the VI RCM, which usually meet jointly.
_CLASSIC_PAIR = ("LN-CP", "LN-SMTP")


def _group_name(text: str, anchor: str) -> str:
    match = re.search(rf"(?i)(?:the\s+)?((?:{anchor})[^,.;]*)", fold(text, keep_case=True))
    return text[match.start(1) : match.end(1)].strip() if match else text.strip()


def _place(
    lines: list[str], joined: str, gazetteer: Gazetteer, every_line: list[str] = ()
) -> tuple[str, str | None]:
    # "MINUTA DE LA REUNIÓN VIRTUAL", "Modalidad: videoconferencia": the title says the meeting
    # had no city, whatever place the agenda below names.
    if any(_VIRTUAL.search(fold(line)) and len(line) <= 120 for line in lines[:8]):
        if not any(
            _place_from_parts(_without_place_intro(line), gazetteer, True) for line in lines[:8]
        ):
            return "", _virtual_host(joined, gazetteer)
    # A heading line "San José, Costa Rica" (possibly followed by the dates).
    for line in lines:
        if len(line) > 120:
            continue
        line = _without_place_intro(line)
        found = _place_from_parts(line, gazetteer, standalone=True)
        if found:
            return found
    sentence = re.search(
        r"\b(?:[Ii]n|[Ee]n)\s+(?:the\s+city\s+of\s+|la\s+ciudad\s+de\s+|the\s+cities\s+of\s+"
        r"|la\s+(?=Ciudad\s))?"
        r"(?P<place>[A-ZÁÉÍÓÚÑ][^,.;]*?(?:,\s*[A-ZÁÉÍÓÚÑ][^,.;]*?){0,2})"
        r"(?=,|\s+(?:with|con|on|el|los|del|from|during|between|,)\b|[.;]|$)",
        joined,
    )
    if sentence:
        found = _place_from_parts(sentence["place"], gazetteer, standalone=False)
        if found:
            return found
    # A place line after the list of participants: "San José, Costa Rica, 1 y 2 de…".
    for line in every_line[len(lines) :]:
        if len(line) <= 120 and re.search(r"\d", line):
            found = _place_from_parts(_without_place_intro(line), gazetteer, standalone=True)
            if found:
                return found
    return "", _virtual_host(joined, gazetteer)


# A meeting held by videoconference has no city; its host is the country that convened it.
_VIRTUAL = re.compile(
    r"\b(?:virtual|videoconferencias?|videoconferences?|video\s+conferences?|en\s+linea|online)\b"
)
_CONVENER = re.compile(
    r"\b(?:presidencia\s+pro[\s-]*tempore|pro[\s-]*tempore\s+presidency|ppt"
    r"|(?:convened|convoked|hosted|organi[sz]ed)\s+by(?:\s+the\s+government)?"
    r"|(?:convocad[oa]|organizad[oa])\s+por(?:\s+el\s+gobierno)?)\s+(?:de\s+|of\s+)?"
    r"(?!(?:la|the)\s+(?:presidencia|pro))(?P<rest>.{3,60})"
)


def _virtual_host(joined: str, gazetteer: Gazetteer) -> str | None:
    """The country whose Presidency Pro-Tempore (or government) convened a virtual meeting."""
    folded = fold(joined)
    if not _VIRTUAL.search(folded):
        return None
    for match in _CONVENER.finditer(folded):
        rest = joined[match.start("rest") : match.end("rest")]
        mentions = gazetteer.mentions(rest, "es" if " de " in folded else "en")
        if mentions and not rest[: mentions[0][0]].strip(" ,"):
            codes = [code for code in mentions[0][2] if gazetteer.is_country(code)]
            if len(codes) == 1:
                return codes[0]
    return None


# "Celebrada en la Ciudad de Panamá, Panamá, los días…", "Held in Panama City, Panama, on…".
_PLACE_INTRO = re.compile(
    # "Venue: Tapachula, Chiapas, Mexico", "Lugar: San José, Costa Rica": a field of the heading.
    r"^(?:venue|place|location|lugar|sede)\s*:\s*"
    r"|^(?:(?:(?:meeting|reunion|reunión)\s+)?(?:held|hosted|convened|celebrad[oa]|realizad[oa]|llevad[oa]\s+a\s+cabo|efectuad[oa]"
    r"|reunid[oa]s?|que\s+tuvo\s+lugar|which\s+took\s+place|took\s+place|met)\s+)?"
    r"(?:in|en)\s+(?:(?:la|the)\s+)?",
    re.IGNORECASE,
)
_CITY_OF = re.compile(r"^(?:city\s+of|ciudad\s+de)\s+", re.IGNORECASE)


def _without_place_intro(line: str) -> str:
    stripped = _PLACE_INTRO.sub("", line, count=1)
    if stripped == line:
        return line
    stripped = re.sub(r"\s*\([^)]*\)", "", stripped)  # "(training centre of …)"
    city = fold(stripped.split(",")[0]).rstrip(".")
    if city not in _CITIES and _CITY_OF.match(stripped):
        stripped = _CITY_OF.sub("", stripped, count=1)
    return stripped


def _place_from_parts(text: str, gazetteer: Gazetteer, standalone: bool) -> tuple[str, str] | None:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if parts and re.search(r"\s[–—-]\s", parts[0]) and _MEETING_NAME.search(fold(parts[0])):
        # "Segunda reunión – San José, Costa Rica, …": the place after the meeting's name.
        parts[0] = re.split(r"\s[–—-]\s", parts[0])[-1].strip()
    # "XV Reunión Viceministerial de la CRM, Ciudad de Panamá, 20 y 21 de mayo de 2010": the
    # meeting's name comes before its place on the same line.
    while len(parts) > 1 and _MEETING_NAME.search(fold(parts[0])):
        held = _HELD_IN.search(parts[0])
        if held:
            # "Report of the meeting held in Antigua Guatemala, Guatemala, …": the place follows.
            parts[0] = parts[0][held.end() :].strip()
            break
        parts = parts[1:]
    if not parts or _MEETING_NAME.search(fold(parts[0])):
        return None
    named = [c for c in gazetteer.find(", ".join(parts[1:]), expand_groups=False)]
    if len([c for c in named if gazetteer.is_country(c)]) > 1:
        return None  # "Salvador, Guatemala, México…": a wrapped list of countries, not a place
    city_key = fold(parts[0]).rstrip(".")
    if city_key in _CITIES and (not standalone or len(parts) > 1 or len(parts[0].split()) <= 3):
        if standalone and len(parts) == 1 and not re.search(r"\d", text):
            return parts[0], _CITIES[city_key]
        country = _country_of(parts[1:], gazetteer) if len(parts) > 1 else None
        return parts[0], country or _CITIES[city_key]
    if len(parts) < 2 or re.search(r"\d", parts[0]) or len(parts[0].split()) > 5:
        return None
    country = _country_of(parts[1:], gazetteer)
    if country and not gazetteer.find(parts[0]):
        return parts[0], country
    return None


_HELD_IN = re.compile(
    r"\b(?:held|hosted|convened|celebrad[oa]|realizad[oa]|efectuad[oa]|que\s+tuvo\s+lugar)\s+(?:in|en)"
    r"\s+(?:(?:the\s+city\s+of|la\s+ciudad\s+de)\s+)?",
    re.IGNORECASE,
)
_MEETING_NAME = re.compile(
    r"\b(?:conference|conferencia|meeting|reunion|group|grupo|network|red|vice-?ministerial"
    r"|viceministerial|declaration|declaracion|communique|comunicado|seminar|seminario|workshop"
    r"|taller|rcm|crm|rcgm|grcm)\b"
)


def _country_of(parts: list[str], gazetteer: Gazetteer) -> str | None:
    for part in parts:
        if re.search(r"\d", part) or len(part.split()) > 5:
            continue
        codes = [c for c in gazetteer.find(part, expand_groups=False) if gazetteer.is_country(c)]
        if codes:
            return codes[0]
    return None


def _participants(joined: str, gazetteer: Gazetteer) -> list[str]:
    folded = fold(joined)
    for pattern in _PARTICIPATION:
        for match in re.finditer(pattern, folded):
            listed = joined[match.start("list") : match.end("list")]
            codes = [
                c for c in gazetteer.find(listed, expand_groups=False) if gazetteer.is_country(c)
            ]
            if len(codes) >= 2:
                return codes
            if re.search(
                r"\b(?:all\s+(?:the\s+)?)?member\s+countries|paises\s+miembros", fold(listed)
            ):
                return list(MEMBER_COUNTRIES)
    return []


# "Reunión del GRCM celebrada en San José, Costa Rica", "Meeting of the RCGM held in Managua":
# the line that names the meeting, set under the section's heading by some documents.
_MEETING_LINE = re.compile(
    r"^(?:(?:[ivxl]{1,7}|\w+)\s+)?(?:reunion|meeting|encuentro)\b[^.;:]*"
    r"\b(?:held|celebrad[oa]|realizad[oa]|llevad[oa]\s+a\s+cabo|of\s+the|de\s+la|del)\b"
)
_PLACE_LINE = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w.áéíóúñ ]{1,40},\s*[A-ZÁÉÍÓÚÑ][\w.áéíóúñ ]{1,40}$")


def meeting_lines(lines: list[str], start: int) -> list[int]:
    """The lines from ``start`` (blank ones skipped) that still describe the meeting: its name
    with "held in"/"celebrada en", its place, its dates. A document that sets them under its
    section's heading ("CONCLUSIONES" over "Reunión del GRCM celebrada en …") has them read as
    its heading, never as a group label or an item."""
    found: list[int] = []
    index = start
    while index < len(lines) and len(found) < 4:
        line = re.sub(r"\s+", " ", lines[index]).strip()
        index += 1
        if not line:
            continue
        short = len(line) <= 160 and not line.endswith((".", ";", ":"))
        labelled = parse_label(line)
        if labelled and not labelled[0].weak:
            break  # "1. Actualizar … — Plazo: 30 de junio de 2016": the first item, not a date
        if short and _MEETING_LINE.match(fold(line)):
            found.append(index - 1)
        elif short and len(line.split()) <= 14 and find_date_range(line):
            found.append(index - 1)
        elif (
            _PLACE_LINE.match(line)
            and index < len(lines)
            and find_date_range(lines[index])
            and len(lines[index].split()) <= 14
        ):
            found.append(index - 1)
        else:
            break
    return found
