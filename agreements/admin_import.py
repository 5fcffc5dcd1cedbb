"""The admin's "Import a meeting record": upload or paste → preview every field → commit.

The orchestration is agreements.importer.service, shared with import_record; this module only
translates between HTTP and it. Every preview field is checked by the same rules as a record
(agreements.importer.validation), each problem shown on its field.

Cost: the parse runs in the request, bounded by the upload limit (IMPORT_MAX_UPLOAD_BYTES), the
preview's text and item limits (service.MAX_PREVIEW_CHARS, MAX_PREVIEW_ITEMS) and its time
budget (IMPORT_PREVIEW_SECONDS: the reading stops there, nothing written); longer documents are
refused with a pointer to import_record, which prints its progress. While the request runs, the
page says what it is reading and for how long it may wait (static/js/admin-import.js): no
background job, so nothing to poll and nothing left behind when the browser gives up.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseFormSet, formset_factory
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.importer.service import (
    MAX_PREVIEW_CHARS,
    MAX_PREVIEW_ITEMS,
    ImportRefused,
    NoAgreementsFound,
    ReadingTooLong,
    UnreadableDocument,
    import_parse,
    import_read,
    import_review,
    preview_seconds,
    record_import,
    size_problem,
)
from agreements.importer.validation import (
    KnownActors,
    heading_problems,
    item_problems,
    split_codes,
)
from agreements.models import Action, DeadlinePrecision, Section
from meetings.models import Meeting, MeetingKind

LANGUAGES = [("en", gettext_lazy("English")), ("es", gettext_lazy("Spanish"))]


class UploadForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Document (.txt or .docx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx"}),
    )
    text = forms.CharField(
        label=gettext_lazy("…or paste its text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
    )
    meeting = forms.ModelChoiceField(
        label=gettext_lazy("Meeting it records (leave empty to find or create it)"),
        queryset=Meeting.objects.filter(parent=None).select_related("country", "parent"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        document, text = cleaned.get("document"), (cleaned.get("text") or "").strip()
        if not document and not text:
            raise forms.ValidationError(_("Upload a document or paste its text."))
        try:
            if document:
                problem = size_problem(document.size, document.name)
                if problem:
                    raise forms.ValidationError(problem)
                content = import_read(data=document.read(), filename=document.name)
            else:
                content = import_read(data=text.encode("utf-8"), filename="pasted.txt")
        except UnreadableDocument as error:
            raise forms.ValidationError(str(error)) from None
        if len(content) > MAX_PREVIEW_CHARS:
            raise forms.ValidationError(
                _(
                    "The text is %(size)s characters long; the preview reads up to %(limit)s. "
                    "Import the meeting's record alone, or use the command "
                    "“manage.py import_record”, which shows its progress."
                )
                % {"size": f"{len(content):,}", "limit": f"{MAX_PREVIEW_CHARS:,}"}
            )
        cleaned["content"] = content
        return cleaned


def _add_problems(form: forms.Form, problems: dict[str, list[str]]) -> None:
    for field, found in problems.items():
        for message in found:
            form.add_error(field if field in form.fields else None, message)


class HeadingForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Body"), choices=MeetingKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=400, required=False)
    city = forms.CharField(label=gettext_lazy("City"), max_length=120, required=False)
    country = forms.ChoiceField(label=gettext_lazy("Host country"), required=False)
    start = forms.DateField(
        label=gettext_lazy("First day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    participants = forms.MultipleChoiceField(
        label=gettext_lazy("Participating countries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, known: KnownActors, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known
        countries = [(code, f"{code} – {name}") for code, name in known.countries.items()]
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["participants"].choices = countries

    def clean(self):
        cleaned = super().clean()
        _add_problems(
            self,
            heading_problems(
                {
                    "kind": cleaned.get("kind"),
                    "start": cleaned.get("start"),
                    "end": cleaned.get("end"),
                    "country": cleaned.get("country"),
                    "participants": cleaned.get("participants") or [],
                },
                self.known,
            ),
        )
        return cleaned


class ItemForm(forms.Form):
    ref = forms.CharField(max_length=40, widget=forms.TextInput(attrs={"size": 6}))
    parent_ref = forms.CharField(
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"size": 6, "placeholder": gettext_lazy("Parent")}),
    )
    section = forms.ChoiceField(choices=Section.choices)
    group = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Group")}),
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    action = forms.ChoiceField(choices=Action.choices)
    actors = forms.CharField(
        required=False,
        widget=forms.TextInput(
            attrs={"list": "import-actors", "size": 16, "placeholder": gettext_lazy("Actors")}
        ),
    )
    responsible = forms.CharField(
        required=False,
        widget=forms.TextInput(
            attrs={
                "list": "import-actors",
                "size": 16,
                "placeholder": gettext_lazy("Responsible"),
            }
        ),
    )
    deadline = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    deadline_text = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("As written")}),
    )
    deadline_precision = forms.ChoiceField(
        choices=[("", "—"), *DeadlinePrecision.choices], required=False
    )
    warnings = forms.CharField(required=False, widget=forms.HiddenInput)
    # The document does not number this item: the importer gave its reference in document order.
    ref_assigned = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, known: KnownActors, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        problems = item_problems(cleaned, self.known)
        _add_problems(self, problems)
        return cleaned


class BaseItemFormSet(BaseFormSet):
    def clean(self):
        """A parent that comes before, a sub-item's reference under it, unique references."""
        if any(form.errors for form in self.forms):
            return
        seen: set[tuple[str, str]] = set()
        refs: set[str] = set()
        for form in self.forms:
            ref = form.cleaned_data["ref"].strip()
            parent = (form.cleaned_data.get("parent_ref") or "").strip()
            key = (form.cleaned_data["section"], ref)
            if key in seen:
                form.add_error("ref", _("This reference appears twice in its section."))
            if parent and parent not in refs:
                form.add_error(
                    "parent_ref",
                    _("Item %(ref)s names a parent %(parent)s that comes before no item.")
                    % {"ref": ref, "parent": parent},
                )
            elif parent and not ref.startswith(f"{parent}."):
                form.add_error(
                    "ref",
                    _("The reference of a sub-item starts with its parent's: %(ref)s.")
                    % {"ref": f"{parent}."},
                )
            seen.add(key)
            refs.add(ref)


