"""Lineage suggestions: the earlier agreements an agreement likely reiterates or follows up.

PostgreSQL's pg_trgm is not available in the embedded server, so similarity is full-text: the
agreement's own lexemes (its search vector, built with the English and the Spanish
configurations) are searched as one OR query in the earlier agreements' vectors and ranked with
ts_rank; agreements that share responsible or mentioned actors and Plan of Action themes rank
higher. TS staff confirm a suggestion in one click (the agreement's admin page), which records an
AgreementLink that both agreements' pages show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from agreements import rules
from agreements.models import (
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    AgreementTheme,
    LinkKind,
)
from rcm.models import access_for

MAX_SUGGESTIONS = 5
# Below this combined score a shared word or two is chance, not lineage.
MIN_SCORE = 0.1
# From this text similarity on, the later text says the same again: it reiterates.
REITERATES_FROM = 0.5
ACTOR_WEIGHT = 0.05
THEME_WEIGHT = 0.1
# Lexemes that say nothing about what an agreement is on: every agreement of the conference
# names the conference, its members and its bodies.
COMMON = {
    "rcm", "crm", "member", "countri", "país", "pais", "miembro", "thank", "take", "note",
    "agradec", "tomar", "nota", "region", "regional", "meet", "reunion", "reunión", "follow",
    "also", "well", "de", "la", "el", "los", "las", "y", "en", "para", "por", "con",
}  # fmt: skip
LEXEME = re.compile(r"^[\w-]{3,}$")


@dataclass(frozen=True)
class LineageSuggestion:
    """An earlier agreement offered as the lineage of a later one, with why."""

    earlier: Agreement
    kind: str
    score: float
    similarity: float
    shared_actors: int
    shared_themes: int

    @property
    def kind_label(self) -> str:
        return LinkKind(self.kind).label


def _lexemes(agreement: Agreement) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(search_vector) FROM agreements_agreement WHERE id = %s",
            [agreement.pk],
        )
        row = cursor.fetchone()
    words = row[0] if row else []
    return sorted(w for w in words if LEXEME.match(w) and not w.isdigit() and w not in COMMON)


def _earlier_q(agreement: Agreement) -> Q:
    meeting = agreement.meeting
    on = meeting.reference_date
    if on is None:
        return Q(pk__in=[])
    return Q(meeting__starts_on__lt=on) | Q(
        meeting__starts_on__isnull=True, meeting__year__lt=on.year
    )


def suggest_earlier(agreement: Agreement, *, limit: int = MAX_SUGGESTIONS) -> list:
    """Earlier agreements (of meetings before this one's) this one likely reiterates or follows
    up, best first, leaving out those already linked to it. Three queries."""
    words = _lexemes(agreement)
    if not words:
        return []
    raw = " | ".join("'" + word.replace("'", "''") + "'" for word in words)
    # The lexemes are already stemmed by the English and Spanish configurations: matched as
    # they are ("simple"), they meet the same stems in the other agreements' vectors.
    query = SearchQuery(raw, search_type="raw", config="simple")
    countries = AgreementCountry.objects.filter(agreement=agreement).values("country_id")
    organisations = AgreementOrganisation.objects.filter(agreement=agreement).values(
        "organisation_id"
    )
    themes = AgreementTheme.objects.filter(agreement=agreement).values("theme_id")

    def shared(model, field, values):
        return Coalesce(
            Subquery(
                model.objects.filter(agreement=OuterRef("pk"), **{f"{field}__in": values})
                .values("agreement")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )

    linked = AgreementLink.objects.filter(later=agreement).values("earlier_id")
    candidates = (
        Agreement.objects.filter(_earlier_q(agreement))
        .exclude(pk=agreement.pk)
        .exclude(pk__in=linked)
        .filter(search_vector=query)
        .annotate(
            similarity=SearchRank(F("search_vector"), query, normalization=32),
            shared_countries=shared(AgreementCountry, "country_id", countries),
            shared_organisations=shared(AgreementOrganisation, "organisation_id", organisations),
            shared_themes=shared(AgreementTheme, "theme_id", themes),
        )
        .select_related("meeting", "meeting__country")
        .order_by("-similarity", "pk")[:50]
    )
    suggestions = []
    for candidate in candidates:
        actors = candidate.shared_countries + candidate.shared_organisations
        score = (
            candidate.similarity + ACTOR_WEIGHT * actors + THEME_WEIGHT * candidate.shared_themes
        )
        if score < MIN_SCORE:
            continue
        kind = (
            LinkKind.REITERATES if candidate.similarity >= REITERATES_FROM else LinkKind.FOLLOWS_UP
        )
        suggestions.append(
            LineageSuggestion(
                earlier=candidate,
                kind=kind,
                score=round(score, 3),
                similarity=round(candidate.similarity, 3),
                shared_actors=actors,
                shared_themes=candidate.shared_themes,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, s.earlier.pk))
    return suggestions[:limit]


@transaction.atomic
def lineage_confirm(*, later: Agreement, earlier: Agreement, kind: str, by) -> AgreementLink:
    """TS staff confirm that a later agreement reiterates or follows up an earlier one: the link
    then shows on both agreements. Anyone else is refused and nothing changes."""
    if not rules.may_curate(access_for(by)):
        raise PermissionDenied("Only TS staff confirm lineage.")
    if kind not in LinkKind.values:
        raise ValidationError({"kind": f"Unknown kind of link: {kind!r}."})
    existing = AgreementLink.objects.filter(later=later, earlier=earlier, kind=kind).first()
    if existing is not None:
        return existing
    link = AgreementLink(
        later=later,
        earlier=earlier,
        kind=kind,
        source=f"Suggested from the texts (full-text similarity, shared actors and themes); "
        f"confirmed by {by.get_username()}"[:300],
    )
    link.full_clean()
    link._change_reason = "Lineage suggestion confirmed by TS staff"
    link.save()
    return link
