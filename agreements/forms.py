"""The forms people post follow-up with, on an agreement's page and in their workspace."""

from django import forms
from django.utils.translation import gettext_lazy

from agreements.models import NOTE_MAX_LENGTH, Status


class FollowUpForm(forms.Form):
    """An update on an agreement. A focal point reports these statuses; whether an agreement is
    superseded or needs no follow-up is for the TS to decide."""

    status = forms.ChoiceField(
        label=gettext_lazy("New status"),
        choices=[
            (Status.OPEN, Status.OPEN.label),
            (Status.IN_PROGRESS, Status.IN_PROGRESS.label),
            (Status.DONE, Status.DONE.label),
            (Status.DROPPED, Status.DROPPED.label),
        ],
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=NOTE_MAX_LENGTH,
    )
    link = forms.URLField(
        label=gettext_lazy("Link to evidence"), required=False, assume_scheme="https"
    )
    evidence = forms.FileField(label=gettext_lazy("Evidence file"), required=False)
