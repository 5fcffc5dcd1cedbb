import importlib
import types
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, AgreementCountry, FollowUp
from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def seed(**options):
    call_command("seed_demo", scale=0.02, stdout=StringIO(), **options)


def test_demo_data_is_marked_as_demo():
    seed()
    assert Meeting.objects.count() == 4
    assert not Meeting.objects.filter(demo=False).exists()
    assert Agreement.objects.count() == 4 * 50
    assert not Agreement.objects.filter(demo=False).exists()
    assert FollowUp.objects.filter(demo=True).exists()


def test_demo_data_is_the_same_for_the_same_seed():
    seed(seed=7)
    first = list(Agreement.objects.order_by("pk").values_list("ref", "text_en", "status"))
    Agreement.objects.all().delete()
    FollowUp.objects.all().delete()
    Meeting.objects.all().delete()
    seed(seed=7)
    assert list(Agreement.objects.order_by("pk").values_list("ref", "text_en", "status")) == first


def test_demo_statuses_agree_with_the_latest_update():
    seed()
    for agreement in Agreement.objects.filter(follow_ups__isnull=False).distinct()[:50]:
        latest = agreement.follow_ups.order_by("-created_at", "-pk").first()
        assert agreement.status == latest.status


def test_seeding_refuses_a_database_with_real_records():
    MeetingFactory()
    with pytest.raises(CommandError, match="holds real records"):
        seed()
    assert Meeting.objects.count() == 1


def test_seeding_a_database_with_real_records_needs_force():
    MeetingFactory()
    seed(force=True)
    assert Meeting.objects.filter(demo=True).count() == 4


def test_demo_rows_keep_their_first_history_entry():
    seed()
    assert Agreement.history.filter(history_type="+").count() == Agreement.objects.count()
    assert FollowUp.history.filter(history_type="+").count() == FollowUp.objects.count()
    assert AgreementCountry.history.filter(history_type="+").count() == (
        AgreementCountry.objects.count()
    )
    entry = Agreement.history.filter(history_type="+").first()
    assert entry.history_change_reason == "demo data"


def test_an_agreement_moved_on_by_its_follow_up_has_a_second_history_entry():
    seed()
    moved = Agreement.objects.filter(status_changed_at__isnull=False).first()
    entries = list(moved.history.order_by("history_id").values_list("history_type", "status"))
    assert entries == [("+", "open"), ("~", moved.status)]


def test_an_app_whose_demo_generator_is_not_written_yet_is_skipped(monkeypatch):
    real_import = importlib.import_module

    def import_module(name, *args):
        if name == "networks.demo":
            return types.ModuleType("networks.demo")
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", import_module)
    errors = StringIO()
    call_command("seed_demo", scale=0.02, stdout=StringIO(), stderr=errors)
    assert "networks/demo.py has no create_demo" in errors.getvalue()
    assert Agreement.objects.count() == 4 * 50


def test_demo_agreements_know_when_they_were_last_reported_on():
    from django.db.models import Max, Q

    seed()
    expected = dict(
        Agreement.objects.annotate(
            latest=Max("follow_ups__created_at", filter=Q(follow_ups__validation="accepted"))
        ).values_list("pk", "latest")
    )
    assert dict(Agreement.objects.values_list("pk", "reported_at")) == expected
    assert any(expected.values())
