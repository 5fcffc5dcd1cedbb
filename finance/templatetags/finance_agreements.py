"""The countries' standing on an agreement that urges payments, on the agreement's page.

A template tag, so that the agreements app, which finance builds on, need not import finance.
"""

from django import template

from finance.agreement_standing import agreement_standing
from rcm.models import access_for

register = template.Library()


@register.inclusion_tag("finance/_agreement_standing.html", takes_context=True)
def agreement_payments(context, agreement):
    """Members and the TS see the figures; everyone else sees nothing of it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"standing": agreement_standing(agreement=agreement, access=access_for(user))}
