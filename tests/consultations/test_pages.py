"""The consultation pages: who has answered, who has not, the time left, and the forms."""

import datetime

import pytest
from django.utils import timezone

from consultations.models import ConsultationAnswer
from rcm.models import Visibility
from tests.consultations.factories import (
    agreed,
    answer_all,
    conference,
    drafted,
    in_members_round,
    in_troika_review,
)
from tests.factories import observer_country, observer_user

pytestmark = pytest.mark.django_db

ALL_MEMBERS = ("MX", "GT", "CR", "HN", "SV", "PA", "NI", "BZ", "CA", "US", "DO")


def recent_start() -> datetime.datetime:
    """Two days ago: a round opened yesterday is open now, whatever the day the tests run."""
    return timezone.now() - datetime.timedelta(days=2)


@pytest.fixture
def setting():
    start = recent_start()
    return conference(
        year=timezone.localdate(start - datetime.timedelta(days=1)).year,
        members=("MX", "GT", "CR", "HN"),
    )


@pytest.fixture
def open_round(setting):
    """A members' round, open now, that Mexico and Guatemala have answered."""
    consultation = in_members_round(setting, start=recent_start())
    answer_all(setting, consultation, ["MX"], now=timezone.now())
    answer_all(setting, consultation, ["GT"], "propose_changes", now=timezone.now())
    return consultation


def page(consultation):
    return f"/consultations/{consultation.pk}/"


def test_the_page_shows_who_has_answered_who_has_not_and_the_time_left(client, setting, open_round):
    client.force_login(setting.ppt)
    response = client.get(page(open_round))
    assert response.status_code == 200
    rows = {row["country"].code: row["answer"] for row in response.context["current_rows"]}
    assert (rows["MX"].answer, rows["GT"].answer, rows["CR"], rows["HN"]) == (
        "agree",
        "propose_changes",
        None,
        None,
    )
    assert "Time left:" in response.text
    assert "2 of 4 countries have answered." in response.text
    assert response.text.count("Has not answered yet") == 2
    assert "Add a reference to the Regional Guidelines." in response.text


def test_a_focal_point_asked_gets_the_answer_form(client, setting, open_round):
    client.force_login(setting.focal_points["CR"])
    assert 'id="answer-form"' in client.get(page(open_round)).text


def test_a_focal_point_answers_from_the_page(client, setting, open_round):
    client.force_login(setting.focal_points["CR"])
    response = client.post(page(open_round), {"form": "answer", "answer": "agree"})
    assert response.status_code == 302
    assert ConsultationAnswer.objects.get(country_id="CR", round__kind="members").answer == "agree"
    assert 'id="answer-form"' not in client.get(page(open_round)).text


def test_proposed_changes_without_text_are_sent_back_with_the_reason(client, setting, open_round):
    client.force_login(setting.focal_points["CR"])
    response = client.post(page(open_round), {"form": "answer", "answer": "propose_changes"})
    assert response.status_code == 400
    assert "Write the changes your country proposes." in response.text
    assert not ConsultationAnswer.objects.filter(country_id="CR", round__kind="members").exists()


def test_a_second_answer_from_the_page_is_refused_with_the_reason(client, setting, open_round):
    client.force_login(setting.focal_points["GT"])
    response = client.post(page(open_round), {"form": "answer", "answer": "agree"})
    assert response.status_code == 400
    assert "Guatemala already answered" in response.text
    assert ConsultationAnswer.objects.get(country_id="GT", round__kind="members").answer == (
        "propose_changes"
    )


def test_the_ppt_gets_the_next_steps_and_others_do_not(client, setting, open_round):
    client.force_login(setting.ppt)
    text = client.get(page(open_round)).text
    assert 'id="transition-amended"' in text
    assert 'id="transition-withdrawn"' in text
    client.force_login(setting.focal_points["GT"])
    assert 'id="transition-amended"' not in client.get(page(open_round)).text


def test_the_ppt_takes_a_step_from_the_page(client, setting):
    consultation = drafted(setting, now=timezone.now())
    client.force_login(setting.ppt)
    response = client.post(page(consultation), {"form": "transition", "to": "troika_review"})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.state == "troika_review"


def test_a_step_refused_shows_why_and_changes_nothing(client, setting, open_round):
    client.force_login(setting.ppt)
    response = client.post(page(open_round), {"form": "transition", "to": "agreed"})
    assert response.status_code == 400
    assert "still waiting for: Costa Rica, Honduras" in response.text
    open_round.refresh_from_db()
    assert open_round.state == "members_round"


