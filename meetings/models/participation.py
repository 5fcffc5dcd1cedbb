"""Who took part in a meeting and in what role, who hosted or supported it, and the
conference's rules of who may take part."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models.choices import NETWORK_KINDS, MeetingKind, MeetingPart
from meetings.models.meetings import Meeting
from rcm.fields import check_one_party, country_party, one_party_constraint, organisation_party
from rcm.models import (
    ChoiceLabels,
    Country,
    CountryStatus,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    source,
)

__all__ = [
    "MeetingSupport",
    "Participation",
    "ParticipationRole",
    "SupportRole",
    "participation_problem",
]


class ParticipationRole(models.TextChoices):
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")
    INVITED_GUEST = "invited_guest", _("Invited guest")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class Participation(ChoiceLabels, models.Model):
    """A country or an organisation that took part in a meeting, and in what role."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    country = country_party("participations", verbose_name=_("country"))
    organisation = organisation_party("participations", verbose_name=_("organisation"))
    role = models.CharField(_("role"), max_length=15, choices=ParticipationRole.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)
    source = source()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "country", "organisation"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            one_party_constraint("participant_is_a_country_or_an_organisation"),
            models.UniqueConstraint(
                fields=["meeting", "country"],
                condition=Q(country__isnull=False),
                name="country_takes_part_once",
                violation_error_message=_("This country already takes part in the meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=Q(organisation__isnull=False),
                name="organisation_takes_part_once",
                violation_error_message=_("This organisation already takes part in the meeting."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} ({self.get_role_display()})"

    @property
    def participant(self):
        return self.country or self.organisation

    def clean(self):
        check_one_party(self)
        if not self.meeting_id:
            return
        problem = participation_problem(
            meeting=self.meeting,
            country=self.country,
            organisation=self.organisation,
            role=self.role,
        )
        if problem:
            raise ValidationError(problem)


def participation_problem(
    *, meeting: Meeting, country: Country | None, organisation: Organisation | None, role: str
) -> str | None:
    """The conference rule a participation breaks, in words, or None when it is allowed."""
    invited = role == ParticipationRole.INVITED_GUEST
    # A meeting whose year is not stated is judged by today's membership.
    on = meeting.reference_date or timezone.localdate()
    if country is not None:
        status = (
            CountryStatus.objects.filter(country=country)
            .in_force(on)
            .values_list("status", flat=True)
            .first()
        )
        if role == ParticipationRole.MEMBER and status != MembershipStatus.MEMBER:
            return _("%(country)s was not a member country on %(date)s.") % {
                "country": country,
                "date": on,
            }
        if role == ParticipationRole.CIVIL_SOCIETY:
            return _("A country takes part as a member, an observer or an invited guest.")
        if meeting.part == MeetingPart.CLOSED_DOOR and status != MembershipStatus.MEMBER:
            return _(
                "The closed-door part is for member countries only; %(country)s is not one."
            ) % {"country": country}
        if status == MembershipStatus.OBSERVER and meeting.kind == MeetingKind.RCGM:
            return _(
                "Observer states do not sit in the RCGM: %(country)s is an observer state."
            ) % {"country": country}
        if status != MembershipStatus.MEMBER and meeting.kind in NETWORK_KINDS and not invited:
            return _(
                "Networks and working groups admit observers only when invited: "
                "mark %(country)s as an invited guest."
            ) % {"country": country}
        return None
    if role == ParticipationRole.MEMBER:
        return _("Only countries take part as members.")
    if meeting.part == MeetingPart.CLOSED_DOOR:
        return _("The closed-door part is for member countries only; %(org)s cannot attend.") % {
            "org": organisation
        }
    is_civil_society = organisation.kind == OrganisationKind.CIVIL_SOCIETY
    if role == ParticipationRole.CIVIL_SOCIETY and not is_civil_society:
        return _("%(org)s is not a civil-society network.") % {"org": organisation}
    if meeting.kind in NETWORK_KINDS and not invited and not is_civil_society:
        return _(
            "Networks and working groups admit observers only when invited: "
            "mark %(org)s as an invited guest."
        ) % {"org": organisation}
    return None


class SupportRole(models.TextChoices):
    HOST = "host", _("Host")
    CO_SPONSOR = "co_sponsor", _("Co-sponsor")
    FINANCING = "financing", _("Financing")
    SUPPORT = "support", _("Support")


class MeetingSupport(models.Model):
    """A country or organisation that hosts, sponsors, finances or supports a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supports")
    country = country_party("supports")
    organisation = organisation_party("supports")
    role = models.CharField(_("role"), max_length=12, choices=SupportRole.choices)
    source = source()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role"]
        verbose_name = _("host or sponsor")
        verbose_name_plural = _("hosts and sponsors")
        constraints = [
            one_party_constraint("supporter_is_a_country_or_an_organisation"),
            models.UniqueConstraint(
                fields=["meeting", "country", "organisation", "role"],
                name="one_support_role_per_supporter",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country or self.organisation} ({self.get_role_display()})"

    def clean(self):
        check_one_party(self)
