"""Progress updates on work-plan items: who may post them, and the item follows the latest."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements.models import Status
from networks import services
from networks.models import WorkPlanItemUpdate
from tests.factories import focal_point_user, member_country
from tests.networks.factories import WorkPlanItemFactory, network_officer_user

pytestmark = pytest.mark.django_db


def test_ts_staff_update_any_item(ts_staff):
    item = WorkPlanItemFactory()
    update = services.work_plan_item_record_update(
        item=item, author=ts_staff, status=Status.IN_PROGRESS, note="Concept note circulated."
    )
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS
    assert item.status_changed_at == update.created_at
    assert update.country is None


def test_a_network_officer_updates_an_item_of_a_responsible_country(mexico):
    officer = network_officer_user(mexico)
    item = WorkPlanItemFactory(countries=[mexico])
    update = services.work_plan_item_record_update(item=item, author=officer, status="done")
    item.refresh_from_db()
    assert (item.status, update.country_id, update.author) == (Status.DONE, "MX", officer)


def test_a_focal_point_updates_an_item_of_a_responsible_country(focal_point_mx, mexico):
    item = WorkPlanItemFactory(countries=[mexico, member_country("CR")])
    services.work_plan_item_record_update(item=item, author=focal_point_mx, status="in_progress")
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS


def test_an_officer_of_a_country_not_responsible_is_refused_and_nothing_is_saved(mexico, guatemala):
    officer = network_officer_user(guatemala)
    item = WorkPlanItemFactory(countries=[mexico])
    with pytest.raises(PermissionDenied):
        services.work_plan_item_record_update(item=item, author=officer, status="done")
    item.refresh_from_db()
    assert item.status == Status.OPEN
    assert not WorkPlanItemUpdate.objects.exists()


def test_no_one_but_ts_staff_updates_an_item_no_country_is_responsible_for(focal_point_mx):
    item = WorkPlanItemFactory()
    with pytest.raises(PermissionDenied):
        services.work_plan_item_record_update(item=item, author=focal_point_mx, status="done")


def test_an_observer_cannot_update_an_item(observer_org_user, mexico):
    item = WorkPlanItemFactory(countries=[mexico])
    with pytest.raises(PermissionDenied):
        services.work_plan_item_record_update(item=item, author=observer_org_user, status="done")


def test_an_officer_of_a_country_that_is_no_longer_a_member_cannot_update(mexico):
    from rcm.models import CountryStatus

    officer = focal_point_user(member_country("BZ"))
    CountryStatus.objects.filter(country_id="BZ").update(until="2000-01-01")
    item = WorkPlanItemFactory(countries=[officer.country])
    with pytest.raises(PermissionDenied):
        services.work_plan_item_record_update(item=item, author=officer, status="done")


def test_dropping_an_item_needs_a_reason(ts_staff):
    item = WorkPlanItemFactory()
    with pytest.raises(ValidationError, match="Say why the item is dropped"):
        services.work_plan_item_record_update(item=item, author=ts_staff, status="dropped")
    item.refresh_from_db()
    assert item.status == Status.OPEN


def test_an_update_that_changes_nothing_and_says_nothing_is_refused(ts_staff):
    item = WorkPlanItemFactory(status=Status.IN_PROGRESS)
    with pytest.raises(ValidationError, match="already in progress"):
        services.work_plan_item_record_update(item=item, author=ts_staff, status="in_progress")
    assert not WorkPlanItemUpdate.objects.exists()


def test_progress_without_a_change_of_status_is_recorded_with_its_note(ts_staff):
    item = WorkPlanItemFactory(status=Status.IN_PROGRESS)
    services.work_plan_item_record_update(
        item=item, author=ts_staff, status="in_progress", note="Second module given."
    )
    assert item.updates.get().note == "Second module given."


def test_no_follow_up_is_not_an_update_status(ts_staff):
    item = WorkPlanItemFactory()
    with pytest.raises(ValidationError):
        services.work_plan_item_record_update(item=item, author=ts_staff, status="no_follow_up")
    assert not WorkPlanItemUpdate.objects.exists()


def test_the_item_takes_the_status_of_its_latest_update(ts_staff):
    item = WorkPlanItemFactory()
    for status in ("in_progress", "done", "in_progress"):
        services.work_plan_item_record_update(item=item, author=ts_staff, status=status)
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS
    assert item.updates.count() == 3
