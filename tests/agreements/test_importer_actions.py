"""What kind of agreement an item is, and who must act on it."""

import pytest

from agreements.importer import MEMBER_COUNTRIES, classify_action, opening_is_known, responsible

MEMBERS = list(MEMBER_COUNTRIES)


# --- The opening verb ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (
            "To accept the TS Activity and Financial Report for the May – October 2013 period.",
            "accept",
        ),
        ("Take note of the report on the participation of the TS Coordinator.", "note"),
        ("To take note of reports on the following activities:", "note"),
        ("Approve the reports of the Liaison Officers Network for Consular Protection.", "approve"),
        ("To recommend approval of the 2022 Budget of the Executive Secretariat.", "recommend"),
        ("Consider the approval of the Guide for Secretariats.", "consider"),
        ("To urge the RCM Member Countries to submit the information.", "urge"),
        ("Request the review no later than the first quarter of the year 2022.", "request"),
        ("The TS will submit quarterly reports on execution of the Fund.", "submit"),
        ("Organize the first meeting between Mexico, Costa Rica and Panama.", "hold"),
    ],
)
def test_the_opening_verb_gives_the_action(text, action):
    assert classify_action(text, "en") == action


def test_the_first_of_several_verbs_counts():
    assert classify_action("To thank and take note of the document presented by RNCOM.") == "thank"
    assert classify_action("Take note, thank and recognize the Dominican Republic.") == "note"
    assert classify_action("To accept and thank the RCM Executive Secretariat (ES).") == "accept"


@pytest.mark.parametrize(
    "text",
    [
        "To congratulate Mexico as PPT for the reflection.",
        "To recognize the efforts of Panama and Colombia.",
        "To welcome Mexico's initiative to hold this type of meeting.",
        "Thank the TS Coordinator for the explanation.",
    ],
)
def test_congratulations_recognition_and_welcome_are_thanks(text):
    assert classify_action(text) == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "Countries are urged to submit the matrix on extra-continental migration flows.",
        "To encourage the SACM to ensure that High-Level Dialogue initiatives continue.",
        "To call for improved health care access for migrants in transit.",
        "To invite the observer organizations to continue their support.",
    ],
)
def test_encourage_call_for_and_invite_are_urging(text):
    assert classify_action(text) == "urge"


def test_updating_the_calendar_is_approving_it():
    assert classify_action("To update the RCM calendar as follows:") == "approve"


@pytest.mark.parametrize(
    "text",
    [
        "Workshop on Migration and Health, to be held in Costa Rica, with the support of IOM.",
        "Continuation of the Regional Framework of Qualifications.",
        "XXVII Vice-Ministerial Meeting",
        "II Online Course on Trafficking in persons, given by UNAM.",
        "To develop the III Diploma Course on Labour Migration.",
        "Costa Rica will organize a workshop on social integration of migrants.",
    ],
)
def test_activities_are_held(text):
    assert classify_action(text) == "hold"


def test_developing_something_that_is_no_activity_is_other():
    assert classify_action("Develop information exchange mechanisms between governments.") == (
        "other"
    )


def test_an_item_opening_with_a_document_title_says_nothing_of_its_action():
    text = "Operational Guide for the Determination of the Best Interests of the Child."
    assert classify_action(text) == "other"
    assert not opening_is_known(text)


def test_a_report_on_an_activity_already_held_takes_its_action_from_the_parent():
    text = "Seminar on Migrant Children held in La Antigua Guatemala on August 27th – 28th, 2013."
    assert not opening_is_known(text)


def test_a_preface_before_the_verb_is_skipped():
    text = (
        "Regarding the Report of the Working Group on Protection, note that the document "
        "needs time."
    )
    assert classify_action(text) == "note"


def test_it_is_recommended_is_a_recommendation():
    assert classify_action("It is recommended that the lines of action be used.") == "recommend"


def test_subject_clauses_take_the_action_of_their_verb():
    assert classify_action("The RNCOM will send to the RCM Technical Secretariat a proposal.") == (
        "submit"
    )
    assert classify_action("Countries will be requested to submit information.") == "request"
    assert classify_action("The RNCOM requested the TS RCM to share the proposal.") == "request"


def test_it_was_agreed_the_following_is_an_approval():
    text = "On the topic of integration, it was agreed and concluded the following:"
    assert classify_action(text) == "approve"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Agradecer a México por la actualización.", "thank"),
        ("Tomar nota del informe de la ST.", "note"),
        ("Aceptar el Informe de Actividades y Financiero.", "accept"),
        ("Aprobar los informes de las Redes.", "approve"),
        ("Recomendar a los Viceministros la aprobación del presupuesto.", "recommend"),
        ("Instar a los Países Miembros a enviar sus aportes.", "urge"),
        ("Exhortar a los países a participar.", "urge"),
        ("Alentar a la CSM a continuar el diálogo.", "urge"),
        ("Solicitar a la ST que circule el documento.", "request"),
        ("Pedir a la PPT que convoque la reunión.", "request"),
        ("Presentar a los Viceministros la propuesta.", "submit"),
        ("Someter a consideración de los Viceministros el documento.", "submit"),
        ("Remitir a los países el borrador.", "submit"),
        ("Realizar un taller sobre trata de personas.", "hold"),
        ("Celebrar una reunión técnica.", "hold"),
        ("Llevar a cabo un seminario sobre migración laboral.", "hold"),
        ("Organizar un foro regional.", "hold"),
        ("Considerar la aprobación de la Guía.", "consider"),
        ("Felicitar a Costa Rica por su liderazgo.", "thank"),
        ("Reconocer los esfuerzos de Panamá.", "thank"),
    ],
)
def test_spanish_opening_verbs(text, action):
    assert classify_action(text, "es") == action


