"""Exports of agreement tables for the TS's reports: CSV and XLSX, written row by row.

The columns carry names people read, in their language; each responsible country's part has a
status column of its own; links are absolute, built from the request (rcm.exports).
"""

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from agreements.matrix import country_overdue, country_statuses, status_text
from agreements.models import Action, Section, Status
from agreements.selectors import responsible_codes
from rcm import exports

COLUMNS = [
    ("meeting", gettext_lazy("Meeting")),
    ("year", gettext_lazy("Year")),
    ("section", gettext_lazy("Section")),
    ("ref", gettext_lazy("Reference")),
    ("text", gettext_lazy("Text")),
    ("action", gettext_lazy("Action")),
    ("actors", gettext_lazy("Actors")),
    ("responsible", gettext_lazy("Responsible")),
    ("deadline", gettext_lazy("Deadline")),
    ("deadline_text", gettext_lazy("Deadline as written")),
    ("due_on", gettext_lazy("Due")),
    ("status", gettext_lazy("Status")),
    ("overdue", gettext_lazy("Overdue")),
    ("not_reported", gettext_lazy("Not reported")),
    ("stale", gettext_lazy("Stale")),
]
MATRIX_COLUMNS = ["meeting", "year", "ref", "text", "due_on", "status", "not_reported", "stale"]
LINK = ("url", gettext_lazy("Link"))
CHUNK = 2000
SHEET = gettext_lazy("Agreements")
MATRIX_SHEET = gettext_lazy("Follow-up matrix")


def country_columns(countries) -> list[tuple[str, str]]:
    """A status column per country: "Status: Mexico (MX)"."""
    return [
        (
            f"country_{country.code}",
            _("Status: %(country)s (%(code)s)") % {"country": country.name, "code": country.code},
        )
        for country in countries
    ]


def described_filters(form, countries) -> list[tuple[str, str]]:
    """The export's filters for its "as of" line, a country by its name (read with the
    columns, so no query of its own)."""
    if "country" in form.fields:
        form.fields["country"].choices = [(c.code, c.name) for c in countries]
    return exports.described_filters(form)


def columns(countries, keys=None) -> list[tuple[str, str]]:
    chosen = [column for column in COLUMNS if keys is None or column[0] in keys]
    return chosen + country_columns(countries) + [LINK]


def export_rows(agreements, *, countries=(), base: str = ""):
    """Each agreement as a flat row; the queryset carries the annotations of the tables.

    Labels, links and meeting names are worked out once per export rather than once per row:
    an export of the whole archive has a hundred thousand rows.
    """
    sections = {value: str(label) for value, label in Section.choices}
    actions = {value: str(label) for value, label in Action.choices}
    statuses = {value: str(label) for value, label in Status.choices}
    yes, no = _("yes"), _("no")
    # reverse() once: every agreement's page differs only by its id.
    link = base + reverse("agreements:detail", args=[0]).removesuffix("0/")
    spanish = (get_language() or "en").startswith("es")
    codes = [country.code for country in countries]
    meeting_names: dict[int, str] = {}
    for agreement in agreements.iterator(chunk_size=CHUNK):
        meeting = agreement.meeting
        name = meeting_names.get(meeting.pk)
        if name is None:
            name = meeting_names[meeting.pk] = meeting.short_name
        countries_, organisations = agreement.api_countries, agreement.api_organisations
        deadline, due_on = agreement.deadline, agreement.due_on
        row = {
            "meeting": name,
            "year": meeting.year,
            "section": sections.get(agreement.section, agreement.section),
            "ref": agreement.display_ref,
            "text": (spanish and agreement.text_es) or agreement.text_en,
            "action": actions.get(agreement.action, agreement.action),
            "actors": [c["code"] for c in countries_] + [o["code"] for o in organisations],
            "responsible": responsible_codes(agreement),
            "deadline": deadline,  # a date cell in XLSX, ISO text in CSV
            "deadline_text": agreement.deadline_text,
            # The date of the meeting the agreement is due at, when that is its deadline.
            "due_on": due_on,
            "status": statuses.get(agreement.status, agreement.status),
            # As AgreementQuerySet.with_states() decides them (agreements_for_table).
            "overdue": yes if agreement.is_overdue else no,
            "not_reported": yes if agreement.is_not_reported else no,
            "stale": yes if agreement.is_stale else no,
            "url": f"{link}{agreement.pk}/",
        }
        parts = country_statuses(agreement)
        for code in codes:
            status = parts.get(code, "")
            row[f"country_{code}"] = status_text(
                status, country_overdue(agreement, status), statuses
            )
        yield row


def agreements_export(agreements, *, fmt: str, countries, base: str, filters):
    """The dashboard's table: every column, a status column per member country."""
    return exports.table_response(
        name="agreements",
        columns=columns(countries),
        rows=export_rows(agreements, countries=countries, base=base),
        fmt=fmt,
        sheet=str(SHEET),
        filters=filters,
    )


def matrix_export(agreements, *, fmt: str, countries, base: str, filters):
    """The matrix: the agreement in a few columns, then a status column per member country."""
    return exports.table_response(
        name="follow-up-matrix",
        columns=columns(countries, keys=MATRIX_COLUMNS),
        rows=export_rows(agreements, countries=countries, base=base),
        fmt=fmt,
        sheet=str(MATRIX_SHEET),
        filters=filters,
    )