ItemFormSet = formset_factory(ItemForm, formset=BaseItemFormSet, extra=0)


class CommitForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.all(), required=False, widget=forms.HiddenInput
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the document"), choices=LANGUAGES)
    not_a_record = forms.CharField(required=False, widget=forms.HiddenInput)
    record_warnings = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm_warnings = forms.BooleanField(
        label=gettext_lazy("Commit despite the warnings"), required=False
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the agreements already recorded for this meeting"),
        required=False,
    )


def flatten(record: dict) -> list[dict]:
    """The tree as rows for the preview, each naming its parent by reference."""
    rows = []

    def walk(items, parent_ref):
        for item in items:
            rows.append(
                {
                    "ref": item["ref"],
                    "parent_ref": parent_ref,
                    "section": item["section"],
                    "group": item.get("group", ""),
                    "text": item["text"],
                    "action": item["action"],
                    "actors": ", ".join(item["actors"]),
                    "responsible": ", ".join(item["responsible"]),
                    "deadline": item["deadline"],
                    "deadline_text": item["deadline_text"],
                    "deadline_precision": item.get("deadline_precision", ""),
                    "warnings": json.dumps(item.get("warnings", [])),
                    "ref_assigned": bool(item.get("ref_assigned")),
                }
            )
            walk(item.get("children", []), item["ref"])

    walk(record["agreements"], "")
    return rows


def nest(rows: list[dict]) -> list[dict]:
    """The preview's rows (checked by BaseItemFormSet) back into the tree the commit takes."""
    by_ref: dict[str, dict] = {}
    roots: list[dict] = []
    for row in rows:
        item = {
            "ref": row["ref"].strip(),
            "section": row["section"],
            "group": row["group"],
            "text": row["text"],
            "action": row["action"],
            "actors": split_codes(row["actors"]),
            "responsible": split_codes(row["responsible"]),
            "deadline": row["deadline"].isoformat() if row["deadline"] else None,
            "deadline_text": row["deadline_text"],
            "deadline_precision": row["deadline_precision"],
            "warnings": json.loads(row["warnings"] or "[]"),
            "children": [],
        }
        parent = by_ref.get((row["parent_ref"] or "").strip())
        (parent["children"] if parent else roots).append(item)
        by_ref[item["ref"]] = item
    return roots


def import_view(model_admin, request):
    """Step 1: a document; step 2: its parse, every field editable; step 3: commit."""
    if not request.user.has_perm("agreements.add_agreement"):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Meeting._meta,
        "title": _("Import a meeting record"),
    }
    known = KnownActors.from_database()
    if request.method == "POST" and request.POST.get("step") == "commit":
        return _commit(request, context, known)
    upload = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        target = upload.cleaned_data.get("meeting")
        try:
            preview = import_parse(
                text=upload.cleaned_data["content"], meeting=target, seconds=preview_seconds()
            )
        except (NoAgreementsFound, ReadingTooLong) as error:
            upload.add_error(None, str(error))
        else:
            if preview.items > MAX_PREVIEW_ITEMS:
                upload.add_error(
                    None,
                    _(
                        "The document holds %(count)d items; the preview shows up to %(limit)d. "
                        "Use the command “manage.py import_record”, which shows its progress."
                    )
                    % {"count": preview.items, "limit": MAX_PREVIEW_ITEMS},
                )
            else:
                return _render_preview(request, context, known, preview, target=target)
    return TemplateResponse(
        request,
        "admin/meetings/meeting/import.html",
        {**context, "upload": upload, "preview_seconds": preview_seconds()},
    )