def test_spanish_impersonal_and_future_forms():
    assert classify_action("Se insta a los países a enviar la matriz.", "es") == "urge"
    assert classify_action("Se solicitará a los países enviar información.", "es") == "request"
    assert classify_action("La ST circulará el documento.", "es") == "submit"
    assert classify_action("Costa Rica organizará un taller.", "es") == "hold"


def test_a_spanish_noun_that_looks_like_a_verb_is_not_one():
    assert not opening_is_known("Informe de la ST sobre el Fondo.")


def test_an_unrecognised_opening_is_other():
    assert classify_action("Refugee status, asylum and forms of protection.") == "other"


# --- Responsible ---------------------------------------------------------------------------------


def test_the_subject_of_will_is_responsible_not_the_secretariat_it_writes_to():
    text = "Canada will send the TS the conceptual document in due course."
    assert responsible(text, ["CA", "TS"], "note") == ["CA"]


def test_the_agent_of_a_future_passive_is_responsible():
    text = "the proposal, which will be circulated by the TS for comments by Member Countries."
    assert responsible(text, [], "note") == ["TS"]


def test_thanks_and_notes_without_a_task_have_no_responsible():
    assert (
        responsible("To thank Guatemala and Honduras for their update.", ["GT", "HN"], "thank")
        == []
    )
    assert responsible("Take note of the proposal by Costa Rica.", ["CR"], "note") == []


def test_countries_will_means_all_eleven_members():
    assert responsible("Countries will think through RNCOM's work proposals.", [], "consider") == (
        MEMBERS
    )
    assert responsible("Los países enviarán a la ST sus informes.", [], "submit") == MEMBERS


def test_the_addressee_of_an_urge_is_responsible():
    assert responsible("To urge the RCM Member Countries to submit the information.") == MEMBERS
    assert responsible("To encourage the SACM to ensure that the dialogue continues.") == ["SACM"]
    assert responsible("Instar a los Países Miembros a realizar el pago.") == MEMBERS


def test_the_addressee_of_a_request_is_responsible():
    assert responsible("Solicitar a la ST que presente el informe.") == ["TS"]
    assert responsible("The RNCOM requested the TS RCM to share the proposal.") == ["TS"]


def test_who_committed_or_offered_is_responsible():
    assert responsible("Costa Rica committed to share its four protocols.") == ["CR"]
    assert responsible("Guatemala offered to consult about cosponsoring this event.") == ["GT"]
    assert responsible("Costa Rica se comprometió a compartir sus protocolos.") == ["CR"]


def test_several_subjects_are_all_responsible():
    text = "Belize and the Dominican Republic need more time to consult internally."
    assert responsible(text) == ["BZ", "DO"]


def test_a_secretariat_that_will_circulate_and_request_makes_both_responsible():
    text = "The TS will circulate the document and request Member Countries to submit their input."
    assert responsible(text) == ["TS", *MEMBERS]


def test_the_host_of_an_activity_to_be_held_is_responsible():
    text = "Workshop on Migration and Health, to be held in Costa Rica, with the support of Canada."
    assert responsible(text, [], "hold") == ["CR"]


def test_a_spanish_subject_with_a_future_verb_is_responsible():
    assert responsible("La RROCM enviará a la ST una propuesta.") == ["RNCOM"]
    assert responsible("documento que será circulado por la ST para comentarios.") == ["TS"]


# --- Names from the database ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_gazetteer_learns_names_recorded_in_the_database():
    from agreements.importer import Gazetteer
    from rcm.models import Country, Organisation

    Country.objects.create(code="HT", name_en="Haiti", name_es="Haití")
    Organisation.objects.create(
        acronym="OAS",
        acronym_es="OEA",
        name_en="Organization of American States",
        name_es="Organización de los Estados Americanos",
        kind="cooperating",
        aliases="Inter-American system\nSistema Interamericano",
    )
    Organisation.objects.create(acronym="RCM", name_en="Regional Conference", kind="body")
    gazetteer = Gazetteer.from_database()
    text = "Agradecer a Haití, a la OEA y al Sistema Interamericano en el marco de la CRM."
    assert gazetteer.find(text) == ["HT", "OAS"]
    assert gazetteer.find("the Presidency Pro Tempore and IOM") == ["PPT", "IOM"]
    assert responsible("To request the OAS to share its report.", gazetteer=gazetteer) == ["OAS"]


def test_supporting_a_proposal_is_approving_it():
    assert classify_action("To support the proposal of Mexico to hold a workshop.") == "approve"
    assert classify_action("Apoyar la propuesta de México.", "es") == "approve"


def test_acknowledging_receipt_is_accepting():
    assert classify_action("Dar por recibido el informe de la ST.", "es") == "accept"
    assert classify_action("Tomar conocimiento del informe.", "es") == "note"
