"""Demo meetings, agreements, follow-up and lineage, shaped like the real records (seed_demo).

Rows are written in bulk with their first history entries, so that even demo data keeps the
audit trail complete. Everything created here is marked demo=True.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.utils import timezone

from agreements.models import (
    NO_FOLLOW_UP_ACTIONS,
    Action,
    Agreement,
    AgreementCountry,
    AgreementLink,
    AgreementOrganisation,
    DeadlinePrecision,
    FollowUp,
    LinkKind,
    Section,
    Status,
    Theme,
    Validation,
)
from meetings.models import Meeting, MeetingKind, MeetingStatus, Participation
from rcm.models import Country, Organisation, Visibility

MEETINGS_PER_SCALE = 200
AGREEMENTS_PER_MEETING = 50
FOLLOW_UPS_PER_AGREEMENT = 10
BATCH = 5000

KIND_WEIGHTS = [
    (MeetingKind.RCGM, 30), (MeetingKind.VICE_MINISTERIAL, 15), (MeetingKind.LIAISON_NETWORK, 20),
    (MeetingKind.WORKING_GROUP, 15), (MeetingKind.WORKSHOP, 10), (MeetingKind.SEMINAR, 10),
]  # fmt: skip
ACTION_WEIGHTS = [
    (Action.THANK, 20), (Action.NOTE, 15), (Action.ACCEPT, 8), (Action.APPROVE, 10),
    (Action.RECOMMEND, 6), (Action.URGE, 12), (Action.REQUEST, 10), (Action.SUBMIT, 6),
    (Action.HOLD, 8), (Action.CONSIDER, 5),
]  # fmt: skip
PHRASES = {
    Action.THANK: "To thank {actor} for its presentation on {topic}.",
    Action.NOTE: "To take note of the report by {actor} on {topic}.",
    Action.ACCEPT: "To accept the proposal of {actor} regarding {topic}.",
    Action.APPROVE: "To approve the work plan on {topic} presented by {actor}.",
    Action.RECOMMEND: "To recommend approval of the guidelines on {topic}.",
    Action.URGE: "To urge {actor} to submit the information on {topic} {deadline}.",
    Action.REQUEST: "To request {actor} to circulate the document on {topic} {deadline}.",
    Action.SUBMIT: "The TS will submit a report on {topic} to the next meeting {deadline}.",
    Action.HOLD: "To hold a regional workshop on {topic}, hosted by {actor}, {deadline}.",
    Action.CONSIDER: "To consider the establishment of an ad-hoc group on {topic}.",
}
TOPICS = [
    "migrant children and adolescents", "trafficking in persons", "migrant smuggling",
    "consular protection", "labour migration", "return and reintegration", "remittances",
    "border management", "missing migrants", "migration and health", "irregular migration",
    "the Reserve Fund", "the contributions to the budget", "climate change and mobility",
]  # fmt: skip
SPANISH_TOPICS = {
    "migrant children and adolescents": "la niñez y adolescencia migrante",
    "trafficking in persons": "la trata de personas",
    "consular protection": "la protección consular",
    "labour migration": "la migración laboral",
}


def weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def _bulk(model, objects: list, progress: Callable | None = None) -> list:
    """Insert in batches, with each row's first history entry (the audit stays complete)."""
    created = []
    for start in range(0, len(objects), BATCH):
        chunk = model.objects.bulk_create(objects[start : start + BATCH], batch_size=BATCH)
        if hasattr(model, "history"):
            model.history.bulk_history_create(
                chunk, default_change_reason="demo data", batch_size=BATCH
            )
        created.extend(chunk)
    if progress:
        progress(f"{model._meta.verbose_name_plural}: {len(created):,}")
    return created


