import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.models import Agreement, FollowUp, Status, Validation
from tests.factories import AgreementFactory, focal_point_user, member_country

pytestmark = pytest.mark.django_db


def test_an_update_by_ts_staff_takes_effect_at_once(ts_staff):
    agreement = AgreementFactory()
    services.followup_record(agreement=agreement, author=ts_staff, status=Status.IN_PROGRESS)
    agreement.refresh_from_db()
    assert agreement.status == Status.IN_PROGRESS
    assert agreement.follow_ups.get().validation == Validation.ACCEPTED


def test_a_focal_point_update_awaits_validation_and_changes_nothing_yet(focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    update = services.followup_record(
        agreement=agreement, author=focal_point_mx, status=Status.DONE, note="Ley aprobada."
    )
    agreement.refresh_from_db()
    assert update.validation == Validation.PROPOSED
    assert agreement.status == Status.OPEN
    assert list(FollowUp.objects.awaiting_validation()) == [update]


def test_accepting_an_update_applies_its_status(focal_point_mx, mexico, ts_staff):
    agreement = AgreementFactory(responsible=[mexico])
    update = services.followup_record(agreement=agreement, author=focal_point_mx, status="done")
    services.followup_accept(follow_up=update, reviewer=ts_staff)
    agreement.refresh_from_db()
    assert agreement.status == Status.DONE
    assert agreement.country_links.get(country=mexico).status == Status.DONE


def test_sending_an_update_back_needs_a_reason(focal_point_mx, mexico, ts_staff):
    agreement = AgreementFactory(responsible=[mexico])
    update = services.followup_record(agreement=agreement, author=focal_point_mx, status="done")
    with pytest.raises(ValidationError):
        services.followup_return(follow_up=update, reviewer=ts_staff, reason="  ")
    update.refresh_from_db()
    assert update.validation == Validation.PROPOSED


def test_an_update_sent_back_leaves_the_status_unchanged(focal_point_mx, mexico, ts_staff):
    agreement = AgreementFactory(responsible=[mexico])
    update = services.followup_record(agreement=agreement, author=focal_point_mx, status="done")
    services.followup_return(follow_up=update, reviewer=ts_staff, reason="Attach the decree.")
    agreement.refresh_from_db()
    update.refresh_from_db()
    assert agreement.status == Status.OPEN
    assert update.review_note == "Attach the decree."


def test_an_update_is_reviewed_only_once(focal_point_mx, mexico, ts_staff):
    update = services.followup_record(
        agreement=AgreementFactory(responsible=[mexico]), author=focal_point_mx, status="done"
    )
    services.followup_accept(follow_up=update, reviewer=ts_staff)
    with pytest.raises(ValidationError, match="already accepted"):
        services.followup_return(follow_up=update, reviewer=ts_staff, reason="Too late")


def test_a_focal_point_cannot_validate_updates(focal_point_mx, mexico):
    update = services.followup_record(
        agreement=AgreementFactory(responsible=[mexico]), author=focal_point_mx, status="done"
    )
    with pytest.raises(PermissionDenied):
        services.followup_accept(follow_up=update, reviewer=focal_point_mx)


def test_a_focal_point_cannot_update_an_agreement_of_another_country(focal_point_gt, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    with pytest.raises(PermissionDenied):
        services.followup_record(agreement=agreement, author=focal_point_gt, status="done")
    assert not FollowUp.objects.exists()


def test_an_observer_cannot_post_updates(observer_org_user):
    with pytest.raises(PermissionDenied):
        services.followup_record(
            agreement=AgreementFactory(), author=observer_org_user, status="done"
        )


def test_the_status_always_agrees_with_the_latest_accepted_update(ts_staff):
    agreement = AgreementFactory()
    for status in (Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS):
        services.followup_record(agreement=agreement, author=ts_staff, status=status)
    agreement.refresh_from_db()
    latest = agreement.follow_ups.accepted().order_by("-created_at", "-pk").first()
    assert agreement.status == latest.status == Status.IN_PROGRESS


def test_an_agreement_addressed_to_several_countries_derives_its_status(ts_staff):
    mexico, guatemala = member_country("MX"), member_country("GT")
    agreement = AgreementFactory(responsible=[mexico, guatemala])
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    agreement.refresh_from_db()
    assert agreement.status == Status.IN_PROGRESS
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=guatemala)
    agreement.refresh_from_db()
    assert agreement.status == Status.DONE


def test_a_focal_point_speaks_for_its_own_country_on_a_shared_agreement(mexico, ts_staff):
    guatemala = member_country("GT")
    agreement = AgreementFactory(responsible=[mexico, guatemala])
    focal_point = focal_point_user(mexico)
    update = services.followup_record(agreement=agreement, author=focal_point, status="done")
    services.followup_accept(follow_up=update, reviewer=ts_staff)
    assert update.country == mexico
    assert agreement.country_links.get(country=guatemala).status == Status.OPEN


def test_a_country_dropped_from_an_agreement_no_longer_counts(ts_staff):
    mexico, guatemala = member_country("MX"), member_country("GT")
    agreement = AgreementFactory(responsible=[mexico, guatemala])
    services.followup_record(agreement=agreement, author=ts_staff, status="done", country=mexico)
    services.followup_record(
        agreement=agreement, author=ts_staff, status="dropped", country=guatemala
    )
    agreement.refresh_from_db()
    assert agreement.status == Status.DONE


def test_an_update_for_a_country_not_responsible_is_refused(ts_staff):
    agreement = AgreementFactory(responsible=[member_country("MX")])
    with pytest.raises(ValidationError, match="not responsible"):
        services.followup_record(
            agreement=agreement, author=ts_staff, status="done", country=member_country("GT")
        )
    assert not FollowUp.objects.exists()


def test_bulk_status_change_records_an_update_for_each_agreement(ts_staff):
    agreements = AgreementFactory.create_batch(3)
    services.agreements_set_status(agreements=agreements, status=Status.DROPPED, author=ts_staff)
    assert set(Agreement.objects.values_list("status", flat=True)) == {Status.DROPPED}
    assert FollowUp.objects.count() == 3


def test_overdue_means_deadline_passed_and_still_open():
    today = datetime.date(2026, 1, 10)
    overdue = AgreementFactory(deadline=datetime.date(2025, 12, 31), status=Status.OPEN)
    AgreementFactory(deadline=datetime.date(2025, 12, 31), status=Status.DONE)
    AgreementFactory(deadline=datetime.date(2026, 3, 31), status=Status.IN_PROGRESS)
    AgreementFactory(deadline=None, status=Status.OPEN)
    assert list(Agreement.objects.overdue(today)) == [overdue]
    assert Agreement.objects.with_states(today).filter(overdue=True).count() == 1
