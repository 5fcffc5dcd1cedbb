"""The dashboard's counts, tables and charts computed with the ORM, one query each: a slower
reference that the tests hold the dashboard's single summary query to
(agreements.selectors.dashboard_summary)."""

from __future__ import annotations

import datetime

from django.db.models import CharField, Count, F, Func, OuterRef, Q, Subquery, Value
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from agreements.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Agreement,
    AgreementCountry,
    AgreementOrganisation,
    Status,
    Theme,
)
from meetings.models import MeetingKind

# --- Selectors ---------------------------------------------------------------------------------


def dashboard_counts(agreements, today: datetime.date) -> dict[str, int]:
    """How many agreements stand where, in one aggregate query; overdue ones also count as open."""
    overdue = Agreement.objects.overdue_q(today)
    return agreements.order_by().aggregate(
        total=Count("pk"),
        open_on_time=Count("pk", filter=Q(status=Status.OPEN) & ~overdue),
        in_progress_on_time=Count("pk", filter=Q(status=Status.IN_PROGRESS) & ~overdue),
        not_reported=Count("pk", filter=Agreement.objects.not_reported_q()),
        stale=Count("pk", filter=Agreement.objects.stale_q(today)),
        open=Count("pk", filter=Q(status=Status.OPEN)),
        in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
        done=Count("pk", filter=Q(status=Status.DONE)),
        overdue=Count("pk", filter=overdue),
        no_follow_up=Count("pk", filter=Q(status=Status.NO_FOLLOW_UP)),
        closed=Count("pk", filter=Q(status__in=[Status.SUPERSEDED, Status.DROPPED])),
    )


def counts_by_body(agreements, today: datetime.date) -> list[dict]:
    labels = dict(MeetingKind.choices)
    rows = (
        agreements.order_by()
        .values("meeting__kind")
        .annotate(
            total=Count("pk"),
            pending=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            overdue=Count("pk", filter=Agreement.objects.overdue_q(today)),
        )
        .order_by("-total")
    )
    return [
        {**row, "label": labels.get(row["meeting__kind"], row["meeting__kind"])} for row in rows
    ]


def counts_by_theme(agreements, today: datetime.date) -> list[dict]:
    """Per theme of the Plan of Action: an agreement on a subtopic counts for its theme."""
    themes = list(Theme.objects.filter(parent__isnull=True).order_by("code"))
    rows = []
    for theme in themes:
        in_theme = Q(themes__code=theme.code) | Q(themes__code__startswith=f"{theme.code}.")
        rows.append((theme, in_theme))
    if not rows:
        return []
    overdue = Agreement.objects.overdue_q(today)
    aggregates = {}
    for theme, in_theme in rows:
        aggregates[f"t{theme.pk}_total"] = Count("pk", filter=in_theme, distinct=True)
        aggregates[f"t{theme.pk}_pending"] = Count(
            "pk", filter=in_theme & Q(status__in=OPEN_STATUSES), distinct=True
        )
        aggregates[f"t{theme.pk}_overdue"] = Count("pk", filter=in_theme & overdue, distinct=True)
        aggregates[f"t{theme.pk}_not_reported"] = Count(
            "pk", filter=in_theme & Agreement.objects.not_reported_q(), distinct=True
        )
        aggregates[f"t{theme.pk}_stale"] = Count(
            "pk", filter=in_theme & Agreement.objects.stale_q(today), distinct=True
        )
    totals = agreements.order_by().aggregate(**aggregates)
    return [
        {
            "theme": theme,
            "total": totals[f"t{theme.pk}_total"],
            "pending": totals[f"t{theme.pk}_pending"],
            "overdue": totals[f"t{theme.pk}_overdue"],
            "not_reported": totals[f"t{theme.pk}_not_reported"],
            "stale": totals[f"t{theme.pk}_stale"],
        }
        for theme, _ in rows
    ]


STATUS_COLUMNS = ("open", "in_progress", "done", "overdue", "other")


def _spanish() -> bool:
    return (get_language() or "en").startswith("es")