def _meetings(
    scale: float, rng: random.Random, countries: list[Country], progress
) -> list[Meeting]:
    today = timezone.localdate()
    meetings = []
    total = max(1, round(MEETINGS_PER_SCALE * scale))
    for index in range(total):
        year = 1996 + index * (today.year - 1996) // total
        starts_on = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        kind = weighted(rng, KIND_WEIGHTS)
        host = rng.choice(countries)
        planned = starts_on > today
        meetings.append(
            Meeting(
                kind=kind,
                ordinal=None,
                name_en=f"Demo {MeetingKind(kind).label} {index + 1}",
                year=year,
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=rng.randint(0, 2)),
                city=f"Demo city {host.code}",
                country=host,
                status=MeetingStatus.PLANNED if planned else MeetingStatus.HELD,
                visibility=rng.choices(
                    [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.RESTRICTED], [85, 12, 3]
                )[0],
                demo=True,
                source="demo data",
            )
        )
    return _bulk(Meeting, meetings, progress)


def _tree_shape(rng: random.Random, size: int) -> list[tuple[str, int | None]]:
    """(ref, index of parent) for one meeting's list: 1., a., i. as the documents nest them."""
    shape: list[tuple[str, int | None]] = []
    number = 0
    while len(shape) < size:
        number += 1
        parent = len(shape)
        shape.append((str(number), None))
        for letter in "abcdef"[: rng.choice([0, 0, 1, 2, 3, 4])]:
            if len(shape) >= size:
                break
            child = len(shape)
            shape.append((f"{number}.{letter}", parent))
            for numeral in ["i", "ii", "iii"][: rng.choice([0, 0, 0, 1, 2, 3])]:
                if len(shape) >= size:
                    break
                shape.append((f"{number}.{letter}.{numeral}", child))
    return shape


def _deadline(rng: random.Random, meeting: Meeting) -> tuple[datetime.date | None, str, str]:
    roll = rng.random()
    if roll < 0.45:
        return None, "", ""
    if roll < 0.55:
        return None, "as soon as possible", DeadlinePrecision.NONE
    base = meeting.ends_on or meeting.starts_on
    months = rng.choice([2, 3, 6, 12])
    deadline = base + datetime.timedelta(days=30 * months)
    return deadline, f"within a {months}-month period", DeadlinePrecision.RELATIVE


