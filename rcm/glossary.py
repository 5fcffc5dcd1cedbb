"""The acronyms the records use, written out for readers who do not know them.

The conference's own bodies and roles (shared/DOMAIN.md) and the organisations its records name
most (fixtures/organisations.json), with their Spanish acronyms. Fixed here rather than read from
the organisations table, so that expanding them costs no query on any page.
"""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

GLOSSARY = {
    "RCM": _("Regional Conference on Migration"),
    "CRM": _("Regional Conference on Migration"),
    "RCGM": _("Regional Consultation Group on Migration"),
    "GRCM": _("Regional Consultation Group on Migration"),
    "VMM": _("Vice-Ministerial Meeting"),
    "TS": _("Technical Secretariat"),
    "ST": _("Technical Secretariat"),
    "PPT": _("Presidency Pro-Tempore"),
    "RNCOM": _("Regional Network for Civil Organizations on Migration"),
    "RROCM": _("Regional Network for Civil Organizations on Migration"),
    "IOM": _("International Organization for Migration"),
    "OIM": _("International Organization for Migration"),
    "UNHCR": _("United Nations High Commissioner for Refugees"),
    "ACNUR": _("United Nations High Commissioner for Refugees"),
    "ECLAC": _("Economic Commission for Latin America and the Caribbean"),
    "CEPAL": _("Economic Commission for Latin America and the Caribbean"),
    "ILO": _("International Labour Organization"),
    "OIT": _("International Labour Organization"),
    "UNICEF": _("United Nations Children's Fund"),
    "UNDP": _("United Nations Development Programme"),
    "PNUD": _("United Nations Development Programme"),
    "UNFPA": _("United Nations Population Fund"),
    "UNODC": _("United Nations Office on Drugs and Crime"),
    "SICA": _("Central American Integration System"),
    "IACHR": _("Inter-American Commission on Human Rights"),
    "CIDH": _("Inter-American Commission on Human Rights"),
    "SACM": _("South American Conference on Migration"),
    "OAS": _("Organization of American States"),
    "OEA": _("Organization of American States"),
    "ICRC": _("International Committee of the Red Cross"),
    "CICR": _("International Committee of the Red Cross"),
}
# Whole words only, and not a part of a hyphenated code such as "LN-CP".
ACRONYM = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(GLOSSARY, key=len, reverse=True)) + r")(?![\w-])"
)


def expand(text: str) -> SafeString:
    """The text, escaped, with each known acronym in an <abbr> that writes it out."""
    if not text:
        return mark_safe("")  # noqa: S308 - nothing to escape
    pieces = []
    last = 0
    for match in ACRONYM.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        acronym = match.group(1)
        pieces.append(format_html('<abbr title="{}">{}</abbr>', GLOSSARY[acronym], acronym))
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def expand_text(text: str, seen: set[str] | None = None) -> str:
    """Plain text (an e-mail) with each known acronym written out in brackets where it first
    appears: "XXVI RCGM (Regional Consultation Group on Migration)". Acronyms in `seen` are
    already written out and are added to it. Not escaped."""
    seen = set() if seen is None else seen

    def write_out(match: re.Match) -> str:
        acronym = match.group(1)
        if acronym in seen:
            return acronym
        seen.add(acronym)
        return f"{acronym} ({GLOSSARY[acronym]})"

    return ACRONYM.sub(write_out, text or "")
