"""Public pages cite a record's source by the document's title, not the file it was loaded from."""

import pytest

from rcm.citations import readable
from tests.factories import MeetingFactory


def test_a_seed_file_is_cited_by_its_documents_title_without_line_numbers():
    source = (
        "seed: rcm-15-years-publication-2011.txt, section I 'Countries with Observer Status' "
        "(line 169)"
    )
    assert readable(source) == (
        "“Regional Conference on Migration – 15 Years” (Technical Secretariat, October 2011), "
        "section I 'Countries with Observer Status'"
    )


def test_the_facts_file_is_cited_as_published_public_records():
    assert readable("FACTS.md, Meetings beyond the seeds: XIX RCM, Managua") == (
        "published public records: XIX RCM, Managua"
    )


def test_an_unknown_source_is_left_as_it_is():
    assert (
        readable("Joint communiqué of the XX RCM, item 4")
        == "Joint communiqué of the XX RCM, item 4"
    )


@pytest.mark.django_db
def test_the_meeting_page_cites_the_document_in_the_readers_language(client):
    meeting = MeetingFactory(
        source=(
            "seed: rcgm-2013-11-san-jose-conclusions.txt, imported with import_record and reviewed"
        )
    )
    spanish = client.get(f"/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="es").text
    assert "seed:" not in spanish
    assert "conclusiones y recomendaciones del GRCM, San José" in spanish
    assert "revisado por la ST" in spanish
