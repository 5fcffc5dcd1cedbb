from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, FollowUp
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
