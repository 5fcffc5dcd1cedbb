"""What every finance record shares: money in US dollars to the cent, and who may see it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rcm.models import Access, access_for

CURRENCY = "USD"
MAX_DIGITS = 12  # up to US$9,999,999,999.99: far beyond any budget of the conference
DECIMAL_PLACES = 2


def money(verbose_name: str, **kwargs) -> models.DecimalField:
    """An amount of money in US dollars, exact to the cent (never a float)."""
    kwargs.setdefault("help_text", _("In US dollars (USD), to the cent."))
    return models.DecimalField(
        verbose_name, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs
    )


def positive(field: str, name: str, message: str) -> models.CheckConstraint:
    """The database's own guard that an amount is more than zero."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gt": 0}), name=name, violation_error_message=message
    )


def may_see_finance(access: Access) -> bool:
    """Finance records are members-only: the TS and the member governments' users see them.

    The whole contributions table is shown to every member government, as the RCGM hears it in
    the TS's Activity and Financial Report; observers and the public see none of it.
    """
    return access.may_see_members_records()


class FinanceQuerySet(models.QuerySet):
    """Visibility of finance records: one rule for the API, the pages and the exports."""

    def visible_to(self, user_or_access):
        access = (
            user_or_access if isinstance(user_or_access, Access) else access_for(user_or_access)
        )
        return self if may_see_finance(access) else self.none()
