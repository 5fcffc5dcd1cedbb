"""Who may start, steer and answer a written consultation: read by the services, the API, the
pages and the admin alike."""

from __future__ import annotations

from django.utils.translation import gettext as _

from consultations.models import Consultation, ConsultationRound
from rcm.models import Access, Presidency, Role


def speaks_for_ppt(access: Access, presidency: Presidency | None) -> bool:
    """A focal point of the presidency's country: the PPT's users."""
    return (
        presidency is not None
        and Role.FOCAL_POINT in access.roles
        and access.member_country == presidency.country_id
    )


def may_start(access: Access, presidency: Presidency | None) -> bool:
    """The PPT in office (its focal points) and TS staff start consultations."""
    return access.is_ts_staff or speaks_for_ppt(access, presidency)


def may_start_today(access: Access, today) -> bool:
    """`may_start` for the presidency in office on that day, asked of the database only for a
    member country's users (TS staff always may; observers and the public never do)."""
    if access.is_ts_staff or not access.member_country:
        return access.is_ts_staff
    return may_start(access, Presidency.objects.in_office(today))


def takes_part(access: Access) -> bool:
    """TS staff and the member countries act in consultations (the PPT steers them, the others
    answer); observers and the public only read them."""
    return access.is_ts_staff or access.member_country is not None


def may_steer(access: Access, consultation: Consultation) -> bool:
    """The proposing PPT's focal points and TS staff move a consultation along."""
    return access.is_ts_staff or speaks_for_ppt(access, consultation.presidency)


def answer_refusal(access: Access) -> str | None:
    """Why this user may not answer consultations at all, or None: a country answers through
    its focal points, and only for itself."""
    if access.member_country is None:
        if access.is_observer:
            return _("Observers do not answer consultations: member countries do.")
        return _(
            "Only a focal point of a member country answers a consultation; "
            "your account represents no member country."
        )
    if Role.FOCAL_POINT not in access.roles:
        return _("A country answers through its focal point.")
    return None


def may_answer(access: Access, round: ConsultationRound | None, now=None) -> bool:
    """A focal point of a country asked in an open round that its country has not answered."""
    if round is None or not round.is_open(now) or answer_refusal(access):
        return False
    if access.member_country not in round.asked_codes():
        return False
    return access.member_country not in round.answers_by_country()


def allowed_transitions(access: Access, consultation: Consultation) -> list[str]:
    """The next states this user may move the consultation to (reads prefetched rounds)."""
    if not may_steer(access, consultation):
        return []
    return consultation.next_states()
