"""The rules of agreements/rules.py, asked directly: who posts, validates, changes and curates."""

import pytest

from agreements import rules
from rcm.models import ANONYMOUS, Access, Role, access_for
from tests.factories import AgreementFactory, UserFactory

TS_STAFF = Access(1, True, None, None, None, frozenset({Role.TS_STAFF}))
FOCAL_POINT_MX = Access(2, False, "MX", None, None, frozenset({Role.FOCAL_POINT}))
NETWORK_OFFICER_MX = Access(3, False, "MX", None, None, frozenset({Role.NETWORK_OFFICER}))


@pytest.mark.django_db
def test_a_focal_point_posts_on_an_agreement_its_country_must_act_on(focal_point_mx, mexico):
    agreement = AgreementFactory(responsible=[mexico])
    assert rules.may_post_follow_up(access_for(focal_point_mx), agreement, None)


@pytest.mark.django_db
def test_a_focal_point_does_not_post_on_an_agreement_another_country_must_act_on(
    focal_point_mx, guatemala
):
    agreement = AgreementFactory(responsible=[guatemala])
    assert not rules.may_post_follow_up(access_for(focal_point_mx), agreement, None)


@pytest.mark.django_db
def test_a_focal_point_does_not_post_for_another_country(focal_point_mx, mexico, guatemala):
    agreement = AgreementFactory(responsible=[mexico, guatemala])
    assert not rules.may_post_follow_up(access_for(focal_point_mx), agreement, guatemala)


@pytest.mark.django_db
def test_a_network_officer_does_not_post_follow_up(mexico):
    agreement = AgreementFactory(responsible=[mexico])
    assert not rules.may_post_follow_up(NETWORK_OFFICER_MX, agreement, None)


@pytest.mark.django_db
def test_ts_staff_post_on_any_agreement():
    assert rules.may_post_follow_up(TS_STAFF, AgreementFactory(), None)


def test_only_ts_staff_validate_updates():
    assert [rules.may_validate(a) for a in (TS_STAFF, FOCAL_POINT_MX, ANONYMOUS)] == [
        True,
        False,
        False,
    ]


@pytest.mark.django_db
def test_the_author_changes_its_own_update(focal_point_mx, mexico):
    update = AgreementFactory(responsible=[mexico]).follow_ups.create(
        author=focal_point_mx, country=mexico, status="done"
    )
    assert rules.may_change_update(focal_point_mx, update)


@pytest.mark.django_db
def test_nobody_else_changes_an_update(focal_point_mx, ts_staff, mexico):
    update = AgreementFactory(responsible=[mexico]).follow_ups.create(
        author=focal_point_mx, country=mexico, status="done"
    )
    assert not rules.may_change_update(ts_staff, update)


@pytest.mark.django_db
def test_an_update_without_an_author_is_changed_by_nobody(mexico):
    update = AgreementFactory(responsible=[mexico]).follow_ups.create(status="done")
    assert not rules.may_change_update(UserFactory(), update)


def test_a_focal_points_update_needs_validation_and_ts_staffs_does_not():
    assert [rules.needs_validation(a) for a in (FOCAL_POINT_MX, TS_STAFF)] == [True, False]


def test_nobody_rewrites_a_follow_up_update():
    assert not rules.may_rewrite_follow_up()


def test_only_ts_staff_curate_the_agreements():
    assert rules.may_curate(TS_STAFF)
    assert not rules.may_curate(FOCAL_POINT_MX)
