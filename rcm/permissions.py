from rest_framework import permissions

from rcm import rules
from rcm.models import access_for


class ReadPublicWriteStaff(permissions.BasePermission):
    """Anyone may read what the visibility rules let them see; only TS staff write.

    Which rows a reader sees is the queryset's business (`visible_to`), so that a record
    outside a user's reach answers 404 rather than 403 and never reveals that it exists.
    """

    message = "Only Technical Secretariat staff may change these records."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return rules.may_change_records(access_for(request.user))


class TSStaffOnly(permissions.BasePermission):
    message = "Only Technical Secretariat staff may use this."

    def has_permission(self, request, view):
        return rules.may_use_staff_tools(access_for(request.user))
