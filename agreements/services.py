"""Workflows on agreements: follow-up, validation, status changes and lineage."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreements.models import (
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    FeedToken,
    FollowUp,
    FollowUpOverride,
    LinkKind,
    Status,
    Validation,
)
from agreements.rules import may_change_update, may_curate, may_post_follow_up, may_validate
from rcm.models import Country, Organisation, User, access_for
from rcm.services import TOKEN_PREFIX_LENGTH, hash_token_key


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
    if not access.is_ts_staff:
        # A focal point always speaks for its own country's part of the agreement.
        country = Country.objects.get(pk=access.member_country)
    follow_up = FollowUp(
        agreement=agreement,
        country=country,
        author=author,
        status=status,
        note=note,
        link=link,
        evidence=evidence or "",
        validation=Validation.ACCEPTED if access.is_ts_staff else Validation.PROPOSED,
    )
    if access.is_ts_staff:
        follow_up.reviewed_by = author
        follow_up.reviewed_at = timezone.now()
    follow_up.full_clean()
    follow_up.save()
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


@transaction.atomic
def agreement_link_create(
    *, later: Agreement, earlier: Agreement, kind: str, note: str = "", author: User | None = None
) -> AgreementLink:
    """Record lineage; an agreement that supersedes another closes it as superseded."""
    link = AgreementLink(later=later, earlier=earlier, kind=kind, note=note)
    link.full_clean()
    link.save()
    if kind == LinkKind.SUPERSEDES and earlier.status in OPEN_STATUSES:
        follow_up = FollowUp(
            agreement=earlier,
            author=author,
            status=Status.SUPERSEDED,
            note=_("Superseded by %(later)s.") % {"later": later},
            validation=Validation.ACCEPTED,
            reviewed_by=author,
            reviewed_at=timezone.now(),
        )
        follow_up.full_clean()
        follow_up.save()
        _apply(follow_up)
    return link


def progress(children_done: int, children_count: int) -> float | None:
    """The share of an item's sub-items that are done, or None for an item without any."""
    if not children_count:
        return None
    return children_done / children_count


def resolve_actor_codes(codes: list[str]) -> list[Country | Organisation]:
    """Country alpha-2 codes and organisation acronyms, as the importer writes them."""
    unique = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    countries = {c.code: c for c in Country.objects.filter(code__in=[c.upper() for c in unique])}
    organisations = {o.acronym.upper(): o for o in Organisation.objects.filter(acronym__in=unique)}
    actors, unknown = [], []
    for code in unique:
        actor = countries.get(code.upper()) if len(code) == 2 else None
        actor = actor or organisations.get(code.upper())
        if actor is None:
            unknown.append(code)
        else:
            actors.append(actor)
    if unknown:
        raise LookupError(_("Unknown actor codes: %(codes)s.") % {"codes": ", ".join(unknown)})
    return actors


def actor_code(actor: Country | Organisation) -> str:
    return actor.code if isinstance(actor, Country) else actor.acronym


def agreement_set_actors(
    *, agreement: Agreement, actors: list[Country | Organisation], responsible: set[str]
) -> None:
    """Replace who an agreement mentions and who must act; responsible countries start open."""
    country_status = Status.OPEN if agreement.needs_follow_up else ""
    kept_statuses = dict(
        agreement.country_links.filter(responsible=True).values_list("country_id", "status")
    )
    agreement.country_links.all().delete()
    agreement.organisation_links.all().delete()
    for actor in actors:
        is_responsible = actor_code(actor) in responsible
        if isinstance(actor, Country):
            status = kept_statuses.get(actor.code, country_status) if is_responsible else ""
            AgreementCountry.objects.create(
                agreement=agreement, country=actor, responsible=is_responsible, status=status
            )
        else:
            AgreementOrganisation.objects.create(
                agreement=agreement, organisation=actor, responsible=is_responsible
            )


@transaction.atomic
def agreement_create(
    *,
    author: User,
    actors: list | None = None,
    responsible: set[str] | None = None,
    themes: list | None = None,
    status: str | None = None,
    **fields,
) -> Agreement:
    agreement = Agreement(**fields)
    agreement.status = agreement.initial_status
    agreement.full_clean()
    agreement.save()
    if themes:
        agreement.themes.set(themes)
    if actors:
        agreement_set_actors(agreement=agreement, actors=actors, responsible=responsible or set())
    if status and status != agreement.status:
        followup_record(agreement=agreement, author=author, status=status)
        agreement.refresh_from_db()
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    author: User,
    actors: list | None = None,
    responsible: set[str] | None = None,
    themes: list | None = None,
    status: str | None = None,
    **fields,
) -> Agreement:
    """Change an agreement's record; a change of status is recorded as a follow-up update."""
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean()
    agreement.save()
    if themes is not None:
        agreement.themes.set(themes)
    if actors is not None:
        agreement_set_actors(agreement=agreement, actors=actors, responsible=responsible or set())
    if status and status != agreement.status:
        followup_record(agreement=agreement, author=author, status=status)
        agreement.refresh_from_db()
    return agreement


