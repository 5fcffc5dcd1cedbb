"""Exports of agreement tables for the TS's reports: CSV and XLSX, written row by row."""

from django.urls import reverse
from django.utils.translation import get_language

from agreements.models import Action, Section, Status
from agreements.selectors import responsible_codes
from rcm import exports

COLUMNS = [
    ("meeting", "Meeting"),
    ("year", "Year"),
    ("section", "Section"),
    ("ref", "Reference"),
    ("text", "Text"),
    ("action", "Action"),
    ("actors", "Actors"),
    ("responsible", "Responsible"),
    ("deadline", "Deadline"),
    ("deadline_text", "Deadline as written"),
    ("due_on", "Due"),
    ("status", "Status"),
    ("overdue", "Overdue"),
    ("not_reported", "Not reported"),
    ("stale", "Stale"),
    ("url", "Link"),
]
CHUNK = 2000
SHEET = "Agreements"


def export_rows(agreements):
    """Each agreement as a flat row; the queryset carries the annotations of the tables.

    Labels, links and meeting names are worked out once per export rather than once per row:
    an export of the whole archive has a hundred thousand rows.
    """
    sections = {value: str(label) for value, label in Section.choices}
    actions = {value: str(label) for value, label in Action.choices}
    statuses = {value: str(label) for value, label in Status.choices}
    # reverse() once: every agreement's page differs only by its id.
    link = reverse("agreements:detail", args=[0]).removesuffix("0/")
    spanish = (get_language() or "en").startswith("es")
    meeting_names: dict[int, str] = {}
    for agreement in agreements.iterator(chunk_size=CHUNK):
        meeting = agreement.meeting
        name = meeting_names.get(meeting.pk)
        if name is None:
            name = meeting_names[meeting.pk] = meeting.short_name
        countries, organisations = agreement.api_countries, agreement.api_organisations
        deadline, due_on = agreement.deadline, agreement.due_on
        yield {
            "meeting": name,
            "year": meeting.year,
            "section": sections.get(agreement.section, agreement.section),
            "ref": agreement.ref,
            "text": (spanish and agreement.text_es) or agreement.text_en,
            "action": actions.get(agreement.action, agreement.action),
            "actors": [c["code"] for c in countries] + [o["code"] for o in organisations],
            "responsible": responsible_codes(agreement),
            "deadline": deadline.isoformat() if deadline else "",
            "deadline_text": agreement.deadline_text,
            # The date of the meeting the agreement is due at, when that is its deadline.
            "due_on": due_on.isoformat() if due_on else "",
            "status": statuses.get(agreement.status, agreement.status),
            # As AgreementQuerySet.with_states() decides them (agreements_for_table).
            "overdue": agreement.is_overdue,
            "not_reported": agreement.is_not_reported,
            "stale": agreement.is_stale,
            "url": f"{link}{agreement.pk}/",
        }


def agreements_csv(agreements):
    return exports.table_response(
        name="agreements", columns=COLUMNS, rows=export_rows(agreements), fmt="csv", sheet=SHEET
    )


def agreements_xlsx(agreements):
    return exports.table_response(
        name="agreements", columns=COLUMNS, rows=export_rows(agreements), fmt="xlsx", sheet=SHEET
    )
