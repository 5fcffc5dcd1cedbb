from networks.models.networks import (
    CONTACT_FIELDS,
    MEETING_KINDS_OF,
    MemberRole,
    Network,
    NetworkKind,
    NetworkMember,
    NetworkMemberQuerySet,
    NetworkQuerySet,
)
from networks.models.plans import (
    ITEM_STATUSES,
    SET_ASIDE_STATUSES,
    WorkPlan,
    WorkPlanItem,
    WorkPlanItemQuerySet,
    WorkPlanItemUpdate,
    WorkPlanQuerySet,
)
from networks.models.reports import NetworkReport, NetworkReportQuerySet

__all__ = [
    "CONTACT_FIELDS",
    "ITEM_STATUSES",
    "SET_ASIDE_STATUSES",
    "MEETING_KINDS_OF",
    "MemberRole",
    "Network",
    "NetworkKind",
    "NetworkMember",
    "NetworkMemberQuerySet",
    "NetworkQuerySet",
    "NetworkReport",
    "NetworkReportQuerySet",
    "WorkPlan",
    "WorkPlanItem",
    "WorkPlanItemQuerySet",
    "WorkPlanItemUpdate",
    "WorkPlanQuerySet",
]
