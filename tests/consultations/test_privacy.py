"""Who reads what of a consultation: the Troika review stays with the Troika, the PPT and the TS;
the deliberation of a public consultation stays with the members."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from consultations import services
from consultations.models import Consultation
from rcm.models import Role, Visibility
from tests.consultations.factories import answer_all, at, conference, drafted
from tests.factories import (
    AgreementFactory,
    MeetingFactory,
    UserFactory,
    observer_country,
    observer_user,
)

pytestmark = pytest.mark.django_db

TROIKA_REMARK = "The Troika asks to drop the reference to the caravan."
MEMBERS_REASON = "Guatemala asks to refer to the Regional Guidelines."
START = at("2026-12-17")


def hours(n: int) -> datetime.datetime:
    return START + datetime.timedelta(hours=n)


@pytest.fixture
def setting():
    """Mexico (PPT), Guatemala and Costa Rica are the Troika; Honduras is a member outside it."""
    return conference(members=("MX", "GT", "CR", "HN"))


def amended_by_the_troika(setting, **fields):
    """Guatemala proposed changes in the Troika review; the PPT amended the text, the Troika
    agreed to version 2, and the members' round opened on it."""
    consultation = services.consultation_create(
        by=setting.ppt,
        subject="Joint statement on the migrant caravan",
        text_en="To issue a joint statement on the caravan.",
        now=START - datetime.timedelta(days=1),
        **fields,
    )
    services.consultation_send_to_troika(
        consultation=consultation, by=setting.ppt, now=START, note="For the Troika only."
    )
    answer_all(setting, consultation, ["MX", "CR"], now=hours(1))
    services.consultation_answer(
        consultation=consultation,
        by=setting.focal_points["GT"],
        answer="propose_changes",
        text=TROIKA_REMARK,
        now=hours(1),
    )
    services.consultation_amend(
        consultation=consultation,
        by=setting.ppt,
        text_en="To issue a joint statement on the protection of migrants in transit.",
        now=hours(2),
    )
    services.consultation_send_to_troika(consultation=consultation, by=setting.ppt, now=hours(3))
    answer_all(setting, consultation, setting.troika, now=hours(4))
    return services.consultation_open_round(
        consultation=consultation, by=setting.ppt, now=hours(24)
    )


def agreed_after_a_reasoned_round(setting, **fields):
    """Members' round 1 ended with Guatemala proposing changes; round 2 agreed to version 3."""
    consultation = amended_by_the_troika(setting, **fields)
    answer_all(setting, consultation, ["MX", "CR", "HN"], now=hours(25))
    services.consultation_answer(
        consultation=consultation,
        by=setting.focal_points["GT"],
        answer="propose_changes",
        text=MEMBERS_REASON,
        now=hours(25),
    )
    services.consultation_amend(
        consultation=consultation,
        by=setting.ppt,
        text_en="To issue a joint statement referring to the Regional Guidelines.",
        now=hours(26),
    )
    services.consultation_open_round(consultation=consultation, by=setting.ppt, now=hours(27))
    answer_all(setting, consultation, setting.members, now=hours(28))
    return services.consultation_agree(consultation=consultation, by=setting.ppt, now=hours(29))


def api_get(user, path):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client.get(path)


def detail(user, consultation):
    response = api_get(user, f"/api/v1/consultations/{consultation.pk}/")
    assert response.status_code == 200
    return response


def page(client, user, consultation):
    if user is not None:
        client.force_login(user)
    response = client.get(f"/consultations/{consultation.pk}/")
    assert response.status_code == 200
    return response


# --- F3: the Troika review --------------------------------------------------------------------


def test_a_member_outside_the_troika_reads_the_members_round_but_not_the_troika_review(setting):
    consultation = amended_by_the_troika(setting)
    response = detail(setting.focal_points["HN"], consultation)
    data = response.json()
    assert [r["kind"] for r in data["rounds"]] == ["members"]
    assert [v["number"] for v in data["versions"]] == [2]
    assert [t["to_state"] for t in data["transitions"]] == ["members_round"]
    assert TROIKA_REMARK not in response.content.decode()
    assert "For the Troika only." not in response.content.decode()


