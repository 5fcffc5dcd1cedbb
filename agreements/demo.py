"""Demo meetings, agreements, follow-up and lineage, shaped like the real records (seed_demo).

Rows are written in bulk with their first history entries, so that even demo data keeps the
audit trail complete. Everything created here is marked demo=True (or belongs to a demo row).

The large tables (agreements, the countries and organisations they name, their themes and the
follow-up updates, about 1.3 million rows with their history at scale 10) go in through
PostgreSQL's COPY, and their history rows are copied from them inside the database with
INSERT … SELECT: the ORM's bulk_create builds a Python object per row and takes many minutes at
that size. Primary keys are drawn from each table's sequence first, so that rows can point at
each other before they exist.
"""

from __future__ import annotations

import datetime
import io
import random
from collections.abc import Callable, Iterable

from django.db import connection
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
COPY_CHUNK = 50_000
HISTORY_REASON = "demo data"

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
FOLLOW_UP_STATUSES = [Status.IN_PROGRESS, Status.DONE, Status.OPEN, Status.DROPPED]
FOLLOW_UP_WEIGHTS = [55, 30, 10, 5]


def weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


# --- Writing in bulk ---------------------------------------------------------------------------


def _bulk(model, objects: list, progress: Callable | None = None) -> list:
    """Insert in batches, with each row's first history entry (the audit stays complete)."""
    created = []
    for start in range(0, len(objects), BATCH):
        chunk = model.objects.bulk_create(objects[start : start + BATCH], batch_size=BATCH)
        if hasattr(model, "history"):
            model.history.bulk_history_create(
                chunk, default_change_reason=HISTORY_REASON, batch_size=BATCH
            )
        created.extend(chunk)
    if progress:
        progress(f"{model._meta.verbose_name_plural}: {len(created):,}")
    return created


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# The columns the generator writes, in order; create_demo checks them against the models so that
# a new field fails loudly here rather than shifting every value one column over.
AGREEMENT_COLUMNS = [
    "id", "meeting_id", "section", "group", "ref", "parent_id", "position", "text_en", "text_es",
    "action", "deadline", "deadline_text", "deadline_precision", "deadline_body",
    "addressed_to_body", "status", "status_changed_at", "follow_up_override",
    "follow_up_override_reason", "visibility", "demo", "source", "created_at", "updated_at",
]  # fmt: skip
STATUS_COLUMN = AGREEMENT_COLUMNS.index("status")
FOLLOW_UP_COLUMNS = [
    "id", "agreement_id", "country_id", "author_id", "created_at", "status", "note", "link",
    "evidence", "validation", "reviewed_by_id", "reviewed_at", "review_note", "demo",
]  # fmt: skip
LINK_COLUMNS = {
    AgreementCountry: ["id", "agreement_id", "country_id", "responsible", "status",
                       "status_changed_at"],
    AgreementOrganisation: ["id", "agreement_id", "organisation_id", "responsible"],
    Agreement.themes.through: ["id", "agreement_id", "theme_id", "suggested"],
}  # fmt: skip


def _columns(model) -> list[str]:
    """The columns a row of the model is written with: all but generated ones."""
    return [f.column for f in model._meta.concrete_fields if not getattr(f, "generated", False)]


def _check_columns() -> None:
    expected = {Agreement: AGREEMENT_COLUMNS, FollowUp: FOLLOW_UP_COLUMNS, **LINK_COLUMNS}
    for model, columns in expected.items():
        if _columns(model) != columns:
            raise RuntimeError(
                f"agreements/demo.py writes {model._meta.db_table} as {columns}, but the model "
                f"now has {_columns(model)}: update the generator."
            )


def _copy(cursor, model, rows: Iterable[tuple]) -> int:
    """COPY rows (tuples in the order of _columns) into the model's table, in chunks."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _columns(model))
    statement = f"COPY {table} ({columns}) FROM STDIN"
    buffer, pending, total = io.StringIO(), 0, 0
    for row in rows:
        buffer.write("\t".join(map(_copy_value, row)))
        buffer.write("\n")
        pending += 1
        if pending == COPY_CHUNK:
            buffer.seek(0)
            cursor.copy_expert(statement, buffer)
            total += pending
            buffer, pending = io.StringIO(), 0
    if pending:
        buffer.seek(0)
        cursor.copy_expert(statement, buffer)
        total += pending
    return total


def _reserve_ids(cursor, model, count: int) -> list[int]:
    """Primary keys for rows about to be copied, from the table's own sequence."""
    if not count:
        return []
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [model._meta.db_table, count],
    )
    return [row[0] for row in cursor.fetchall()]


