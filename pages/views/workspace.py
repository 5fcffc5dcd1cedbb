"""A focal point's workspace at /my/, and the changes they make to their own pending updates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from agreements import services
from agreements.forms import FollowUpForm
from agreements.models import FollowUp, Validation
from pages.workspace import DUE_SOON_DAYS, country_workspace
from rcm import records_cache
from rcm.models import access_for


@login_required
@require_safe
def workspace(request):
    """The reader's country: its part of each agreement by what is due, its updates awaiting the
    TS or sent back, and its contributions. A user who speaks for no member country goes to
    their country's page, or home."""
    access = access_for(request.user)
    if access.member_country is None:
        if request.user.country_id:
            return redirect("pages:country", code=request.user.country_id)
        return redirect("home")

    def context():
        page = country_workspace(access)
        return {"workspace": page, "due_soon_days": DUE_SOON_DAYS, "today": page.today}

    # Kept for this reader until the records change (rcm.records_cache): its withdraw forms get
    # the request's own CSRF token.
    return records_cache.kept_page(
        request, "pages/workspace.html", "pages/_workspace_content.html", context
    )


@login_required
@require_safe
def signed_in(request):
    """Where each person lands after signing in: TS staff on the validation queue, focal points
    and network officers on their country's workspace, everyone else on the home page."""
    access = access_for(request.user)
    if access.is_ts_staff:
        return redirect("agreements:validation")
    if access.member_country:
        return redirect("pages:workspace")
    return redirect("home")


class UpdateEditForm(FollowUpForm):
    """The author's pending update, changed: its evidence file is kept unless replaced."""

    evidence = forms.FileField(
        label=gettext_lazy("Replace the evidence file"),
        required=False,
        help_text=gettext_lazy("Leave empty to keep the file already sent, if any."),
    )


def _own_update(request, pk: int) -> FollowUp:
    """An update the reader may see; 404 otherwise. Whether they may change it is the
    service's to say."""
    access = access_for(request.user)
    visible = FollowUp.objects.visible_to(access).filter(
        validation=Validation.PROPOSED, author=request.user
    )
    return get_object_or_404(visible.select_related("agreement__meeting", "country"), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def update_edit(request, pk: int):
    """The author changes a pending update before the TS decides on it."""
    follow_up = _own_update(request, pk)
    initial = {"status": follow_up.status, "note": follow_up.note, "link": follow_up.link}
    form = UpdateEditForm(initial=initial)
    if request.method == "POST":
        form = UpdateEditForm(request.POST, request.FILES, initial=initial)
        if form.is_valid():
            try:
                # The form's fields are the service's: status, note, link and evidence.
                services.followup_edit(follow_up=follow_up, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your update was changed; it still awaits the TS."))
                return redirect("pages:workspace")
    return render(request, "pages/update_edit.html", {"follow_up": follow_up, "form": form})


@login_required
@require_POST
def update_withdraw(request, pk: int):
    """The author takes back a pending update."""
    follow_up = _own_update(request, pk)
    try:
        services.followup_withdraw(follow_up=follow_up, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your update was withdrawn."))
    return redirect("pages:workspace")
