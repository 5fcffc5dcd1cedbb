"""Consultations for tests: a Troika, its focal points, and consultations at each step.

Every step goes through the services, so that a test starts from a record the workflow itself
could have produced.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from consultations import services
from consultations.models import Consultation
from rcm.models import Country, User
from tests.factories import PresidencyFactory, focal_point_user, member_country, ts_staff_user

MEXICO_TIME = ZoneInfo("America/Mexico_City")

NAMES = {
    "MX": ("Mexico", "México"),
    "GT": ("Guatemala", "Guatemala"),
    "CR": ("Costa Rica", "Costa Rica"),
    "HN": ("Honduras", "Honduras"),
    "SV": ("El Salvador", "El Salvador"),
    "PA": ("Panama", "Panamá"),
    "NI": ("Nicaragua", "Nicaragua"),
    "BZ": ("Belize", "Belice"),
    "CA": ("Canada", "Canadá"),
    "US": ("United States", "Estados Unidos"),
    "DO": ("Dominican Republic", "República Dominicana"),
}


def at(day: str, hour: int = 10, zone: ZoneInfo = MEXICO_TIME) -> datetime.datetime:
    """An aware moment: `at("2026-12-17")` is 10:00 in Mexico City that day."""
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=zone
    )


def country(code: str) -> Country:
    name_en, name_es = NAMES.get(code, (f"Country {code}", f"País {code}"))
    return member_country(code, name_en=name_en, name_es=name_es)


@dataclass
class Conference:
    """Member countries with one focal point each, a Troika (GT, MX in office, CR) and the TS."""

    year: int
    countries: dict[str, Country] = field(default_factory=dict)
    focal_points: dict[str, User] = field(default_factory=dict)
    ts: User | None = None

    @property
    def ppt(self) -> User:
        return self.focal_points["MX"]

    @property
    def troika(self) -> list[str]:
        return ["CR", "GT", "MX"]

    @property
    def members(self) -> list[str]:
        return sorted(self.countries)


def conference(year: int = 2026, members=("MX", "GT", "CR")) -> Conference:
    """Mexico holds the presidency in `year`, after Guatemala and before Costa Rica."""
    setting = Conference(year=year)
    for code in dict.fromkeys(["MX", "GT", "CR", *members]):
        setting.countries[code] = country(code)
        setting.focal_points[code] = focal_point_user(
            setting.countries[code], username=f"focal-{code.lower()}", language="en"
        )
    PresidencyFactory(year=year - 1, country=setting.countries["GT"])
    PresidencyFactory(year=year, country=setting.countries["MX"])
    PresidencyFactory(year=year + 1, country=setting.countries["CR"])
    setting.ts = ts_staff_user(username="ts-secretariat")
    return setting


def drafted(setting: Conference, *, now=None, **fields) -> Consultation:
    fields = {
        "subject": "Joint statement on the migrant caravan",
        "text_en": "To issue a joint statement on the protection of migrants in transit.",
        "text_es": "Emitir una declaración conjunta sobre la protección de migrantes en tránsito.",
        **fields,
    }
    return services.consultation_create(by=setting.ppt, now=now or at("2026-12-16"), **fields)


def in_troika_review(setting: Conference, *, now=None, **fields) -> Consultation:
    """Sent to the Troika on Thursday 17 December 2026 (deadline: the 24th)."""
    now = now or at("2026-12-17")
    consultation = drafted(setting, now=now - datetime.timedelta(days=1), **fields)
    return services.consultation_send_to_troika(consultation=consultation, by=setting.ppt, now=now)


def answer_all(setting: Conference, consultation: Consultation, codes, answer="agree", *, now):
    for code in codes:
        text = "Add a reference to the Regional Guidelines." if answer == "propose_changes" else ""
        services.consultation_answer(
            consultation=consultation,
            by=setting.focal_points[code],
            answer=answer,
            text=text,
            now=now,
        )


def in_members_round(setting: Conference, *, start=None, now=None, **fields) -> Consultation:
    """Sent to the Troika at `start` (Thursday 17 December 2026 by default), which agreed two
    hours later; the members' round opened at `now` (by default the next day)."""
    start = start or at("2026-12-17")
    consultation = in_troika_review(setting, now=start, **fields)
    answer_all(setting, consultation, setting.troika, now=start + datetime.timedelta(hours=2))
    now = now or start + datetime.timedelta(days=1)
    return services.consultation_open_round(consultation=consultation, by=setting.ppt, now=now)


def agreed(setting: Conference, *, start=None, now=None, **fields) -> Consultation:
    """Every member agreed four days after `start`; the PPT recorded the agreement at `now`
    (by default the day after: 22 December 2026)."""
    start = start or at("2026-12-17")
    consultation = in_members_round(setting, start=start, **fields)
    answer_all(setting, consultation, setting.members, now=start + datetime.timedelta(days=4))
    now = now or start + datetime.timedelta(days=5)
    return services.consultation_agree(consultation=consultation, by=setting.ppt, now=now)
