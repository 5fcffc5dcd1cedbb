"""Every write to the records is audited: who, when, what changed, whatever the path."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from rest_framework.test import APIClient

from agreements.models import Agreement
from rcm.apps import RECORD_APPS
from rcm.services import api_token_create
from tests.admin_forms import change_form_data
from tests.factories import AgreementFactory, MeetingFactory, ts_staff_user

# Models that hold no record of the conference: throwaway logs and secrets' own bookkeeping.
NOT_AUDITED: set[str] = {"agreements.ReminderLog"}


def record_models():
    for app_label in RECORD_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical") or model._meta.auto_created:
                continue
            yield model


def test_every_model_that_holds_records_keeps_a_history():
    missing = [
        model._meta.label
        for model in record_models()
        if model._meta.label not in NOT_AUDITED and not hasattr(model, "history")
    ]
    assert missing == []


@pytest.mark.django_db
def test_an_admin_change_is_recorded_with_who_made_it(client):
    staff = ts_staff_user(is_superuser=True)
    meeting = MeetingFactory(name_en="RCGM")
    client.force_login(staff)
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    data = change_form_data(client.get(url))
    data["name_en"] = "RCGM, San José"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    latest = meeting.history.latest()
    assert latest.history_user == staff
    assert latest.name_en == "RCGM, San José"
    assert latest.diff_against(latest.prev_record).changed_fields == ["name_en"]


@pytest.mark.django_db
def test_an_api_change_made_with_a_token_is_recorded_with_its_user():
    staff = ts_staff_user()
    _, key = api_token_create(user=staff, name="secretariat system")
    agreement = AgreementFactory()
    client = APIClient(HTTP_AUTHORIZATION=f"Token {key}")
    url = f"/api/v1/agreements/{agreement.pk}/"
    etag = client.get(url)["ETag"]
    response = client.patch(
        url, {"deadline_text": "in due course"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200
    assert agreement.history.latest().history_user == staff


@pytest.mark.django_db
def test_a_follow_up_posted_on_a_page_is_recorded_with_its_author(client, focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    client.force_login(focal_point_mx)
    client.post(f"/agreements/{agreement.pk}/", {"status": "in_progress"})
    update = agreement.follow_ups.get()
    assert update.history.get().history_user == focal_point_mx


BULK_METHODS = {"bulk_create", "bulk_update", "update"}
# Each allowed bulk write, with why it bypasses nothing the audit needs.
ALLOWED_BULK_WRITES = {
    ("rcm/services.py", "update"): "APIToken.last_used_at is excluded from the token's history",
}


def queryset_receiver(node: ast.AST) -> bool:
    """Whether a call's receiver is a queryset chain (…objects…, .filter(), .all(), …)."""
    while isinstance(node, ast.Call | ast.Attribute):
        if isinstance(node, ast.Attribute) and node.attr in {
            "objects", "filter", "exclude", "all", "select_for_update", "history",
        }:  # fmt: skip
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def test_no_code_path_writes_records_in_bulk_behind_the_audit_history():
    base = Path(settings.BASE_DIR)
    offenders = []
    for app_label in RECORD_APPS:
        for path in (base / app_label).rglob("*.py"):
            relative = path.relative_to(base).as_posix()
            if "/migrations/" in relative or relative.endswith("demo.py") or "/demo/" in relative:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in BULK_METHODS
                    and queryset_receiver(node.func.value)
                    and (relative, node.func.attr) not in ALLOWED_BULK_WRITES
                ):
                    offenders.append(f"{relative}:{node.lineno} .{node.func.attr}()")
    assert offenders == []


def test_agreement_history_leaves_out_the_search_index():
    assert "search_vector" not in {f.name for f in Agreement.history.model._meta.fields}