def test_the_troika_the_ppt_and_the_ts_read_the_troika_review(setting):
    consultation = amended_by_the_troika(setting)
    for user in (setting.focal_points["GT"], setting.focal_points["CR"], setting.ppt, setting.ts):
        data = detail(user, consultation).json()
        assert [r["kind"] for r in data["rounds"]] == ["troika", "troika", "members"]
        assert [v["number"] for v in data["versions"]] == [1, 2]
        assert TROIKA_REMARK in str(data["rounds"][0]["answers"])


def test_a_network_officer_of_a_troika_country_does_not_read_the_troika_review(setting):
    consultation = amended_by_the_troika(setting)
    officer = UserFactory(
        username="officer-gt", country=setting.countries["GT"], roles=[Role.NETWORK_OFFICER]
    )
    response = detail(officer, consultation)
    assert [r["kind"] for r in response.json()["rounds"]] == ["members"]
    assert TROIKA_REMARK not in response.content.decode()


def test_a_network_officer_of_the_ppt_does_not_read_its_draft_or_the_troika_review(setting):
    consultation = services.consultation_create(
        by=setting.ppt, subject="Draft", text_en="To consider a statement.", now=START
    )
    services.consultation_send_to_troika(consultation=consultation, by=setting.ppt, now=hours(1))
    officer = UserFactory(
        username="officer-mx", country=setting.countries["MX"], roles=[Role.NETWORK_OFFICER]
    )
    response = api_get(officer, f"/api/v1/consultations/{consultation.pk}/")
    assert response.status_code == 404


def test_the_page_keeps_the_troika_review_from_members_outside_the_troika(client, setting):
    consultation = amended_by_the_troika(setting)
    text = page(client, setting.focal_points["HN"], consultation).text
    assert TROIKA_REMARK not in text
    assert "Troika review 1" not in text
    assert "For the Troika only." not in text
    assert "To issue a joint statement on the caravan." not in text  # version 1
    assert "protection of migrants in transit" in text  # the text the members answer


def test_the_page_shows_the_troika_review_to_the_troika(client, setting):
    consultation = amended_by_the_troika(setting)
    text = page(client, setting.focal_points["CR"], consultation).text
    assert TROIKA_REMARK in text
    assert "Troika review 1" in text


def test_the_list_shows_a_member_outside_the_troika_the_members_round(setting):
    amended_by_the_troika(setting)
    rows = api_get(setting.focal_points["HN"], "/api/v1/consultations/").json()["results"]
    assert [row["current_round"]["kind"] for row in rows] == ["members"]


# --- F4: a public outcome ---------------------------------------------------------------------


@pytest.fixture
def public_outcome(setting):
    return agreed_after_a_reasoned_round(setting, visibility=Visibility.PUBLIC)


def test_anonymous_users_read_the_outcome_of_a_public_consultation_without_the_deliberation(
    setting, public_outcome
):
    response = detail(None, public_outcome)
    data = response.json()
    body = response.content.decode()
    assert data["state"] == "agreed"
    assert data["agreement"] == public_outcome.agreement_id
    assert data["rounds"] == []
    assert data["current_round"] is None
    assert data["created_by"] is None
    assert [v["number"] for v in data["versions"]] == [3]
    assert data["versions"][0]["created_by"] is None
    assert [(t["to_state"], t["by"]) for t in data["transitions"]] == [("agreed", None)]
    assert MEMBERS_REASON not in body
    assert TROIKA_REMARK not in body
    assert "focal-" not in body  # no focal point's username


