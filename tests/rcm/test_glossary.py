"""Acronyms on the public pages come written out in <abbr> titles, in the reader's language."""

import pytest
from django.utils import translation

from meetings.models import MeetingKind
from rcm.glossary import expand
from tests.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_known_acronym_is_written_out():
    assert expand("XXVI RCGM") == (
        'XXVI <abbr title="Regional Consultation Group on Migration">RCGM</abbr>'
    )


def test_the_expansion_is_in_the_readers_language():
    with translation.override("es"):
        assert 'title="Secretaría Técnica">ST</abbr>' in expand("Encargar a la ST")


def test_the_text_around_an_acronym_is_escaped():
    assert expand("<b>TS</b>") == (
        '&lt;b&gt;<abbr title="Technical Secretariat">TS</abbr>&lt;/b&gt;'
    )


def test_a_part_of_a_word_or_of_a_code_is_left_alone():
    assert expand("TSUNAMI LN-TS WG-PPT") == "TSUNAMI LN-TS WG-PPT"


def test_the_agreement_page_writes_out_the_acronyms_of_its_text(client):
    agreement = AgreementFactory(text_en="To instruct the TS to report to the RNCOM.")
    text = client.get(f"/agreements/{agreement.pk}/").text
    assert '<abbr title="Technical Secretariat">TS</abbr>' in text
    assert 'title="Regional Network for Civil Organizations on Migration">RNCOM</abbr>' in text


@pytest.mark.parametrize("url", ["/meetings/", "/follow-up/", "/search/?q=migration"])
def test_meeting_names_on_the_lists_write_out_their_acronyms(client, url):
    meeting = MeetingFactory(kind=MeetingKind.RCGM)
    AgreementFactory(meeting=meeting, text_en="To support migration policy.")
    html = client.get(url).content.decode()
    assert '<abbr title="Regional Consultation Group on Migration">RCGM</abbr>' in html
