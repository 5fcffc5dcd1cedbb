"""Lineage suggestions: earlier agreements an agreement likely reiterates or follows up, offered
to TS staff on the agreement's admin page and confirmed in one click."""

import datetime

import pytest

from agreements.lineage import lineage_confirm, suggest_earlier
from agreements.models import AgreementLink, LinkKind
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    UserFactory,
    focal_point_user,
    member_country,
    ts_staff_user,
)

pytestmark = pytest.mark.django_db

GUIDELINES_2013 = (
    "The RNCOM requested the TS to share the proposal of Regional Guidelines for the Preliminary "
    "Identification and Referral Mechanisms for Migrant Populations in Vulnerable Situations."
)
GUIDELINES_2021 = (
    "Updated the Regional Guidelines for the Preliminary Identification and Referral Mechanisms "
    "for Migrant Populations in Vulnerable Situations."
)


@pytest.fixture
def lineage():
    earlier_meeting = MeetingFactory(starts_on=datetime.date(2013, 2, 20))
    later_meeting = MeetingFactory(starts_on=datetime.date(2021, 12, 1))
    earlier = AgreementFactory(meeting=earlier_meeting, ref="3", text_en=GUIDELINES_2013)
    unrelated = AgreementFactory(
        meeting=earlier_meeting, ref="4", text_en="To thank Canada for the budget report."
    )
    later = AgreementFactory(meeting=later_meeting, ref="8.a", text_en=GUIDELINES_2021)
    return {"earlier": earlier, "unrelated": unrelated, "later": later}


def test_an_agreement_is_offered_the_earlier_one_it_updates(lineage):
    suggestions = suggest_earlier(lineage["later"])
    assert [s.earlier for s in suggestions] == [lineage["earlier"]]


def test_a_spanish_text_finds_its_spanish_forerunner():
    earlier = AgreementFactory(
        meeting=MeetingFactory(starts_on=datetime.date(2013, 11, 18)),
        text_en="",
        text_es="Lineamientos regionales para la protección de niñas y niños migrantes.",
    )
    later = AgreementFactory(
        meeting=MeetingFactory(starts_on=datetime.date(2021, 12, 1)),
        text_en="",
        text_es="Actualizar los lineamientos regionales de protección de la niñez migrante.",
    )
    assert [s.earlier for s in suggest_earlier(later)] == [earlier]


def test_a_later_agreement_is_never_offered_as_a_forerunner(lineage):
    assert suggest_earlier(lineage["earlier"]) == []


def test_shared_actors_rank_a_forerunner_higher(lineage):
    mexico = member_country("MX")
    plain = suggest_earlier(lineage["later"])[0].score
    lineage["earlier"].country_links.create(country=mexico, responsible=True, status="open")
    lineage["later"].country_links.create(country=mexico, responsible=True, status="open")
    assert suggest_earlier(lineage["later"])[0].score > plain


def test_a_confirmed_link_is_no_longer_offered(lineage):
    lineage_confirm(
        later=lineage["later"], earlier=lineage["earlier"], kind="follows_up", by=ts_staff_user()
    )
    assert suggest_earlier(lineage["later"]) == []


def test_ts_staff_see_the_suggestions_on_the_agreements_admin_page(client, lineage):
    client.force_login(ts_staff_user())
    response = client.get(f"/admin/agreements/agreement/{lineage['later'].pk}/change/")
    assert response.status_code == 200
    assert "Lineage suggestions" in response.text
    assert (
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/{lineage['earlier'].pk}"
        "/confirm/" in response.text
    )


def test_one_click_confirms_a_link_that_both_agreements_show(client, lineage):
    client.force_login(ts_staff_user())
    later, earlier = lineage["later"], lineage["earlier"]
    response = client.post(
        f"/admin/agreements/agreement/{later.pk}/lineage/{earlier.pk}/confirm/",
        {"kind": "follows_up"},
    )
    assert response.status_code == 302
    link = AgreementLink.objects.get()
    assert (link.later, link.earlier, link.kind) == (later, earlier, LinkKind.FOLLOWS_UP)
    assert earlier.get_absolute_url() in client.get(later.get_absolute_url()).text
    assert later.get_absolute_url() in client.get(earlier.get_absolute_url()).text


@pytest.mark.parametrize("who", ["staff_not_ts", "focal_point"])
def test_someone_who_is_not_ts_staff_is_refused_and_nothing_changes(client, lineage, who):
    user = (
        UserFactory(is_staff=True)
        if who == "staff_not_ts"
        else focal_point_user(member_country("MX"))
    )
    client.force_login(user)
    response = client.post(
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/"
        f"{lineage['earlier'].pk}/confirm/",
        {"kind": "follows_up"},
    )
    assert response.status_code == 403
    assert not AgreementLink.objects.exists()


def test_an_anonymous_confirmation_is_not_found_and_nothing_changes(client, lineage):
    response = client.post(
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/"
        f"{lineage['earlier'].pk}/confirm/",
        {"kind": "follows_up"},
    )
    assert response.status_code == 404
    assert not AgreementLink.objects.exists()


def test_a_confirmation_of_a_missing_agreement_is_not_found(client, lineage):
    client.force_login(ts_staff_user())
    response = client.post(
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/999999/confirm/",
        {"kind": "follows_up"},
    )
    assert response.status_code == 404


def test_a_confirmation_with_an_unknown_kind_says_so_and_links_nothing(client, lineage):
    client.force_login(ts_staff_user())
    response = client.post(
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/"
        f"{lineage['earlier'].pk}/confirm/",
        {"kind": "bogus"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Unknown kind of link" in response.text
    assert not AgreementLink.objects.exists()


def test_a_confirmation_is_only_ever_a_post(client, lineage):
    client.force_login(ts_staff_user())
    response = client.get(
        f"/admin/agreements/agreement/{lineage['later'].pk}/lineage/"
        f"{lineage['earlier'].pk}/confirm/"
    )
    assert response.status_code == 405


@pytest.mark.parametrize("count", [1, 20])
def test_suggestions_take_a_fixed_number_of_queries(lineage, django_assert_max_num_queries, count):
    meeting = lineage["earlier"].meeting
    for n in range(count):
        AgreementFactory(meeting=meeting, ref=f"9.{n}", text_en=f"{GUIDELINES_2013} ({n})")
    # the agreement's lexemes, the earlier agreements ranked with their shared actors and themes.
    with django_assert_max_num_queries(2):
        assert suggest_earlier(lineage["later"])