def _render_preview(
    request, context, known, preview, *, target=None, heading=None, items=None, commit=None,
    error="",
):  # fmt: skip
    record, existing = preview.record, preview.existing
    meeting = record["meeting"]
    heading = heading or HeadingForm(
        initial={**meeting, "participants": list(meeting.get("participants", []))},
        prefix="heading",
        known=known,
    )
    items = items or ItemFormSet(
        initial=flatten(record), prefix="items", form_kwargs={"known": known}
    )
    commit = commit or CommitForm(
        initial={
            "meeting": existing.pk if existing else None,
            "language": meeting.get("language") or "en",
            "not_a_record": preview.not_a_record,
            "record_warnings": json.dumps(record.get("warnings", [])),
        }
    )
    # What the parse read in the heading that the records do not hold is said, not dropped.
    parsed_problems = [
        f"{HeadingForm.base_fields[field].label}: {message}"
        for field, found in heading_problems(meeting, known).items()
        for message in found
        if not heading.is_bound
    ]
    paired = {}
    if preview.pairing is not None:
        paired = {
            (item.get("section"), item.get("ref")): agreement
            for item, agreement in preview.pairing.pairs
        }
    rows = []
    assigned_count = 0
    for form in items.forms:
        key = (form["section"].value(), (form["ref"].value() or "").strip())
        # A hidden boolean posts back as the text "True" or "False".
        assigned = str(form["ref_assigned"].value()) in ("True", "true", "on", "1")
        assigned_count += assigned
        rows.append(
            (form, json.loads(form["warnings"].value() or "[]"), paired.get(key, False), assigned)
        )
    return TemplateResponse(
        request,
        "admin/meetings/meeting/import_preview.html",
        {
            **context,
            "heading": heading,
            "items": items,
            "rows": rows,
            "assigned_count": assigned_count,
            "commit": commit,
            "existing": existing,
            "pairing": preview.pairing,
            "plan": preview.replace_plan,
            "not_a_record": commit["not_a_record"].value() or "",
            "warnings": preview.warnings,
            # The preamble and the operative phrases ("Se acuerda:") the importer kept as
            # context, not as agreements: TS staff see what was read and not imported.
            "preamble": record.get("preamble", []),
            "parsed_problems": parsed_problems,
            "known": known,
            "error": error,
        },
    )


def _commit(request, context, known):
    from agreements.importer.service import ImportPreview

    heading = HeadingForm(request.POST, prefix="heading", known=known)
    items = ItemFormSet(request.POST, prefix="items", form_kwargs={"known": known})
    commit = CommitForm(request.POST)
    valid = heading.is_valid() & items.is_valid() & commit.is_valid()
    language = commit.cleaned_data.get("language", "en") if commit.is_valid() else "en"
    if not valid:
        record = {"meeting": {"participants": [], "language": language}, "agreements": []}
        return _render_preview(
            request, context, known, ImportPreview(record=record), heading=heading, items=items,
            commit=commit, error=_("Some fields are not valid; correct them below."),
        )  # fmt: skip
    data = heading.cleaned_data
    record = {
        "meeting": {
            **data,
            "start": data["start"].isoformat() if data["start"] else None,
            "end": data["end"].isoformat() if data["end"] else None,
            "country": data["country"] or None,
            "participants": list(data["participants"]),
            "language": language,
            "body": data["kind"],
        },
        "agreements": nest([form.cleaned_data for form in items.forms]),
        "warnings": json.loads(commit.cleaned_data["record_warnings"] or "[]"),
        "not_a_meeting_record": commit.cleaned_data["not_a_record"],
    }
    target = commit.cleaned_data.get("meeting")
    try:
        result = record_import(
            record=record,
            meeting=target,
            replace=commit.cleaned_data["replace"],
            force=commit.cleaned_data["confirm_warnings"],
            source=_("Imported in the admin by %(user)s") % {"user": request.user.get_username()},
        )
    except ImportRefused as refusal:
        return _render_preview(
            request, context, known, import_review(record=record, meeting=target),
            heading=heading, items=items, commit=commit, error=str(refusal),
        )  # fmt: skip
    if result.translated:
        message = _("%(meeting)s: %(count)d agreements translated.") % {
            "meeting": result.meeting,
            "count": result.translated,
        }
    else:
        message = _(
            "%(meeting)s: %(count)d agreements and %(activities)d proposed activities recorded."
        ) % {
            "meeting": result.meeting,
            "count": result.agreements + result.updated,
            "activities": result.activities,
        }
    messages.success(request, message)
    return redirect(reverse("admin:meetings_meeting_change", args=[result.meeting.pk]))
