"""/api/v1/consultations/: the whole procedure through the API, its refusals and its costs."""

import datetime

import pytest
from django.utils import timezone
from rest_framework import status
from rest_framework.test import APIClient

from consultations.models import Consultation, ConsultationAnswer, ConsultationTransition
from rcm.models import Visibility
from tests.consultations.factories import (
    agreed,
    answer_all,
    at,
    conference,
    drafted,
    in_members_round,
    in_troika_review,
)
from tests.factories import AgreementFactory, observer_country, observer_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as():
    """api_as(user) → an API client signed in as that user (None for anonymous)."""

    def make(user):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def today_setting():
    """A conference whose presidency is in office today, for steps taken at the real time."""
    return conference(year=timezone.localdate().year)


@pytest.fixture
def recent():
    """A consultation sent to the Troika two days ago, whose members' round opened yesterday:
    its round is open now, whatever the day the tests run."""
    start = timezone.now() - datetime.timedelta(days=2)
    setting = conference(year=timezone.localdate(start - datetime.timedelta(days=1)).year)
    return setting, in_members_round(setting, start=start)


def url(consultation_id, action=""):
    return f"/api/v1/consultations/{consultation_id}/" + (f"{action}/" if action else "")


def test_a_full_consultation_with_one_amended_round_runs_through_the_api(api_as, today_setting):
    setting = today_setting
    ppt = api_as(setting.ppt)

    def step(to, **body):
        response = ppt.post(url(pk, "transitions"), {"to": to, **body}, format="json")
        assert response.status_code == status.HTTP_201_CREATED, response.json()
        return response.json()

    def answer(code, value="agree", text=""):
        response = api_as(setting.focal_points[code]).post(
            url(pk, "answers"), {"answer": value, "text": text}, format="json"
        )
        assert response.status_code == status.HTTP_201_CREATED, response.json()
        return response.json()

    created = ppt.post(
        "/api/v1/consultations/",
        {
            "subject": "Joint statement on the migrant caravan",
            "text_en": "To issue a joint statement.",
            "text_es": "Emitir una declaración conjunta.",
        },
        format="json",
    )
    assert created.status_code == status.HTTP_201_CREATED, created.json()
    pk = created.json()["id"]
    assert created.json()["state"] == "draft"
    assert created.json()["allowed_transitions"] == ["troika_review", "withdrawn"]

    data = step("troika_review")
    assert data["current_round"]["kind"] == "troika"
    assert data["current_round"]["asked"] == ["CR", "GT", "MX"]
    for code in setting.troika:
        answer(code)

    data = step("members_round")
    assert data["current_round"]["label"] == "Members' round 1"
    answer("MX")
    answer("GT", "propose_changes", "Refer to the Regional Guidelines.")
    progress = ppt.get(url(pk)).json()["current_round"]
    assert (progress["answered"], progress["not_answered"]) == (["GT", "MX"], ["CR"])
    assert progress["is_open"] is True
    assert progress["time_left_seconds"] > 0
    answer("CR")

    data = step("amended", text="To issue a joint statement referring to the Guidelines.")
    assert [v["number"] for v in data["versions"]] == [1, 2]
    data = step("members_round")
    assert (data["current_round"]["number"], data["current_round"]["version"]) == (2, 2)
    for code in setting.members:
        answer(code)
    assert ppt.get(url(pk)).json()["current_round"]["consensus"] is True

    data = step("agreed")
    step("launched")
    data = step("result_reported", text="The statement was issued.")

    assert data["state"] == "result_reported"
    assert [t["to_state"] for t in data["transitions"]] == [
        "draft",
        "troika_review",
        "members_round",
        "amended",
        "members_round",
        "agreed",
        "launched",
        "result_reported",
    ]
    assert [r["label"] for r in data["rounds"]] == [
        "Troika review 1",
        "Members' round 1",
        "Members' round 2",
    ]
    assert data["rounds"][1]["answers"][1]["answer"] == "propose_changes"
    assert data["allowed_transitions"] == []
    outcome = ppt.get(f"/api/v1/agreements/{data['agreement']}/").json()
    assert outcome["section"] == "consultation"
    assert outcome["text_en"] == "To issue a joint statement referring to the Guidelines."
    assert outcome["responsible"] == ["MX"]
    # The PPT's launch and result are follow-up updates for the TS to validate; the result,
    # the country's latest word, replaces the launch while both wait (the steps keep both).
    updates = ppt.get(f"/api/v1/agreements/{data['agreement']}/follow-ups/").json()["results"]
    assert [(u["status"], u["validation"]) for u in updates] == [
        ("in_progress", "replaced"),
        ("done", "proposed"),
    ]