def test_a_member_that_is_not_the_ppt_cannot_take_a_step(client, setting, open_round):
    client.force_login(setting.focal_points["GT"])
    response = client.post(page(open_round), {"form": "transition", "to": "withdrawn"})
    assert response.status_code == 403
    open_round.refresh_from_db()
    assert open_round.state == "members_round"


def test_a_members_consultation_answers_404_to_anonymous_users_and_observers(
    client, setting, open_round
):
    assert client.get(page(open_round)).status_code == 404
    client.force_login(observer_user(country=observer_country("AR"), username="observer-ar"))
    assert client.get(page(open_round)).status_code == 404
    assert client.post(page(open_round), {"form": "answer", "answer": "agree"}).status_code == 404


def test_the_troika_review_answers_404_to_members_outside_the_troika(client, setting):
    consultation = in_troika_review(setting, now=recent_start())
    client.force_login(setting.focal_points["HN"])
    assert client.get(page(consultation)).status_code == 404
    client.force_login(setting.focal_points["GT"])
    assert client.get(page(consultation)).status_code == 200


def test_a_public_outcome_is_shown_to_anyone_with_its_agreement(client, setting):
    consultation = agreed(setting, start=recent_start(), visibility=Visibility.PUBLIC)
    response = client.get(page(consultation))
    assert response.status_code == 200
    assert consultation.agreement.get_absolute_url() in response.text
    assert 'id="answer-form"' not in response.text
    assert client.post(page(consultation), {"form": "answer", "answer": "agree"}).status_code == (
        403
    )


def test_the_list_shows_each_consultation_with_its_round(client, setting, open_round):
    client.force_login(setting.focal_points["HN"])
    response = client.get("/consultations/")
    assert response.status_code == 200
    assert open_round.subject in response.text
    assert "Members&#x27; round 1" in response.text
    assert "2 of 4" in response.text


def test_the_list_hides_what_a_user_may_not_see(client, setting, open_round):
    drafted(setting, now=timezone.now(), subject="A draft of the PPT")
    client.force_login(setting.focal_points["GT"])
    assert "A draft of the PPT" not in client.get("/consultations/").text
    client.logout()
    assert client.get("/consultations/").context["page"].paginator.count == 0


def test_the_ppt_in_office_drafts_from_the_list(client):
    setting = conference(year=timezone.localdate().year)
    client.force_login(setting.ppt)
    assert 'id="new-consultation-form"' in client.get("/consultations/").text
    response = client.post(
        "/consultations/", {"subject": "Caravan", "text_en": "To issue a joint statement."}
    )
    assert response.status_code == 302
    client.force_login(setting.focal_points["GT"])
    assert 'id="new-consultation-form"' not in client.get("/consultations/").text
    assert client.post("/consultations/", {"subject": "S", "text_en": "T"}).status_code == 403


@pytest.mark.parametrize("members", [ALL_MEMBERS[:3], ALL_MEMBERS])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, members):
    start = recent_start()
    setting = conference(
        year=timezone.localdate(start - datetime.timedelta(days=1)).year, members=members
    )
    consultation = in_members_round(setting, start=start)
    answer_all(setting, consultation, setting.members, now=timezone.now())
    client.force_login(setting.ts)
    # session; user; the user's roles; the consultation with its presidency, PPT, outcome and
    # the agreement it follows up; its rounds with their versions; the countries asked; the
    # answers; the versions; the steps taken.
    with django_assert_max_num_queries(9):
        response = client.get(page(consultation))
    assert len(response.context["current_rows"]) == len(members)


@pytest.mark.parametrize("count", [1, 10])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    start = recent_start()
    setting = conference(year=timezone.localdate(start - datetime.timedelta(days=1)).year)
    for _ in range(count):
        answer_all(setting, in_members_round(setting, start=start), ["GT"], now=timezone.now())
    client.force_login(setting.ts)
    # session; user; the user's roles; count; consultations with their presidency and PPT;
    # their rounds; the countries asked; the answers; the presidencies (is one in office?).
    with django_assert_max_num_queries(9):
        response = client.get("/consultations/")
    assert response.context["page"].paginator.count == count


def test_an_unknown_step_from_the_page_is_refused_with_a_message(client, setting, open_round):
    client.force_login(setting.ppt)
    response = client.post(page(open_round), {"form": "transition", "to": "approved"})
    assert response.status_code == 400
    assert "Choose one of the next steps offered." in response.text


def test_every_page_s_navigation_leads_to_the_consultations_in_both_languages(client):
    assert '<a href="/consultations/">Consultations</a>' in client.get("/").text
    spanish = client.get("/", HTTP_ACCEPT_LANGUAGE="es").text
    assert '<a href="/consultations/">Consultas</a>' in spanish
