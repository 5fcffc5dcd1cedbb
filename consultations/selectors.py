"""Reads of the consultations shared by the API, the pages and the reminder digests."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch

from consultations.models import (
    ConsultationAnswer,
    ConsultationRound,
    ConsultationTransition,
    ConsultationVersion,
)
from rcm.models import Access


def rounds_prefetch(access: Access) -> Prefetch:
    """The rounds this reader sees (`ConsultationRound.objects.visible_to`), with their answers."""
    answers = ConsultationAnswer.objects.select_related("answered_by").order_by("country_id")
    rounds = (
        ConsultationRound.objects.visible_to(access)
        .select_related("version")
        .prefetch_related("countries", Prefetch("answers", queryset=answers))
        .order_by("opened_at", "pk")
    )
    return Prefetch("rounds", queryset=rounds)


def record_prefetches(access: Access, *, transitions_with=("by",)) -> list[Prefetch]:
    """The versions and the steps of a consultation this reader sees, in order: the record its
    detail shows (the steps with `transitions_with` joined)."""
    versions = (
        ConsultationVersion.objects.visible_to(access)
        .select_related("created_by")
        .order_by("number")
    )
    transitions = (
        ConsultationTransition.objects.visible_to(access)
        .select_related(*transitions_with)
        .order_by("at", "pk")
    )
    return [Prefetch("versions", queryset=versions), Prefetch("transitions", queryset=transitions)]


def rounds_awaiting(country_code: str, now: datetime.datetime):
    """Open rounds that ask the country and that it has not answered, the next deadline first
    (with their consultation and version: one query)."""
    return (
        ConsultationRound.objects.awaiting(country_code, now)
        .select_related("consultation", "version")
        .order_by("closes_at", "pk")
    )
