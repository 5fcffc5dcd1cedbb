"""Page furniture: the lines a page adds to the text of a record (page numbers, footers with the
page, a fax machine's line, a document's code, a heading carried over, a lone web address)."""

from __future__ import annotations

import re

_PAGE_NUMBER = re.compile(
    r"^(?:page|pagina|pag\.?|p\.)?\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*(?:(?:of|de|/)\s*\d{1,3})?$"
)
_PAGE_FOOTER = re.compile(
    r"\b(?:page|pagina)\s+\d{1,3}\s+(?:of|de)\s+\d{1,3}\s*$"
    # "CRM – GRCM – Tegucigalpa, 26 y 27 de febrero de 2008        Pág. 1", "Pág. 2/3".
    r"|\s{2,}(?:page|pagina|pag\.|p\.)\s*\d{1,3}(?:\s*(?:of|de|/)\s*\d{1,3})?\s*$"
    # "GRCM – San Salvador, 2 y 3 de diciembre de 2003                    2": a running footer.
    r"|\s[-–—|]\s.{4,100}?\s{3,}\d{1,3}(?:\s*/\s*\d{1,3})?\s*$"
)
_PAGE_SUFFIX = re.compile(r"\s{2,}(?:page|página|pagina)\s+\d{1,3}\s+(?:of|de)\s+\d{1,3}\s*$", re.I)
# A fax machine's line at the top of each page: "29-ENE-1999 18:43 DE: CANCILLERIA … P.02/03",
# and its last page's "** TOTAL PAGE.03 **".
_FAX_LINE = re.compile(
    r"^\d{1,2}[-/ ][a-z]{3}[-/ ]\d{2,4}\s+\d{1,2}:\d{2}\b.*\bp\.?\s?\d{1,3}(?:/\d{1,3})?$"
    r"|^\W*total\s+pages?\W*\d{1,3}\W*$"
)
# "GRCM/SS/11-2006/Concl.        1", "RCGM/GUA/2002/Doc.4": a document's code at the foot or head
# of its pages, with or without the page's number.
_CODE_AND_PAGE = re.compile(r"^[A-Z]{2,}(?:[/-][\w.-]+){2,}(?:\s{2,}\d{1,3})?$")
# "CONCLUSIONS (cont.)", "ACUERDOS (continuación)": a heading carried over to the next page.
_CONTINUED = re.compile(r"\((?:cont\.?|cont'd|continued|continuacion|continua)\)\s*$")
_URL_ONLY = re.compile(r"^[\s\"'(<\[]*(?:(?:https?://|www\.)\S+[\s\"')>\].,;]*)+$")