def test_an_observer_reads_the_outcome_of_a_public_consultation_without_the_deliberation(
    setting, public_outcome
):
    observer = observer_user(country=observer_country("AR"), username="observer-ar")
    body = detail(observer, public_outcome).content.decode()
    assert MEMBERS_REASON not in body
    assert "focal-" not in body
    rows = api_get(observer, "/api/v1/consultations/").json()["results"]
    assert [row["current_round"] for row in rows] == [None]


def test_members_read_the_answers_and_who_gave_them(setting, public_outcome):
    data = detail(setting.focal_points["HN"], public_outcome).json()
    answers = [a for r in data["rounds"] for a in r["answers"]]
    assert MEMBERS_REASON in [a["text"] for a in answers]
    assert "focal-gt" in [a["answered_by"] for a in answers]
    assert data["created_by"] == "focal-mx"


def test_the_public_page_shows_the_outcome_and_not_the_deliberation(
    client, setting, public_outcome
):
    text = page(client, None, public_outcome).text
    assert public_outcome.agreement.get_absolute_url() in text
    assert "To issue a joint statement referring to the Regional Guidelines." in text
    assert MEMBERS_REASON not in text
    assert "focal-" not in text
    assert "Members&#x27; round 1" not in text


def test_the_page_shows_members_the_answers(client, setting, public_outcome):
    text = page(client, setting.focal_points["HN"], public_outcome).text
    assert MEMBERS_REASON in text


# --- F12: the agreement a consultation follows up ---------------------------------------------


@pytest.fixture
def closed_door_agreement():
    """An agreement of a closed-door meeting on which the PPT's focal point is not named."""
    meeting = MeetingFactory(visibility=Visibility.RESTRICTED)
    return AgreementFactory(meeting=meeting, visibility=Visibility.RESTRICTED)


def link_earlier(setting, consultation, agreement_id):
    client = APIClient()
    client.force_authenticate(setting.ppt)
    path = f"/api/v1/consultations/{consultation.pk}/"
    return client.patch(
        path,
        {"earlier_agreement": agreement_id},
        format="json",
        HTTP_IF_MATCH=client.get(path)["ETag"],
    )


def test_the_ppt_cannot_link_a_consultation_to_an_agreement_it_cannot_see(
    setting, closed_door_agreement
):
    consultation = drafted(setting)
    hidden = link_earlier(setting, consultation, closed_door_agreement.pk)
    missing_id = closed_door_agreement.pk + 1000
    missing = link_earlier(setting, consultation, missing_id)
    assert hidden.status_code == missing.status_code == 400
    # The same answer as for an agreement that does not exist, but for the number asked.
    assert str(hidden.json()).replace(str(closed_door_agreement.pk), "N") == str(
        missing.json()
    ).replace(str(missing_id), "N")
    consultation.refresh_from_db()
    assert consultation.earlier_agreement_id is None


def test_the_ppt_cannot_draft_a_consultation_following_up_an_agreement_it_cannot_see(
    closed_door_agreement,
):
    setting = conference(year=timezone.localdate().year)
    client = APIClient()
    client.force_authenticate(setting.ppt)
    response = client.post(
        "/api/v1/consultations/",
        {
            "subject": "Follow-up",
            "text_en": "To act on it.",
            "earlier_agreement": closed_door_agreement.pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "earlier_agreement" in response.json()["errors"]
    assert not Consultation.objects.exists()


def test_the_service_refuses_an_agreement_its_author_cannot_see(setting, closed_door_agreement):
    consultation = drafted(setting)
    with pytest.raises(ValidationError) as refused:
        services.consultation_update(
            consultation=consultation, by=setting.ppt, earlier_agreement=closed_door_agreement
        )
    assert "earlier_agreement" in refused.value.message_dict


def test_ts_staff_link_a_consultation_to_a_closed_door_agreement(setting, closed_door_agreement):
    consultation = drafted(setting)
    services.consultation_update(
        consultation=consultation, by=setting.ts, earlier_agreement=closed_door_agreement
    )
    consultation.refresh_from_db()
    assert consultation.earlier_agreement == closed_door_agreement
