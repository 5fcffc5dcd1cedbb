"""Writing agreements: creating and changing them, who they name, lineage, and whether an item
is followed up."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import (
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    FollowUp,
    FollowUpOverride,
    LinkKind,
    Status,
    Validation,
)
from agreements.rules import may_curate
from agreements.services.follow_up import _apply, _lock, followup_record
from rcm.models import Country, Organisation, User, access_for


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
    return _save_with_relations(
        agreement,
        author=author,
        actors=actors or None,
        responsible=responsible,
        themes=themes or None,
        status=status,
    )


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
    return _save_with_relations(
        agreement,
        author=author,
        actors=actors,
        responsible=responsible,
        themes=themes,
        status=status,
    )


def _save_with_relations(
    agreement: Agreement, *, author: User, actors, responsible, themes, status
) -> Agreement:
    """Save the agreement, then the themes and actors given (None: unchanged); a new status is
    recorded as a follow-up update, so that the history says who moved it."""
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
