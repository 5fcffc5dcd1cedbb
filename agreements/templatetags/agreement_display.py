"""An agreement's status badges and deadline, written in Python.

They appear on every row of the dashboard's table, the country page, a meeting's record and the
workspace: as included templates they cost a context, a template and a dozen lookups and
translations per row. `agreements/_status.html` and `agreements/_deadline.html` call these tags,
so that every page shows the same markup.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatewords
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy

from agreements.models import Section, Status, printed_label
from rcm.glossary import expand

register = template.Library()
# Model.get_status_display() rebuilds the field's choices on each call; the labels are lazy,
# so one dict serves every language.
STATUS_LABELS = dict(Status.choices)


@register.filter
def agreement_label(reference: dict) -> str:
    """The printed label of an agreement given as the API's {section, ref} (printed_label)."""
    return printed_label(section=reference.get("section", ""), ref=reference["ref"])


@register.filter
def section_heading(section: str) -> str:
    """The heading of a section of a meeting's document: "Conclusions" (Section.heading)."""
    return Section.heading(section)


@register.simple_tag
def status_badges(agreement) -> SafeString:
    """The status (or "overdue") badge, and the not-reported or stale badge if it applies."""
    overdue = agreement.is_overdue
    html = format_html(
        '<span class="badge status-{}">{}{}</span>',
        "overdue" if overdue else agreement.status,
        STATUS_LABELS.get(agreement.status, agreement.status),
        " · " + gettext("overdue") if overdue else "",
    )
    if agreement.is_not_reported:
        html += format_html(
            ' <span class="badge state-not-reported" title="{}">{}</span>',
            gettext("No accepted update since it was adopted"),
            gettext("not reported"),
        )
    elif agreement.is_stale:
        html += format_html(
            ' <span class="badge state-stale" title="{}">{}</span>',
            gettext("No accepted update for a year or more"),
            gettext("stale"),
        )
    return mark_safe(html)  # noqa: S308 - every piece is format_html's


def _time(day, date_format: str) -> SafeString:
    return format_html(
        '<time datetime="{}">{}</time>', date_filter(day, "Y-m-d"), date_filter(day, date_format)
    )


@register.simple_tag
def deadline(agreement, date_format: str, empty: str = "") -> SafeString:
    """Its date; else the meeting it is due at (and that meeting's day once recorded); else the
    deadline as the text words it; else `empty`."""
    if agreement.deadline:
        return _time(agreement.deadline, date_format)
    if agreement.deadline_body:
        meeting = agreement.due_meeting_label
        if agreement.due_on:
            return format_html(
                '{} <span class="meta">({})</span>',
                _time(agreement.due_on, date_format),
                gettext("at %(meeting)s") % {"meeting": meeting},
            )
        return format_html(
            '<span class="meta">{}</span>',
            gettext("at %(meeting)s (not yet scheduled)") % {"meeting": meeting},
        )
    if agreement.deadline_text:
        return format_html('<span class="meta">{}</span>', undated_phrase(agreement.deadline_text))
    return format_html("{}", empty)


# How the conference's texts word a deadline without a date, in either language, said in the
# reader's: the records keep the words as written; a Spanish page should not quote English.
UNDATED_PHRASES = {
    "as soon as possible": gettext_lazy("as soon as possible"),
    "a la brevedad posible": gettext_lazy("as soon as possible"),
    "a la mayor brevedad": gettext_lazy("as soon as possible"),
    "lo antes posible": gettext_lazy("as soon as possible"),
    "in due course": gettext_lazy("in due course"),
    "oportunamente": gettext_lazy("in due course"),
    "en su oportunidad": gettext_lazy("in due course"),
    "on a date to be determined": gettext_lazy("on a date to be determined"),
    "at a date to be determined": gettext_lazy("on a date to be determined"),
    "en una fecha por definir": gettext_lazy("on a date to be determined"),
    "en fecha por definir": gettext_lazy("on a date to be determined"),
    "en fecha por determinar": gettext_lazy("on a date to be determined"),
    "one month in advance": gettext_lazy("one month in advance"),
    "con un mes de anticipación": gettext_lazy("one month in advance"),
    "con un mes de antelación": gettext_lazy("one month in advance"),
}


def undated_phrase(text: str) -> str:
    """A deadline worded without a date, in the reader's language when it is a common phrase;
    otherwise as written."""
    phrase = UNDATED_PHRASES.get(" ".join(text.lower().split()).strip(" .,;"))
    return str(phrase) if phrase is not None else text


@register.simple_tag(takes_context=True)
def agreement_rows(context, agreements) -> SafeString:
    """The rows of an agreements table (agreements/_table.html): reference, meeting, text,
    responsible, deadline and status, with each cell's label for the narrow layout.

    Responsible countries show their code with their name on hover, organisations their acronym
    in the page's language, when the view gives `actor_names` ({code: name}, {acronym: Spanish
    acronym}); without it, the codes."""
    country_names, acronyms = context.get("actor_names") or ({}, {})
    labels = {
        name: conditional_escape(gettext(label))
        for name, label in (
            ("reference", "Reference"),
            ("meeting", "Meeting"),
            ("agreement", "Agreement"),
            ("responsible", "Responsible"),
            ("deadline", "Deadline"),
            ("status", "Status"),
        )
    }
    rows = []
    for agreement in agreements:
        responsible = format_html_join(
            "",
            '<abbr title="{}">{}</abbr> ',
            (
                (country_names.get(c["code"], c["code"]), c["code"])
                for c in agreement.api_countries
                if c["responsible"]
            ),
        ) + format_html_join(
            "",
            "{} ",
            (
                (acronyms.get(o["code"], o["code"]),)
                for o in agreement.api_organisations
                if o["responsible"]
            ),
        )
        rows.append(
            format_html(
                "\n    <tr{}>\n"
                '      <td data-label="{}"><a href="{}">{}</a></td>\n'
                '      <td data-label="{}">{}</td>\n'
                '      <td data-label="{}">{}</td>\n'
                '      <td data-label="{}">{}</td>\n'
                '      <td data-label="{}">{}</td>\n'
                '      <td data-label="{}">{}</td>\n'
                "    </tr>",
                mark_safe(' class="overdue"') if agreement.is_overdue else "",
                labels["reference"],
                agreement.get_absolute_url(),
                agreement.display_ref,
                labels["meeting"],
                expand(agreement.meeting.short_name),
                labels["agreement"],
                truncatewords(agreement.text, 30),
                labels["responsible"],
                responsible,
                labels["deadline"],
                deadline(agreement, "SHORT_DATE_FORMAT", "—"),
                labels["status"],
                status_badges(agreement),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every row is format_html's


@register.simple_tag
def matrix_cells(cells) -> SafeString:
    """A row's cells of the follow-up matrix (agreements/matrix.py): each addressed country's
    status linking to its part of the agreement, "overdue" beneath it when it is; a dash for a
    country not addressed."""
    overdue = gettext("overdue")
    not_addressed = format_html(
        '<td class="cell-none"><span aria-hidden="true">—</span>'
        '<span class="visually-hidden">{}</span></td>',
        gettext("not addressed"),
    )
    html = []
    for cell in cells:
        if not cell.status:
            html.append(not_addressed)
            continue
        html.append(
            format_html(
                '<td class="cell-{}"><a href="{}">{}{}</a></td>',
                cell.css,
                cell.url,
                cell.label,
                format_html("<br><strong>{}</strong>", overdue) if cell.overdue else "",
            )
        )
    return mark_safe("".join(html))  # noqa: S308 - every cell is format_html's
