"""How much demo data a scale makes, and in what proportions."""

from __future__ import annotations

import random

from agreements.models import (
    Action,
    Status,
)
from meetings.models import MeetingKind

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
