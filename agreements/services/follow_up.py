"""Follow-up updates: posting, validating, withdrawing and changing them, and how they move
an agreement's status."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreements.models import (
    Agreement,
    FollowUp,
    Status,
    Validation,
)
from agreements.rules import (
    may_change_update,
    may_curate,
    may_post_follow_up,
    may_validate,
    needs_validation,
)
from rcm.models import Country, User, access_for


def derived_status(country_statuses: list[str]) -> str | None:
    """An agreement addressed to several countries stands where their statuses put it.

    Done when every country still concerned is done; in progress as soon as one has moved;
    open while none has. Countries for which the item was dropped or superseded no longer count.
    """
    concerned = [s for s in country_statuses if s not in (Status.DROPPED, Status.SUPERSEDED, "")]
    if not concerned:
        return None
    if all(s == Status.DONE for s in concerned):
        return Status.DONE
    if any(s in (Status.IN_PROGRESS, Status.DONE) for s in concerned):
        return Status.IN_PROGRESS
    return Status.OPEN


def _lock(agreement: Agreement) -> Agreement:
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


def _apply(follow_up: FollowUp) -> None:
    """Make the agreement (and the country's part) stand where an accepted update says."""
    agreement = _lock(follow_up.agreement)
    now = timezone.now()
    if follow_up.country_id:
        link = agreement.country_links.filter(
            country_id=follow_up.country_id, responsible=True
        ).first()
        if link is None:
            raise ValidationError(
                {
                    "country": _("%(country)s is not responsible for this agreement.")
                    % {"country": follow_up.country}
                }
            )
        link.status = follow_up.status
        link.status_changed_at = now
        link.save(update_fields=["status", "status_changed_at"])
        new_status = (
            derived_status(
                list(
                    agreement.country_links.filter(responsible=True).values_list(
                        "status", flat=True
                    )
                )
            )
            or follow_up.status
        )
    else:
        new_status = follow_up.status
    if agreement.status != new_status:
        agreement.status = new_status
        agreement.status_changed_at = now
        agreement.save(update_fields=["status", "status_changed_at", "updated_at"])
    follow_up.agreement = agreement


@transaction.atomic
def followup_record(
    *,
    agreement: Agreement,
    author: User,
    status: str,
    note: str = "",
    link: str = "",
    evidence=None,
    country: Country | None = None,
) -> FollowUp:
    """Post a follow-up update. TS staff's updates take effect at once; a focal point's await
    the TS's validation."""
    access = access_for(author)
    if not may_post_follow_up(access, agreement, country):
        raise PermissionDenied(
            _("You may post updates only on agreements your country must act on.")
        )
    awaits_validation = needs_validation(access)
    replaced = []
    if awaits_validation:
        # A focal point always speaks for its own country's part of the agreement.
        country = Country.objects.get(pk=access.member_country)
        # One update waits per country's part: the country's latest word replaces what it said
        # before the TS decided, so that the TS never has to guess which one stands. The lock
        # keeps two posted at the same moment from both finding none waiting.
        _lock(agreement)
        replaced = list(
            FollowUp.objects.awaiting_validation()
            .select_for_update()
            .filter(agreement=agreement, country=country)
        )
    follow_up = FollowUp(
        agreement=agreement,
        country=country,
        author=author,
        status=status,
        note=note,
        link=link,
        evidence=evidence or "",
        validation=Validation.PROPOSED if awaits_validation else Validation.ACCEPTED,
    )
    if not awaits_validation:
        follow_up.reviewed_by = author
        follow_up.reviewed_at = timezone.now()
    follow_up.full_clean()
    follow_up.save()
    for earlier in replaced:
        earlier.validation = Validation.REPLACED
        earlier._change_reason = "replaced by a later update on the same country's part"
        earlier.save(update_fields=["validation"])
    follow_up.replaced = replaced
    if follow_up.validation == Validation.ACCEPTED:
        _apply(follow_up)
    return follow_up


def _review(follow_up: FollowUp, reviewer: User) -> FollowUp:
    if not may_validate(access_for(reviewer)):
        raise PermissionDenied(_("Only TS staff validate follow-up updates."))
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.validation != Validation.PROPOSED:
        raise ValidationError(
            _("This update was already %(state)s.")
            % {"state": follow_up.get_validation_display().lower()}
        )
    follow_up.reviewed_by = reviewer
    follow_up.reviewed_at = timezone.now()
    return follow_up


def followup_decision_email(follow_up: FollowUp) -> EmailMessage | None:
    """The e-mail that tells an update's author what the TS decided, in the author's language;
    None when the author has no address (or was the reviewer)."""
    author = follow_up.author
    if author is None or not author.email or author.pk == follow_up.reviewed_by_id:
        return None
    with translation.override(author.language or settings.LANGUAGE_CODE):
        context = {
            "follow_up": follow_up,
            "agreement": follow_up.agreement,
            "author": author,
            "accepted": follow_up.validation == Validation.ACCEPTED,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        if context["accepted"]:
            subject = _("RCM Records: your update on %(agreement)s was accepted")
        else:
            subject = _("RCM Records: your update on %(agreement)s was sent back")
        subject = subject % {"agreement": follow_up.agreement}
        body = render_to_string("agreements/email/update_decision.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[author.email],
        headers={"Content-Language": author.language or settings.LANGUAGE_CODE},
    )


def _tell_author(follow_up: FollowUp) -> None:
    """Sent once the decision is committed: a decision rolled back tells nobody anything."""
    message = followup_decision_email(follow_up)
    if message is not None:
        transaction.on_commit(lambda: message.send(fail_silently=True))


@transaction.atomic
def followup_accept(*, follow_up: FollowUp, reviewer: User) -> FollowUp:
    follow_up = _review(follow_up, reviewer)
    follow_up.validation = Validation.ACCEPTED
    follow_up.full_clean()
    follow_up.save(update_fields=["validation", "reviewed_by", "reviewed_at"])
    _apply(follow_up)
    _tell_author(follow_up)
    return follow_up


@transaction.atomic
def followup_return(*, follow_up: FollowUp, reviewer: User, reason: str) -> FollowUp:
    follow_up = _review(follow_up, reviewer)
    follow_up.validation = Validation.RETURNED
    follow_up.review_note = reason.strip()
    follow_up.full_clean()
    follow_up.save(update_fields=["validation", "reviewed_by", "reviewed_at", "review_note"])
    _tell_author(follow_up)
    return follow_up


def _own_pending(follow_up: FollowUp, user: User) -> FollowUp:
    """The update, locked, if the user wrote it and the TS has not decided on it yet."""
    follow_up = (
        FollowUp.objects.select_for_update().select_related("agreement").get(pk=follow_up.pk)
    )
    if not may_change_update(user, follow_up):
        raise PermissionDenied(_("Only the author of an update may withdraw or change it."))
    if follow_up.validation != Validation.PROPOSED:
        raise ValidationError(
            _("This update was already %(state)s; it can no longer be changed.")
            % {"state": follow_up.get_validation_display().lower()}
        )
    return follow_up


@transaction.atomic
def followup_withdraw(*, follow_up: FollowUp, user: User) -> FollowUp:
    """The author takes back an update the TS has not decided on; the record and its history
    stay, marked withdrawn, and it leaves the validation queue."""
    follow_up = _own_pending(follow_up, user)
    follow_up.validation = Validation.WITHDRAWN
    follow_up.full_clean()
    follow_up._change_reason = "withdrawn by its author"
    follow_up.save(update_fields=["validation"])
    return follow_up


@transaction.atomic
def followup_edit(
    *,
    follow_up: FollowUp,
    user: User,
    status: str | None = None,
    note: str | None = None,
    link: str | None = None,
    evidence=None,
) -> FollowUp:
    """The author changes an update the TS has not decided on yet (the history keeps the earlier
    version); it still must change something, and still awaits validation."""
    follow_up = _own_pending(follow_up, user)
    changed = []
    for name, value in (("status", status), ("note", note), ("link", link)):
        if value is not None:
            setattr(follow_up, name, value)
            changed.append(name)
    if evidence:
        follow_up.evidence = evidence
        changed.append("evidence")
    # Still one of the country's focal points, and the country still responsible.
    if not may_post_follow_up(access_for(user), follow_up.agreement, follow_up.country):
        raise PermissionDenied(
            _("You may post updates only on agreements your country must act on.")
        )
    follow_up.full_clean()
    if changed:
        follow_up._change_reason = "changed by its author"
        follow_up.save(update_fields=changed)
    return follow_up


@transaction.atomic
def agreements_set_status(
    *, agreements, status: str, author: User, note: str = ""
) -> list[FollowUp]:
    """TS staff move several agreements to one status; each change is a follow-up update."""
    if not may_curate(access_for(author)):
        raise PermissionDenied(_("Only TS staff change statuses in bulk."))
    return [
        followup_record(agreement=agreement, author=author, status=status, note=note)
        for agreement in agreements
        if agreement.status != status
    ]
