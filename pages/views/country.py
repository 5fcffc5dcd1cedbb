"""A country's page: focal points, pending and overdue agreements, participation, presidencies and,
for those who may see them, its contributions."""

from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_safe

from agreements import selectors
from agreements.models import Agreement
from finance.selectors import country_finance_summary
from rcm import records_cache
from rcm.models import access_for


@require_safe
def country_page(request, code: str):
    """A country's page, kept until the records change (rcm.records_cache)."""
    return records_cache.kept_titled_page(
        request,
        "pages/country.html",
        "pages/_country_content.html",
        lambda: country_context(request, code),
        lambda context: context["country"].name,
    )


def country_context(request, code: str) -> dict:
    """A country's focal points, its pending and overdue agreements, meetings and presidencies.

    Two queries: the country with its lists and its overdue count, and its pending agreements;
    three more for its contributions when the user may see the finance records.
    """
    access = access_for(request.user)
    today = timezone.localdate()
    page = selectors.country_page(code.upper(), access=access, today=today)
    if page is None:
        raise Http404
    pending = list(
        selectors.pending_for_country_page(
            Agreement.objects.visible_to(access), page.country.code, limit=200
        )
    )
    participation_by_year: dict[int, list] = {}
    for participation in page.participations:
        participation_by_year.setdefault(participation.meeting.year, []).append(participation)
    return {
        "country": page.country,
        "status": page.status,
        "focal_points": page.focal_points,
        "may_see_contacts": access.may_see_contacts(),
        "pending": pending,
        "overdue_count": page.overdue_count,
        # Of the rows listed (each carries its states): as the table under the count shows them.
        "not_reported_count": sum(agreement.is_not_reported for agreement in pending),
        "stale_count": sum(agreement.is_stale for agreement in pending),
        "participation_by_year": participation_by_year,
        "presidencies": page.presidencies,
        "today": today,
        "finance_summary": country_finance_summary(country=page.country, access=access),
    }
