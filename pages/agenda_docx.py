"""The agenda as a Word annex (python-docx) that the TS circulates before the meeting.

Written in the active language: the caller chooses it (`translation.override`), and the records'
own texts follow it where they exist in that language.
"""

from __future__ import annotations

import io

import docx
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pages.agenda import Agenda

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _link(paragraph, text: str, url: str) -> None:
    """A clickable link in a paragraph (python-docx has no API for hyperlinks)."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(style)
    properties.append(underline)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else ""


def _agreement_row(table, agreement, site: str, *, due: bool = True) -> None:
    cells = table.add_row().cells
    _link(
        cells[0].paragraphs[0],
        f"{agreement.meeting.short_name} {agreement.display_ref}",
        site + agreement.get_absolute_url(),
    )
    cells[1].text = agreement.text
    cells[2].text = (
        _date(getattr(agreement, "due_on", None) or agreement.deadline)
        or (agreement.deadline_text if due else "")
        or _("not stated")
    )
    # As the page's badges say it: overdue, then not reported, else stale (with_states, on the
    # agenda's day).
    states = [_("overdue")] if getattr(agreement, "overdue", False) else []
    if agreement.is_not_reported:
        states.append(_("not reported"))
    elif agreement.is_stale:
        states.append(_("stale"))
    cells[3].text = " · ".join([str(agreement.get_status_display()), *states])


def _agreement_table(document, agreements, site: str) -> None:
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    headings = [_("Agreement"), _("Text"), _("Due"), _("Status")]
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    for agreement in agreements:
        _agreement_row(table, agreement, site)


def _empty(document, text: str) -> None:
    document.add_paragraph().add_run(text).italic = True


def agenda_document(agenda: Agenda) -> bytes:
    """The Word file of the agenda, in the active language."""
    site = settings.SITE_URL.rstrip("/")
    meeting = agenda.meeting
    document = docx.Document()
    document.core_properties.title = _("Agenda annex: %(meeting)s") % {"meeting": meeting}
    document.add_heading(_("What the meeting must decide"), level=0)
    heading = document.add_paragraph()
    _link(heading, meeting.name, site + meeting.get_absolute_url())
    document.add_paragraph(
        _(
            "Annex prepared from RCM Records for %(day)s. Statuses are those recorded on the "
            "day the annex was produced; overdue items are counted on %(as_of)s."
        )
        % {"day": _date(agenda.day), "as_of": _date(agenda.as_of)}
    )

    document.add_heading(_("Recommendations awaiting a decision"), level=1)
    if agenda.recommendations:
        _agreement_table(document, agenda.recommendations, site)
    else:
        _empty(document, _("No recommendation addressed to this body awaits a decision."))

    document.add_heading(_("Items falling due at or before the meeting, not yet overdue"), level=1)
    if agenda.due:
        _agreement_table(document, agenda.due, site)
    else:
        _empty(
            document,
            _(
                "Apart from the overdue items below, no open item falls due at or before the "
                "meeting."
            ),
        )

    document.add_heading(_("Overdue items by responsible country"), level=1)
    if agenda.overdue_by_country:
        for group in agenda.overdue_by_country:
            document.add_heading(f"{group.name} ({len(group.agreements)})", level=2)
            _agreement_table(document, group.agreements, site)
    else:
        _empty(document, _("No item is overdue."))

    document.add_heading(_("Reports owed by networks and working groups"), level=1)
    if agenda.reports_owed or agenda.plan_items_due:
        for network in agenda.reports_owed:
            paragraph = document.add_paragraph(style="List Bullet")
            _link(paragraph, network.name, site + network.get_absolute_url())
            if network.last_report_year:
                paragraph.add_run(
                    " — "
                    + _("no report to this meeting; last report %(year)s")
                    % {"year": network.last_report_year}
                )
            else:
                paragraph.add_run(" — " + _("no report to this meeting; none recorded before"))
        for item in agenda.plan_items_due:
            paragraph = document.add_paragraph(style="List Bullet")
            _link(
                paragraph,
                f"{item.plan.network.name} {item.ref}",
                site + item.get_absolute_url(),
            )
            paragraph.add_run(
                f": {item.text} (" + _("due %(day)s") % {"day": _date(item.deadline)} + ")"
            )
            if item.agreement_id and item.agreement_visible:
                paragraph.add_run(" — ")
                _link(
                    paragraph,
                    f"{item.agreement.meeting.short_name} {item.agreement.display_ref}",
                    site + item.agreement.get_absolute_url(),
                )
    else:
        _empty(document, _("No network or working group owes a report to this meeting."))

    document.add_heading(_("Open written consultations"), level=1)
    if agenda.consultations:
        for consultation in agenda.consultations:
            paragraph = document.add_paragraph(style="List Bullet")
            _link(paragraph, consultation.subject, site + consultation.get_absolute_url())
            paragraph.add_run(f" ({consultation.get_state_display()})")
            agreement = consultation.earlier_agreement
            if agreement and consultation.agreement_visible:
                paragraph.add_run(" — ")
                _link(
                    paragraph,
                    f"{agreement.meeting.short_name} {agreement.display_ref}",
                    site + agreement.get_absolute_url(),
                )
    else:
        _empty(document, _("No written consultation is open."))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
