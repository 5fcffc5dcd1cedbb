"""Search over both languages, accents folded, saying when the other language has results."""

import pytest
from django.db.models import TextField, Value
from django.db.models.functions import Cast

from rcm.models import Visibility
from rcm.search import ACCENTED, Folded, fold, other_language_words
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def found_agreements(client, q: str) -> list[str]:
    return [
        agreement.text_en
        for agreement in client.get("/search/", {"q": q}).context["results"]["agreements"]
    ]


def test_the_database_folds_accents_as_python_does():
    from meetings.models import Meeting

    MeetingFactory()
    folded = Meeting.objects.annotate(f=Folded(Cast(Value(ACCENTED), TextField()))).values_list(
        "f", flat=True
    )[0]
    assert folded == fold(ACCENTED)


def test_a_query_without_accents_finds_the_spanish_text_with_them(client):
    AgreementFactory(text_en="One", text_es="Proteger a los niños migrantes no acompañados.")
    assert found_agreements(client, "ninos") == ["One"]
    assert found_agreements(client, "niños") == ["One"]


def test_an_accented_query_finds_the_english_text_without_accents(client):
    AgreementFactory(text_en="To hold the workshop in Mexico City.")
    assert found_agreements(client, "México") == ["To hold the workshop in Mexico City."]


def test_a_meeting_is_found_by_its_spanish_name_without_accents(client):
    MeetingFactory(name_en="Regional seminar", name_es="Seminario regional sobre migración")
    meetings = client.get("/search/", {"q": "migracion"}).context["results"]["meetings"]
    assert [meeting.name_en for meeting in meetings] == ["Regional seminar"]


def test_a_spanish_query_says_when_english_results_exist(client):
    AgreementFactory(text_en="To protect unaccompanied migrant children.")
    response = client.get("/search/", {"q": "niños"})
    assert found_agreements(client, "niños") == []
    assert response.context["hint"] == {"language": "en", "words": "children", "count": 1}
    assert "There are results in English: 1 record matches “children”" in response.text
    assert 'href="?q=children"' in response.text


def test_an_english_query_says_when_spanish_results_exist(client):
    AgreementFactory(text_en="", text_es="Proteger a las mujeres migrantes.")
    response = client.get("/search/", {"q": "women"})
    assert response.context["hint"] == {"language": "es", "words": "mujeres", "count": 1}


def test_no_word_in_the_other_language_no_hint(client):
    AgreementFactory(text_en="To urge the payment of contributions.")
    assert client.get("/search/", {"q": "Guatemala"}).context["hint"] is None


def test_the_hint_counts_only_what_the_reader_may_see(client):
    AgreementFactory(visibility=Visibility.MEMBERS, text_en="A confidential review on children.")
    assert client.get("/search/", {"q": "niños"}).context["hint"] is None


def test_the_hint_adds_one_query(client, django_assert_num_queries):
    AgreementFactory(text_en="To protect migrant children.")
    # the agreements with their headlines; the instruments and meetings together; the count of
    # the records that match the English words.
    # + the records' version: the key of the kept page (rcm.records_cache)
    with django_assert_num_queries(4):
        client.get("/search/", {"q": "niños"})


def test_the_other_languages_words_keep_names_and_numbers():
    assert other_language_words("niños migrantes Guatemala 2014") == (
        "en",
        "children migrants Guatemala 2014",
    )
    assert other_language_words("derechos humanos") == ("en", "human rights")
    assert other_language_words("trafficking") == ("es", "trata")
    assert other_language_words("Guatemala") is None