def test_the_detail_carries_an_etag_that_ignores_the_clock(api_as, recent):
    setting, consultation = recent
    client = api_as(setting.ppt)
    first = client.get(url(consultation.pk))
    again = client.get(url(consultation.pk), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == status.HTTP_304_NOT_MODIFIED


def test_a_correction_needs_the_etag_of_the_version_read(api_as, today_setting):
    consultation = drafted(today_setting, now=timezone.now())
    client = api_as(today_setting.ppt)
    target = url(consultation.pk)
    missing = client.patch(target, {"subject": "Amended subject"}, format="json")
    assert missing.status_code == status.HTTP_428_PRECONDITION_REQUIRED
    etag = client.get(target)["ETag"]
    won = client.patch(target, {"subject": "Amended subject"}, format="json", HTTP_IF_MATCH=etag)
    lost = client.patch(target, {"subject": "Other subject"}, format="json", HTTP_IF_MATCH=etag)
    assert won.status_code == status.HTTP_200_OK
    assert lost.status_code == status.HTTP_412_PRECONDITION_FAILED
    assert Consultation.objects.get().subject == "Amended subject"


def test_a_restricted_visibility_is_refused(api_as, today_setting):
    consultation = drafted(today_setting, now=timezone.now())
    client = api_as(today_setting.ppt)
    response = client.patch(
        url(consultation.pk),
        {"visibility": "restricted"},
        format="json",
        HTTP_IF_MATCH=client.get(url(consultation.pk))["ETag"],
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "visibility" in response.json()["errors"]


def test_a_focal_point_of_another_country_cannot_start_a_consultation(api_as, today_setting):
    response = api_as(today_setting.focal_points["GT"]).post(
        "/api/v1/consultations/", {"subject": "S", "text_en": "To do."}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "Mexico" in response.json()["detail"]
    assert not Consultation.objects.exists()


def test_a_consultation_needs_its_text(api_as, today_setting):
    response = api_as(today_setting.ppt).post(
        "/api/v1/consultations/", {"subject": "S"}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    assert "text_en" in response.json()["errors"]


def test_a_step_out_of_order_answers_400_and_changes_nothing(api_as):
    setting = conference()
    consultation = drafted(setting)
    response = api_as(setting.ppt).post(
        url(consultation.pk, "transitions"), {"to": "agreed"}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert response["Content-Type"] == "application/problem+json"
    assert "cannot go to" in response.json()["errors"]["to"][0]
    assert ConsultationTransition.objects.count() == 1


def test_an_unknown_state_answers_400(api_as):
    setting = conference()
    consultation = drafted(setting)
    response = api_as(setting.ppt).post(
        url(consultation.pk, "transitions"), {"to": "approved"}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "approved" in response.json()["errors"]["to"][0]


def test_a_member_that_is_not_the_ppt_cannot_take_a_step(api_as):
    setting = conference()
    consultation = in_members_round(setting)
    response = api_as(setting.focal_points["GT"]).post(
        url(consultation.pk, "transitions"), {"to": "withdrawn"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "Only the Presidency Pro-Tempore" in response.json()["detail"]


def test_anonymous_users_cannot_take_a_step_or_answer(api_as):
    setting = conference()
    consultation = in_members_round(setting, visibility=Visibility.PUBLIC)
    anonymous = api_as(None)
    for action, body in (("transitions", {"to": "withdrawn"}), ("answers", {"answer": "agree"})):
        response = anonymous.post(url(consultation.pk, action), body, format="json")
        assert response.status_code in (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)
    assert Consultation.objects.get().state == "members_round"


def test_an_answer_after_the_deadline_answers_400_with_the_reason(api_as):
    setting = conference()
    consultation = in_members_round(setting, start=at("2026-01-05"))  # deadline: 13 January
    response = api_as(setting.focal_points["GT"]).post(
        url(consultation.pk, "answers"), {"answer": "agree"}, format="json"
    )
    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "answers are no longer taken" in response.json()["errors"]["non_field_errors"][0]
    assert not ConsultationAnswer.objects.filter(round__kind="members").exists()


def test_a_second_answer_answers_400(api_as, recent):
    setting, consultation = recent
    client = api_as(setting.focal_points["GT"])
    client.post(url(consultation.pk, "answers"), {"answer": "agree"}, format="json")
    again = client.post(url(consultation.pk, "answers"), {"answer": "object"}, format="json")
    assert again.status_code == status.HTTP_400_BAD_REQUEST
    assert "already answered" in again.json()["errors"]["non_field_errors"][0]


def test_a_focal_point_cannot_answer_for_another_country(api_as, recent):
    setting, consultation = recent
    response = api_as(setting.focal_points["GT"]).post(
        url(consultation.pk, "answers"), {"answer": "agree", "country": "MX"}, format="json"
    )
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "not for Mexico" in response.json()["detail"]
    assert not ConsultationAnswer.objects.filter(round__kind="members").exists()


def test_an_observer_neither_sees_nor_answers_a_members_consultation(api_as, recent):
    _setting, consultation = recent
    observer = api_as(observer_user(country=observer_country("AR"), username="observer-ar"))
    assert observer.get(url(consultation.pk)).status_code == status.HTTP_404_NOT_FOUND
    response = observer.post(url(consultation.pk, "answers"), {"answer": "agree"}, format="json")
    # Who may answer is checked first: the refusal says nothing of the consultation.
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert (
        response.json()["detail"] == "Observers do not answer consultations: member countries do."
    )
    assert not ConsultationAnswer.objects.filter(round__kind="members").exists()


def test_an_observer_may_read_a_public_outcome_but_not_answer(api_as):
    setting = conference()
    consultation = agreed(setting, visibility=Visibility.PUBLIC)
    observer = api_as(observer_user(country=observer_country("AR"), username="observer-ar"))
    assert observer.get(url(consultation.pk)).status_code == status.HTTP_200_OK
    response = observer.post(url(consultation.pk, "answers"), {"answer": "agree"}, format="json")
    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "Observers do not answer" in response.json()["detail"]


def test_the_troika_review_is_confidential_to_the_troika(api_as):
    setting = conference(members=("MX", "GT", "CR", "HN"))
    consultation = in_troika_review(setting)
    assert api_as(setting.focal_points["HN"]).get(url(consultation.pk)).status_code == 404
    assert api_as(setting.focal_points["GT"]).get(url(consultation.pk)).status_code == 200
    assert api_as(None).get("/api/v1/consultations/").json()["count"] == 0


def test_a_draft_is_the_ppts_own(api_as):
    setting = conference()
    consultation = drafted(setting)
    assert api_as(setting.focal_points["GT"]).get(url(consultation.pk)).status_code == 404
    assert api_as(setting.ppt).get(url(consultation.pk)).status_code == 200
    assert api_as(setting.ts).get(url(consultation.pk)).status_code == 200


def test_the_list_filters_rounds_awaiting_a_country(api_as, recent):
    setting, waiting = recent
    answer_all(setting, waiting, ["CR"], now=timezone.now())
    client = api_as(setting.ts)
    rows = client.get("/api/v1/consultations/?awaiting=gt").json()["results"]
    assert [row["id"] for row in rows] == [waiting.pk]
    assert client.get("/api/v1/consultations/?awaiting=CR").json()["count"] == 0
    assert client.get("/api/v1/consultations/?state=members_round&ppt=MX").json()["count"] == 1


def test_the_list_exports_to_csv(api_as):
    setting = conference()
    in_members_round(setting)
    response = api_as(setting.ts).get("/api/v1/consultations/?format=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Joint statement on the migrant caravan" in body


@pytest.mark.parametrize("count", [1, 12])
def test_the_list_runs_a_fixed_number_of_queries(api_as, django_assert_max_num_queries, count):
    setting = conference(members=("MX", "GT", "CR", "HN", "SV", "PA"))
    for _ in range(count):
        consultation = in_members_round(setting)
        answer_all(setting, consultation, setting.members, now=at("2026-12-21"))
    client = api_as(setting.ts)
    # the user's roles; count; consultations with their presidency, PPT, author, outcome;
    # their rounds with versions; the countries asked; the answers with who gave them.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_max_num_queries(7):
        response = client.get("/api/v1/consultations/")
    assert response.json()["count"] == count


@pytest.mark.parametrize("extra_members", [0, 8])
def test_the_detail_runs_a_fixed_number_of_queries(
    api_as, django_assert_max_num_queries, extra_members
):
    codes = ["MX", "GT", "CR", "HN", "SV", "PA", "NI", "BZ", "CA", "US", "DO"]
    setting = conference(members=codes[: 3 + extra_members])
    consultation = in_members_round(setting)
    answer_all(setting, consultation, setting.members, now=at("2026-12-21"))
    client = api_as(setting.ts)
    # the user's roles; the consultation; its rounds; countries asked; answers; versions;
    # transitions.
    with django_assert_max_num_queries(7):
        data = client.get(url(consultation.pk)).json()
    assert len(data["current_round"]["answers"]) == 3 + extra_members


def test_the_ppt_names_the_agreement_a_consultation_follows_up(api_as, today_setting):
    earlier = AgreementFactory()
    consultation = drafted(today_setting, now=timezone.now())
    client = api_as(today_setting.ppt)
    response = client.patch(
        url(consultation.pk),
        {"earlier_agreement": earlier.pk},
        format="json",
        HTTP_IF_MATCH=client.get(url(consultation.pk))["ETag"],
    )
    assert response.status_code == status.HTTP_200_OK
    assert response.json()["earlier_agreement"] == earlier.pk
