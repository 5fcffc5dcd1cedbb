"""The demo generator that seed_demo calls: meetings, agreements, follow-up and lineage."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.db import connection
from django.utils import timezone

from agreements.demo.bulk import (
    STATUS_COLUMN,
    _bulk,
    _check_columns,
    _copy,
    _copy_history,
    _reserve_ids,
)
from agreements.demo.shapes import _deadline, _DemoAgreement, _meetings, _tree_shape, _update_times
from agreements.demo.sizes import (
    ACTION_WEIGHTS,
    AGREEMENTS_PER_MEETING,
    FOLLOW_UP_STATUSES,
    FOLLOW_UP_WEIGHTS,
    FOLLOW_UPS_PER_AGREEMENT,
    PHRASES,
    SPANISH_TOPICS,
    TOPICS,
    weighted,
)
from agreements.models import (
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    FollowUp,
    LinkKind,
    Section,
    Status,
    Theme,
    Validation,
)
from meetings.models import Participation
from rcm.models import Country, Organisation


def create_demo(*, scale: float, rng: random.Random, progress: Callable | None = None) -> dict:
    _check_columns()
    countries = list(Country.objects.members().order_by("code"))
    if not countries:
        raise RuntimeError("Load the countries first (seed_demo does).")
    organisations = list(Organisation.objects.order_by("pk")[:20])
    themes = list(Theme.objects.order_by("code"))
    meetings = _meetings(scale, rng, countries, progress)
    now = timezone.now()

    with connection.cursor() as cursor:
        # Agreements, with their references nested as the documents nest them.
        shapes = [(meeting, _tree_shape(rng, AGREEMENTS_PER_MEETING)) for meeting in meetings]
        ids = iter(_reserve_ids(cursor, Agreement, sum(len(shape) for _, shape in shapes)))
        agreements: list[_DemoAgreement] = []
        rows: list[list] = []
        for meeting, shape in shapes:
            pks: list[int] = []
            for index, (ref, parent_index) in enumerate(shape):
                pk = next(ids)
                pks.append(pk)
                action = weighted(rng, ACTION_WEIGHTS)
                topic = rng.choice(TOPICS)
                actor = rng.choice(countries)
                deadline, deadline_text, precision = _deadline(rng, meeting)
                text = (
                    PHRASES[action]
                    .format(actor=actor.name_en, topic=topic, deadline=deadline_text)
                    .replace("  ", " ")
                )
                text_es = f"Tema: {SPANISH_TOPICS[topic]}." if topic in SPANISH_TOPICS else ""
                section = Section.CONCLUSION if rng.random() < 0.85 else Section.RECOMMENDATION
                agreement = _DemoAgreement(pk, meeting, action, text, text_es)
                if not agreement.needs_follow_up:
                    deadline, deadline_text, precision = None, "", ""
                agreements.append(agreement)
                # In the order of AGREEMENT_COLUMNS; status and its date come with follow-up.
                rows.append(
                    [
                        pk,
                        meeting.pk,
                        section,
                        "",
                        ref,
                        pks[parent_index] if parent_index is not None else None,
                        index,
                        text,
                        text_es,
                        action,
                        deadline,
                        deadline_text,
                        precision,
                        "",
                        "",
                        agreement.status,
                        None,
                        None,  # reported_at: the database sets it as the updates come in
                        None,  # due_on: the database works it out (migration 0018)
                        "",
                        "",
                        meeting.visibility,
                        True,
                        "demo data",
                        now,
                        now,
                    ]
                )

        # Who they mention and who must act; themes.
        country_rows, organisation_rows, theme_rows = [], [], []
        for agreement in agreements:
            for country in rng.sample(countries, rng.choice([0, 1, 1, 2, 3])):
                responsible = agreement.needs_follow_up and rng.random() < 0.8
                country_rows.append(
                    (agreement.pk, country.pk, responsible, Status.OPEN if responsible else "")
                )
            if organisations and rng.random() < 0.5:
                organisation_rows.append(
                    (
                        agreement.pk,
                        rng.choice(organisations).pk,
                        agreement.needs_follow_up and rng.random() < 0.4,
                    )
                )
            if themes:
                theme_rows.append((agreement.pk, rng.choice(themes).pk, False))

        # Follow-up: the status of each agreement is its latest accepted update.
        to_follow = [a for a in agreements if a.needs_follow_up]
        per_agreement = max(1, FOLLOW_UPS_PER_AGREEMENT * len(agreements) // max(1, len(to_follow)))
        for agreement in to_follow:
            agreement.updates = rng.choices(
                FOLLOW_UP_STATUSES,
                FOLLOW_UP_WEIGHTS,
                k=rng.randint(0, 2 * per_agreement),
            )
        changed = []
        for agreement, row in zip(agreements, rows, strict=True):
            if agreement.updates and agreement.updates[-1] != agreement.status:
                row[STATUS_COLUMN], row[STATUS_COLUMN + 1] = agreement.updates[-1], now
                changed.append(agreement.pk)

        _copy(cursor, Agreement, rows)
        agreement_ids = [a.pk for a in agreements]
        # The first history entry holds the agreement as it was adopted; a second one the
        # status its follow-up brought, as the follow-up service records it. Only an item
        # without follow-up keeps "no follow-up" (its updates never give that status).
        initial_status = (
            f"CASE WHEN status = '{Status.NO_FOLLOW_UP}' "
            f"THEN '{Status.NO_FOLLOW_UP}' ELSE '{Status.OPEN}' END"
        )
        _copy_history(
            cursor,
            Agreement,
            agreement_ids,
            when=now,
            overrides={
                "status": initial_status,
                "status_changed_at": "NULL",
                "reported_at": "NULL",
            },
        )
        _copy_history(
            cursor, Agreement, changed, when=now, history_type="~", reason="demo follow-up"
        )
        if progress:
            progress(f"agreements: {len(agreements):,}")

        for model, link_rows in (
            (AgreementCountry, country_rows),
            (AgreementOrganisation, organisation_rows),
        ):
            link_ids = _reserve_ids(cursor, model, len(link_rows))
            if model is AgreementCountry:
                full = [(pk, *row, None) for pk, row in zip(link_ids, country_rows, strict=True)]
            else:
                full = [(pk, *row) for pk, row in zip(link_ids, organisation_rows, strict=True)]
            _copy(cursor, model, full)
            _copy_history(cursor, model, link_ids, when=now)
            if progress:
                progress(f"{model._meta.verbose_name_plural}: {len(full):,}")
        through = Agreement.themes.through
        theme_ids = _reserve_ids(cursor, through, len(theme_rows))
        _copy(cursor, through, ((pk, *row) for pk, row in zip(theme_ids, theme_rows, strict=True)))

        update_count = sum(len(a.updates) for a in to_follow)
        update_ids = _reserve_ids(cursor, FollowUp, update_count)
        # The updates' triggers (migrations 0014, 0016) would recompute the agreements'
        # reported_at after every COPY chunk; the rows go in without them and every agreement
        # followed up is computed once after. (ALTER TABLE waits for no deferred foreign-key
        # check: they are run first.)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE agreements_followup DISABLE TRIGGER USER")
        _copy(cursor, FollowUp, _follow_up_rows(to_follow, iter(update_ids), now))
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE agreements_followup ENABLE TRIGGER USER")
        # When each agreement was last reported on, in one pass over the updates: the rule of
        # the agreement's trigger (its latest accepted update), set-based. Through the trigger,
        # one query per agreement, planned without statistics for rows copied in this
        # transaction, read the updates over and over: over 12 minutes at scale 10.
        cursor.execute(
            "ALTER TABLE agreements_agreement DISABLE TRIGGER agreement_reported_at_from_updates"
        )
        cursor.execute(
            "UPDATE agreements_agreement a SET reported_at = latest.created_at"
            " FROM (SELECT agreement_id, max(created_at) AS created_at FROM agreements_followup"
            "       WHERE validation = 'accepted' AND agreement_id = ANY(%s)"
            "       GROUP BY agreement_id) latest"
            " WHERE a.id = latest.agreement_id",
            [[agreement.pk for agreement in to_follow]],
        )
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "ALTER TABLE agreements_agreement ENABLE TRIGGER agreement_reported_at_from_updates"
        )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        _copy_history(cursor, FollowUp, update_ids, when=now)
        if progress:
            progress(f"follow-up updates: {update_count:,}")

    # Lineage: later agreements that follow up or reiterate earlier ones.
    by_date = sorted(agreements, key=lambda a: (a.meeting.starts_on, a.pk))
    links = []
    for _ in range(len(agreements) // 30):
        earlier_index = rng.randrange(0, len(by_date) - 1)
        later_index = rng.randrange(earlier_index + 1, len(by_date))
        earlier, later = by_date[earlier_index], by_date[later_index]
        if earlier.meeting.pk == later.meeting.pk:
            continue
        links.append(
            AgreementLink(
                later_id=later.pk,
                earlier_id=earlier.pk,
                kind=rng.choice([LinkKind.FOLLOWS_UP, LinkKind.REITERATES, LinkKind.IMPLEMENTS]),
                source="demo data",
            )
        )
    links = _bulk_unique_links(links)
    _bulk(AgreementLink, links, progress)

    participations = [
        Participation(meeting=meeting, country=country, role="member", source="demo data")
        for meeting in meetings
        for country in rng.sample(countries, rng.randint(6, len(countries)))
    ]
    _bulk(Participation, participations, progress)
    return {
        "meetings": len(meetings),
        "agreements": len(agreements),
        "follow-up updates": update_count,
        "lineage links": len(links),
    }


def _follow_up_rows(agreements: list[_DemoAgreement], ids, now: datetime.datetime):
    """Rows of FollowUp in the order of FOLLOW_UP_COLUMNS, accepted as posted."""
    for agreement in agreements:
        times = _update_times(agreement, len(agreement.updates), now)
        for step, (status, posted) in enumerate(zip(agreement.updates, times, strict=True)):
            yield (
                next(ids),
                agreement.pk,
                None,
                None,
                posted,
                status,
                f"Demo update {step + 1}.",
                "",
                "",
                Validation.ACCEPTED,
                None,
                posted,
                "",
                True,
            )


def _bulk_unique_links(links: list[AgreementLink]) -> list[AgreementLink]:
    seen, unique = set(), []
    for link in links:
        key = (link.later_id, link.earlier_id, link.kind)
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
