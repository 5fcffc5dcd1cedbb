"""The admin shows a consultation's versions, rounds, answers and steps, and drafts new ones."""

import pytest
from django.utils import timezone

from consultations.models import Consultation
from tests.consultations.factories import answer_all, at, conference, in_members_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    setting = conference()
    setting.ts.is_superuser = True
    setting.ts.save()
    return setting


def test_the_change_page_shows_versions_rounds_answers_and_steps(client, setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["GT"], "object", now=at("2026-12-21"))
    client.force_login(setting.ts)
    response = client.get(f"/admin/consultations/consultation/{consultation.pk}/change/")
    assert response.status_code == 200
    assert "To issue a joint statement" in response.text
    assert "GT: Objects" in response.text
    assert "troika_review" in response.text or "Troika review" in response.text


def test_the_round_page_lists_its_answers(client, setting):
    consultation = in_members_round(setting)
    answer_all(setting, consultation, ["GT"], now=at("2026-12-21"))
    round = consultation.rounds.get(kind="members")
    client.force_login(setting.ts)
    response = client.get(f"/admin/consultations/consultationround/{round.pk}/change/")
    assert response.status_code == 200
    assert "Agrees" in response.text


def test_ts_staff_draft_a_consultation_in_the_admin(client):
    setting = conference(year=timezone.localdate().year)
    setting.ts.is_superuser = True
    setting.ts.save()
    client.force_login(setting.ts)
    response = client.post(
        "/admin/consultations/consultation/add/",
        {
            "subject": "Caravan",
            "text_en": "To issue a joint statement.",
            "text_es": "",
            "visibility": "members",
            "earlier_agreement": "",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert (consultation.state, consultation.created_by) == ("draft", setting.ts)
    assert consultation.versions.get().text_en == "To issue a joint statement."
