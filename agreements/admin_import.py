"""The admin's "Import a meeting record": upload or paste → preview every field → commit."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import formset_factory
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.importer import (
    Gazetteer,
    NoAgreementsFound,
    UnreadableDocument,
    parse_record,
    read_document,
)
from agreements.importer.commit import (
    ImportRefused,
    find_existing_meeting,
    prepare_record,
    record_import,
    record_warnings,
)
from agreements.models import Action, DeadlinePrecision, Section
from meetings.models import Meeting, MeetingKind

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


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
        if document and document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The document is larger than 10 MB."))
        try:
            if document:
                cleaned["content"] = read_document(document.read(), document.name)
            else:
                cleaned["content"] = read_document(text.encode("utf-8"), "pasted.txt")
        except UnreadableDocument as error:
            raise forms.ValidationError(str(error)) from None
        return cleaned


class HeadingForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Body"), choices=MeetingKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=400, required=False)
    city = forms.CharField(label=gettext_lazy("City"), max_length=120, required=False)
    country = forms.CharField(
        label=gettext_lazy("Host country (alpha-2)"), max_length=2, required=False
    )
    start = forms.DateField(label=gettext_lazy("First day"), required=False)
    end = forms.DateField(label=gettext_lazy("Last day"), required=False)
    participants = forms.CharField(
        label=gettext_lazy("Participating countries (alpha-2, comma-separated)"), required=False
    )


class ItemForm(forms.Form):
    ref = forms.CharField(max_length=40, widget=forms.TextInput(attrs={"size": 7}))
    parent_ref = forms.CharField(
        max_length=40, required=False, widget=forms.TextInput(attrs={"size": 7})
    )
    section = forms.ChoiceField(choices=Section.choices)
    group = forms.CharField(max_length=200, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))
    action = forms.ChoiceField(choices=Action.choices)
    actors = forms.CharField(required=False, widget=forms.TextInput(attrs={"size": 18}))
    responsible = forms.CharField(required=False, widget=forms.TextInput(attrs={"size": 12}))
    deadline = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    deadline_text = forms.CharField(max_length=200, required=False)
    deadline_precision = forms.ChoiceField(
        choices=[("", "—"), *DeadlinePrecision.choices], required=False
    )
    warnings = forms.CharField(required=False, widget=forms.HiddenInput)


ItemFormSet = formset_factory(ItemForm, extra=0)


class CommitForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.all(), required=False, widget=forms.HiddenInput
    )
    language = forms.CharField(widget=forms.HiddenInput)
    confirm_warnings = forms.BooleanField(
        label=gettext_lazy("Commit despite the warnings"), required=False
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the agreements already recorded for this meeting"),
        required=False,
    )


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.replace(";", ",").split(",") if code.strip()]


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
                }
            )
            walk(item.get("children", []), item["ref"])

    walk(record["agreements"], "")
    return rows


def nest(rows: list[dict]) -> list[dict]:
    """The preview's rows back into the tree the commit takes."""
    by_ref: dict[tuple[str, str], dict] = {}
    roots: list[dict] = []
    for row in rows:
        item = {
            "ref": row["ref"].strip(),
            "section": row["section"],
            "group": row["group"],
            "text": row["text"],
            "action": row["action"],
            "actors": _codes(row["actors"]),
            "responsible": _codes(row["responsible"]),
            "deadline": row["deadline"].isoformat() if row["deadline"] else None,
            "deadline_text": row["deadline_text"],
            "deadline_precision": row["deadline_precision"],
            "warnings": json.loads(row["warnings"] or "[]"),
            "children": [],
        }
        parent_ref = (row["parent_ref"] or "").strip()
        parent = None
        if parent_ref:
            parent = next(
                (node for (section, ref), node in reversed(by_ref.items()) if ref == parent_ref),
                None,
            )
            if parent is None:
                raise ImportRefused(
                    _("Item %(ref)s names a parent %(parent)s that comes before no item.")
                    % {"ref": item["ref"], "parent": parent_ref}
                )
        (parent["children"] if parent else roots).append(item)
        by_ref[(item["section"], item["ref"])] = item
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
    step = request.POST.get("step")
    if request.method == "POST" and step == "commit":
        return _commit(model_admin, request, context)
    upload = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        target = upload.cleaned_data.get("meeting")
        try:
            record = parse_record(
                upload.cleaned_data["content"],
                gazetteer=Gazetteer.from_database(),
                meeting_last_day=target.last_day if target else None,
            ).as_dict()
        except NoAgreementsFound as error:
            upload.add_error(None, str(error))
        else:
            prepare_record(record)
            return _preview(request, context, record, target)
    return TemplateResponse(
        request, "admin/meetings/meeting/import.html", {**context, "upload": upload}
    )


def _preview(request, context, record, target, *, heading=None, items=None, commit=None, error=""):
    existing = target or find_existing_meeting(record["meeting"])
    meeting = record["meeting"]
    heading = heading or HeadingForm(
        initial={**meeting, "participants": ", ".join(meeting["participants"])}, prefix="heading"
    )
    items = items or ItemFormSet(initial=flatten(record), prefix="items")
    commit = commit or CommitForm(
        initial={"meeting": existing.pk if existing else None, "language": meeting["language"]}
    )
    return TemplateResponse(
        request,
        "admin/meetings/meeting/import_preview.html",
        {
            **context,
            "heading": heading,
            "items": items,
            "rows": [(form, json.loads(form["warnings"].value() or "[]")) for form in items.forms],
            "commit": commit,
            "existing": existing,
            "warnings": record_warnings(record),
            "record_warnings": record.get("warnings", []),
            "error": error,
        },
    )


def _commit(model_admin, request, context):
    heading = HeadingForm(request.POST, prefix="heading")
    items = ItemFormSet(request.POST, prefix="items")
    commit = CommitForm(request.POST)
    if not (heading.is_valid() and items.is_valid() and commit.is_valid()):
        record = {"meeting": {"participants": [], "language": "en"}, "agreements": []}
        return _preview(
            request, context, record, None, heading=heading, items=items, commit=commit,
            error=_("Some fields are not valid; correct them below."),
        )  # fmt: skip
    data = heading.cleaned_data
    meeting = {
        **data,
        "start": data["start"].isoformat() if data["start"] else None,
        "end": data["end"].isoformat() if data["end"] else None,
        "country": (data["country"] or "").upper() or None,
        "participants": [c.upper() for c in _codes(data["participants"])],
        "language": commit.cleaned_data["language"],
        "body": data["kind"],
    }
    target = commit.cleaned_data.get("meeting")
    try:
        record = {"meeting": meeting, "agreements": nest([f.cleaned_data for f in items.forms])}
        result = record_import(
            record=record,
            meeting=target,
            replace=commit.cleaned_data["replace"],
            force=commit.cleaned_data["confirm_warnings"],
            source=_("Imported in the admin by %(user)s") % {"user": request.user.get_username()},
        )
    except ImportRefused as error:
        record = {"meeting": meeting, "agreements": []}
        return _preview(
            request, context, record, target, heading=heading, items=items, commit=commit,
            error=str(error),
        )  # fmt: skip
    messages.success(
        request,
        _("%(meeting)s: %(count)d agreements and %(activities)d proposed activities recorded.")
        % {
            "meeting": result.meeting,
            "count": result.agreements,
            "activities": result.activities,
        },
    )
    return redirect(reverse("admin:meetings_meeting_change", args=[result.meeting.pk]))
