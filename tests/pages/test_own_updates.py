"""A focal point withdraws or changes her own update while it awaits the TS: the service, the
workspace's forms and the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.models import FollowUp, Status, Validation
from tests.factories import AgreementFactory, focal_point_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(focal_point_gt, guatemala):
    agreement = AgreementFactory(responsible=[guatemala])
    return services.followup_record(
        agreement=agreement, author=focal_point_gt, status=Status.IN_PROGRESS, note="Drafting."
    )


@pytest.fixture
def colleague(guatemala):
    return focal_point_user(guatemala, username="fp-gt-2")


def test_the_author_withdraws_a_pending_update(pending, focal_point_gt):
    services.followup_withdraw(follow_up=pending, user=focal_point_gt)

    pending.refresh_from_db()
    assert pending.validation == Validation.WITHDRAWN
    assert pending.history.count() == 2


def test_nobody_else_withdraws_someone_elses_update(pending, colleague, ts_staff):
    for user in (colleague, ts_staff):
        with pytest.raises(PermissionDenied):
            services.followup_withdraw(follow_up=pending, user=user)

    pending.refresh_from_db()
    assert pending.validation == Validation.PROPOSED


def test_a_decided_update_can_no_longer_be_withdrawn_or_changed(pending, focal_point_gt, ts_staff):
    services.followup_accept(follow_up=pending, reviewer=ts_staff)

    with pytest.raises(ValidationError):
        services.followup_withdraw(follow_up=pending, user=focal_point_gt)
    with pytest.raises(ValidationError):
        services.followup_edit(follow_up=pending, user=focal_point_gt, note="Done after all.")


def test_the_author_changes_a_pending_update(pending, focal_point_gt):
    services.followup_edit(
        follow_up=pending, user=focal_point_gt, status=Status.DONE, note="Signed."
    )

    pending.refresh_from_db()
    assert (pending.status, pending.note, pending.validation) == (
        Status.DONE,
        "Signed.",
        Validation.PROPOSED,
    )


def test_a_changed_update_still_must_change_something(pending, focal_point_gt):
    with pytest.raises(ValidationError):
        services.followup_edit(follow_up=pending, user=focal_point_gt, status=Status.OPEN, note="")

    pending.refresh_from_db()
    assert pending.note == "Drafting."


def test_withdrawing_from_the_workspace(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)

    response = client.post(f"/my/updates/{pending.pk}/withdraw")

    assert response["Location"] == "/my/"
    pending.refresh_from_db()
    assert pending.validation == Validation.WITHDRAWN


def test_another_focal_point_cannot_withdraw_from_the_workspace(client, pending, colleague):
    client.force_login(colleague)

    assert client.post(f"/my/updates/{pending.pk}/withdraw").status_code == 404
    assert client.get(f"/my/updates/{pending.pk}/").status_code == 404
    pending.refresh_from_db()
    assert pending.validation == Validation.PROPOSED


def test_changing_from_the_workspace(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)

    response = client.post(
        f"/my/updates/{pending.pk}/", {"status": Status.DONE, "note": "Signed on 1 March."}
    )

    assert response["Location"] == "/my/"
    pending.refresh_from_db()
    assert pending.note == "Signed on 1 March."


def test_a_note_too_long_is_a_form_error(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)

    response = client.post(
        f"/my/updates/{pending.pk}/", {"status": Status.DONE, "note": "x" * 10_001}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    pending.refresh_from_db()
    assert pending.note == "Drafting."


def test_the_api_withdraws_the_authors_update(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)

    response = client.post(f"/api/v1/follow-ups/{pending.pk}/withdraw/")

    assert response.status_code == 200
    assert response.json()["validation"] == "withdrawn"


def test_the_api_refuses_another_users_withdrawal(client, pending, colleague):
    client.force_login(colleague)

    response = client.post(f"/api/v1/follow-ups/{pending.pk}/withdraw/")

    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.validation == Validation.PROPOSED


def test_the_api_changes_the_authors_update_with_if_match(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)
    etag = client.get(f"/api/v1/follow-ups/{pending.pk}/")["ETag"]

    response = client.patch(
        f"/api/v1/follow-ups/{pending.pk}/",
        {"note": "Signed."},
        content_type="application/json",
        headers={"If-Match": etag},
    )

    assert response.status_code == 200
    assert response.json()["note"] == "Signed."


def test_the_api_refuses_a_note_over_ten_thousand_characters(client, pending, focal_point_gt):
    client.force_login(focal_point_gt)
    etag = client.get(f"/api/v1/follow-ups/{pending.pk}/")["ETag"]

    response = client.patch(
        f"/api/v1/follow-ups/{pending.pk}/",
        {"note": "x" * 10_001},
        content_type="application/json",
        headers={"If-Match": etag},
    )

    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.note == "Drafting."


def test_an_update_that_changes_nothing_is_refused(focal_point_gt, guatemala):
    agreement = AgreementFactory(responsible=[guatemala])

    with pytest.raises(ValidationError):
        services.followup_record(agreement=agreement, author=focal_point_gt, status=Status.OPEN)

    assert not FollowUp.objects.exists()


def test_a_note_alone_is_a_change(focal_point_gt, guatemala):
    agreement = AgreementFactory(responsible=[guatemala])

    update = services.followup_record(
        agreement=agreement, author=focal_point_gt, status=Status.OPEN, note="Meeting planned."
    )

    assert update.pk is not None
