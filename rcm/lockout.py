"""Sign-in lockouts (django-axes) with a second limit: failures from one address over all users."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler that also stops one address spraying passwords over many users.

    AXES_LOCKOUT_PARAMETERS locks one username from one address after AXES_FAILURE_LIMIT
    failures, so nobody elsewhere can lock someone else's account. An address also stops after
    AXES_ADDRESS_FAILURE_LIMIT failures over every username: higher, because colleagues share
    an office's address. A successful sign-in clears only that username's failures from that
    address, so an attacker cannot clear the address's count by signing in to their own account.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        """Failures to compare with AXES_FAILURE_LIMIT (Axes compares one number): this
        username's from this address, or the address's over all usernames, scaled so that
        AXES_ADDRESS_FAILURE_LIMIT of them reach it."""
        own = super().get_failures(request, credentials)
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        from_address = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        limit = get_failure_limit(request, credentials)
        return max(own, from_address * limit // settings.AXES_ADDRESS_FAILURE_LIMIT)