def status_by_year(agreements, *, today: datetime.date | None = None) -> list[dict]:
    """Per meeting year, how many agreements are open, in progress, done, overdue or other.

    An overdue agreement counts only as overdue, not also as open or in progress, so that the
    parts of a year add up to its total.
    """
    today = today or timezone.localdate()
    overdue = Agreement.objects.overdue_q(today)
    on_time = ~overdue
    rows = (
        agreements.order_by()
        .values(year=F("meeting__year"))
        .annotate(
            open=Count("pk", filter=Q(status=Status.OPEN) & on_time, distinct=True),
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS) & on_time, distinct=True),
            done=Count("pk", filter=Q(status=Status.DONE), distinct=True),
            overdue=Count("pk", filter=overdue, distinct=True),
            other=Count("pk", filter=~Q(status__in=[*OPEN_STATUSES, Status.DONE]), distinct=True),
        )
        .order_by("year")
    )
    return [dict(row) for row in rows]


def overdue_by_country(agreements, *, today: datetime.date | None = None) -> list[dict]:
    """Who must act on overdue agreements, most first: responsible countries whose own part is
    still pending, responsible organisations and bodies (the TS, the PPT …), and "no one named"
    for the overdue agreements that name no one.

    A country that has done its part, or whose part was dropped, is not counted even while the
    agreement stays open for the others.
    """
    overdue = agreements.order_by().filter(Agreement.objects.overdue_q(today))
    # One query: the three groups as one UNION.
    countries = (
        AgreementCountry.objects.filter(responsible=True, agreement__in=overdue)
        .exclude(status__in=CLOSED_STATUSES)
        .values(code=F("country_id"), en=F("country__name_en"), es=F("country__name_es"))
        .annotate(count=Count("agreement", distinct=True))
        .order_by()
    )
    organisations = (
        AgreementOrganisation.objects.filter(responsible=True, agreement__in=overdue)
        .values(
            code=F("organisation__acronym"),
            en=F("organisation__acronym"),
            es=F("organisation__acronym_es"),
        )
        .annotate(count=Count("agreement", distinct=True))
        .order_by()
    )
    no_one = str(_("No one named"))
    unnamed = (
        Agreement.objects.filter(
            pk__in=overdue.exclude(country_links__responsible=True)
            .exclude(organisation_links__responsible=True)
            .values("pk")
        )
        .order_by()
        .values(code=Value(""), en=Value(no_one), es=Value(no_one))
        .annotate(count=Count("pk"))
    )
    rows = countries.union(organisations, unnamed, all=True).order_by("-count", "en")
    spanish = _spanish()
    return [
        {"code": row["code"], "name": (spanish and row["es"]) or row["en"], "count": row["count"]}
        for row in rows
        if row["count"]  # the "no one named" row counts 0 when every agreement names someone
    ]


class SplitPart(Func):
    function = "SPLIT_PART"
    output_field = CharField()


def themes_over_time(agreements) -> dict:
    """Per meeting year, how many agreements each top-level theme of the Plan of Action has.

    An agreement tagged with a subtopic (1.2.3) counts for its theme (1), once however many of
    the theme's subtopics it carries. Years run without gaps from the first to the last; a year
    with no agreement at all, tagged or not, counts None (not recorded), not 0.
    """
    top_code = SplitPart(F("themes__code"), Value("."), Value(1))
    top_theme = Theme.objects.filter(code=OuterRef("top"))
    rows = list(
        agreements.order_by()
        .annotate(top=top_code)
        .values("meeting__year", "top")
        .annotate(
            count=Count("pk", distinct=True),
            name_en=Subquery(top_theme.values("name_en")[:1]),
            name_es=Subquery(top_theme.values("name_es")[:1]),
        )
        .order_by("top", "meeting__year")
    )
    recorded_years = {row["meeting__year"] for row in rows}
    rows = [row for row in rows if row["top"]]
    if not rows:
        return {"years": [], "themes": []}
    first = min(row["meeting__year"] for row in rows)
    last = max(row["meeting__year"] for row in rows)
    years = list(range(first, last + 1))
    spanish = _spanish()
    themes: dict[str, dict] = {}
    for row in rows:
        theme = themes.setdefault(
            row["top"],
            {
                "code": row["top"],
                "name": (spanish and row["name_es"]) or row["name_en"] or row["top"],
                "counts": [0 if year in recorded_years else None for year in years],
            },
        )
        theme["counts"][row["meeting__year"] - first] = row["count"]
    ordered = sorted(themes.values(), key=lambda theme: _code_key(theme["code"]))
    return {"years": years, "themes": ordered}


def _code_key(code: str):
    return (0, int(code)) if code.isdigit() else (1, code)