def status_for_follow_up(agreement: Agreement) -> str | None:
    """The status an item moves to when whether it is followed up changes; None: it keeps its own.

    An item that now gives a task opens; one that no longer does and nobody has reported on
    goes back to "no follow-up". An item someone has reported on keeps where the reports put it.
    """
    if agreement.needs_follow_up and agreement.status == Status.NO_FOLLOW_UP:
        return Status.OPEN
    if (
        not agreement.needs_follow_up
        and agreement.status == Status.OPEN
        and not (agreement.pk and agreement.follow_ups.exists())
    ):
        return Status.NO_FOLLOW_UP
    return None


def agreement_sync_country_statuses(*, agreement: Agreement) -> None:
    """Responsible countries start open when the item is followed up, and carry no status when it
    is not (a country that has reported keeps its status)."""
    links = agreement.country_links.filter(responsible=True)
    if agreement.needs_follow_up:
        changed, status = links.filter(status=""), Status.OPEN
    else:
        changed, status = links.filter(status=Status.OPEN, status_changed_at__isnull=True), ""
    # One save per link (a handful per item), so that the audit history sees each change.
    for link in changed:
        link.status = status
        link.save(update_fields=["status"])


@transaction.atomic
def agreement_decide_follow_up(
    *, agreement: Agreement, author: User, decision: str, reason: str
) -> Agreement:
    """TS staff decide whether an item is followed up, against what its text says (or go back to
    the text with decision ""). The reason is required and the history keeps it."""
    if not may_curate(access_for(author)):
        raise PermissionDenied(_("Only TS staff decide whether an agreement is followed up."))
    if decision not in FollowUpOverride.values:
        raise ValidationError({"follow_up_override": _("Choose how the item is followed up.")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"follow_up_override_reason": _("Say why the follow-up is decided otherwise.")}
        )
    agreement = _lock(agreement)
    agreement.follow_up_override = decision
    agreement.follow_up_override_reason = reason if decision else ""
    new_status = status_for_follow_up(agreement)
    if new_status:
        agreement.status = new_status
        agreement.status_changed_at = timezone.now()
    agreement.full_clean()
    agreement._change_reason = reason[:100]
    agreement.save()
    agreement_sync_country_statuses(agreement=agreement)
    return agreement


# --- Calendar feed tokens ------------------------------------------------------------------------

FEED_TOKENS_PER_USER = 20


@transaction.atomic
def feed_token_create(*, user: User, name: str) -> tuple[FeedToken, str]:
    """A feed token for the user and its key, which is shown once and never stored."""
    if FeedToken.objects.filter(user=user, revoked_at__isnull=True).count() >= (
        FEED_TOKENS_PER_USER
    ):
        raise ValidationError(
            _("You have %(count)d calendar feed tokens; revoke one you no longer use first.")
            % {"count": FEED_TOKENS_PER_USER}
        )
    prefix = secrets.token_hex(TOKEN_PREFIX_LENGTH // 2)
    key = f"{prefix}.{secrets.token_urlsafe(24)}"
    token = FeedToken(user=user, name=name.strip(), prefix=prefix, key_hash=hash_token_key(key))
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def feed_token_revoke(*, token: FeedToken) -> None:
    """The token stops opening the feeds at once; revoking it again changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def feed_token_authenticate(key: str) -> FeedToken | None:
    """The active feed token this key belongs to (with its user), or None; records its last use."""
    prefix, _dot, _secret = key.partition(".")
    token = FeedToken.objects.active().select_related("user").filter(prefix=prefix).first()
    if token is None or not secrets.compare_digest(token.key_hash, hash_token_key(key)):
        return None
    now = timezone.now()
    # Written at most once a minute, and kept out of the history: calendars poll all day.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
        token.skip_history_when_saving = True
        token.save(update_fields=["last_used_at"])
        del token.skip_history_when_saving
    return token
