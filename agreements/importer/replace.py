"""Importing a document again over a meeting's recorded agreements, without losing what hangs on
them.

An agreement whose (section, reference) the new document still has is **updated in place**: its
follow-up updates, per-country statuses, lineage, work-plan items, network reports, budgets and
consultations keep pointing at it. An agreement the document no longer has is deleted, but only if
nothing but its own parts points at it; otherwise the whole import is refused, saying what hangs
on which agreement, and nothing changes.

What "hangs on" an agreement is read from the model's reverse relations, so a new app's link to
agreements is counted without this module importing that app.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from agreements.models import Agreement

# Reverse relations that are the agreement itself rather than records about it: its sub-items
# (placed by the document), the actors it names (set again from the document), its history.
OWN_RELATIONS = {"children", "country_links", "organisation_links"}


def _dependent_relations():
    for relation in Agreement._meta.related_objects:
        if relation.get_accessor_name() in OWN_RELATIONS:
            continue
        if relation.related_model.__name__.startswith("Historical"):
            continue
        if relation.many_to_many:
            continue
        yield relation


def what_hangs_on(agreements: list[Agreement]) -> dict[int, list[str]]:
    """For each agreement, the records that point at it ("3 follow-up updates"); one query a
    kind of record."""
    pks = [agreement.pk for agreement in agreements]
    found: dict[int, list[str]] = {}
    if not pks:
        return found
    for relation in _dependent_relations():
        column = relation.field.name
        counts = (
            relation.related_model._default_manager.filter(**{f"{column}__in": pks})
            .values_list(column)
            .annotate(n=Count("pk"))
            .order_by()
        )
        meta = relation.related_model._meta
        for pk, number in counts:
            name = meta.verbose_name if number == 1 else meta.verbose_name_plural
            found.setdefault(pk, []).append(f"{number} {name}")
    return found


def _keys(items: list[dict]) -> set[tuple[str, str]]:
    keys = set()
    for item in items:
        keys.add((item.get("section"), str(item.get("ref") or "").strip()))
        keys |= _keys(item.get("children", []))
    return keys


@dataclass
class ReplacePlan:
    """What replacing a meeting's agreements with a document does, before it is done."""

    kept: list[Agreement] = field(default_factory=list)
    deleted: list[Agreement] = field(default_factory=list)
    blocked: list[tuple[Agreement, list[str]]] = field(default_factory=list)
    kept_holds: list[tuple[Agreement, list[str]]] = field(default_factory=list)
    created: int = 0

    @property
    def possible(self) -> bool:
        return not self.blocked

    def refusal(self) -> str:
        """Why Replace cannot be done, naming each agreement and what hangs on it."""
        reasons = "; ".join(
            f"{agreement.get_section_display()} {agreement.ref}: {', '.join(holds)}"
            for agreement, holds in self.blocked
        )
        return _(
            "Replace would delete agreements that other records point at (%(reasons)s). Keep "
            "their references in the document, or move those records to another agreement "
            "first. Nothing was changed."
        ) % {"reasons": reasons}


def plan_replace(meeting, items: list[dict]) -> ReplacePlan:
    """Match the recorded agreements to the document's items by (section, reference)."""
    recorded = list(meeting.agreements.order_by("position"))
    incoming = _keys(items)
    holds = what_hangs_on(recorded)
    plan = ReplacePlan()
    for agreement in recorded:
        hanging = holds.get(agreement.pk, [])
        if (agreement.section, agreement.ref) in incoming:
            plan.kept.append(agreement)
            if hanging:
                plan.kept_holds.append((agreement, hanging))
        elif hanging:
            plan.blocked.append((agreement, hanging))
        else:
            plan.deleted.append(agreement)
    plan.created = len(incoming) - len(plan.kept)
    return plan
