"""Reminder digests: one e-mail per focal point, in its language, of what its country has due.

A digest lists the agreements the country is responsible for whose deadline falls in the next
14 days or has passed (still open or in progress), the consultation rounds awaiting the
country's answer, and the meetings of the next 30 days. `python manage.py send_reminders` sends
them; the admin previews them.

A digest spans the apps (agreements, meetings, consultations), so it lives with the pages that
span them.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements.models import Agreement, ReminderLog
from consultations.selectors import rounds_awaiting as consultation_rounds_awaiting
from consultations.services import consultation_close_due_rounds
from meetings.models import Meeting
from rcm.models import Access, Country, FocalPoint, Role, User

logger = logging.getLogger(__name__)

DEADLINES_AHEAD = datetime.timedelta(days=14)
MEETINGS_AHEAD = datetime.timedelta(days=30)
# A digest identical to one sent less than a week ago is not sent again: an overdue agreement
# stays overdue for months, and a daily e-mail saying the same would soon go unread.
UNCHANGED_DIGEST_PAUSE = datetime.timedelta(days=7)


def rounds_awaiting(country_code: str, now: datetime.datetime) -> list:
    """The consultation rounds awaiting the country's answer, the next deadline first."""
    return list(consultation_rounds_awaiting(country_code, now))


def close_due_rounds(now: datetime.datetime) -> int:
    """Close the consultation rounds whose deadline has passed; how many were closed."""
    return consultation_close_due_rounds(now=now)


@dataclass(frozen=True)
class Recipient:
    """Someone who receives digests: a focal point's contact, or a focal point's account."""

    email: str
    name: str
    country: Country
    language: str
    user_id: int | None = None

    @property
    def access(self) -> Access:
        """What the digest may show: what a focal point of the country sees."""
        return Access(
            user_id=self.user_id,
            is_ts_staff=False,
            member_country=self.country.code,
            observer_country=None,
            observer_organisation=None,
            roles=frozenset({Role.FOCAL_POINT}),
        )


@dataclass
class Digest:
    """The items due for one recipient on one day."""

    recipient: Recipient
    today: datetime.date
    agreements: list[Agreement] = field(default_factory=list)
    rounds: list = field(default_factory=list)  # consultation rounds awaiting an answer
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.agreements) + len(self.rounds) + len(self.meetings)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def fingerprint(self) -> str:
        """Identifies the items and where they stand, so that an unchanged digest is known."""
        items = (
            [["agreement", a.pk, str(a.deadline), a.status] for a in self.agreements]
            + [["round", r.pk, r.closes_at.isoformat()] for r in self.rounds]
            + [["meeting", m.pk, str(m.starts_on), m.status] for m in self.meetings]
        )
        payload = orjson.dumps([self.recipient.country.code, self.recipient.language, items])
        return hashlib.sha256(payload).hexdigest()


def recipients(*, today: datetime.date) -> list[Recipient]:
    """Active focal points with an e-mail, and signed-up focal points, of the member countries.

    One recipient per address: a contact the country declared comes before an account.
    """
    members = list(Country.objects.members(today).values_list("code", flat=True))
    found: dict[str, Recipient] = {}
    contacts = (
        FocalPoint.objects.filter(active=True, country_id__in=members)
        .exclude(email="")
        .select_related("country", "user")
        .order_by("country_id", "pk")
    )
    for contact in contacts:
        user = contact.user if contact.user is not None and contact.user.is_active else None
        email = contact.email.strip().lower()
        found.setdefault(
            email,
            Recipient(
                email=email,
                name=contact.person_name,
                country=contact.country,
                language=contact.language,
                user_id=user.pk if user else None,
            ),
        )
    accounts = (
        User.objects.filter(is_active=True, groups__name=Role.FOCAL_POINT, country_id__in=members)
        .exclude(email="")
        .select_related("country")
        .distinct()
        .order_by("country_id", "pk")
    )
    for user in accounts:
        email = user.email.strip().lower()
        found.setdefault(
            email,
            Recipient(
                email=email,
                name=user.get_full_name(),
                country=user.country,
                language=user.language,
                user_id=user.pk,
            ),
        )
    return sorted(found.values(), key=lambda recipient: (recipient.country.code, recipient.email))


