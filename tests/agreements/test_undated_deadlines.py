"""A deadline worded without a date ("as soon as possible") reads in the page's language: the
records keep the words as written, in whichever language the source used."""

import pytest
from django.utils import translation

from agreements.templatetags.agreement_display import deadline
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("as_written", "spanish"),
    [
        ("as soon as possible", "lo antes posible"),
        ("As soon as possible.", "lo antes posible"),
        ("a la brevedad posible", "lo antes posible"),
        ("in due course", "oportunamente"),
        ("on a date to be determined", "en una fecha por determinar"),
        ("one month in advance", "con un mes de antelación"),
    ],
)
def test_a_common_undated_deadline_reads_in_spanish_on_a_spanish_page(as_written, spanish):
    agreement = AgreementFactory(deadline=None, deadline_text=as_written)
    with translation.override("es"):
        assert spanish in deadline(agreement, "SHORT_DATE_FORMAT")


def test_a_spanish_undated_deadline_reads_in_english_on_an_english_page():
    agreement = AgreementFactory(deadline=None, deadline_text="a la brevedad posible")
    with translation.override("en"):
        assert "as soon as possible" in deadline(agreement, "SHORT_DATE_FORMAT")


def test_an_uncommon_wording_is_shown_as_written():
    agreement = AgreementFactory(deadline=None, deadline_text="before the rainy season")
    with translation.override("es"):
        assert "before the rainy season" in deadline(agreement, "SHORT_DATE_FORMAT")
