"""Every route × every role × every method answers as the access rules say.

The routes come from the URL configuration: a new route without a row here fails the suite.
Each row names the route's profile — who may read, who may write — and, for routes with an
object, the statuses for an object that only members may see (it must answer 404, never its
contents, to those who may not see it).
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver
from rest_framework.test import APIClient

from rcm.testing.shared_rows import built_once
from tests.reliability.matrix_world import METHODS, ROLES, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def world(django_db_setup, django_db_blocker):
    # Built once: each row's test is rolled back to it, so a row's writes never reach the next.
    yield from built_once(django_db_blocker, signed_in_world)


def signed_in_world() -> dict:
    world = build_world()
    # Each role signs in once; every request presents its session cookie, as a browser does (a
    # row's sign-out is rolled back with the rest of its test).
    world["sessions"] = {
        role: session_key(user) for role, user in world["users"].items() if user is not None
    }
    return world


def session_key(user) -> str:
    client = APIClient()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


ANON, OBS, FP, OTHER, OFFICER, TS, SUPER = ROLES
NON_STAFF = [OBS, FP, OTHER, OFFICER]
STAFF = [TS, SUPER]
MEMBERS = [FP, OTHER, OFFICER, TS, SUPER]


def every(status: int, roles=ROLES) -> dict[str, int]:
    return {role: status for role in roles}


def combine(*parts: dict) -> dict[str, int]:
    merged: dict[str, int] = {}
    for part in parts:
        merged.update(part)
    return merged


@dataclass
class Row:
    """Expected statuses: method → role → status; `hidden` for the members-only object."""

    path: str
    expect: dict[str, dict[str, int]]
    hidden: dict[str, dict[str, int]] = field(default_factory=dict)
    kwargs: str = ""
    api: bool = False


def page(path, *, kwargs="", hidden_get=None, get=None) -> Row:
    """A page everyone may read; it answers 405 to writes."""
    expect = {method: every(405) for method in METHODS}
    expect["GET"] = get or every(200)
    hidden = {"GET": hidden_get} if hidden_get else {}
    return Row(path, expect, hidden, kwargs)


def staff_page(path, *, methods=("GET",), ok=200) -> Row:
    expect = {method: every(405, ROLES[1:]) | {ANON: 302} for method in METHODS}
    for method in methods:
        expect[method] = combine({ANON: 302}, every(403, NON_STAFF), every(ok, STAFF))
    return Row(path, expect)


# The API checks who may write before what the request asks: a write by someone who may not
# write is refused (401 anonymous, 403 others) even where the method itself is not offered.
GATED = combine({ANON: 401}, every(403, NON_STAFF))


def refused_or(status: int) -> dict[str, int]:
    return combine(GATED, every(status, STAFF))


def api_list(path, *, post=None, unsupported=None) -> Row:
    expect = {method: unsupported or refused_or(405) for method in ("PUT", "PATCH", "DELETE")}
    expect["GET"] = every(200)
    expect["POST"] = post or refused_or(400)
    return Row(path, expect, api=True)


def api_detail(
    path, kwargs, *, hidden_get=None, write=None, delete=None, post=None, members_only=False
) -> Row:
    expect = {method: write or refused_or(428) for method in ("PUT", "PATCH")}
    expect["DELETE"] = delete or write or refused_or(428)
    expect["GET"] = MEMBERS_ONLY if members_only else every(200)
    expect["POST"] = post or refused_or(405)
    hidden = {"GET": hidden_get} if hidden_get else {}
    return Row(path, expect, hidden, kwargs, api=True)


def api_read_only(path, kwargs="", *, gated=True, get=None) -> Row:
    expect = {method: refused_or(405) if gated else every(405) for method in METHODS}
    expect["GET"] = get or every(200)
    return Row(path, expect, {}, kwargs, api=True)


MEMBERS_ONLY = combine(every(404, [ANON, OBS]), every(200, MEMBERS))
# A consultation in its members' round: the asked countries' users; a draft: the PPT's focal
# points and the TS (a network officer of the PPT's country reads as members do).
ASKED = MEMBERS_ONLY
PPT_AND_TS = combine(every(404), every(200, [FP, *STAFF]))
LOGIN_FIRST = combine({ANON: 302}, every(200, ROLES[1:]))
FINANCE_RESOURCES = {
    "contribution-scales": "contribution-scale",
    "assessments": "assessment",
    "payments": "payment",
    "budgets": "budget",
    "expenditures": "expenditure",
    "financial-reports": "financial-report",
    "reserve-fund": "reserve-fund-movement",
    "agreements-on-payments": "agreement-on-payments",
}


def members_page(path, *, kwargs="") -> Row:
    """Finance pages: anonymous visitors are asked to sign in; observers find nothing."""
    expect = {method: every(405) for method in METHODS}
    expect["GET"] = combine({ANON: 302, OBS: 404}, every(200, MEMBERS))
    return Row(path, expect, {}, kwargs)


MATRIX: dict[str, Row] = {
    # --- pages ---------------------------------------------------------------------------------
    "home": page("/"),
    "presidencies": page("/presidencies/"),
    "observers": page("/observers/"),
    "health": page("/health/"),
    "meetings:list": page("/meetings/"),
    "meeting": page("/meetings/{}/", kwargs="pk:meeting", hidden_get=MEMBERS_ONLY),
    "agreements:dashboard": page("/follow-up/"),
    "agreements:export": page("/follow-up/export.csv"),
    "agreements:matrix": page("/follow-up/matrix/"),
    "agreements:matrix_export": page("/follow-up/matrix/export.xlsx"),
    "pages:search": page("/search/?q=urge"),
    "pages:country": page("/countries/{}/", kwargs="code"),
    "agreements:evidence": page(
        "/follow-ups/{}/evidence", kwargs="pk:follow_up", hidden_get=MEMBERS_ONLY
    ),
    "agreements:detail": Row(
        "/agreements/{}/",
        {
            "GET": every(200),
            # Posting an update: the responsible focal point and TS staff (an empty form comes
            # back with its errors, 200); everyone else is refused.
            "POST": combine(every(403), every(200, [FP, TS, SUPER])),
            **{method: every(405) for method in ("PUT", "PATCH", "DELETE")},
        },
        {"GET": MEMBERS_ONLY},
        "pk:agreement",
    ),
    "agreements:validation": staff_page("/follow-up/validation/"),
    "agreements:validation_decision": Row(
        "/follow-up/validation/{}/",
        {
            "GET": combine({ANON: 302}, every(405, ROLES[1:])),
            "POST": combine({ANON: 302}, every(403, NON_STAFF), every(302, STAFF)),
            **{m: combine({ANON: 302}, every(405, ROLES[1:])) for m in ("PUT", "PATCH", "DELETE")},
        },
        kwargs="pk:proposal",
    ),
    "calendar": page("/calendar/"),
    "calendar_ics": page("/calendar.ics"),
    "country_calendar_ics": page("/countries/{}/calendar.ics", kwargs="code"),
    # Signed-in users keep their own calendar feed tokens (an empty form comes back, 200).
    "feed_tokens": Row(
        "/calendar/feeds/",
        {
            "GET": LOGIN_FIRST,
            "POST": LOGIN_FIRST,
            **{m: combine({ANON: 302}, every(405, ROLES[1:])) for m in ("PUT", "PATCH", "DELETE")},
        },
    ),
    # Revoking a token that is not one's own finds nothing.
    "feed_token": Row(
        "/calendar/feeds/999999/",
        {
            "POST": combine({ANON: 302}, every(404, ROLES[1:])),
            **{
                m: combine({ANON: 302}, every(405, ROLES[1:]))
                for m in ("GET", "PUT", "PATCH", "DELETE")
            },
        },
    ),
    # --- a meeting's agenda; a member country's workspace ----------------------------------
    "pages:agenda": page("/meetings/{}/agenda/", kwargs="pk:meeting", hidden_get=MEMBERS_ONLY),
    "pages:agenda_docx": page(
        "/meetings/{}/agenda.docx", kwargs="pk:meeting", hidden_get=MEMBERS_ONLY
    ),
    "pages:api_agenda": Row(
        "/api/v1/meetings/{}/agenda/",
        {"GET": every(200), **{m: refused_or(405) for m in ("POST", "PUT", "PATCH", "DELETE")}},
        {"GET": MEMBERS_ONLY},
        "pk:meeting",
        api=True,
    ),
    # Those who speak for a member country land on its workspace; the others are sent on.
    "pages:workspace": Row(
        "/my/",
        {
            "GET": combine(
                {ANON: 302, OBS: 302}, every(200, [FP, OTHER, OFFICER]), every(302, STAFF)
            ),
            **{
                m: combine({ANON: 302}, every(405, ROLES[1:]))
                for m in ("POST", "PUT", "PATCH", "DELETE")
            },
        },
    ),
    "pages:signed_in": Row(
        "/my/signed-in/",
        {
            "GET": every(302),
            **{
                m: combine({ANON: 302}, every(405, ROLES[1:]))
                for m in ("POST", "PUT", "PATCH", "DELETE")
            },
        },
    ),
    # Someone else's update is not found, whoever asks.
    "pages:update_edit": Row(
        "/my/updates/{}/",
        {
            "GET": combine({ANON: 302}, every(404, ROLES[1:])),
            "POST": combine({ANON: 302}, every(404, ROLES[1:])),
            **{m: combine({ANON: 302}, every(405, ROLES[1:])) for m in ("PUT", "PATCH", "DELETE")},
        },
        kwargs="pk:follow_up",
    ),
    "pages:update_withdraw": Row(
        "/my/updates/{}/withdraw",
        {
            "POST": combine({ANON: 302}, every(404, ROLES[1:])),
            **{
                m: combine({ANON: 302}, every(405, ROLES[1:]))
                for m in ("GET", "PUT", "PATCH", "DELETE")
            },
        },
        kwargs="pk:follow_up",
    ),
    # --- sign-in -------------------------------------------------------------------------------
    "login": Row("/accounts/login/", {"GET": every(200), "POST": every(200)}),
    "logout": Row("/accounts/logout/", {"GET": every(405), "POST": every(302)}),
    "password_change": Row("/accounts/password_change/", {"GET": LOGIN_FIRST}),
    "password_change_done": Row("/accounts/password_change/done/", {"GET": LOGIN_FIRST}),
    "password_reset": Row("/accounts/password_reset/", {"GET": every(200), "POST": every(200)}),
    "password_reset_done": page("/accounts/password_reset/done/", get=every(200)),
    "password_reset_confirm": Row("/accounts/reset/MQ/bad-token/", {"GET": every(200)}),
    "password_reset_complete": Row("/accounts/reset/done/", {"GET": every(200)}),
    "set_language": Row("/i18n/setlang/", {"POST": every(302)}),
    "admin:index": Row(
        "/admin/", {"GET": combine(every(302, [ANON, *NON_STAFF]), every(200, STAFF))}
    ),
    # --- API -----------------------------------------------------------------------------------
    "api-root": api_read_only("/api/v1/"),
    "schema": api_read_only("/api/schema/", gated=False),
    "api-docs": api_read_only("/api/docs/", gated=False),
    "api-redoc": api_read_only("/api/redoc/", gated=False),
    "country-list": api_list("/api/v1/countries/"),
    "country-detail": api_detail("/api/v1/countries/{}/", "code"),
    "organisation-list": api_list("/api/v1/organisations/"),
    "organisation-detail": api_detail("/api/v1/organisations/{}/", "pk:organisation"),
    # A country's focal points keep its contacts current (the object is Mexico's); a network
    # officer reads them but does not write them.
    "focal-point-list": Row(
        "/api/v1/focal-points/",
        {
            "GET": every(200),
            "POST": combine(
                {ANON: 401}, every(403, [OBS, OFFICER]), every(400, [FP, OTHER, *STAFF])
            ),
            "PUT": combine(
                {ANON: 401}, every(403, [OBS, OFFICER]), every(405, [FP, OTHER, *STAFF])
            ),
            "PATCH": combine(
                {ANON: 401}, every(403, [OBS, OFFICER]), every(405, [FP, OTHER, *STAFF])
            ),
            "DELETE": refused_or(405),
        },
        api=True,
    ),
    "focal-point-detail": api_detail(
        "/api/v1/focal-points/{}/",
        "pk:focal_point",
        write=combine({ANON: 401}, every(403, [OBS, OTHER, OFFICER]), every(428, [FP, *STAFF])),
        delete=refused_or(428),
        post=combine({ANON: 401}, every(403, [OBS, OFFICER]), every(405, [FP, OTHER, *STAFF])),
    ),
    "presidency-list": api_list("/api/v1/presidencies/"),
    "presidency-troika": api_read_only("/api/v1/presidencies/troika/"),
    "presidency-detail": api_detail("/api/v1/presidencies/{}/", "year"),
    "meeting-list": api_list("/api/v1/meetings/"),
    "meeting-detail": api_detail("/api/v1/meetings/{}/", "pk:meeting", hidden_get=MEMBERS_ONLY),
    "agreement-list": api_list("/api/v1/agreements/"),
    "agreement-detail": api_detail(
        "/api/v1/agreements/{}/", "pk:agreement", hidden_get=MEMBERS_ONLY
    ),
    "agreement-follow-ups": Row(
        "/api/v1/agreements/{}/follow-ups/",
        {
            "GET": every(200),
            "POST": combine(
                {ANON: 401}, every(403, [OBS, OTHER, OFFICER]), every(400, [FP, *STAFF])
            ),
            **{m: every(405) for m in ("PUT", "PATCH", "DELETE")},
        },
        {"GET": MEMBERS_ONLY},
        "pk:agreement",
        api=True,
    ),
    "follow-up-list": Row(
        "/api/v1/follow-ups/",
        {"GET": every(200), "POST": combine({ANON: 401}, every(403, ROLES[1:]))},
        api=True,
    ),
    # Only its author changes (PATCH) or withdraws an update: the world's was posted by TS staff
    # and is accepted already (so they are asked for If-Match, then told it is decided).
    "follow-up-detail": Row(
        "/api/v1/follow-ups/{}/",
        {
            "GET": every(200),
            "PATCH": combine({ANON: 401}, every(403, ROLES[1:]), {TS: 428}),
            **{m: refused_or(405) for m in ("PUT", "DELETE")},
        },
        {"GET": MEMBERS_ONLY},
        "pk:follow_up",
        api=True,
    ),
    "follow-up-withdraw": Row(
        "/api/v1/follow-ups/{}/withdraw/",
        {"POST": combine({ANON: 401}, every(403, ROLES[1:]), {TS: 400})},
        kwargs="pk:follow_up",
        api=True,
    ),
    "follow-up-accept": Row(
        "/api/v1/follow-ups/{}/accept/",
        # TS staff accept the proposal; the superuser, asked next, finds it already accepted.
        {"POST": combine({ANON: 401}, every(403, NON_STAFF), {TS: 200, SUPER: 400})},
        kwargs="pk:proposal",
        api=True,
    ),
    "follow-up-send-back": Row(
        "/api/v1/follow-ups/{}/return/",
        {"POST": combine({ANON: 401}, every(403, NON_STAFF), every(400, STAFF))},
        kwargs="pk:proposal",
        api=True,
    ),
    # --- networks --------------------------------------------------------------------------
    "networks:overview": page("/networks/"),
    "networks:detail": page("/networks/{}/", kwargs="pk:network", hidden_get=MEMBERS_ONLY),
    "networks:item": Row(
        "/networks/items/{}/",
        {
            "GET": every(200),
            # The item is Mexico's: its focal point, its officer and TS staff may update it (an
            # empty form comes back with its errors).
            "POST": combine(every(403), every(200, [FP, OFFICER, *STAFF])),
            **{m: every(405) for m in ("PUT", "PATCH", "DELETE")},
        },
        kwargs="pk:work_plan_item",
    ),
    "networks:report_document": page("/networks/reports/{}/document", kwargs="pk:network_report"),
    "network-list": api_list("/api/v1/networks/"),
    "network-detail": api_detail("/api/v1/networks/{}/", "pk:network", hidden_get=MEMBERS_ONLY),
    "network-meetings": Row(
        "/api/v1/networks/{}/meetings/",
        {"GET": every(200), "POST": refused_or(400)},
        kwargs="pk:network",
        api=True,
    ),
    "network-member-list": api_list("/api/v1/network-members/"),
    "network-member-detail": api_detail("/api/v1/network-members/{}/", "pk:network_member"),
    "work-plan-list": api_list("/api/v1/work-plans/"),
    "work-plan-detail": api_detail("/api/v1/work-plans/{}/", "pk:work_plan"),
    "work-plan-item-list": api_list("/api/v1/work-plan-items/"),
    "work-plan-item-detail": api_detail("/api/v1/work-plan-items/{}/", "pk:work_plan_item"),
    "work-plan-item-updates": Row(
        "/api/v1/work-plan-items/{}/updates/",
        {
            "GET": every(200),
            "POST": combine(
                {ANON: 401}, every(403, [OBS, OTHER]), every(400, [FP, OFFICER, *STAFF])
            ),
            **{m: every(405) for m in ("PUT", "PATCH", "DELETE")},
        },
        kwargs="pk:work_plan_item",
        api=True,
    ),
    "network-report-list": api_list("/api/v1/network-reports/"),
    "network-report-detail": api_detail("/api/v1/network-reports/{}/", "pk:network_report"),
    # --- finance: members-only; TS staff write ---------------------------------------------
    "finance:overview": members_page("/finance/"),
    "finance:contributions_export": members_page("/finance/contributions.csv"),
    "finance:budgets": members_page("/finance/budgets/"),
    "finance:budget": members_page("/finance/budgets/{}/", kwargs="budget_year"),
    "finance:budget_export": members_page("/finance/budgets/{}/export.csv", kwargs="budget_year"),
    "finance:reserve_fund": members_page("/finance/reserve-fund/"),
    "finance:reserve_fund_export": members_page("/finance/reserve-fund/export.csv"),
    "finance:report": members_page("/finance/reports/{}/", kwargs="fin:financial-reports"),
    **{
        f"{basename}-list": api_list(f"/api/v1/{resource}/")
        for resource, basename in FINANCE_RESOURCES.items()
    },
    **{
        f"{basename}-detail": api_detail(
            f"/api/v1/{resource}/{{}}/", f"fin:{resource}", members_only=True
        )
        for resource, basename in FINANCE_RESOURCES.items()
    },
    "balance-list": api_list("/api/v1/balances/", post=refused_or(405)),
    "balance-detail": api_detail(
        "/api/v1/balances/{}/", "fin:balances", members_only=True, write=refused_or(405)
    ),
    "balance-arrears": api_read_only("/api/v1/balances/arrears/"),
    "budget-category-list": api_list("/api/v1/budget-categories/", post=refused_or(405)),
    "budget-category-detail": api_detail(
        "/api/v1/budget-categories/{}/",
        "fin:budget-categories",
        members_only=True,
        write=refused_or(405),
    ),
    "assessment-generate": Row(
        "/api/v1/assessments/generate/",
        {"GET": every(405), "POST": refused_or(400)},
        api=True,
    ),
    "reserve-fund-movement-quarterly": api_read_only(
        "/api/v1/reserve-fund/quarterly/", get=MEMBERS_ONLY
    ),
    "reserve-fund-movement-balance": api_read_only(
        "/api/v1/reserve-fund/balance/", get=MEMBERS_ONLY
    ),
    # --- consultations: the PPT in office and TS staff steer; asked focal points answer -------
    # The world's consultation is in its members' round (Mexico, the PPT, and Guatemala asked);
    # the hidden one is a draft, seen by the proposing PPT's country and the TS only.
    "consultations:list": Row(
        "/consultations/",
        {
            "GET": every(200),
            "POST": combine(every(403), every(200, [FP, *STAFF])),
            **{m: every(405) for m in ("PUT", "PATCH", "DELETE")},
        },
    ),
    "consultations:detail": Row(
        "/consultations/{}/",
        {
            "GET": ASKED,
            "POST": combine(every(404, [ANON, OBS]), every(403, MEMBERS), every(400, [FP, *STAFF])),
            **{m: every(405) for m in ("PUT", "PATCH", "DELETE")},
        },
        {"GET": PPT_AND_TS},
        "pk:consultation",
    ),
    "consultation-list": api_list(
        "/api/v1/consultations/",
        post=combine(GATED, every(400, [FP, *STAFF])),
        unsupported=combine(GATED, every(405, MEMBERS)),
    ),
    "consultation-detail": Row(
        "/api/v1/consultations/{}/",
        {
            "GET": ASKED,
            "PATCH": combine(GATED, every(428, [FP, *STAFF])),
            **{m: combine(GATED, every(405, MEMBERS)) for m in ("POST", "PUT", "DELETE")},
        },
        {"GET": PPT_AND_TS},
        "pk:consultation",
        api=True,
    ),
    "consultation-answers": Row(
        "/api/v1/consultations/{}/answers/",
        {
            # Only a member country's focal point answers, so TS staff are refused too.
            "POST": combine(every(403), {ANON: 401}, every(400, [FP, OTHER])),
            "GET": every(405),
            **{
                m: combine({ANON: 401, OBS: 403}, every(405, MEMBERS))
                for m in ("PUT", "PATCH", "DELETE")
            },
        },
        {},
        "pk:consultation",
        api=True,
    ),
    "consultation-transitions": Row(
        "/api/v1/consultations/{}/transitions/",
        {
            "POST": combine(GATED, every(400, [FP, *STAFF])),
            "GET": every(405),
            **{
                m: combine({ANON: 401, OBS: 403}, every(405, MEMBERS))
                for m in ("PUT", "PATCH", "DELETE")
            },
        },
        {},
        "pk:consultation",
        api=True,
    ),
    "theme-list": api_list("/api/v1/themes/"),
    "theme-detail": api_detail("/api/v1/themes/{}/", "pk:theme"),
    "instrument-list": api_list("/api/v1/instruments/"),
    "instrument-detail": api_detail("/api/v1/instruments/{}/", "pk:instrument"),
}


def route_names():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner == "admin":
                    yield "admin:index"
                    continue
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_route_has_a_row_in_the_matrix():
    missing = [name for name in route_names() if name not in MATRIX]
    assert missing == [], f"Add these routes to the permission matrix: {missing}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_route_answers_every_role_and_method_as_the_rules_say(name, world):
    row = MATRIX[name]
    mismatches = []
    for variant, expectations in (("public", row.expect), ("hidden", row.hidden)):
        if variant == "hidden" and not expectations:
            continue
        path = row.path
        if row.kwargs:
            value = world["kwargs"][row.kwargs][0 if variant == "public" else 1]
            path = path.format(value)
        for method, by_role in expectations.items():
            for role, expected in by_role.items():
                client = APIClient()
                if role in world["sessions"]:
                    client.cookies[settings.SESSION_COOKIE_NAME] = world["sessions"][role]
                response = client.generic(method, path, data="{}", content_type="application/json")
                if response.status_code != expected:
                    mismatches.append(
                        f"{variant} {method} {role}: {response.status_code} ≠ {expected}"
                    )
    assert not mismatches, "\n".join(mismatches)
