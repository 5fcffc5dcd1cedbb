"""An agreement's `reported_at` is its latest accepted update's time, whatever writes them: the
database keeps it (migration 0014), and not reported and stale are read from it."""

import datetime

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, FollowUp, Status, Validation
from tests.factories import AgreementFactory, focal_point_user, member_country, ts_staff_user

pytestmark = pytest.mark.django_db


def reported_at(agreement) -> datetime.datetime | None:
    return Agreement.objects.values_list("reported_at", flat=True).get(pk=agreement.pk)


def posted(follow_up, day: datetime.date) -> None:
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    FollowUp.objects.filter(pk=follow_up.pk).update(created_at=when)


def test_an_agreement_nobody_reported_on_has_no_report_time():
    assert reported_at(AgreementFactory()) is None


def test_an_accepted_update_is_the_agreement_s_report_time_and_a_proposal_is_not():
    agreement = AgreementFactory()
    FollowUp.objects.create(agreement=agreement, status=Status.OPEN)  # proposed
    assert reported_at(agreement) is None
    accepted = FollowUp.objects.create(
        agreement=agreement, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
    )
    assert reported_at(agreement) == FollowUp.objects.get(pk=accepted.pk).created_at


def test_the_latest_accepted_update_counts_and_removing_it_falls_back_to_the_one_before():
    agreement = AgreementFactory()
    earlier, later = (
        FollowUp.objects.create(
            agreement=agreement, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
        )
        for _ in range(2)
    )
    posted(earlier, datetime.date(2024, 3, 1))
    posted(later, datetime.date(2025, 5, 1))
    assert reported_at(agreement).date() == datetime.date(2025, 5, 1)
    later.delete()
    assert reported_at(agreement).date() == datetime.date(2024, 3, 1)
    earlier.delete()
    assert reported_at(agreement) is None


def test_accepting_a_focal_point_s_update_reports_on_the_agreement():
    country = member_country("MX")
    agreement = AgreementFactory(status=Status.OPEN)
    agreement.country_links.create(country=country, responsible=True)
    focal_point = focal_point_user(country)
    update = services.followup_record(
        agreement=agreement, author=focal_point, status=Status.IN_PROGRESS
    )
    assert Agreement.objects.not_reported().filter(pk=agreement.pk).exists()
    services.followup_accept(follow_up=update, reviewer=ts_staff_user())
    assert not Agreement.objects.not_reported().filter(pk=agreement.pk).exists()
    assert reported_at(agreement) is not None


def test_saving_an_agreement_read_before_an_update_keeps_the_update_s_time():
    agreement = AgreementFactory()
    read_before = Agreement.objects.get(pk=agreement.pk)
    FollowUp.objects.create(
        agreement=agreement, status=Status.IN_PROGRESS, validation=Validation.ACCEPTED
    )
    read_before.text_en = "Changed in the admin meanwhile."
    read_before.save()
    assert reported_at(agreement) is not None


def test_updates_written_in_one_statement_report_on_each_of_their_agreements():
    first, second = AgreementFactory(), AgreementFactory()
    FollowUp.objects.bulk_create(
        [
            FollowUp(agreement=agreement, status=Status.IN_PROGRESS, validation=validation)
            for agreement in (first, second)
            for validation in (Validation.ACCEPTED, Validation.PROPOSED)
        ]
    )
    assert reported_at(first) is not None
    assert reported_at(second) is not None
    FollowUp.objects.filter(agreement=first).delete()
    assert reported_at(first) is None
    FollowUp.objects.filter(agreement=second).update(validation=Validation.PROPOSED)
    assert reported_at(second) is None
