"""A record's source as its readers can follow it: the document's title, not the file name the
records were loaded from, nor the line of its text extraction (TS staff see the full note in
the admin)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# The seed documents of fixtures/documents/ (INDEX.md), by file name.
DOCUMENTS = {
    "rcm-15-years-publication-2011.txt": lambda: _(
        "“Regional Conference on Migration – 15 Years” (Technical Secretariat, October 2011)"
    ),
    "rcgm-2013-11-san-jose-conclusions.txt": lambda: _(
        "conclusions and recommendations of the RCGM, San José, 18–19 November 2013"
    ),
    "rcgm-2021-12-mexico-city-conclusions.txt": lambda: _(
        "conclusions and recommendations of the RCGM, Mexico City, 1 December 2021"
    ),
    "rcm-rncom-adhoc-wg-2013-02-san-salvador.txt": lambda: _(
        "conclusions of the Ad-Hoc RCM–RNCOM Working Group, San Salvador, February 2013"
    ),
}
SEED = re.compile(r"\bseed:\s*(?P<file>[\w.-]+\.txt)")
FACTS = re.compile(r"\bFACTS\.md\b(?:,\s*Meetings beyond the seeds)?(?P<sep>[,:]\s*)?")
# "(lines 250–264)", "(line 169)", ", line 427", " line 181": places in the text extraction.
LINES = re.compile(r"\s*\(lines? [\d–-]+\)|,?\s+lines? [\d–-]+(?: and [\d–-]+)?\b")
IMPORTED = "imported with import_record and reviewed"


def readable(source: str) -> str:
    if not source:
        return ""

    def title(match: re.Match) -> str:
        document = DOCUMENTS.get(match["file"])
        return document() if document else match["file"]

    text = SEED.sub(title, source)
    text = FACTS.sub(lambda m: _("published public records") + (": " if m["sep"] else ""), text)
    text = text.replace("DOMAIN.md", _("the conference's structure as documented"))
    text = text.replace(IMPORTED, _("read from the document and reviewed by the TS"))
    text = LINES.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()