def digest_for(recipient: Recipient, *, today: datetime.date, now: datetime.datetime) -> Digest:
    """What is due for the recipient's country (three queries)."""
    access = recipient.access
    code = recipient.country.code
    agreements = (
        Agreement.objects.visible_to(access)
        .pending_for_country(code)
        .filter(deadline__isnull=False, deadline__lte=today + DEADLINES_AHEAD)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .order_by("deadline", "meeting_id", "position")
    )
    rounds = rounds_awaiting(code, now)
    meetings = (
        Meeting.objects.visible_to(access)
        .upcoming(today)
        .filter(parent__isnull=True, starts_on__isnull=False)
        .filter(starts_on__lte=today + MEETINGS_AHEAD)
        .select_related("country", "parent")
        .order_by("starts_on", "pk")
    )
    return Digest(recipient, today, list(agreements), rounds, list(meetings))


def render_digest(digest: Digest) -> EmailMultiAlternatives:
    """The e-mail, written in the recipient's language."""
    recipient = digest.recipient
    with translation.override(recipient.language):
        context = {
            "digest": digest,
            "recipient": recipient,
            "country": recipient.country,
            "today": digest.today,
            "agreements": digest.agreements,
            "rounds": digest.rounds,
            "meetings": digest.meetings,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = ngettext(
            "RCM Records: %(count)d item for %(country)s",
            "RCM Records: %(count)d items for %(country)s",
            digest.count,
        ) % {"count": digest.count, "country": recipient.country.name}
        text = render_to_string("agreements/email/reminder_digest.txt", context)
        html = render_to_string("agreements/email/reminder_digest.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[recipient.email],
        headers={"Content-Language": recipient.language},
    )
    message.attach_alternative(html, "text/html")
    return message


@dataclass
class Summary:
    today: datetime.date
    recipients: int = 0
    sent: int = 0
    already_sent: int = 0
    unchanged: int = 0
    nothing_due: int = 0
    failed: int = 0
    rounds_closed: int = 0
    dry_run: bool = False

    def line(self) -> str:
        verb = _("would be sent") if self.dry_run else _("sent")
        return _(
            "%(day)s: %(sent)d digests %(verb)s to %(total)d focal points; %(already)d already "
            "sent today, %(unchanged)d unchanged since an earlier digest, %(empty)d with nothing "
            "due, %(failed)d failed; %(closed)d consultation rounds closed."
        ) % {
            "day": self.today.isoformat(),
            "sent": self.sent,
            "verb": verb,
            "total": self.recipients,
            "already": self.already_sent,
            "unchanged": self.unchanged,
            "empty": self.nothing_due,
            "failed": self.failed,
            "closed": self.rounds_closed,
        }


def _claim(recipient: Recipient, digest: Digest) -> ReminderLog | None:
    """Record the digest as sent before sending it, so that two runs never both send it."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(
                email=recipient.email,
                date=digest.today,
                digest_hash=digest.fingerprint,
                items=digest.count,
                language=recipient.language,
            )
    except IntegrityError:
        return None


def send_reminders(
    *,
    today: datetime.date,
    now: datetime.datetime,
    dry_run: bool = False,
    progress: Callable[[int, int, Recipient, str], None] | None = None,
) -> Summary:
    """Send each focal point its digest for `today`, once; say what happened to each."""
    summary = Summary(today=today, dry_run=dry_run)
    everyone = recipients(today=today)
    summary.recipients = len(everyone)
    sent_today = set(ReminderLog.objects.filter(date=today).values_list("email", flat=True))
    recent = set(
        ReminderLog.objects.filter(
            date__gt=today - UNCHANGED_DIGEST_PAUSE, date__lte=today
        ).values_list("email", "digest_hash")
    )
    for index, recipient in enumerate(everyone, start=1):
        outcome = _send_one(recipient, today, now, dry_run, sent_today, recent, summary)
        if progress is not None:
            progress(index, len(everyone), recipient, outcome)
    return summary


def _send_one(recipient, today, now, dry_run, sent_today, recent, summary) -> str:
    if recipient.email in sent_today:
        summary.already_sent += 1
        return _("already sent today")
    digest = digest_for(recipient, today=today, now=now)
    if digest.is_empty:
        summary.nothing_due += 1
        return _("nothing due")
    if (recipient.email, digest.fingerprint) in recent:
        summary.unchanged += 1
        return _("unchanged since an earlier digest")
    if dry_run:
        summary.sent += 1
        return _("would be sent (%(count)d items)") % {"count": digest.count}
    log = _claim(recipient, digest)
    if log is None:
        summary.already_sent += 1
        return _("already sent today")
    try:
        render_digest(digest).send()
    except Exception as error:  # one bad address must not stop the others
        log.delete()
        logger.exception("Reminder to %s failed", recipient.email)
        summary.failed += 1
        return _("failed: %(error)s") % {"error": error}
    summary.sent += 1
    return _("sent (%(count)d items)") % {"count": digest.count}
