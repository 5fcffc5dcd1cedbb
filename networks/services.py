"""Workflows on the networks: progress updates on work-plan items, and the networks' meetings."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Status
from meetings.models import Meeting, MeetingKind
from meetings.services import meeting_set_participants
from networks.models import MEETING_KINDS_OF, Network, WorkPlanItem, WorkPlanItemUpdate
from networks.rules import may_record_network_meeting, may_update_item
from rcm.models import User, access_for


@transaction.atomic
def work_plan_item_record_update(
    *, item: WorkPlanItem, author: User, status: str, note: str = ""
) -> WorkPlanItemUpdate:
    """Record where an item stands; the item takes the status of its latest update at once."""
    access = access_for(author)
    if not may_update_item(access, item):
        raise PermissionDenied(
            _("You may post updates only on items your country is responsible for.")
        )
    item = WorkPlanItem.objects.select_for_update().get(pk=item.pk)
    note = (note or "").strip()
    if status == item.status and not note:
        raise ValidationError(
            {
                "note": _(
                    "The item is already %(status)s: say what progress to record, "
                    "or choose another status."
                )
                % {"status": Status(item.status).label.lower()}
            }
        )
    update = WorkPlanItemUpdate(
        item=item,
        author=author,
        country_id=None if access.is_ts_staff else access.member_country,
        status=status,
        note=note,
        created_at=timezone.now(),
    )
    update.full_clean()
    update.save()
    if item.status != status:
        item.status = status
        item.status_changed_at = update.created_at
        item.save(update_fields=["status", "status_changed_at"])
    update.item = item
    return update


@transaction.atomic
def network_meeting_create(
    *, network: Network, author: User, participants: list[dict] | None = None, **fields
) -> Meeting:
    """Record a meeting of a network in the meetings app, with who took part.

    The meeting's kind follows the network's (a liaison network meets as a liaison network
    meeting unless the meeting is a joint one). Participants are held to the conference's rules,
    among them that networks and working groups admit observers only when invited; one that
    breaks a rule leaves nothing recorded.
    """
    if not may_record_network_meeting(access_for(author)):
        raise PermissionDenied(_("Only TS staff record the meetings of the networks."))
    allowed = MEETING_KINDS_OF[network.kind]
    kind = fields.pop("kind", None) or allowed[0]
    if kind not in allowed:
        raise ValidationError(
            {
                "kind": _("A meeting of %(network)s is a %(kinds)s.")
                % {
                    "network": network,
                    "kinds": " / ".join(str(MeetingKind(k).label).lower() for k in allowed),
                }
            }
        )
    meeting = Meeting(kind=kind, **fields)
    meeting.full_clean()
    meeting.save()
    if participants:
        meeting_set_participants(meeting=meeting, participants=participants)
    network.meetings.add(meeting)
    return meeting
