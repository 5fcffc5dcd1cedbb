"""What every finance record shares: money in US dollars to the cent, and who may see it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
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


def decided_at(verbose_name: str, related_name: str) -> models.ForeignKey:
    """The meeting that took a step on a finance record (recommended or approved it)."""
    return models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def decided_by(verbose_name: str, related_name: str) -> models.ForeignKey:
    """The agreement of that meeting that records the step."""
    return models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def decision_errors(record: models.Model, step: str) -> dict[str, str]:
    """`step`'s agreement (`<step>_agreement`) was adopted at `step`'s meeting: the meeting,
    left out, is taken from the agreement; another meeting is an error on the agreement."""
    agreement = getattr(record, f"{step}_agreement")
    if agreement is None:
        return {}
    if getattr(record, f"{step}_meeting_id") is None:
        setattr(record, f"{step}_meeting_id", agreement.meeting_id)
    elif getattr(record, f"{step}_meeting_id") != agreement.meeting_id:
        return {f"{step}_agreement": _("The agreement was adopted at another meeting.")}
    return {}


# The field each `positive` constraint guards, by the constraint's name.
_POSITIVE_FIELDS: dict[str, str] = {}


def positive(field: str, name: str, message: str) -> models.CheckConstraint:
    """The database's own guard that an amount is more than zero."""
    _POSITIVE_FIELDS[name] = field
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gt": 0}), name=name, violation_error_message=message
    )


def positive_errors(record: models.Model) -> dict[str, str]:
    """The amounts of `record` that its model's `positive` constraints refuse, each on its field
    with the constraint's message: a form says it on the field before the database refuses."""
    errors = {}
    for constraint in record._meta.constraints:
        field = _POSITIVE_FIELDS.get(constraint.name)
        value = getattr(record, field) if field else None
        if value is not None and value <= 0:
            errors[field] = constraint.violation_error_message
    return errors


class PositiveAmounts:
    """Mixin for a finance model whose only rule beyond its fields is its `positive` amounts."""

    def clean(self):
        if errors := positive_errors(self):
            raise ValidationError(errors)


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