def _ids_condition(ids: list[int]) -> tuple[str, list]:
    if ids and ids[-1] - ids[0] + 1 == len(ids):
        # nextval never hands out a value twice: a contiguous range holds only these rows.
        return "id BETWEEN %s AND %s", [ids[0], ids[-1]]
    return "id = ANY(%s)", [ids]


def _copy_history(
    cursor,
    model,
    ids: list[int],
    *,
    when: datetime.datetime,
    history_type: str = "+",
    reason: str = HISTORY_REASON,
    overrides: dict[str, str] | None = None,
) -> None:
    """Each row's history entry, copied from the row itself inside the database.

    `overrides` replaces a column's value by an SQL expression (the status a row was created
    with, before its follow-up changed it).
    """
    if not ids:
        return
    history = model.history.model
    quote = connection.ops.quote_name
    overrides = overrides or {}
    target, source, params = [], [], []
    for field in history._meta.concrete_fields:
        column = field.column
        if column == "history_id":
            continue
        target.append(quote(column))
        if column == "history_date":
            source.append("%s")
            params.append(when)
        elif column == "history_change_reason":
            source.append("%s")
            params.append(reason)
        elif column == "history_type":
            source.append("%s")
            params.append(history_type)
        elif column == "history_user_id":
            source.append("NULL")
        else:
            source.append(overrides.get(column, quote(column)))
    condition, condition_params = _ids_condition(ids)
    cursor.execute(
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(target)}) "
        f"SELECT {', '.join(source)} FROM {quote(model._meta.db_table)} WHERE {condition}",
        params + condition_params,
    )


# --- What the records look like ----------------------------------------------------------------


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


class _DemoAgreement:
    """What the generator needs to remember of an agreement while it writes the others."""

    __slots__ = ("pk", "meeting", "action", "status", "updates")

    def __init__(self, pk: int, meeting: Meeting, action: str):
        self.pk = pk
        self.meeting = meeting
        self.action = action
        self.status = Status.NO_FOLLOW_UP if action in NO_FOLLOW_UP_ACTIONS else Status.OPEN
        self.updates: list[str] = []

    @property
    def needs_follow_up(self) -> bool:
        return self.action not in NO_FOLLOW_UP_ACTIONS


def _update_times(
    agreement: _DemoAgreement, count: int, now: datetime.datetime
) -> list[datetime.datetime]:
    """When each of an agreement's updates was posted: spread from its meeting to now."""
    meeting_day = agreement.meeting.ends_on or agreement.meeting.starts_on
    start = datetime.datetime.combine(meeting_day, datetime.time(12), tzinfo=datetime.UTC)
    start = min(start, now - datetime.timedelta(days=1))
    span = now - start
    return [start + span * (step + 1) / (count + 1) for step in range(count)]


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
                if action in NO_FOLLOW_UP_ACTIONS:
                    deadline, deadline_text, precision = None, "", ""
                text = (
                    PHRASES[action]
                    .format(actor=actor.name_en, topic=topic, deadline=deadline_text)
                    .replace("  ", " ")
                )
                section = Section.CONCLUSION if rng.random() < 0.85 else Section.RECOMMENDATION
                agreement = _DemoAgreement(pk, meeting, action)
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
                        f"Tema: {SPANISH_TOPICS[topic]}." if topic in SPANISH_TOPICS else "",
                        action,
                        deadline,
                        deadline_text,
                        precision,
                        "",
                        "",
                        agreement.status,
                        None,
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
        # status its follow-up brought, as the follow-up service records it.
        initial_status = (
            f"CASE WHEN action IN ({', '.join(repr(str(a)) for a in NO_FOLLOW_UP_ACTIONS)}) "
            f"THEN '{Status.NO_FOLLOW_UP}' ELSE '{Status.OPEN}' END"
        )
        _copy_history(
            cursor,
            Agreement,
            agreement_ids,
            when=now,
            overrides={"status": initial_status, "status_changed_at": "NULL"},
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
        _copy(cursor, FollowUp, _follow_up_rows(to_follow, iter(update_ids), now))
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
