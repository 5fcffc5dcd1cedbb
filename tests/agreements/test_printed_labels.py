"""A meeting that numbers its conclusions and its recommendations each from 1 (San José 2013)
prints "Conclusion 1" and "Recommendation 1", never two items labelled "1"."""

import csv
import io

import pytest
from django.utils import translation

from agreements.models import Section
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conclusion_and_recommendation_1():
    meeting = MeetingFactory()
    return (
        AgreementFactory(meeting=meeting, section=Section.CONCLUSION, ref="1", text_en="Thank"),
        AgreementFactory(meeting=meeting, section=Section.RECOMMENDATION, ref="1", text_en="Urge"),
    )


def test_a_conclusion_and_a_recommendation_with_the_same_number_print_apart(
    conclusion_and_recommendation_1,
):
    conclusion, recommendation = conclusion_and_recommendation_1
    assert (conclusion.display_ref, recommendation.display_ref) == (
        "Conclusion 1",
        "Recommendation 1",
    )


def test_the_labels_read_in_spanish_on_a_spanish_page(conclusion_and_recommendation_1):
    conclusion, recommendation = conclusion_and_recommendation_1
    with translation.override("es"):
        assert (conclusion.display_ref, recommendation.display_ref) == (
            "Conclusión 1",
            "Recomendación 1",
        )


def test_a_working_groups_item_keeps_its_bare_reference():
    assert AgreementFactory.build(section=Section.WORKING_GROUP, ref="1.b").display_ref == "1.b"


def test_the_stored_reference_stays_the_documents(client, conclusion_and_recommendation_1):
    _conclusion, recommendation = conclusion_and_recommendation_1
    assert client.get(f"/api/v1/agreements/{recommendation.pk}/").json()["ref"] == "1"


def test_the_dashboard_table_tells_the_two_apart(client, conclusion_and_recommendation_1):
    text = client.get("/follow-up/").text
    assert ">Conclusion 1</a>" in text
    assert ">Recommendation 1</a>" in text


def test_the_export_tells_the_two_apart(client, conclusion_and_recommendation_1):
    content = b"".join(client.get("/follow-up/export.csv").streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content)))
    reference = lines[1].index("Reference")
    assert sorted(line[reference] for line in lines[2:]) == ["Conclusion 1", "Recommendation 1"]


def test_the_meeting_page_lists_them_under_their_sections_by_number(
    client, conclusion_and_recommendation_1
):
    conclusion, _recommendation = conclusion_and_recommendation_1
    text = client.get(f"/meetings/{conclusion.meeting.pk}/").text
    assert "<h3>Conclusions</h3>" in text or "<h3>Conclusion</h3>" in text
    assert 'class="ref"' in text and ">1</a>" in text
