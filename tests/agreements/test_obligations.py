"""Whether an item is followed up comes from the tasks it gives, not from its opening verb."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.importer.obligations import find_obligations, has_obligation, meeting_deadline
from agreements.models import Action, Agreement, FollowUpOverride, Status
from tests.factories import AgreementFactory, MeetingFactory, member_country

TASKS = [
    "The TS will circulate the document and request Member Countries to submit their input.",
    "Countries that have not yet confirmed attendance should do so as soon as possible.",
    "Countries are urged to submit the matrix on extra-continental migration flows.",
    "Request the review no later than the first quarter of the year 2022.",
    "Mexico is to present the report at the next meeting of the RCGM.",
    "A document which will be circulated by the TS for feedback within a two-month period.",
    "A document to receive feedback through the TS and be presented at the next meeting.",
    "Los países deberán enviar sus comentarios.",
    "Se solicita a la ST circular el documento.",
    "Se insta a los Países Miembros a pagar sus contribuciones.",
    "Guatemala presentará el informe en la próxima reunión.",
    "La ST circulará el documento a más tardar el 31 de marzo.",
    "Enviar comentarios en un plazo de dos meses.",
]
NO_TASKS = [
    "To thank Mexico for its update on the progress of the Ad-hoc Working Group.",
    "Take note of the report on the Seminar held in La Antigua Guatemala on August 27th, 2013.",
    "To thank the Observer Organizations for their support and to recognize civil society.",
    "Take note of the request of Chile for observer status.",
    "Agradecer a México por la exitosa organización de la reunión.",
    "Tomar nota del informe presentado por la OIM.",
]


@pytest.mark.parametrize("text", TASKS)
def test_a_clause_that_gives_a_task_is_an_obligation(text):
    assert has_obligation(text)


@pytest.mark.parametrize("text", NO_TASKS)
def test_a_thank_or_a_note_without_a_task_is_no_obligation(text):
    assert find_obligations(text) == []


def test_the_obligation_names_its_clause_and_its_words():
    text = "To thank and take note of the document. The TS will circulate the document."
    [obligation] = find_obligations(text)
    assert obligation.clause == "The TS will circulate the document."
    assert obligation.words == "will circulate"


def test_the_spanish_text_counts_as_well_as_the_english():
    assert has_obligation("To thank Costa Rica.", "Costa Rica deberá presentar el documento.")


def test_the_next_meeting_of_a_body_is_read_as_a_deadline():
    assert meeting_deadline("at the next meeting of the RCGM") == "rcgm"
    assert meeting_deadline("before the next RCM") == "vice_ministerial"
    assert meeting_deadline("en la próxima reunión del GRCM") == "rcgm"
    assert meeting_deadline("within a two-month period") is None


def test_a_note_that_gives_a_task_needs_follow_up():
    agreement = Agreement(
        action=Action.NOTE,
        text_en="Take note of the proposal, which will be circulated by the TS for comments.",
    )
    assert agreement.needs_follow_up
    assert agreement.initial_status == Status.OPEN


def test_a_thank_without_a_task_needs_no_follow_up():
    agreement = Agreement(action=Action.THANK, text_en="To thank Mexico for its presentation.")
    assert not agreement.needs_follow_up
    assert agreement.initial_status == Status.NO_FOLLOW_UP


@pytest.mark.django_db
def test_a_created_note_that_gives_a_task_opens_with_its_responsible_countries(ts_staff, mexico):
    agreement = services.agreement_create(
        author=ts_staff,
        meeting=MeetingFactory(),
        section="conclusion",
        ref="16",
        action=Action.NOTE,
        text_en="Take note of the proposal, which Mexico will circulate within two months.",
        actors=[mexico],
        responsible={"MX"},
    )
    assert agreement.status == Status.OPEN
    assert agreement.country_links.get().status == Status.OPEN


@pytest.mark.django_db
def test_a_note_recorded_without_follow_up_cannot_hide_a_task():
    agreement = AgreementFactory.build(
        meeting=MeetingFactory(),
        action=Action.NOTE,
        text_en="Take note of the document, which the TS will circulate.",
        status=Status.NO_FOLLOW_UP,
    )
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "status" in error.value.message_dict


def thank_with_a_task():
    return AgreementFactory(
        action=Action.THANK,
        text_en="To thank Mexico. Mexico will circulate its report.",
        status=Status.OPEN,
        responsible=[member_country("MX")],
    )


@pytest.mark.django_db
def test_ts_staff_decide_an_item_is_not_followed_up_and_the_history_keeps_why(ts_staff):
    agreement = thank_with_a_task()
    services.agreement_decide_follow_up(
        agreement=agreement,
        author=ts_staff,
        decision=FollowUpOverride.NO_FOLLOW_UP,
        reason="The report was circulated at the meeting itself.",
    )
    agreement.refresh_from_db()
    assert agreement.status == Status.NO_FOLLOW_UP
    assert agreement.country_links.get().status == ""
    latest = agreement.history.latest()
    assert latest.follow_up_override_reason == "The report was circulated at the meeting itself."
    assert latest.history_change_reason == "The report was circulated at the meeting itself."


@pytest.mark.django_db
def test_a_decision_on_the_follow_up_without_a_reason_is_refused_and_changes_nothing(ts_staff):
    agreement = thank_with_a_task()
    with pytest.raises(ValidationError) as error:
        services.agreement_decide_follow_up(
            agreement=agreement,
            author=ts_staff,
            decision=FollowUpOverride.NO_FOLLOW_UP,
            reason="  ",
        )
    assert "follow_up_override_reason" in error.value.message_dict
    agreement.refresh_from_db()
    assert (agreement.status, agreement.follow_up_override) == (Status.OPEN, "")


@pytest.mark.django_db
def test_only_ts_staff_decide_whether_an_item_is_followed_up(focal_point_mx):
    agreement = thank_with_a_task()
    with pytest.raises(PermissionDenied):
        services.agreement_decide_follow_up(
            agreement=agreement,
            author=focal_point_mx,
            decision=FollowUpOverride.NO_FOLLOW_UP,
            reason="Nothing to do.",
        )
    agreement.refresh_from_db()
    assert agreement.status == Status.OPEN


@pytest.mark.django_db
def test_ts_staff_decide_a_thank_without_a_task_is_followed_up(ts_staff):
    agreement = AgreementFactory(
        action=Action.THANK, text_en="To thank Mexico.", status=Status.NO_FOLLOW_UP
    )
    services.agreement_decide_follow_up(
        agreement=agreement,
        author=ts_staff,
        decision=FollowUpOverride.FOLLOW_UP,
        reason="Mexico offered to host the next workshop.",
    )
    agreement.refresh_from_db()
    assert agreement.status == Status.OPEN


@pytest.mark.django_db
def test_the_admin_refuses_a_decision_without_a_reason(client, ts_staff):
    from tests.admin_forms import change_form_data

    agreement = thank_with_a_task()
    client.force_login(ts_staff)
    url = f"/admin/agreements/agreement/{agreement.pk}/change/"
    data = change_form_data(client.get(url))
    data["follow_up_override"] = FollowUpOverride.NO_FOLLOW_UP
    data["follow_up_override_reason"] = ""
    response = client.post(url, data)
    assert response.status_code == 200
    assert "follow_up_override_reason" in response.context["adminform"].form.errors
    agreement.refresh_from_db()
    assert (agreement.status, agreement.follow_up_override) == (Status.OPEN, "")


@pytest.mark.django_db
def test_the_admin_records_a_decision_with_its_reason_and_moves_the_status(client, ts_staff):
    from tests.admin_forms import change_form_data

    agreement = thank_with_a_task()
    client.force_login(ts_staff)
    url = f"/admin/agreements/agreement/{agreement.pk}/change/"
    data = change_form_data(client.get(url))
    data["follow_up_override"] = FollowUpOverride.NO_FOLLOW_UP
    data["follow_up_override_reason"] = "Circulated during the meeting."
    response = client.post(url, data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Status.NO_FOLLOW_UP
    assert agreement.country_links.get().status == ""