def create_demo(*, scale: float, rng: random.Random, progress: Callable | None = None) -> dict:
    countries = list(Country.objects.members())
    if not countries:
        raise RuntimeError("Load the countries first (seed_demo does).")
    organisations = list(Organisation.objects.all()[:20])
    themes = list(Theme.objects.all())
    meetings = _meetings(scale, rng, countries, progress)

    # Agreements, level by level so that children can point at their saved parents.
    shapes = {m.pk: _tree_shape(rng, AGREEMENTS_PER_MEETING) for m in meetings}
    saved: dict[tuple[int, int], Agreement] = {}
    depth_of = {m.pk: [ref.count(".") for ref, _ in shapes[m.pk]] for m in meetings}
    for depth in range(3):
        batch, keys = [], []
        for meeting in meetings:
            for index, (ref, parent_index) in enumerate(shapes[meeting.pk]):
                if depth_of[meeting.pk][index] != depth:
                    continue
                action = weighted(rng, ACTION_WEIGHTS)
                topic = rng.choice(TOPICS)
                actor = rng.choice(countries)
                deadline, deadline_text, precision = _deadline(rng, meeting)
                if action in NO_FOLLOW_UP_ACTIONS:
                    deadline, deadline_text, precision = None, "", ""
                text = (
                    PHRASES[action]
                    .format(actor=actor.name_en, topic=topic, deadline=deadline_text)
                    .replace("  ", " ")
                )
                batch.append(
                    Agreement(
                        meeting=meeting,
                        section=Section.CONCLUSION
                        if rng.random() < 0.85
                        else Section.RECOMMENDATION,
                        ref=ref,
                        parent=saved.get((meeting.pk, parent_index))
                        if parent_index is not None
                        else None,
                        position=index,
                        text_en=text,
                        text_es=(
                            f"Tema: {SPANISH_TOPICS[topic]}." if topic in SPANISH_TOPICS else ""
                        ),
                        action=action,
                        deadline=deadline,
                        deadline_text=deadline_text,
                        deadline_precision=precision,
                        status=Status.NO_FOLLOW_UP
                        if action in NO_FOLLOW_UP_ACTIONS
                        else Status.OPEN,
                        visibility=meeting.visibility,
                        demo=True,
                        source="demo data",
                    )
                )
                keys.append((meeting.pk, index))
        for key, agreement in zip(keys, _bulk(Agreement, batch), strict=True):
            saved[key] = agreement
    agreements = list(saved.values())
    if progress:
        progress(f"agreements: {len(agreements):,}")

    # Who they mention and who must act; themes.
    country_links, organisation_links, theme_links = [], [], []
    through = Agreement.themes.through
    for agreement in agreements:
        follow_up = agreement.action not in NO_FOLLOW_UP_ACTIONS
        for country in rng.sample(countries, rng.choice([0, 1, 1, 2, 3])):
            responsible = follow_up and rng.random() < 0.8
            country_links.append(
                AgreementCountry(
                    agreement=agreement,
                    country=country,
                    responsible=responsible,
                    status=Status.OPEN if responsible else "",
                )
            )
        if organisations and rng.random() < 0.5:
            organisation_links.append(
                AgreementOrganisation(
                    agreement=agreement,
                    organisation=rng.choice(organisations),
                    responsible=follow_up and rng.random() < 0.4,
                )
            )
        if themes:
            theme_links.append(through(agreement=agreement, theme=rng.choice(themes)))
    _bulk(AgreementCountry, country_links, progress)
    _bulk(AgreementOrganisation, organisation_links, progress)
    through.objects.bulk_create(theme_links, batch_size=BATCH)

    # Follow-up: the status of each agreement is its latest accepted update.
    now = timezone.now()
    updates, changed = [], []
    to_follow = [a for a in agreements if a.action not in NO_FOLLOW_UP_ACTIONS]
    per_agreement = max(1, FOLLOW_UPS_PER_AGREEMENT * len(agreements) // max(1, len(to_follow)))
    for agreement in to_follow:
        status = Status.OPEN
        for step in range(rng.randint(0, 2 * per_agreement)):
            status = rng.choices(
                [Status.IN_PROGRESS, Status.DONE, Status.OPEN, Status.DROPPED], [55, 30, 10, 5]
            )[0]
            updates.append(
                FollowUp(
                    agreement=agreement,
                    status=status,
                    note=f"Demo update {step + 1}.",
                    validation=Validation.ACCEPTED,
                    reviewed_at=now,
                    demo=True,
                )
            )
        if status != agreement.status:
            agreement.status = status
            agreement.status_changed_at = now
            changed.append(agreement)
    _bulk(FollowUp, updates, progress)
    for start in range(0, len(changed), BATCH):
        chunk = changed[start : start + BATCH]
        Agreement.objects.bulk_update(chunk, ["status", "status_changed_at"], batch_size=BATCH)
        Agreement.history.bulk_history_create(
            chunk, update=True, default_change_reason="demo follow-up", batch_size=BATCH
        )

    # Lineage: later agreements that follow up or reiterate earlier ones.
    by_date = sorted(agreements, key=lambda a: (a.meeting.starts_on, a.pk))
    links = []
    for _ in range(len(agreements) // 30):
        earlier_index = rng.randrange(0, len(by_date) - 1)
        later_index = rng.randrange(earlier_index + 1, len(by_date))
        earlier, later = by_date[earlier_index], by_date[later_index]
        if earlier.meeting_id == later.meeting_id:
            continue
        links.append(
            AgreementLink(
                later=later,
                earlier=earlier,
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
        "follow-up updates": len(updates),
        "lineage links": len(links),
    }


def _bulk_unique_links(links: list[AgreementLink]) -> list[AgreementLink]:
    seen, unique = set(), []
    for link in links:
        key = (link.later.pk, link.earlier.pk, link.kind)
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
